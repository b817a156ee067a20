package dev.kida.engine.filters;

import dev.kida.api.Filter;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Jinja2 3.1's built-in filters by name, with their aliases ({@code e}, {@code d}, {@code count}),
 * and the filters Kida adds (see {@link KidaFilters}).
 */
public final class BuiltinFilters {
    private BuiltinFilters() {
    }

    private static final Map<String, Filter> ALL = build();

    /** Every built-in filter by name. */
    public static Map<String, Filter> all() {
        return ALL;
    }

    private static Map<String, Filter> build() {
        Map<String, Filter> m = new LinkedHashMap<>();
        StringFilters.register(m);
        HtmlFilters.register(m);
        NumberFilters.register(m);
        SequenceFilters.register(m);
        SortingFilters.register(m);
        SelectFilters.register(m);
        KidaFilters.register(m);
        m.put("tojson", Json::tojson);
        m.put("urlize", Urlize::filter);
        m.put("wordwrap", TextWrap::filter);
        m.put("pprint", (ctx, v, a) -> {
            a.check("pprint");
            return PrettyPrint.pformat(v);
        });
        // A read-only view, not Map.copyOf: hashing every entry again into a new table is work a
        // fresh JVM's interpreter does at every start (~0.3 ms for the built-ins;
        // docs/performance.md, "Cold start", session 20), and lookups are as fast either way.
        return Collections.unmodifiableMap(m);
    }
}
