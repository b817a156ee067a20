package dev.kida.engine.predicates;

import dev.kida.api.Test;
import dev.kida.engine.runtime.Values;

import java.util.Map;

/** The comparison tests and their aliases: eq/==/equalto, ne/!=, lt/</lessthan, le/<=, gt/>/greaterthan, ge/>=, in. */
final class ComparisonTests {
    private ComparisonTests() {
    }

    private static void alias(Map<String, Test> m, Test t, String... names) {
        for (String n : names) {
            m.put(n, t);
        }
    }

    /** The test {@code name}: {@code value <op> b}. */
    private static Test ordering(String name, String op) {
        return (ctx, v, a) -> {
            a.check(name, "b");
            return Values.compare(v, a.require(0, "b"), op);
        };
    }

    static void register(Map<String, Test> m) {
        alias(m, (ctx, v, a) -> {
            a.check("eq", "b");
            return Values.eq(v, a.require(0, "b"));
        }, "eq", "==", "equalto");
        alias(m, (ctx, v, a) -> {
            a.check("ne", "b");
            return !Values.eq(v, a.require(0, "b"));
        }, "ne", "!=");
        alias(m, ordering("lt", "<"), "lt", "<", "lessthan");
        alias(m, ordering("le", "<="), "le", "<=");
        alias(m, ordering("gt", ">"), "gt", ">", "greaterthan");
        alias(m, ordering("ge", ">="), "ge", ">=");
        m.put("in", (ctx, v, a) -> {
            a.check("in", "seq");
            return Values.contains(a.require(0, "seq"), v);
        });
    }
}
