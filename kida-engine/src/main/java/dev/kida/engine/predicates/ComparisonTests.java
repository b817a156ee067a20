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

    static void register(Map<String, Test> m) {
        alias(m, (ctx, v, a) -> {
            a.check("eq", "b");
            return Values.eq(v, a.require(0, "b"));
        }, "eq", "==", "equalto");
        alias(m, (ctx, v, a) -> {
            a.check("ne", "b");
            return !Values.eq(v, a.require(0, "b"));
        }, "ne", "!=");
        alias(m, (ctx, v, a) -> {
            a.check("lt", "b");
            return Values.compare(v, a.require(0, "b"), "<");
        }, "lt", "<", "lessthan");
        alias(m, (ctx, v, a) -> {
            a.check("le", "b");
            return Values.compare(v, a.require(0, "b"), "<=");
        }, "le", "<=");
        alias(m, (ctx, v, a) -> {
            a.check("gt", "b");
            return Values.compare(v, a.require(0, "b"), ">");
        }, "gt", ">", "greaterthan");
        alias(m, (ctx, v, a) -> {
            a.check("ge", "b");
            return Values.compare(v, a.require(0, "b"), ">=");
        }, "ge", ">=");
        m.put("in", (ctx, v, a) -> {
            a.check("in", "seq");
            return Values.contains(a.require(0, "seq"), v);
        });
    }
}
