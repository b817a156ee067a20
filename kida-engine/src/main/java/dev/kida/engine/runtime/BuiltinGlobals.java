package dev.kida.engine.runtime;

import java.util.Map;

/** The built-in globals. (Contract stub: the runtime helper fills it in.) */
public final class BuiltinGlobals {
    private BuiltinGlobals() {
    }

    public static Map<String, Object> all() {
        return Map.of();
    }
}
