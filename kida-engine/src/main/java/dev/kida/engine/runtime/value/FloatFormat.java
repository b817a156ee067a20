package dev.kida.engine.runtime.value;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Python's float formatting: {@code repr()} (shortest round-tripping digits, scientific notation
 * when the exponent is below -4 or at least 16) and the fixed/exponent forms of {@code %} and
 * {@code format()}, rounded correctly from the exact binary value as Python does.
 */
public final class FloatFormat {
    private FloatFormat() {
    }

    /**
     * Where {@link Double#toString(double)} writes plain decimal notation: {@code 1e-3 <= |d| < 1e7}.
     * There its digits are the shortest that round-trip (JDK 19+), the closest to the exact value
     * when several are as short, exactly as Python's repr chooses them; a 2-digit form instead of
     * a 1-digit one only happens for subnormals. Python also writes plain notation in this range
     * (its exponent limits are -4 and 16), with at least one digit after the point, as Java does.
     * So the two strings are equal here, and the common case needs no digit surgery.
     */
    private static boolean javaFormIsPython(double d) {
        double a = Math.abs(d);
        return a >= 1e-3 && a < 1e7;
    }

    /** Appends Python's {@code repr(float)} of {@code d}, without an intermediate String in the common range. */
    public static void appendRepr(StringBuilder out, double d) {
        if (javaFormIsPython(d)) {
            if (!appendCents(out, d)) {
                out.append(d);
            }
        } else {
            out.append(generalRepr(d));
        }
    }

    /**
     * Prices and other values with at most two decimals, the common case in pages, without the
     * general shortest-digits search. If the decimal {@code c / 100} converts to exactly {@code d},
     * it is the shortest repr: in the plain range (|d| below 1e7) doubles are far denser than 0.01,
     * so no other decimal with as few digits reaches {@code d}, and a shorter one would be a
     * coarser multiple of 0.01 that is the same number. Trailing zeros go, one fraction digit
     * stays ({@code 12.5}, {@code 3.0}), as in Python and Java.
     *
     * @return whether it appended (false: {@code d} has more than two decimals)
     */
    private static boolean appendCents(StringBuilder out, double d) {
        long cents = Math.round(d * 100);
        if (cents / 100.0 != d) {
            return false;
        }
        if (cents < 0) {
            out.append('-');
            cents = -cents;
        }
        long fraction = cents % 100;
        out.append(cents / 100).append('.');
        if (fraction % 10 == 0) {
            out.append((char) ('0' + fraction / 10));
        } else {
            out.append((char) ('0' + fraction / 10)).append((char) ('0' + fraction % 10));
        }
        return true;
    }

    /** Python's {@code repr(float)}: {@code 4.0}, {@code 1e+16}, {@code 1e-05}, {@code inf}, {@code nan}. */
    public static String repr(double d) {
        return javaFormIsPython(d) ? Double.toString(d) : generalRepr(d);
    }

    /** {@link #repr} from the shortest digits, for every double (package-private for the tests). */
    static String generalRepr(double d) {
        if (Double.isNaN(d)) {
            return "nan";
        }
        if (Double.isInfinite(d)) {
            return d > 0 ? "inf" : "-inf";
        }
        if (d == 0) {
            return (1 / d < 0) ? "-0.0" : "0.0";
        }
        StringBuilder out = new StringBuilder();
        if (d < 0) {
            out.append('-');
            d = -d;
        }
        Digits digits = Digits.shortest(d);
        String ds = digits.digits();
        int exp = digits.exponent();
        if (exp < -4 || exp >= 16) {
            out.append(ds.charAt(0));
            if (ds.length() > 1) {
                out.append('.').append(ds, 1, ds.length());
            }
            appendExponent(out, exp);
        } else if (exp < 0) {
            out.append("0.");
            out.append("0".repeat(-exp - 1)).append(ds);
        } else if (ds.length() <= exp + 1) {
            out.append(ds).append("0".repeat(exp + 1 - ds.length())).append(".0");
        } else {
            out.append(ds, 0, exp + 1).append('.').append(ds, exp + 1, ds.length());
        }
        return out.toString();
    }

    /** {@code e+16}, {@code e-05}: Python writes at least two exponent digits. */
    static void appendExponent(StringBuilder out, int exp) {
        out.append('e').append(exp < 0 ? '-' : '+');
        int a = Math.abs(exp);
        if (a < 10) {
            out.append('0');
        }
        out.append(a);
    }

    /** {@code '%.Nf' % d}: fixed notation, correctly rounded (half-even on the exact binary value). */
    public static String fixed(double d, int precision) {
        if (Double.isNaN(d)) {
            return "nan";
        }
        if (Double.isInfinite(d)) {
            return d > 0 ? "inf" : "-inf";
        }
        String digits = fixedDigits(Math.abs(d), precision);
        return d < 0 || (d == 0 && 1 / d < 0) ? "-" + digits : digits;
    }

    /**
     * {@code |d|} rounded half-even to {@code precision} decimals, in plain notation ({@code 24.50}),
     * exact like {@code new BigDecimal(a).setScale(precision, HALF_EVEN).toPlainString()}, which
     * it falls back to outside {@link #scaledHalfEven}'s range.
     *
     * @param a a finite, non-negative value
     */
    public static String fixedDigits(double a, int precision) {
        long scaled = scaledHalfEven(a, precision);
        if (scaled < 0) {
            return new BigDecimal(a).setScale(precision, RoundingMode.HALF_EVEN).toPlainString();
        }
        String s = Long.toString(scaled);
        if (precision == 0) {
            return s;
        }
        StringBuilder out = new StringBuilder(precision + 3);
        if (s.length() <= precision) {
            out.append("0.").repeat('0', precision - s.length()).append(s);
        } else {
            out.append(s, 0, s.length() - precision).append('.').append(s, s.length() - precision, s.length());
        }
        return out.toString();
    }

    private static final long[] POWERS_OF_TEN = {
        1L, 10L, 100L, 1_000L, 10_000L, 100_000L, 1_000_000L, 10_000_000L, 100_000_000L, 1_000_000_000L,
        10_000_000_000L, 100_000_000_000L, 1_000_000_000_000L, 10_000_000_000_000L, 100_000_000_000_000L,
        1_000_000_000_000_000L, 10_000_000_000_000_000L, 100_000_000_000_000_000L, 1_000_000_000_000_000_000L};

    /**
     * {@code a * 10^precision} rounded half-even, computed exactly from the binary value, or -1
     * when that needs more than a long (then callers take BigDecimal). Why not always BigDecimal:
     * on JDK 25 its class initialiser computes 5^65536, some 15-40 ms of a cold start, and a page
     * that formats a price would pay that in every short-lived process (docs/performance.md,
     * "Cold start"). The exact rule is the same, so the output is too.
     *
     * @param a a finite, non-negative value
     * @param precision digits after the point, 0 to 18
     */
    public static long scaledHalfEven(double a, int precision) {
        if (precision < 0 || precision >= POWERS_OF_TEN.length || !(a >= 0) || a == Double.POSITIVE_INFINITY) {
            return -1;
        }
        if (a == 0) {
            return 0;
        }
        long bits = Double.doubleToRawLongBits(a);
        int biased = (int) (bits >>> 52);
        long mantissa = bits & 0x000F_FFFF_FFFF_FFFFL;
        // a == mantissa * 2^exp exactly
        int exp;
        if (biased == 0) {
            exp = -1074;
        } else {
            mantissa |= 1L << 52;
            exp = biased - 1075;
        }
        long pow = POWERS_OF_TEN[precision];
        long hi = Math.multiplyHigh(mantissa, pow);
        long num = mantissa * pow;
        if (hi != 0 || num < 0) {
            return -1;
        }
        if (exp >= 0) {
            // an integer: exact when the shift keeps every bit
            return exp < 63 && num <= (Long.MAX_VALUE >> exp) ? num << exp : -1;
        }
        int k = -exp;
        if (k >= 63) {
            // num < 2^63 <= the shift: the quotient is 0, rounded up only past one half
            return k == 63 && num > (1L << 62) ? 1 : 0;
        }
        long q = num >>> k;
        long rest = num & ((1L << k) - 1);
        long half = 1L << (k - 1);
        if (rest > half || (rest == half && (q & 1) != 0)) {
            q++;
        }
        return q;
    }

    /** {@code '%.Ne' % d}: one digit, point, N digits, exponent. */
    public static String exponent(double d, int precision) {
        if (Double.isNaN(d)) {
            return "nan";
        }
        if (Double.isInfinite(d)) {
            return d > 0 ? "inf" : "-inf";
        }
        StringBuilder out = new StringBuilder();
        if (d < 0 || (d == 0 && 1 / d < 0)) {
            out.append('-');
            d = -d;
        }
        if (d == 0) {
            out.append('0');
            if (precision > 0) {
                out.append('.').append("0".repeat(precision));
            }
            appendExponent(out, 0);
            return out.toString();
        }
        BigDecimal bd = new BigDecimal(d);
        BigDecimal rounded = bd.round(new java.math.MathContext(precision + 1, RoundingMode.HALF_EVEN));
        String unscaled = rounded.unscaledValue().toString();
        int exp = unscaled.length() - 1 - rounded.scale();
        // pad to precision+1 digits (trailing zeros may have been stripped in the unscaled value)
        StringBuilder digits = new StringBuilder(unscaled);
        while (digits.length() < precision + 1) {
            digits.append('0');
        }
        out.append(digits.charAt(0));
        if (precision > 0) {
            out.append('.').append(digits, 1, precision + 1);
        }
        appendExponent(out, exp);
        return out.toString();
    }

    /**
     * {@code '%.Ng' % d}: exponent form when the exponent is below -4 or at least the precision,
     * trailing zeros removed unless {@code alternate}.
     */
    public static String general(double d, int precision, boolean alternate) {
        if (Double.isNaN(d)) {
            return "nan";
        }
        if (Double.isInfinite(d)) {
            return d > 0 ? "inf" : "-inf";
        }
        if (precision == 0) {
            precision = 1;
        }
        String e = exponent(d, precision - 1);
        int ePos = e.indexOf('e');
        int exp = Integer.parseInt(e.substring(ePos + 1));
        String body;
        if (exp < -4 || exp >= precision) {
            String mant = e.substring(0, ePos);
            if (!alternate) {
                mant = stripZeros(mant);
            }
            return mant + e.substring(ePos);
        }
        body = fixed(d, precision - 1 - exp);
        return alternate ? body : stripZeros(body);
    }

    private static String stripZeros(String s) {
        if (s.indexOf('.') < 0) {
            return s;
        }
        int end = s.length();
        while (s.charAt(end - 1) == '0') {
            end--;
        }
        if (s.charAt(end - 1) == '.') {
            end--;
        }
        return s.substring(0, end);
    }

    /** Shortest decimal digits of a positive finite double and the exponent of the first digit. */
    record Digits(String digits, int exponent) {
        static Digits shortest(double d) {
            String s = Double.toString(d);
            int ePos = s.indexOf('E');
            String mantissa = ePos >= 0 ? s.substring(0, ePos) : s;
            int exp10 = ePos >= 0 ? Integer.parseInt(s.substring(ePos + 1)) : 0;
            int dot = mantissa.indexOf('.');
            String all = mantissa.substring(0, dot) + mantissa.substring(dot + 1);
            int first = 0;
            while (first < all.length() - 1 && all.charAt(first) == '0') {
                first++;
            }
            int last = all.length();
            while (last > first + 1 && all.charAt(last - 1) == '0') {
                last--;
            }
            int exponent = dot - 1 - first + exp10;
            String digits = all.substring(first, last);
            if (digits.length() == 2) {
                // Double.toString prints at least two significant digits in some forms (4.9E-324);
                // Python prints one when a single digit reads back as the same double
                int single = (int) Math.round(((digits.charAt(0) - '0') * 10 + (digits.charAt(1) - '0')) / 10.0);
                String candidate = single == 10 ? "1" : Integer.toString(single);
                int candidateExp = single == 10 ? exponent + 1 : exponent;
                if (Double.parseDouble(candidate + "E" + candidateExp) == d) {
                    return new Digits(candidate, candidateExp);
                }
            }
            return new Digits(digits, exponent);
        }
    }
}
