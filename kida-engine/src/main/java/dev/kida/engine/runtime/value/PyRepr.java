package dev.kida.engine.runtime.value;

import dev.kida.api.Markup;

import java.lang.reflect.Array;
import java.math.BigInteger;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Python's {@code str()} and {@code repr()} of template values. */
public final class PyRepr {
    private PyRepr() {
    }

    /** Python's {@code str()}. */
    public static String str(Object v) {
        // An if-chain, not a pattern switch: that would link through SwitchBootstraps.typeSwitch,
        // which spins a class at its first use in every process (docs/performance.md, "Cold start").
        if (v == null) {
            return "None";
        }
        if (v instanceof String s) {
            return s;
        }
        if (v instanceof Markup m) {
            return m.toString();
        }
        if (v instanceof Undefined u) {
            return u.str();
        }
        if (v instanceof Boolean b) {
            return b ? "True" : "False";
        }
        if (v instanceof Double d) {
            return FloatFormat.repr(d);
        }
        if (v instanceof Float f) {
            return FloatFormat.repr(f);
        }
        if (v instanceof Long l) {
            return l.toString();
        }
        if (v instanceof BigInteger b) {
            return PyNumbers.decimal(b);
        }
        if (v instanceof Map<?, ?> || v instanceof Collection<?>) {
            return repr(v);
        }
        if (v instanceof Optional<?> o) {
            return o.isPresent() ? str(o.get()) : "None";
        }
        return v.getClass().isArray() ? repr(v) : printable(v);
    }

    /**
     * {@code str()} of any other object: its {@code toString()}, once the access policy has
     * checked that it is not, and (for a record) holds nothing of, a refused type.
     */
    private static String printable(Object v) {
        Sandbox sandbox = Sandbox.current();
        if (sandbox != null) {
            sandbox.checkPrint(v);
        }
        AccessPolicy.checkDeep(v);
        if (v.getClass().isHidden() || v.getClass().isSynthetic()) {
            // a lambda's toString is its generated class name: say what it is instead
            return "<function>";
        }
        return v.toString();
    }

    /** Python's {@code repr()}. */
    public static String repr(Object v) {
        StringBuilder sb = new StringBuilder();
        appendRepr(sb, v, new IdentityHashMap<>());
        return sb.toString();
    }

    /** Python's {@code ascii()}: the repr with every non-ASCII code point escaped. */
    public static String ascii(Object v) {
        String repr = repr(v);
        StringBuilder sb = new StringBuilder(repr.length());
        repr.codePoints().forEach(cp -> {
            if (cp < 0x80) {
                sb.append((char) cp);
            } else {
                escapeCodePoint(sb, cp);
            }
        });
        return sb.toString();
    }

    private static void appendRepr(StringBuilder sb, Object v, IdentityHashMap<Object, Boolean> seen) {
        switch (v) {
            case null -> sb.append("None");
            case String s -> appendStringRepr(sb, s);
            case Markup m -> {
                sb.append("Markup(");
                appendStringRepr(sb, m.toString());
                sb.append(')');
            }
            case Undefined u -> sb.append("Undefined");
            case Boolean b -> sb.append(b ? "True" : "False");
            case Double d -> sb.append(FloatFormat.repr(d));
            case Float f -> sb.append(FloatFormat.repr(f));
            case BigInteger b -> sb.append(PyNumbers.decimal(b));
            case Map<?, ?> m -> {
                if (seen.put(m, Boolean.TRUE) != null) {
                    sb.append("{...}");
                    return;
                }
                sb.append('{');
                boolean first = true;
                for (Map.Entry<?, ?> e : m.entrySet()) {
                    if (!first) {
                        sb.append(", ");
                    }
                    first = false;
                    appendRepr(sb, e.getKey(), seen);
                    sb.append(": ");
                    appendRepr(sb, e.getValue(), seen);
                }
                sb.append('}');
                seen.remove(m);
            }
            case Range r -> sb.append(r);
            case DictView d -> {
                sb.append(d.kind()).append("([");
                appendItems(sb, d, seen);
                sb.append("])");
            }
            case Tuple t -> {
                sb.append('(');
                appendItems(sb, t, seen);
                if (t.size() == 1) {
                    sb.append(',');
                }
                sb.append(')');
            }
            case Set<?> s -> {
                if (s.isEmpty()) {
                    sb.append("set()");
                    return;
                }
                sb.append('{');
                appendItems(sb, s, seen);
                sb.append('}');
            }
            case Collection<?> c -> {
                if (seen.put(c, Boolean.TRUE) != null) {
                    sb.append("[...]");
                    return;
                }
                sb.append('[');
                appendItems(sb, c, seen);
                sb.append(']');
                seen.remove(c);
            }
            default -> {
                if (v.getClass().isArray()) {
                    sb.append('[');
                    int n = Array.getLength(v);
                    for (int i = 0; i < n; i++) {
                        if (i > 0) {
                            sb.append(", ");
                        }
                        appendRepr(sb, Array.get(v, i), seen);
                    }
                    sb.append(']');
                } else {
                    sb.append(str(v));
                }
            }
        }
    }

    private static void appendItems(StringBuilder sb, Collection<?> items, IdentityHashMap<Object, Boolean> seen) {
        boolean first = true;
        for (Object o : items) {
            if (!first) {
                sb.append(", ");
            }
            first = false;
            appendRepr(sb, o, seen);
        }
    }

    /** Python's string repr: single quotes unless the text has a ' and no ". */
    public static void appendStringRepr(StringBuilder sb, String s) {
        char quote = (s.indexOf('\'') >= 0 && s.indexOf('"') < 0) ? '"' : '\'';
        sb.append(quote);
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            i += Character.charCount(cp);
            switch (cp) {
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> {
                    if (cp == quote) {
                        sb.append('\\').append(quote);
                    } else if (isPrintable(cp)) {
                        sb.appendCodePoint(cp);
                    } else {
                        escapeCodePoint(sb, cp);
                    }
                }
            }
        }
        sb.append(quote);
    }

    /** Python's str.isprintable() for one code point. */
    static boolean isPrintable(int cp) {
        if (cp == ' ') {
            return true;
        }
        return switch (Character.getType(cp)) {
            case Character.CONTROL, Character.FORMAT, Character.SURROGATE, Character.PRIVATE_USE,
                 Character.UNASSIGNED, Character.LINE_SEPARATOR, Character.PARAGRAPH_SEPARATOR,
                 Character.SPACE_SEPARATOR -> false;
            default -> true;
        };
    }

    /** Python's hex escape of a code point: two, four or eight digits, by its size. */
    private static void escapeCodePoint(StringBuilder sb, int cp) {
        if (cp < 0x100) {
            sb.append(String.format("\\x%02x", cp));
        } else if (cp < 0x10000) {
            sb.append(String.format("\\u%04x", cp));
        } else {
            sb.append(String.format("\\U%08x", cp));
        }
    }
}
