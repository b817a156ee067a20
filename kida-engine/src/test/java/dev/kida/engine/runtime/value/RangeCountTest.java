package dev.kida.engine.runtime.value;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.math.BigInteger;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * {@link Range#count} (Python's {@code len(range(start, stop, step))}) and
 * {@link Range#countInclusive} (Kida's {@code start..end by step}), including bounds whose distance
 * does not fit a long, where the counts must saturate instead of wrapping.
 */
class RangeCountTest {
    private static final long MIN = Long.MIN_VALUE;
    private static final long MAX = Long.MAX_VALUE;

    /** Python's len(range(...)), or Long.MAX_VALUE when that does not fit a long. */
    private static long python(long start, long stop, long step) {
        BigInteger span = BigInteger.valueOf(stop).subtract(BigInteger.valueOf(start));
        BigInteger by = BigInteger.valueOf(step);
        if (span.signum() == 0 || span.signum() != by.signum()) {
            return 0;
        }
        // ceil(span / step) for span and step of the same sign
        BigInteger n = span.abs().add(by.abs()).subtract(BigInteger.ONE).divide(by.abs());
        return n.bitLength() < 64 ? n.longValue() : MAX;
    }

    /** The size of {@code start..end by step} in unbounded integers, or Long.MAX_VALUE beyond a long. */
    private static long inclusive(long start, long end, long step) {
        BigInteger span = BigInteger.valueOf(end).subtract(BigInteger.valueOf(start));
        BigInteger by = BigInteger.valueOf(step);
        if (span.signum() != 0 && span.signum() != by.signum()) {
            return 0;
        }
        BigInteger n = span.divide(by).add(BigInteger.ONE);
        return n.bitLength() < 64 ? n.longValue() : MAX;
    }

    @ParameterizedTest
    @CsvSource({"0, 3, 1, 3", "0, 10, 3, 4", "3, 0, 1, 0", "5, 0, -2, 3", "0, 5, -1, 0", "1, 1, 1, 0"})
    void smallRangesCountAsPythonDoes(long start, long stop, long step, long expected) {
        assertEquals(expected, Range.count(start, stop, step));
    }

    @Test
    void distancesBeyondALongSaturate() {
        assertEquals(MAX, Range.count(MIN, MAX, 1));
        assertEquals(MAX, Range.count(MAX, MIN, -1));
        assertEquals(4, Range.count(-MAX, MAX, 1L << 62));
        assertEquals(2, Range.count(MAX, MIN, MIN));
        assertEquals(3, Range.count(MIN, MAX, MAX));
    }

    @Test
    void inclusiveRangesKeepTheEndAtTheLongsLimits() {
        assertEquals(2, Range.countInclusive(MAX - 1, MAX, 1));
        assertEquals(2, Range.countInclusive(MIN + 1, MIN, -1));
        assertEquals(3, Range.countInclusive(MIN, MAX, MAX));
        assertEquals(MAX, Range.countInclusive(MIN, MAX, 1));
        assertEquals(3, Range.countInclusive(5, 1, -2));
        assertEquals(0, Range.countInclusive(3, 1, 1));
        assertEquals(1, Range.countInclusive(4, 4, -3));
    }

    @Test
    void randomBoundsAgreeWithBigIntegerArithmetic() {
        SplittableRandom random = new SplittableRandom(42);
        for (int i = 0; i < 20_000; i++) {
            long start = random.nextLong();
            long stop = random.nextLong();
            long step = random.nextBoolean() ? random.nextLong() : random.nextLong(-5, 6);
            if (step == 0) {
                continue;
            }
            assertEquals(python(start, stop, step), Range.count(start, stop, step),
                    "range(" + start + ", " + stop + ", " + step + ")");
            assertEquals(inclusive(start, stop, step), Range.countInclusive(start, stop, step),
                    start + ".." + stop + " by " + step);
        }
    }
}
