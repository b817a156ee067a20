package dev.kida.engine.filters;

import dev.kida.api.Markup;
import dev.kida.api.TemplateTypeException;
import dev.kida.engine.runtime.value.Undefined;
import dev.kida.engine.runtime.Values;

import java.util.function.UnaryOperator;

/** MarkupSafe's {@code soft_str} and helpers to apply str operations that keep Markup as Markup. */
final class Texts {
    private Texts() {
    }

    /** {@code soft_str}: Markup stays Markup; anything else becomes its str(). */
    static Object softStr(Object v) {
        if (v instanceof Markup) {
            return v;
        }
        return Values.str(v);
    }

    /** Applies a str operation to soft_str(v), wrapping the result as Markup when v is Markup. */
    static Object map(Object v, UnaryOperator<String> op) {
        if (v instanceof Markup m) {
            return Markup.of(op.apply(m.toString()));
        }
        return op.apply(Values.str(v));
    }

    /** An int argument (bool accepted, as Python does). */
    static int intArg(Object v, String filter) {
        long l = dev.kida.engine.runtime.StrMethods.intArg(v, filter);
        return (int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, l));
    }

    /** A str argument: str or Markup, else TypeError. */
    static String strArg(Object v, String what) {
        if (v instanceof Undefined u) {
            throw u.fail();
        }
        if (v instanceof String || v instanceof Markup) {
            return v.toString();
        }
        throw new TemplateTypeException(what + " must be str, not " + Values.typeName(v));
    }
}
