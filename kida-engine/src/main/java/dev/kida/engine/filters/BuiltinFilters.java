package dev.kida.engine.filters;

import dev.kida.api.Filter;

import java.util.Map;

/** The built-in filters. (Contract stub: the runtime helper fills it in.) */
public final class BuiltinFilters {
    private BuiltinFilters() {
    }

    public static Map<String, Filter> all() {
        return Map.of();
    }
}
