package dev.kida.engine.predicates;

import dev.kida.api.Test;

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
        return Map.copyOf(m);
    }
}
