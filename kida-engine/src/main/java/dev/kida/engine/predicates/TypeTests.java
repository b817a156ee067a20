package dev.kida.engine.predicates;

import dev.kida.api.HtmlSafe;
import dev.kida.api.Markup;
import dev.kida.api.Test;
import dev.kida.engine.runtime.value.PyNumbers;
import dev.kida.engine.runtime.value.Undefined;
import dev.kida.engine.runtime.Values;

import java.util.Collection;
import java.util.Map;

/** Tests of what kind a value is: defined, none, boolean, number, string, mapping, iterable... */
final class TypeTests {
    private TypeTests() {
    }

    static void register(Map<String, Test> m) {
        m.put("defined", (ctx, v, a) -> {
            a.check("defined");
            return !(v instanceof Undefined);
        });
        m.put("undefined", (ctx, v, a) -> {
            a.check("undefined");
            return v instanceof Undefined;
        });
        m.put("none", (ctx, v, a) -> {
            a.check("none");
            return v == null;
        });
        m.put("boolean", (ctx, v, a) -> {
            a.check("boolean");
            return v instanceof Boolean;
        });
        m.put("true", (ctx, v, a) -> {
            a.check("true");
            return Boolean.TRUE.equals(v);
        });
        m.put("false", (ctx, v, a) -> {
            a.check("false");
            return Boolean.FALSE.equals(v);
        });
        m.put("integer", (ctx, v, a) -> {
            a.check("integer");
            return PyNumbers.isInt(v);
        });
        m.put("float", (ctx, v, a) -> {
            a.check("float");
            return PyNumbers.isFloat(v);
        });
        m.put("number", (ctx, v, a) -> {
            a.check("number");
            return PyNumbers.isNumber(v) || v instanceof java.math.BigDecimal;
        });
        m.put("string", (ctx, v, a) -> {
            a.check("string");
            return v instanceof String || v instanceof Markup;
        });
        m.put("mapping", (ctx, v, a) -> {
            a.check("mapping");
            return v instanceof Map<?, ?>;
        });
        m.put("sequence", (ctx, v, a) -> {
            a.check("sequence");
            // len() and __getitem__: a lenient undefined has both, a strict one fails len()
            return v instanceof CharSequence || v instanceof Collection<?> || v instanceof Map<?, ?>
                    || (v != null && v.getClass().isArray()) || (v instanceof Undefined u && u.lenient());
        });
        m.put("iterable", (ctx, v, a) -> {
            a.check("iterable");
            if (v instanceof Undefined u && !u.lenient()) {
                // StrictUndefined's __iter__ raises UndefinedError, which iter() lets through
                throw u.fail();
            }
            try {
                Values.iterate(v);
                return true;
            } catch (dev.kida.api.TemplateTypeException e) {
                return false;
            }
        });
        m.put("callable", (ctx, v, a) -> {
            a.check("callable");
            return Values.isCallable(v) || v instanceof Undefined;
        });
        m.put("escaped", (ctx, v, a) -> {
            a.check("escaped");
            // ChainableUndefined has __html__
            return v instanceof HtmlSafe || v instanceof Undefined u && u.kind() == dev.kida.api.UndefinedKind.CHAINABLE;
        });
    }
}
