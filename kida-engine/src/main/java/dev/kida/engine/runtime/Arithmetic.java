package dev.kida.engine.runtime;

import dev.kida.engine.runtime.html.Html;
import dev.kida.engine.runtime.text.PercentFormat;
import dev.kida.engine.runtime.value.Budget;
import dev.kida.engine.runtime.value.PyNumbers;
import dev.kida.engine.runtime.value.Tuple;
import dev.kida.engine.runtime.value.Undefined;
import dev.kida.api.RuntimeErrorKind;
import dev.kida.api.Markup;
import dev.kida.api.TemplateRuntimeException;
import dev.kida.api.TemplateTypeException;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.List;

/** Python's arithmetic operators over template values. */
public final class Arithmetic {
    private Arithmetic() {
    }

    private static void checkDefined(Object a, Object b) {
        if (a instanceof Undefined u) {
            throw u.fail();
        }
        if (b instanceof Undefined u) {
            throw u.fail();
        }
    }

    private static TemplateTypeException unsupported(String op, Object a, Object b) {
        return new TemplateTypeException("unsupported operand type(s) for " + op + ": '"
                + Values.typeName(a) + "' and '" + Values.typeName(b) + "'");
    }

    private static boolean isStr(Object v) {
        return v instanceof String || v instanceof Markup;
    }

    private static boolean isPlainList(Object v) {
        return v instanceof List<?> && !(v instanceof Tuple);
    }

    /** {@code a + b}. */
    public static Object add(Object a, Object b) {
        checkDefined(a, b);
        if (PyNumbers.isNumber(a) && PyNumbers.isNumber(b)) {
            if (PyNumbers.isFloat(a) || PyNumbers.isFloat(b)) {
                return PyNumbers.toDouble(a) + PyNumbers.toDouble(b);
            }
            if (!PyNumbers.isBig(a) && !PyNumbers.isBig(b)) {
                long x = PyNumbers.toLong(a);
                long y = PyNumbers.toLong(b);
                long r = x + y;
                if (((x ^ r) & (y ^ r)) >= 0) {
                    return r;
                }
            }
            return PyNumbers.normalize(PyNumbers.toBig(a).add(PyNumbers.toBig(b)));
        }
        if (isStr(a) && isStr(b)) {
            Budget.string((long) ((CharSequence) a).length() + ((CharSequence) b).length());
            if (a instanceof Markup || b instanceof Markup) {
                return Markup.of(Html.escape(a).toHtml() + Html.escape(b).toHtml());
            }
            return (String) a + b;
        }
        if (isStr(a)) {
            throw new TemplateTypeException("can only concatenate str (not \"" + Values.typeName(b) + "\") to str");
        }
        if (a instanceof Tuple ta && b instanceof Tuple tb) {
            Budget.list((long) ta.size() + tb.size());
            List<Object> all = new ArrayList<>(ta);
            all.addAll(tb);
            return Tuple.copyOf(all);
        }
        if (isPlainList(a) && isPlainList(b)) {
            Budget.list((long) ((List<?>) a).size() + ((List<?>) b).size());
            List<Object> all = new ArrayList<>((List<?>) a);
            all.addAll((List<?>) b);
            return all;
        }
        if (a instanceof List<?> && !(b instanceof Undefined)) {
            String kind = Values.typeName(a);
            throw new TemplateTypeException("can only concatenate " + kind + " (not \"" + Values.typeName(b)
                    + "\") to " + kind);
        }
        throw unsupported("+", a, b);
    }

    /** {@code a - b}. */
    public static Object sub(Object a, Object b) {
        checkDefined(a, b);
        if (PyNumbers.isNumber(a) && PyNumbers.isNumber(b)) {
            if (PyNumbers.isFloat(a) || PyNumbers.isFloat(b)) {
                return PyNumbers.toDouble(a) - PyNumbers.toDouble(b);
            }
            if (!PyNumbers.isBig(a) && !PyNumbers.isBig(b)) {
                long x = PyNumbers.toLong(a);
                long y = PyNumbers.toLong(b);
                long r = x - y;
                if (((x ^ y) & (x ^ r)) >= 0) {
                    return r;
                }
            }
            return PyNumbers.normalize(PyNumbers.toBig(a).subtract(PyNumbers.toBig(b)));
        }
        throw unsupported("-", a, b);
    }

    /** {@code a * b}, including sequence repetition. */
    public static Object mul(Object a, Object b) {
        checkDefined(a, b);
        if (PyNumbers.isNumber(a) && PyNumbers.isNumber(b)) {
            if (PyNumbers.isFloat(a) || PyNumbers.isFloat(b)) {
                return PyNumbers.toDouble(a) * PyNumbers.toDouble(b);
            }
            if (!PyNumbers.isBig(a) && !PyNumbers.isBig(b)) {
                long x = PyNumbers.toLong(a);
                long y = PyNumbers.toLong(b);
                long hi = Math.multiplyHigh(x, y);
                long lo = x * y;
                if ((hi == 0 && lo >= 0) || (hi == -1 && lo < 0)) {
                    return lo;
                }
            }
            BigInteger x = PyNumbers.toBig(a);
            BigInteger y = PyNumbers.toBig(b);
            Budget.integer((long) x.bitLength() + y.bitLength());
            return PyNumbers.normalize(x.multiply(y));
        }
        if (PyNumbers.isIntegral(a) && !PyNumbers.isIntegral(b)) {
            return repeat(b, a, "*", a, b);
        }
        if (PyNumbers.isIntegral(b)) {
            return repeat(a, b, "*", a, b);
        }
        if (isStr(a) || a instanceof List<?> || isStr(b) || b instanceof List<?>) {
            Object seq = isStr(a) || a instanceof List<?> ? a : b;
            Object other = seq == a ? b : a;
            throw new TemplateTypeException("can't multiply sequence by non-int of type '"
                    + Values.typeName(other) + "'");
        }
        throw unsupported("*", a, b);
    }

    private static Object repeat(Object seq, Object count, String op, Object a, Object b) {
        if (PyNumbers.isBig(count)) {
            throw new TemplateRuntimeException(RuntimeErrorKind.OVERFLOW_ERROR,
                    "cannot fit 'int' into an index-sized integer");
        }
        long n = Math.max(0, PyNumbers.toLong(count));
        if (seq instanceof String s) {
            int size = checkedSize(s.length(), n);
            Budget.string(size);
            return size == 0 ? "" : s.repeat(size / s.length());
        }
        if (seq instanceof Markup m) {
            int size = checkedSize(m.length(), n);
            Budget.string(size);
            return Markup.of(size == 0 ? "" : m.toString().repeat(size / m.length()));
        }
        if (seq instanceof List<?> l) {
            int size = checkedSize(l.size(), n);
            Budget.list(size);
            List<Object> out = new ArrayList<>(size);
            // bounded by size, not n: an empty list times 10**18 is empty at once, as in Python
            for (long i = 0; i < n && out.size() < size; i++) {
                out.addAll(l);
            }
            return seq instanceof Tuple ? Tuple.copyOf(out) : out;
        }
        throw unsupported(op, a, b);
    }

    /**
     * The length of {@code length} items repeated {@code n} times, refused as Python's MemoryError
     * when no array could hold it. Zero when either is zero, however large the other (then
     * {@code n} may not fit an int, so callers repeat at most the returned size).
     */
    private static int checkedSize(int length, long n) {
        if (length == 0 || n == 0) {
            return 0;
        }
        return checkedSize(n > (Integer.MAX_VALUE - 16) / length ? Long.MAX_VALUE : length * n);
    }

    private static int checkedSize(long size) {
        if (size > Integer.MAX_VALUE - 16) {
            throw new TemplateRuntimeException(RuntimeErrorKind.MEMORY_ERROR, "MemoryError: result too large");
        }
        return (int) size;
    }

    /** {@code a / b}: always a float. */
    public static Object div(Object a, Object b) {
        checkDefined(a, b);
        if (PyNumbers.isNumber(a) && PyNumbers.isNumber(b)) {
            if (PyNumbers.isFloat(a) || PyNumbers.isFloat(b)) {
                double y = PyNumbers.toDouble(b);
                if (y == 0) {
                    throw new TemplateRuntimeException(RuntimeErrorKind.ZERO_DIVISION_ERROR, "float division by zero");
                }
                return PyNumbers.toDouble(a) / y;
            }
            if (PyNumbers.toBig(b).signum() == 0) {
                throw new TemplateRuntimeException(RuntimeErrorKind.ZERO_DIVISION_ERROR, "division by zero");
            }
            if (!PyNumbers.isBig(a) && !PyNumbers.isBig(b)) {
                long x = PyNumbers.toLong(a);
                long y = PyNumbers.toLong(b);
                if (Math.abs(x) <= (1L << 53) && Math.abs(y) <= (1L << 53)) {
                    return (double) x / (double) y;
                }
            }
            double q = new BigDecimal(PyNumbers.toBig(a))
                    .divide(new BigDecimal(PyNumbers.toBig(b)), MathContext.DECIMAL128).doubleValue();
            if (Double.isInfinite(q)) {
                throw new TemplateRuntimeException(RuntimeErrorKind.OVERFLOW_ERROR,
                        "integer division result too large for a float");
            }
            return q;
        }
        throw unsupported("/", a, b);
    }

    /** {@code a // b}: floor division. */
    public static Object floorDiv(Object a, Object b) {
        checkDefined(a, b);
        if (PyNumbers.isNumber(a) && PyNumbers.isNumber(b)) {
            if (PyNumbers.isFloat(a) || PyNumbers.isFloat(b)) {
                double y = PyNumbers.toDouble(b);
                if (y == 0) {
                    throw new TemplateRuntimeException(RuntimeErrorKind.ZERO_DIVISION_ERROR,
                            "float floor division by zero");
                }
                return floatDivmod(PyNumbers.toDouble(a), y)[0];
            }
            if (PyNumbers.toBig(b).signum() == 0) {
                throw new TemplateRuntimeException(RuntimeErrorKind.ZERO_DIVISION_ERROR,
                        "integer division or modulo by zero");
            }
            if (!PyNumbers.isBig(a) && !PyNumbers.isBig(b)) {
                long x = PyNumbers.toLong(a);
                long y = PyNumbers.toLong(b);
                if (!(x == Long.MIN_VALUE && y == -1)) {
                    return Math.floorDiv(x, y);
                }
            }
            BigInteger[] qr = PyNumbers.toBig(a).divideAndRemainder(PyNumbers.toBig(b));
            BigInteger q = qr[0];
            if (qr[1].signum() != 0 && (qr[1].signum() != PyNumbers.toBig(b).signum())) {
                q = q.subtract(BigInteger.ONE);
            }
            return PyNumbers.normalize(q);
        }
        throw unsupported("//", a, b);
    }

    /** {@code a % b}: floor modulo for numbers, printf-style formatting for strings. */
    public static Object mod(Object a, Object b) {
        // str % x formats before x's own operator is asked: a lenient undefined prints as text
        checkDefined(a, isStr(a) ? null : b);
        if (isStr(a)) {
            if (a instanceof Markup m) {
                return Markup.of(PercentFormat.format(m.toString(), escapeArgs(b)));
            }
            return PercentFormat.format((String) a, b);
        }
        if (PyNumbers.isNumber(a) && PyNumbers.isNumber(b)) {
            if (PyNumbers.isFloat(a) || PyNumbers.isFloat(b)) {
                double y = PyNumbers.toDouble(b);
                if (y == 0) {
                    throw new TemplateRuntimeException(RuntimeErrorKind.ZERO_DIVISION_ERROR, "float modulo by zero");
                }
                return floatDivmod(PyNumbers.toDouble(a), y)[1];
            }
            if (PyNumbers.toBig(b).signum() == 0) {
                throw new TemplateRuntimeException(RuntimeErrorKind.ZERO_DIVISION_ERROR, "integer modulo by zero");
            }
            if (!PyNumbers.isBig(a) && !PyNumbers.isBig(b)) {
                long y = PyNumbers.toLong(b);
                if (y == -1) {
                    return 0L;
                }
                return Math.floorMod(PyNumbers.toLong(a), y);
            }
            BigInteger y = PyNumbers.toBig(b);
            BigInteger r = PyNumbers.toBig(a).mod(y.abs());
            if (y.signum() < 0 && r.signum() != 0) {
                r = r.add(y);
            }
            return PyNumbers.normalize(r);
        }
        throw unsupported("%", a, b);
    }

    /** MarkupSafe escapes the arguments of {@code Markup % args}. */
    private static Object escapeArgs(Object args) {
        if (args instanceof Tuple t) {
            List<Object> out = new ArrayList<>();
            for (Object o : t) {
                out.add(escapeArg(o));
            }
            return Tuple.copyOf(out);
        }
        if (args instanceof java.util.Map<?, ?> m) {
            java.util.Map<Object, Object> out = new java.util.LinkedHashMap<>();
            m.forEach((k, v) -> out.put(k, escapeArg(v)));
            return out;
        }
        return escapeArg(args);
    }

    /**
     * One argument as MarkupSafe's escape helper formats it: {@code %s} gives the escaped
     * {@code str()} of any value (a list's repr included); numbers stay numbers for {@code %d}.
     */
    private static Object escapeArg(Object o) {
        if (o == null || o instanceof Boolean || PyNumbers.isNumber(o)) {
            return o;
        }
        return Html.escape(o);
    }

    /** CPython's float_divmod: floor quotient and modulo with the sign of the divisor. */
    static double[] floatDivmod(double vx, double wx) {
        double mod = vx % wx;
        double div = (vx - mod) / wx;
        if (mod != 0) {
            if ((wx < 0) != (mod < 0)) {
                mod += wx;
                div -= 1.0;
            }
        } else {
            mod = Math.copySign(0.0, wx);
        }
        double floordiv;
        if (div != 0) {
            floordiv = Math.floor(div);
            if (div - floordiv > 0.5) {
                floordiv += 1.0;
            }
        } else {
            floordiv = Math.copySign(0.0, vx / wx);
        }
        return new double[]{floordiv, mod};
    }

    /** {@code a ** b}. */
    public static Object pow(Object a, Object b) {
        checkDefined(a, b);
        if (PyNumbers.isNumber(a) && PyNumbers.isNumber(b)) {
            if (PyNumbers.isIntegral(a) && PyNumbers.isIntegral(b)) {
                BigInteger exp = PyNumbers.toBig(b);
                if (exp.signum() >= 0) {
                    BigInteger base = PyNumbers.toBig(a);
                    if (exp.bitLength() > 31 && base.abs().compareTo(BigInteger.ONE) > 0) {
                        throw new TemplateRuntimeException(RuntimeErrorKind.MEMORY_ERROR,
                                "MemoryError: exponent too large");
                    }
                    if (base.abs().compareTo(BigInteger.ONE) <= 0) {
                        if (base.signum() == 0) {
                            return exp.signum() == 0 ? 1L : 0L;
                        }
                        return base.signum() > 0 || !exp.testBit(0) ? 1L : -1L;
                    }
                    Budget.integer((long) base.bitLength() * exp.longValue());
                    return PyNumbers.normalize(base.pow(exp.intValueExact()));
                }
            }
            double x = PyNumbers.toDouble(a);
            double y = PyNumbers.toDouble(b);
            if (x == 0 && y < 0) {
                throw new TemplateRuntimeException(RuntimeErrorKind.ZERO_DIVISION_ERROR,
                        "0.0 cannot be raised to a negative power");
            }
            double r = Math.pow(x, y);
            // Python's float pow reports overflow (ERANGE) where IEEE gives infinity; only infinite
            // operands may give an infinite result
            if (Double.isInfinite(r) && Double.isFinite(x) && Double.isFinite(y)) {
                throw new TemplateRuntimeException(RuntimeErrorKind.OVERFLOW_ERROR,
                        "(34, 'Numerical result out of range')");
            }
            return r;
        }
        throw unsupported("** or pow()", a, b);
    }

    /** Unary {@code -a}. */
    public static Object neg(Object a) {
        checkDefined(a, null);
        if (PyNumbers.isFloat(a)) {
            return -PyNumbers.toDouble(a);
        }
        if (PyNumbers.isIntegral(a)) {
            if (!PyNumbers.isBig(a) && PyNumbers.toLong(a) != Long.MIN_VALUE) {
                return -PyNumbers.toLong(a);
            }
            return PyNumbers.normalize(PyNumbers.toBig(a).negate());
        }
        throw new TemplateTypeException("bad operand type for unary -: '" + Values.typeName(a) + "'");
    }

    /** Unary {@code +a}. */
    public static Object pos(Object a) {
        checkDefined(a, null);
        if (PyNumbers.isFloat(a)) {
            return PyNumbers.toDouble(a);
        }
        if (PyNumbers.isIntegral(a)) {
            return PyNumbers.canonicalInt(a);
        }
        throw new TemplateTypeException("bad operand type for unary +: '" + Values.typeName(a) + "'");
    }
}
