package dev.kida.engine.predicates;

import dev.kida.api.Test;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** Jinja2 3.1's built-in tests by name, including the operator aliases ({@code ==}, {@code <}...). */
public final class BuiltinTests {
    private BuiltinTests() {
    }

    private static final Map<String, Test> ALL = build();

    /** Every built-in test by name. */
    public static Map<String, Test> all() {
        return ALL;
    }

    private static Map<String, Test> build() {
        Map<String, Test> m = new LinkedHashMap<>();
        TypeTests.register(m);
        ValueTests.register(m);
        ComparisonTests.register(m);
        KidaTests.register(m);
        // A read-only view, not Map.copyOf: hashing every entry again into a new table is work a
        // fresh JVM's interpreter does at every start (~0.3 ms for the built-ins;
        // docs/performance.md, "Cold start", session 20), and lookups are as fast either way.
        return Collections.unmodifiableMap(m);
    }
}
