package dev.kida.engine.filters;

import dev.kida.api.RuntimeErrorKind;
import dev.kida.api.Arguments;
import dev.kida.api.CallContext;
import dev.kida.api.Filter;
import dev.kida.api.Markup;
import dev.kida.api.TemplateRuntimeException;
import dev.kida.api.TemplateTypeException;
import dev.kida.engine.runtime.value.FloatFormat;
import dev.kida.engine.runtime.value.PyNumbers;
import dev.kida.engine.runtime.value.Undefined;
import dev.kida.engine.runtime.Values;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.Map;
import java.util.regex.Pattern;

/** Number filters: abs, int, float, round. */
final class NumberFilters {
    private NumberFilters() {
    }

    static void register(Map<String, Filter> m) {
        m.put("abs", (ctx, v, a) -> {
            a.check("abs");
            if (PyNumbers.isFloat(v)) {
                return Math.abs(PyNumbers.toDouble(v));
            }
            if (PyNumbers.isIntegral(v)) {
                return PyNumbers.normalize(PyNumbers.toBig(v).abs());
            }
            throw new TemplateTypeException("bad operand type for abs(): '" + Values.typeName(v) + "'");
        });
        m.put("int", NumberFilters::toInt);
        m.put("float", (ctx, v, a) -> {
            a.check("float", "default");
            Object dflt = a.get(0, "default", 0.0);
            Double d = parseFloat(v);
            return d == null ? dflt : d;
        });
        m.put("round", NumberFilters::round);
    }

    /**
     * Compiled at the first {@code float} of a string, not with the built-in filters: a regex
     * compiled in a fresh JVM's interpreter costs every start ~0.3 ms (docs/performance.md,
     * "Cold start", session 20).
     */
    private static final class FloatSyntax {
        // Digits with single underscores between them, as \d+(?:_\d+)* rather than \d(?:_?\d)*:
        // Java's regex engine recurses once per repetition of a group, which a string of some
        // thousand digits turns into a StackOverflowError; this group repeats once per underscore.
        private static final String DIGITS = "\\d+(?:_\\d+)*";
        static final Pattern FLOAT = Pattern.compile(
                "[+-]?(?:(?:" + DIGITS + ")?\\.?" + DIGITS + "(?:[eE][+-]?" + DIGITS + ")?|" + DIGITS
                        + "\\.(?:[eE][+-]?" + DIGITS + ")?|inf|infinity|nan)", Pattern.CASE_INSENSITIVE);
    }

    /** Python's float(x), or null where it raises TypeError or ValueError. */
    static Double parseFloat(Object v) {
        if (v instanceof Undefined u) {
            throw u.fail();
        }
        if (PyNumbers.isNumber(v)) {
            return PyNumbers.toDouble(v);
        }
        if (v instanceof String || v instanceof Markup) {
            String s = asciiDigits(v.toString().strip());
            if (!FloatSyntax.FLOAT.matcher(s).matches()) {
                return null;
            }
            String lower = s.toLowerCase();
            String body = lower.startsWith("+") || lower.startsWith("-") ? lower.substring(1) : lower;
            double sign = lower.startsWith("-") ? -1 : 1;
            if (body.startsWith("inf")) {
                return sign * Double.POSITIVE_INFINITY;
            }
            if (body.equals("nan")) {
                return Double.NaN;
            }
            return Double.parseDouble(s.replace("_", ""));
        }
        return null;
    }

    /**
     * Python's int() and float() read any Unicode decimal digit ({@code ١٢٣}, {@code 𝟚}) as its
     * ASCII counterpart; other characters stay as they are (and make the parse fail).
     */
    static String asciiDigits(String s) {
        if (s.chars().allMatch(c -> c < 0x80)) {
            return s;
        }
        StringBuilder sb = new StringBuilder(s.length());
        s.codePoints().forEach(cp -> {
            if (cp >= 0x80 && Character.getType(cp) == Character.DECIMAL_DIGIT_NUMBER) {
                sb.append((char) ('0' + Character.digit(cp, 10)));
            } else {
                sb.appendCodePoint(cp);
            }
        });
        return sb.toString();
    }

    /** Python's float(value) for filters that need a number: TypeError/ValueError as exceptions. */
    static double toFloat(Object v) {
        Double d = parseFloat(v);
        if (d == null) {
            if (v instanceof String || v instanceof Markup) {
                throw new TemplateRuntimeException(RuntimeErrorKind.VALUE_ERROR,
                        "could not convert string to float: " + Values.repr(v.toString()));
            }
            throw new TemplateTypeException("float() argument must be a string or a real number, not '"
                    + Values.typeName(v) + "'");
        }
        return d;
    }

    /** Python's int(float): truncation toward zero. */
    static Object truncateToInt(double d) {
        if (Double.isNaN(d)) {
            throw new TemplateRuntimeException(RuntimeErrorKind.VALUE_ERROR, "cannot convert float NaN to integer");
        }
        if (Double.isInfinite(d)) {
            throw new TemplateRuntimeException(RuntimeErrorKind.OVERFLOW_ERROR,
                    "cannot convert float infinity to integer");
        }
        return PyNumbers.normalize(new BigDecimal(d).toBigInteger());
    }

    /** Python's int(s, base) for strings, or null on ValueError. */
    static Object parseInt(String s, int base) {
        s = asciiDigits(s.strip());
        boolean negative = false;
        if (s.startsWith("+") || s.startsWith("-")) {
            negative = s.startsWith("-");
            s = s.substring(1);
        }
        String lower = s.toLowerCase();
        int prefixBase = lower.startsWith("0x") ? 16 : lower.startsWith("0o") ? 8 : lower.startsWith("0b") ? 2 : 0;
        if (prefixBase != 0 && (base == 0 || base == prefixBase)) {
            s = s.substring(2);
            if (s.startsWith("_")) {
                s = s.substring(1);
            }
            base = prefixBase;
        } else if (base == 0) {
            base = 10;
            if (s.length() > 1 && s.startsWith("0") && !s.replace("_", "").chars().allMatch(c -> c == '0')) {
                return null;
            }
        }
        if (s.isEmpty() || s.startsWith("_") || s.endsWith("_") || s.contains("__")) {
            return null;
        }
        String digits = s.replace("_", "");
        if (Integer.bitCount(base) != 1 && digits.length() > PyNumbers.MAX_STR_DIGITS) {
            return null;
        }
        for (int i = 0; i < digits.length(); i++) {
            if (digits.charAt(i) >= 0x80 || Character.digit(digits.charAt(i), base) < 0) {
                return null;
            }
        }
        BigInteger v = new BigInteger(digits, base);
        return PyNumbers.normalize(negative ? v.negate() : v);
    }

    private static Object toInt(CallContext ctx, Object v, Arguments a) {
        a.check("int", "default", "base");
        Object dflt = a.get(0, "default", 0L);
        Object baseArg = a.get(1, "base", 10L);
        if (v instanceof Undefined u) {
            throw u.fail();
        }
        // int(s, base) with a bad base is a TypeError or ValueError, which Jinja2 turns into the
        // float() path
        int base = PyNumbers.isIntegral(baseArg) && !PyNumbers.isBig(baseArg) ? Texts.intArg(baseArg, "int") : -1;
        boolean validBase = base == 0 || (base >= 2 && base <= 36);
        if ((v instanceof String || v instanceof Markup) && validBase) {
            Object parsed = parseInt(v.toString(), base);
            if (parsed != null) {
                return parsed;
            }
        } else if (PyNumbers.isIntegral(v)) {
            return PyNumbers.canonicalInt(v);
        } else if (PyNumbers.isFloat(v)) {
            return truncateToInt(PyNumbers.toDouble(v));
        }
        // Jinja2's quirk: "42.23"|int gives 42 through float(); NaN and infinity give the default
        Double d = parseFloat(v);
        return d == null || d.isNaN() || d.isInfinite() ? dflt : truncateToInt(d);
    }

    /**
     * round with precision None: Python's round(v, None) is round(v), an int rounded half to
     * even; the ceil and floor methods compute 10 ** None, a TypeError.
     */
    private static Object roundToInt(Object v, String method) {
        if (v instanceof Undefined u) {
            throw u.fail();
        }
        if (!method.equals("common")) {
            throw new TemplateTypeException("unsupported operand type(s) for ** or pow(): 'int' and 'NoneType'");
        }
        if (!PyNumbers.isNumber(v)) {
            throw new TemplateTypeException("type " + Values.typeName(v) + " doesn't define __round__ method");
        }
        if (PyNumbers.isIntegral(v)) {
            return PyNumbers.canonicalInt(v);
        }
        double d = PyNumbers.toDouble(v);
        if (Double.isNaN(d)) {
            throw new TemplateRuntimeException(RuntimeErrorKind.VALUE_ERROR, "cannot convert float NaN to integer");
        }
        if (Double.isInfinite(d)) {
            throw new TemplateRuntimeException(RuntimeErrorKind.OVERFLOW_ERROR, "cannot convert float infinity to integer");
        }
        return PyNumbers.normalize(new BigDecimal(d).setScale(0, RoundingMode.HALF_EVEN).toBigInteger());
    }

    private static Object round(CallContext ctx, Object v, Arguments a) {
        a.check("round", "precision", "method");
        Object precisionObj = a.get(0, "precision", 0L);
        String method = Values.str(a.get(1, "method", "common"));
        if (!method.equals("common") && !method.equals("ceil") && !method.equals("floor")) {
            throw new TemplateRuntimeException("method must be common, ceil or floor");
        }
        if (precisionObj == null) {
            return roundToInt(v, method);
        }
        int precision = Texts.intArg(precisionObj, "round");
        if (!PyNumbers.isNumber(v)) {
            if (method.equals("common")) {
                throw new TemplateTypeException("type " + Values.typeName(v) + " doesn't define __round__ method");
            }
            if (v instanceof Undefined u) {
                // floor and ceil first multiply the value, which a StrictUndefined refuses
                throw u.fail();
            }
            throw new TemplateTypeException("can't multiply sequence by non-int of type 'int'");
        }
        if (method.equals("common")) {
            if (PyNumbers.isIntegral(v)) {
                if (precision >= 0) {
                    return PyNumbers.canonicalInt(v);
                }
                BigDecimal r = new BigDecimal(PyNumbers.toBig(v)).setScale(precision, RoundingMode.HALF_EVEN);
                return PyNumbers.normalize(r.setScale(0).toBigInteger());
            }
            double d = PyNumbers.toDouble(v);
            if (Double.isNaN(d) || Double.isInfinite(d)) {
                return d;
            }
            long scaled = FloatFormat.scaledHalfEven(Math.abs(d), precision);
            // scaled and 10^precision are exact doubles below 2^53, and IEEE division rounds
            // their quotient correctly: the double nearest the rounded decimal, as BigDecimal gives
            double r = scaled >= 0 && scaled < (1L << 53) && precision <= 22
                    ? Math.copySign(scaled / Math.pow(10, precision), d)
                    : new BigDecimal(d).setScale(precision, RoundingMode.HALF_EVEN).doubleValue();
            // Python keeps the sign of a value that rounds to zero: round(-0.4) is -0.0
            return r == 0 ? Math.copySign(0.0, d) : r;
        }
        Object scale = Values.pow(10L, (long) precision);
        Object scaled = Values.mul(v, scale);
        double x = PyNumbers.toDouble(scaled);
        double rounded = method.equals("ceil") ? Math.ceil(x) : Math.floor(x);
        if (Double.isInfinite(rounded) || Double.isNaN(rounded)) {
            throw new TemplateRuntimeException(RuntimeErrorKind.OVERFLOW_ERROR,
                    "cannot convert float infinity to integer");
        }
        return Values.div(PyNumbers.normalize(new BigDecimal(rounded).toBigInteger()), scale);
    }
}
