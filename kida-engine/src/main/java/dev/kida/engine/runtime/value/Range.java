package dev.kida.engine.runtime.value;

import java.util.AbstractList;
import java.util.RandomAccess;

/** Python's {@code range}: a lazy, immutable sequence of ints that prints as {@code range(0, 3)}. */
public final class Range extends AbstractList<Object> implements RandomAccess {
    private final long start;
    private final long stop;
    private final long step;
    private final int size;

    /** The range; the caller has checked the step is not zero and the size fits. */
    public Range(long start, long stop, long step, int size) {
        this.start = start;
        this.stop = stop;
        this.step = step;
        this.size = size;
    }

    /**
     * The number of items of {@code range(start, stop, step)}, or {@link Long#MAX_VALUE} when there
     * are more than that (callers refuse such a range as too large). The distance between the
     * bounds may not fit a long (from {@code -2**63} to {@code 2**63-1}), so it is taken as an
     * unsigned number, which it always fits, instead of wrapping into a wrong (even negative) count.
     */
    public static long count(long start, long stop, long step) {
        if (step > 0 ? stop <= start : start <= stop) {
            return 0;
        }
        return steps(step > 0 ? stop - start - 1 : start - stop - 1, step);
    }

    /**
     * The number of items from {@code start} up to and including {@code end} (down to, for a
     * negative step), or {@link Long#MAX_VALUE} when there are more: Kida's {@code start..end by
     * step}. Counted directly, since {@code end + 1} does not exist when {@code end} is the
     * largest long.
     */
    public static long countInclusive(long start, long end, long step) {
        if (step > 0 ? end < start : start < end) {
            return 0;
        }
        return steps(step > 0 ? end - start : start - end, step);
    }

    /** 1 + {@code distance / |step|}, both unsigned ({@code -Long.MIN_VALUE} is 2**63 that way), saturated. */
    private static long steps(long distance, long step) {
        long whole = Long.divideUnsigned(distance, step > 0 ? step : -step);
        return whole < 0 || whole == Long.MAX_VALUE ? Long.MAX_VALUE : whole + 1;
    }

    @Override
    public Object get(int index) {
        if (index < 0 || index >= size) {
            throw new IndexOutOfBoundsException(index);
        }
        return start + index * step;
    }

    @Override
    public int size() {
        return size;
    }

    @Override
    public String toString() {
        return "range(" + start + ", " + stop + (step == 1 ? "" : ", " + step) + ")";
    }
}
