package dev.kida.engine.runtime.value;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The fast path of {@link FloatFormat#repr} against the general algorithm and Python's own output. */
class FloatFormatTest {

    /** Values at and around the edges of the fast range, with the repr CPython 3 prints for them. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "0x1.0624dd2f1a9fcp-10|0.001", "0x1.0624dd2f1a9fbp-10|0.0009999999999999998",
            "0x1.0624dd2f1a9fdp-10|0.0010000000000000002", "0x1.312cfffffffffp+23|9999999.999999998",
            "0x1.312d000000000p+23|10000000.0", "0x1.2d68700000000p+20|1234567.0",
            "0x1.3333333333334p-2|0.30000000000000004", "-0x1.0624dd2f1a9fcp-10|-0.001",
            "0x1.9000000000000p+6|100.0", "0x0.0000000000001p-1022|5e-324", "0x1.47ae147ae147bp-9|0.0025",
            "0x1.5555555555555p-2|0.3333333333333333", "0x1.4585555555555p+19|666666.6666666666"})
    void printsWhatPythonPrints(String hex, String python) {
        double d = Double.parseDouble(hex);
        assertEquals(python, FloatFormat.repr(d));
        StringBuilder sb = new StringBuilder("x");
        FloatFormat.appendRepr(sb, d);
        assertEquals("x" + python, sb.toString());
    }

    @Test
    void fastPathAgreesWithTheGeneralAlgorithm() {
        SplittableRandom random = new SplittableRandom(20240611);
        for (int i = 0; i < 200_000; i++) {
            double d = switch (i % 4) {
                case 0 -> Double.longBitsToDouble(random.nextLong());
                case 1 -> random.nextDouble(-1e7, 1e7);
                case 2 -> Math.round(random.nextDouble(-1e6, 1e6) * 100) / 100.0;
                default -> random.nextDouble(-0.01, 0.01);
            };
            if (Double.isNaN(d)) {
                continue;
            }
            String expected = FloatFormat.generalRepr(d);
            assertEquals(expected, FloatFormat.repr(d), () -> Double.toHexString(d));
            StringBuilder sb = new StringBuilder();
            FloatFormat.appendRepr(sb, d);
            assertEquals(expected, sb.toString(), () -> Double.toHexString(d));
        }
    }

    @org.junit.jupiter.api.Test
    void valuesWithFewDecimalsPrintAsJavasShortestDigits() {
        java.util.SplittableRandom random = new java.util.SplittableRandom(42);
        for (int i = 0; i < 2_000_000; i++) {
            double d = switch (i % 4) {
                case 0 -> random.nextLong(-1_000_000_000L, 1_000_000_000L) / 100.0;
                case 1 -> random.nextLong(-100_000_000L, 100_000_000L) / 10.0;
                case 2 -> random.nextDouble(-1e7, 1e7);
                default -> random.nextDouble(-2, 2);
            };
            if (Math.abs(d) < 1e-3 || Math.abs(d) >= 1e7) {
                continue;
            }
            StringBuilder sb = new StringBuilder();
            FloatFormat.appendRepr(sb, d);
            org.junit.jupiter.api.Assertions.assertEquals(Double.toString(d), sb.toString(), "for " + d);
        }
    }

    /** The long-arithmetic path of fixed notation against BigDecimal's exact half-even rounding. */
    @Test
    void fixedDigitsRoundLikeBigDecimal() {
        SplittableRandom random = new SplittableRandom(20261203);
        for (int i = 0; i < 300_000; i++) {
            double a = Math.abs(switch (i % 6) {
                case 0 -> Double.longBitsToDouble(random.nextLong());
                case 1 -> random.nextDouble(0, 1e7);
                case 2 -> random.nextLong(0, 10_000_000L) / 1000.0;
                // exact ties at the rounding digit: 0.125, 2.5, 0.375 ...
                case 3 -> random.nextLong(0, 1 << 20) / (double) (1L << random.nextInt(1, 12));
                case 4 -> Double.longBitsToDouble(random.nextLong(0, 1L << 52));
                default -> random.nextDouble(0, 1e-3);
            });
            if (Double.isNaN(a) || Double.isInfinite(a)) {
                continue;
            }
            int precision = random.nextInt(0, 19);
            java.math.BigDecimal exact = new java.math.BigDecimal(a).setScale(precision, java.math.RoundingMode.HALF_EVEN);
            assertEquals(exact.toPlainString(), FloatFormat.fixedDigits(a, precision),
                    () -> Double.toHexString(a) + " at " + precision);
            long scaled = FloatFormat.scaledHalfEven(a, precision);
            if (scaled >= 0) {
                assertEquals(exact.unscaledValue().longValueExact(), scaled, () -> Double.toHexString(a) + " at " + precision);
            }
        }
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"0.125|2|0.12", "0.375|2|0.38", "2.5|0|2", "3.5|0|4", "24.5|2|24.50",
            "1e-5|2|0.00", "0.005|2|0.01", "1e22|1|10000000000000000000000.0", "0x0.0000000000001p-1022|3|0.000",
            "0x1.0p-63|0|0", "0x1.8p-1|0|1"})
    void fixedDigitsOfKnownValues(String value, int precision, String expected) {
        assertEquals(expected, FloatFormat.fixedDigits(Double.parseDouble(value), precision));
    }
}
