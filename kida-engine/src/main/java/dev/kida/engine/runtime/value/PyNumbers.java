package dev.kida.engine.runtime.value;

import java.math.BigDecimal;
import java.math.BigInteger;

/**
 * Classifies and converts the Java number types that stand for Python's int, bool and float.
 * Python ints are Long where they fit and BigInteger beyond; Integer, Short and Byte from user
 * data are accepted as ints too.
 */
public final class PyNumbers {
    private static final BigInteger LONG_MIN = BigInteger.valueOf(Long.MIN_VALUE);
    private static final BigInteger LONG_MAX = BigInteger.valueOf(Long.MAX_VALUE);

    private PyNumbers() {
    }

    /** A Python int (not bool). */
    public static boolean isInt(Object v) {
        return v instanceof Long || v instanceof Integer || v instanceof Short || v instanceof Byte
                || v instanceof BigInteger;
    }

    /** A Python int or bool: what integer arithmetic accepts. */
    public static boolean isIntegral(Object v) {
        return isInt(v) || v instanceof Boolean;
    }

    /** A Python float. */
    public static boolean isFloat(Object v) {
        return v instanceof Double || v instanceof Float;
    }

    /** int, bool or float. */
    public static boolean isNumber(Object v) {
        return isIntegral(v) || isFloat(v);
    }

    /** Whether an integral value needs BigInteger arithmetic. */
    public static boolean isBig(Object v) {
        return v instanceof BigInteger;
    }

    /** The long value of an int or bool that is not a BigInteger. */
    public static long toLong(Object v) {
        if (v instanceof Boolean b) {
            return b ? 1 : 0;
        }
        return ((Number) v).longValue();
    }

    /** Any int or bool as a BigInteger. */
    public static BigInteger toBig(Object v) {
        if (v instanceof BigInteger b) {
            return b;
        }
        return BigInteger.valueOf(toLong(v));
    }

    /**
     * CPython's limit on decimal digits between an int and a string (sys.get_int_max_str_digits(),
     * 4300 since 3.11), past which str(), repr(), %d, format and int() of a string raise ValueError.
     * Bases that are powers of two have no limit.
     */
    public static final int MAX_STR_DIGITS = 4300;

    /** Python's {@code str(v)} of an int: its decimal digits, or a ValueError past {@link #MAX_STR_DIGITS}. */
    public static String decimal(BigInteger v) {
        String s = v.toString();
        if (s.length() - (v.signum() < 0 ? 1 : 0) > MAX_STR_DIGITS) {
            throw new dev.kida.api.TemplateRuntimeException(dev.kida.api.RuntimeErrorKind.VALUE_ERROR,
                    "Exceeds the limit (" + MAX_STR_DIGITS + " digits) for integer string conversion;"
                            + " use sys.set_int_max_str_digits() to increase the limit");
        }
        return s;
    }

    /** Any number as a double, like Python's float(). */
    public static double toDouble(Object v) {
        if (v instanceof Boolean b) {
            return b ? 1.0 : 0.0;
        }
        if (v instanceof BigInteger b) {
            double d = b.doubleValue();
            if (Double.isInfinite(d)) {
                throw new dev.kida.api.TemplateRuntimeException(dev.kida.api.RuntimeErrorKind.OVERFLOW_ERROR,
                        "int too large to convert to float");
            }
            return d;
        }
        return ((Number) v).doubleValue();
    }

    /** The canonical int: Long when it fits, else the BigInteger. */
    public static Object normalize(BigInteger b) {
        if (b.compareTo(LONG_MIN) >= 0 && b.compareTo(LONG_MAX) <= 0) {
            return b.longValue();
        }
        return b;
    }

    /** The canonical form of any int-like value: Long or BigInteger; bools become 0/1. */
    public static Object canonicalInt(Object v) {
        if (v instanceof BigInteger b) {
            return normalize(b);
        }
        return toLong(v);
    }

    /** Exact numeric comparison of two numbers (ints, bools, floats); NaN compares as unordered. */
    public static int compare(Object a, Object b) {
        if (isFloat(a) || isFloat(b)) {
            if (isFloat(a) && isFloat(b)) {
                return Double.compare(toDouble(a), toDouble(b));
            }
            double d = isFloat(a) ? toDouble(a) : toDouble(b);
            Object i = isFloat(a) ? b : a;
            int sign = isFloat(a) ? 1 : -1;
            if (Double.isNaN(d)) {
                return sign; // unordered; callers check NaN separately for ==
            }
            if (Double.isInfinite(d)) {
                return d > 0 ? sign : -sign;
            }
            int c = new BigDecimal(d).compareTo(new BigDecimal(toBig(i)));
            return sign * c;
        }
        if (isBig(a) || isBig(b)) {
            return toBig(a).compareTo(toBig(b));
        }
        return Long.compare(toLong(a), toLong(b));
    }

    /** Numeric equality with Python's rules (NaN is not equal to itself). */
    public static boolean equal(Object a, Object b) {
        if ((isFloat(a) && Double.isNaN(toDouble(a))) || (isFloat(b) && Double.isNaN(toDouble(b)))) {
            return false;
        }
        if (isFloat(a) && isFloat(b)) {
            return toDouble(a) == toDouble(b);
        }
        return compare(a, b) == 0;
    }

    /** Python's hash-compatible key: ints canonical, integral floats as ints; used for dict/set lookups. */
    public static Object hashKey(Object v) {
        if (isIntegral(v)) {
            return canonicalInt(v);
        }
        if (isFloat(v)) {
            double d = toDouble(v);
            if (d == Math.rint(d) && !Double.isInfinite(d)) {
                return normalize(new BigDecimal(d).toBigInteger());
            }
            return d;
        }
        return v;
    }
}
