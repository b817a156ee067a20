package dev.kida.engine.tests;

import dev.kida.api.Test;

import java.util.Map;

/** The built-in tests. (Contract stub: the runtime helper fills it in.) */
public final class BuiltinTests {
    private BuiltinTests() {
    }

    public static Map<String, Test> all() {
        return Map.of();
    }
}
