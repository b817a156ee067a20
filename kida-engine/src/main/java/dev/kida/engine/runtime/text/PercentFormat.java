package dev.kida.engine.runtime.text;

import dev.kida.engine.runtime.value.Budget;
import dev.kida.engine.runtime.value.FloatFormat;
import dev.kida.engine.runtime.value.PyNumbers;
import dev.kida.engine.runtime.value.PyRepr;
import dev.kida.engine.runtime.value.PyTypes;
import dev.kida.engine.runtime.value.Tuple;
import dev.kida.engine.runtime.value.Undefined;
import dev.kida.api.RuntimeErrorKind;
import dev.kida.api.TemplateRuntimeException;
import dev.kida.api.TemplateTypeException;

import java.math.BigInteger;
import java.util.List;
import java.util.Map;

/** Python's printf-style string formatting: {@code '%s and %05.2f' % (a, b)}. */
public final class PercentFormat {
    private PercentFormat() {
    }

    /**
     * Formats like Python's {@code fmt % args}: a Tuple supplies several arguments, a Map serves
     * {@code %(name)s} conversions, anything else is a single argument.
     */
    public static String format(String fmt, Object args) {
        List<?> positional = args instanceof Tuple t ? t : List.of(args == null ? NONE : args);
        Map<?, ?> mapping = args instanceof Map<?, ?> m ? m : null;
        StringBuilder out = new StringBuilder();
        int next = 0;
        boolean usedMapping = false;
        int i = 0;
        int n = fmt.length();
        while (i < n) {
            char c = fmt.charAt(i);
            if (c != '%') {
                out.append(c);
                i++;
                continue;
            }
            i++;
            if (i >= n) {
                throw new TemplateRuntimeException(RuntimeErrorKind.VALUE_ERROR, "incomplete format");
            }
            Object value = null;
            boolean haveValue = false;
            if (fmt.charAt(i) == '(') {
                if (mapping == null) {
                    throw new TemplateTypeException("format requires a mapping");
                }
                int depth = 1;
                int start = ++i;
                while (i < n && depth > 0) {
                    if (fmt.charAt(i) == '(') {
                        depth++;
                    } else if (fmt.charAt(i) == ')') {
                        depth--;
                    }
                    i++;
                }
                if (depth > 0) {
                    throw new TemplateRuntimeException(RuntimeErrorKind.VALUE_ERROR, "incomplete format key");
                }
                String key = fmt.substring(start, i - 1);
                if (!mapping.containsKey(key)) {
                    throw new TemplateRuntimeException(RuntimeErrorKind.KEY_ERROR, "KeyError: " + PyRepr.repr(key));
                }
                value = mapping.get(key);
                haveValue = true;
                usedMapping = true;
            }
            boolean left = false;
            boolean plus = false;
            boolean space = false;
            boolean zero = false;
            boolean alt = false;
            for (; i < n; i++) {
                char f = fmt.charAt(i);
                if (f == '-') {
                    left = true;
                } else if (f == '+') {
                    plus = true;
                } else if (f == ' ') {
                    space = true;
                } else if (f == '0') {
                    zero = true;
                } else if (f == '#') {
                    alt = true;
                } else {
                    break;
                }
            }
            int width = -1;
            if (i < n && fmt.charAt(i) == '*') {
                Object w = take(positional, next++);
                width = (int) PyNumbers.toLong(requireInt(w, "* wants int"));
                if (width < 0) {
                    left = true;
                    width = -width;
                }
                i++;
            } else {
                int start = i;
                while (i < n && Character.isDigit(fmt.charAt(i))) {
                    i++;
                }
                if (i > start) {
                    width = Integer.parseInt(fmt.substring(start, i));
                }
            }
            int precision = -1;
            if (i < n && fmt.charAt(i) == '.') {
                i++;
                if (i < n && fmt.charAt(i) == '*') {
                    Object p = take(positional, next++);
                    precision = Math.max(0, (int) PyNumbers.toLong(requireInt(p, "* wants int")));
                    i++;
                } else {
                    int start = i;
                    while (i < n && Character.isDigit(fmt.charAt(i))) {
                        i++;
                    }
                    precision = i > start ? Integer.parseInt(fmt.substring(start, i)) : 0;
                }
            }
            // a width or precision is the size of what the conversion builds
            Budget.string(Math.abs((long) width));
            Budget.string(precision);
            while (i < n && (fmt.charAt(i) == 'h' || fmt.charAt(i) == 'l' || fmt.charAt(i) == 'L')) {
                i++;
            }
            if (i >= n) {
                throw new TemplateRuntimeException(RuntimeErrorKind.VALUE_ERROR, "incomplete format");
            }
            char conv = fmt.charAt(i++);
            if (conv == '%') {
                out.append('%');
                continue;
            }
            if (!haveValue) {
                if (mapping != null && !(args instanceof Tuple)) {
                    value = args;
                    usedMapping = true;
                } else {
                    value = take(positional, next++);
                }
            }
            if (value == NONE) {
                value = null;
            }
            String body;
            String sign = "";
            boolean numeric = true;
            switch (conv) {
                case 's', 'r', 'a' -> {
                    numeric = false;
                    body = conv == 's' ? PyRepr.str(value) : conv == 'r' ? PyRepr.repr(value) : PyRepr.ascii(value);
                    if (precision >= 0 && body.codePointCount(0, body.length()) > precision) {
                        body = body.substring(0, body.offsetByCodePoints(0, precision));
                    }
                }
                case 'd', 'i', 'u' -> {
                    BigInteger v = toInteger(value, conv, true);
                    sign = v.signum() < 0 ? "-" : plus ? "+" : space ? " " : "";
                    body = PyNumbers.decimal(v.abs());
                    if (precision > body.length()) {
                        body = "0".repeat(precision - body.length()) + body;
                    }
                }
                case 'x', 'X', 'o' -> {
                    BigInteger v = toInteger(value, conv, false);
                    sign = v.signum() < 0 ? "-" : plus ? "+" : space ? " " : "";
                    body = v.abs().toString(conv == 'o' ? 8 : 16);
                    if (precision > body.length()) {
                        body = "0".repeat(precision - body.length()) + body;
                    }
                    if (alt) {
                        body = (conv == 'o' ? "0o" : "0x") + body;
                    }
                    if (conv == 'X') {
                        body = body.toUpperCase();
                    }
                }
                case 'f', 'F', 'e', 'E', 'g', 'G' -> {
                    double d = toFloat(value, conv);
                    int p = precision < 0 ? 6 : precision;
                    boolean negative = d < 0 || (d == 0 && 1 / d < 0);
                    double abs = Math.abs(d);
                    body = switch (Character.toLowerCase(conv)) {
                        case 'f' -> FloatFormat.fixed(abs, p);
                        case 'e' -> FloatFormat.exponent(abs, p);
                        default -> FloatFormat.general(abs, p, alt);
                    };
                    if (alt && body.indexOf('.') < 0 && Character.toLowerCase(conv) != 'g' && !Double.isNaN(d)
                            && !Double.isInfinite(d)) {
                        int e = body.indexOf('e');
                        body = e < 0 ? body + "." : body.substring(0, e) + "." + body.substring(e);
                    }
                    if (Character.isUpperCase(conv)) {
                        body = body.toUpperCase();
                    }
                    sign = negative && !Double.isNaN(d) ? "-" : plus ? "+" : space ? " " : "";
                    if (Double.isNaN(d) || Double.isInfinite(d)) {
                        zero = false;
                    }
                }
                case 'c' -> {
                    numeric = false;
                    if (value instanceof String s && s.codePointCount(0, s.length()) == 1) {
                        body = s;
                    } else if (PyNumbers.isIntegral(value)) {
                        body = codePoint(PyNumbers.toBig(value));
                    } else {
                        throw new TemplateTypeException("%c requires an int or a unicode character, not "
                                + PyTypes.typeName(value));
                    }
                }
                default -> throw new TemplateRuntimeException(RuntimeErrorKind.VALUE_ERROR,
                        "unsupported format character '" + conv
                        + "' (0x" + Integer.toHexString(conv) + ") at index " + (i - 1));
            }
            int len = sign.length() + body.codePointCount(0, body.length());
            if (width > len) {
                int pad = width - len;
                if (left) {
                    out.append(sign).append(body).append(" ".repeat(pad));
                } else if (zero && numeric) {
                    out.append(sign);
                    if (body.startsWith("0x") || body.startsWith("0X") || body.startsWith("0o")) {
                        out.append(body, 0, 2).append("0".repeat(pad)).append(body, 2, body.length());
                    } else {
                        out.append("0".repeat(pad)).append(body);
                    }
                } else {
                    out.append(" ".repeat(pad)).append(sign).append(body);
                }
            } else {
                out.append(sign).append(body);
            }
        }
        // like Python, an argument with __getitem__ (a list) is taken for a mapping: no complaint
        boolean mappingLike = args instanceof List<?> && !(args instanceof Tuple);
        if (!usedMapping && next < positional.size() && mapping == null && !mappingLike) {
            throw new TemplateTypeException("not all arguments converted during string formatting");
        }
        return out.toString();
    }

    /** Marks a single None argument (List.of rejects null). */
    private static final Object NONE = new Object();

    private static Object take(List<?> positional, int index) {
        if (index >= positional.size()) {
            throw new TemplateTypeException("not enough arguments for format string");
        }
        Object v = positional.get(index);
        return v;
    }

    private static Object requireInt(Object v, String message) {
        if (!PyNumbers.isIntegral(v)) {
            throw new TemplateTypeException(message);
        }
        return v;
    }

    /** The character {@code %c} and {@code {:c}} format for an int, as Python's chr(). */
    public static String codePoint(BigInteger v) {
        if (v.signum() < 0 || v.compareTo(BigInteger.valueOf(Character.MAX_CODE_POINT)) > 0) {
            throw new TemplateRuntimeException(RuntimeErrorKind.OVERFLOW_ERROR, "%c arg not in range(0x110000)");
        }
        return new String(Character.toChars(v.intValue()));
    }

    private static BigInteger toInteger(Object v, char conv, boolean acceptFloat) {
        if (v instanceof Undefined u) {
            throw u.fail();
        }
        if (PyNumbers.isIntegral(v)) {
            return PyNumbers.toBig(v);
        }
        if (acceptFloat && PyNumbers.isFloat(v)) {
            double d = PyNumbers.toDouble(v);
            if (Double.isNaN(d)) {
                throw new TemplateRuntimeException(RuntimeErrorKind.VALUE_ERROR, "cannot convert float NaN to integer");
            }
            if (Double.isInfinite(d)) {
                throw new TemplateRuntimeException(RuntimeErrorKind.OVERFLOW_ERROR,
                        "cannot convert float infinity to integer");
            }
            return new java.math.BigDecimal(d).toBigInteger();
        }
        throw new TemplateTypeException("%" + conv + " format: " + (acceptFloat ? "a real number" : "an integer")
                + " is required, not " + PyTypes.typeName(v == NONE ? null : v));
    }

    private static double toFloat(Object v, char conv) {
        if (v instanceof Undefined u) {
            throw u.fail();
        }
        if (PyNumbers.isNumber(v)) {
            return PyNumbers.toDouble(v);
        }
        throw new TemplateTypeException("must be real number, not " + PyTypes.typeName(v == NONE ? null : v));
    }
}
