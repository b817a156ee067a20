package dev.kida.engine.predicates;

import dev.kida.api.CallContext;
import dev.kida.api.Test;
import dev.kida.engine.runtime.NameRegistry;
import dev.kida.engine.runtime.value.PyNumbers;
import dev.kida.engine.runtime.text.StrOperations;
import dev.kida.engine.runtime.value.Undefined;
import dev.kida.engine.runtime.Values;

import java.util.Map;

/** Tests of a value's content: odd, even, divisibleby, lower, upper, and the filter/test names. */
final class ValueTests {
    private ValueTests() {
    }

    private static Object intValue(Object v) {
        if (v instanceof Undefined u) {
            throw u.fail();
        }
        return v;
    }

    static void register(Map<String, Test> m) {
        m.put("odd", (ctx, v, a) -> {
            a.check("odd");
            return Values.eq(Values.mod(intValue(v), 2L), 1L);
        });
        m.put("even", (ctx, v, a) -> {
            a.check("even");
            return Values.eq(Values.mod(intValue(v), 2L), 0L);
        });
        m.put("divisibleby", (ctx, v, a) -> {
            a.check("divisibleby", "num");
            return Values.eq(Values.mod(intValue(v), a.require(0, "num")), 0L);
        });
        m.put("lower", (ctx, v, a) -> {
            a.check("lower");
            return StrOperations.isLower(Values.str(v));
        });
        m.put("upper", (ctx, v, a) -> {
            a.check("upper");
            return StrOperations.isUpper(Values.str(v));
        });
        m.put("filter", (ctx, v, a) -> {
            a.check("filter");
            String name = registryKey(v);
            return name != null && registry(ctx).hasFilter(name);
        });
        m.put("test", (ctx, v, a) -> {
            a.check("test");
            String name = registryKey(v);
            return name != null && registry(ctx).hasTest(name);
        });
        m.put("sameas", (ctx, v, a) -> {
            a.check("sameas", "other");
            return sameAs(v, a.require(0, "other"));
        });
    }

    private static NameRegistry registry(CallContext ctx) {
        if (ctx instanceof NameRegistry r) {
            return r;
        }
        throw new IllegalStateException("the filter and test tests need the engine's CallContext, got " + ctx.getClass().getName());
    }

    /**
     * Python's {@code is}: identity. Java boxes values afresh, so None, booleans and the small
     * ints CPython caches (-5..256) count as identical when equal, like they are in CPython; so do
     * the empty string and the one-character Latin-1 strings, which CPython keeps as singletons.
     */
    static boolean sameAs(Object a, Object b) {
        if (a == b) {
            return true;
        }
        if (a instanceof Boolean x && b instanceof Boolean y) {
            return x.equals(y);
        }
        if (PyNumbers.isInt(a) && PyNumbers.isInt(b) && !PyNumbers.isBig(a) && !PyNumbers.isBig(b)) {
            long x = PyNumbers.toLong(a);
            return x == PyNumbers.toLong(b) && x >= -5 && x <= 256;
        }
        if (a instanceof String x && b instanceof String y) {
            return x.equals(y) && (x.isEmpty() || x.length() == 1 && x.charAt(0) < 256);
        }
        return false;
    }

    /**
     * The name to look up for Jinja2's {@code value in environment.filters}: strings (Markup too)
     * are keys; other hashable values are simply absent; an unhashable value is a TypeError.
     */
    private static String registryKey(Object v) {
        if (v instanceof dev.kida.engine.runtime.value.Undefined u && !u.lenient()) {
            throw u.fail();
        }
        if (v instanceof String || v instanceof dev.kida.api.Markup) {
            return v.toString();
        }
        dev.kida.engine.runtime.value.PyTypes.requireHashable(v);
        return null;
    }
}
