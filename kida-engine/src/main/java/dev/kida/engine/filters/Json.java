package dev.kida.engine.filters;

import dev.kida.api.Arguments;
import dev.kida.api.CallContext;
import dev.kida.api.Markup;
import dev.kida.api.TemplateTypeException;
import dev.kida.engine.runtime.value.FloatFormat;
import dev.kida.engine.runtime.value.PyNumbers;
import dev.kida.engine.runtime.value.Undefined;
import dev.kida.engine.runtime.Values;

import java.lang.reflect.Array;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * The {@code tojson} filter: Python's {@code json.dumps(value, sort_keys=True, indent=indent)}
 * with ensure_ascii, then {@code < > & '} written as {@code \\u003c}... so the result is safe in
 * HTML and returned as Markup.
 */
final class Json {
    private Json() {
    }

    static Object tojson(CallContext ctx, Object value, Arguments a) {
        a.check("tojson", "indent");
        Object indentObj = a.get(0, "indent", null);
        String indent = null;
        if (indentObj instanceof String s) {
            indent = s;
        } else if (indentObj != null) {
            indent = " ".repeat(Math.max(0, Texts.intArg(indentObj, "tojson")));
        }
        StringBuilder sb = new StringBuilder();
        write(sb, value, indent, 0);
        String json = sb.toString();
        StringBuilder safe = new StringBuilder(json.length());
        for (int i = 0; i < json.length(); i++) {
            char c = json.charAt(i);
            switch (c) {
                case '<' -> safe.append("\\u003c");
                case '>' -> safe.append("\\u003e");
                case '&' -> safe.append("\\u0026");
                case '\'' -> safe.append("\\u0027");
                default -> safe.append(c);
            }
        }
        return Markup.of(safe.toString());
    }

    /** Python's json.dumps with sort_keys=True and ensure_ascii=True. */
    static void write(StringBuilder sb, Object v, String indent, int level) {
        switch (v) {
            case null -> sb.append("null");
            case Undefined u -> throw new TemplateTypeException("Object of type " + Values.typeName(u)
                    + " is not JSON serializable");
            case Boolean b -> sb.append(b ? "true" : "false");
            case String s -> string(sb, s);
            case Markup m -> string(sb, m.toString());
            case Map<?, ?> m -> object(sb, m, indent, level);
            case Collection<?> c -> array(sb, new ArrayList<>(c), indent, level);
            default -> {
                if (PyNumbers.isIntegral(v)) {
                    Object n = PyNumbers.canonicalInt(v);
                    sb.append(n instanceof java.math.BigInteger b ? PyNumbers.decimal(b) : n);
                } else if (PyNumbers.isFloat(v)) {
                    double d = PyNumbers.toDouble(v);
                    sb.append(Double.isNaN(d) ? "NaN" : Double.isInfinite(d) ? (d > 0 ? "Infinity" : "-Infinity")
                            : FloatFormat.repr(d));
                } else if (v.getClass().isArray()) {
                    array(sb, Values.toList(v), indent, level);
                } else {
                    throw new TemplateTypeException("Object of type " + Values.typeName(v) + " is not JSON serializable");
                }
            }
        }
    }

    private static void newline(StringBuilder sb, String indent, int level) {
        sb.append('\n');
        sb.append(indent.repeat(level));
    }

    private static void array(StringBuilder sb, List<Object> items, String indent, int level) {
        if (items.isEmpty()) {
            sb.append("[]");
            return;
        }
        sb.append('[');
        for (int i = 0; i < items.size(); i++) {
            if (i > 0) {
                sb.append(indent == null ? ", " : ",");
            }
            if (indent != null) {
                newline(sb, indent, level + 1);
            }
            write(sb, items.get(i), indent, level + 1);
        }
        if (indent != null) {
            newline(sb, indent, level);
        }
        sb.append(']');
    }

    private static void object(StringBuilder sb, Map<?, ?> m, String indent, int level) {
        if (m.isEmpty()) {
            sb.append("{}");
            return;
        }
        List<Object[]> entries = new ArrayList<>();
        for (Map.Entry<?, ?> e : m.entrySet()) {
            entries.add(new Object[]{e.getKey(), keyString(e.getKey()), e.getValue()});
        }
        // sort_keys sorts the original keys, so mixed key types raise as in Python
        entries.sort((x, y) -> Values.compare(x[0], y[0]));
        sb.append('{');
        for (int i = 0; i < entries.size(); i++) {
            if (i > 0) {
                sb.append(indent == null ? ", " : ",");
            }
            if (indent != null) {
                newline(sb, indent, level + 1);
            }
            string(sb, (String) entries.get(i)[1]);
            sb.append(": ");
            write(sb, entries.get(i)[2], indent, level + 1);
        }
        if (indent != null) {
            newline(sb, indent, level);
        }
        sb.append('}');
    }

    private static String keyString(Object k) {
        if (k instanceof String || k instanceof Markup) {
            return k.toString();
        }
        if (k == null) {
            return "null";
        }
        if (k instanceof Boolean b) {
            return b ? "true" : "false";
        }
        if (PyNumbers.isIntegral(k)) {
            Object n = PyNumbers.canonicalInt(k);
            return n instanceof java.math.BigInteger b ? PyNumbers.decimal(b) : n.toString();
        }
        if (PyNumbers.isFloat(k)) {
            double d = PyNumbers.toDouble(k);
            return Double.isNaN(d) ? "NaN" : Double.isInfinite(d) ? (d > 0 ? "Infinity" : "-Infinity") : FloatFormat.repr(d);
        }
        throw new TemplateTypeException("keys must be str, int, float, bool or None, not " + Values.typeName(k));
    }

    private static void string(StringBuilder sb, String s) {
        sb.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                case '\b' -> sb.append("\\b");
                case '\f' -> sb.append("\\f");
                default -> {
                    if (c < 0x20 || c > 0x7e) {
                        sb.append(String.format("\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        sb.append('"');
    }
}
