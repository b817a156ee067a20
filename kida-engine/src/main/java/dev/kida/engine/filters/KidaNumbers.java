package dev.kida.engine.filters;

import dev.kida.api.RuntimeErrorKind;
import dev.kida.api.TemplateRuntimeException;
import dev.kida.api.TemplateTypeException;
import dev.kida.engine.runtime.value.PyNumbers;
import dev.kida.engine.runtime.Values;

import java.math.BigDecimal;
import java.math.BigInteger;

/**
 * Kida's {@code decimal} and {@code format_number}/{@code commas}: the value goes through Python's
 * {@code float()}, then Python's fixed-point formatting (the exact binary value rounded half to
 * even). A value {@code float()} refuses is returned as its text, or raises with {@code strict}.
 */
final class KidaNumbers {
    private KidaNumbers() {
    }

    /** {@code f"{float(v):.{places}f}"}. */
    static Object decimal(Object v, Object places, boolean strict) {
        Double d = NumberFilters.parseFloat(v);
        if (d == null) {
            return refuse(v, "decimal", strict);
        }
        return fixed(d, places(places), false);
    }

    /** {@code f"{float(v):,.{places}f}"}, or {@code f"{int(float(v)):,}"} without decimal places. */
    static Object formatNumber(Object v, Object places, boolean strict) {
        Double d = NumberFilters.parseFloat(v);
        if (d == null) {
            return refuse(v, "number", strict);
        }
        int p = places(places);
        if (p > 0) {
            return fixed(d, p, true);
        }
        if (Double.isNaN(d)) {
            return refuse(v, "number", strict);
        }
        if (Double.isInfinite(d)) {
            throw new TemplateRuntimeException(RuntimeErrorKind.OVERFLOW_ERROR,
                    "cannot convert float infinity to integer");
        }
        BigInteger whole = new BigDecimal(d).toBigInteger();
        return (whole.signum() < 0 ? "-" : "") + group(whole.abs().toString());
    }

    private static Object refuse(Object v, String what, boolean strict) {
        if (strict) {
            throw new TemplateRuntimeException("Cannot convert " + Values.typeName(v) + " to " + what + ": "
                    + Values.repr(v));
        }
        return Values.str(v);
    }

    private static int places(Object places) {
        if (!PyNumbers.isIntegral(places) || PyNumbers.isBig(places)) {
            throw new TemplateTypeException("the number of decimal places must be an int, not '"
                    + Values.typeName(places) + "'");
        }
        long p = PyNumbers.toLong(places);
        if (p > 1000) {
            throw new TemplateRuntimeException(RuntimeErrorKind.LIMIT_EXCEEDED, "too many decimal places: " + p);
        }
        return (int) p;
    }

    private static String fixed(double d, int places, boolean grouped) {
        if (Double.isNaN(d)) {
            return "nan";
        }
        if (Double.isInfinite(d)) {
            return d > 0 ? "inf" : "-inf";
        }
        boolean negative = d < 0 || (d == 0 && 1 / d < 0);
        String digits = dev.kida.engine.runtime.value.FloatFormat.fixedDigits(Math.abs(d), Math.max(places, 0));
        if (grouped) {
            int dot = digits.indexOf('.');
            digits = dot < 0 ? group(digits) : group(digits.substring(0, dot)) + digits.substring(dot);
        }
        return (negative ? "-" : "") + digits;
    }

    /** Thousands separators in a run of digits. */
    private static String group(String digits) {
        StringBuilder out = new StringBuilder(digits.length() + digits.length() / 3);
        int first = digits.length() % 3;
        if (first == 0) {
            first = 3;
        }
        out.append(digits, 0, first);
        for (int i = first; i < digits.length(); i += 3) {
            out.append(',').append(digits, i, i + 3);
        }
        return out.toString();
    }
}
