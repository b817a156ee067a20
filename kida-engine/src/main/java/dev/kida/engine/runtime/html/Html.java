package dev.kida.engine.runtime.html;

import dev.kida.engine.runtime.value.PyRepr;
import dev.kida.api.CallContext;
import dev.kida.api.HtmlSafe;
import dev.kida.api.Markup;
import dev.kida.api.escape.HtmlEscapes;

/** MarkupSafe's {@code escape()} and {@code soft_str()} for the runtime's own use. */
public final class Html {
    private Html() {
    }

    /** Escapes a value to Markup; HtmlSafe values (Markup included) pass through unchanged. */
    public static Markup escape(Object value, CallContext ctx) {
        if (value instanceof Markup m) {
            return m;
        }
        if (value instanceof HtmlSafe h) {
            return Markup.of(h.toHtml());
        }
        if (ctx != null) {
            return ctx.escape(value);
        }
        // No render, so no chosen backend: the rule itself, which every backend must equal.
        String text = PyRepr.str(value);
        int first = HtmlEscapes.firstSpecial(text);
        if (first < 0) {
            return Markup.of(text);
        }
        StringBuilder out = new StringBuilder(text.length() + 16).append(text, 0, first);
        HtmlEscapes.escapeTo(text, first, text.length(), out);
        return Markup.of(out.toString());
    }

    /** Escapes without a context (the pure-Java escaper). */
    public static Markup escape(Object value) {
        return escape(value, null);
    }

    /** Whether a value is safe HTML already (Python's {@code hasattr(x, '__html__')}). */
    public static boolean isSafe(Object value) {
        return value instanceof HtmlSafe;
    }

    /** The text of a str-like value: Markup's HTML, String itself. */
    public static String text(Object value) {
        if (value instanceof HtmlSafe h) {
            return h.toHtml();
        }
        return PyRepr.str(value);
    }
}
