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

    /** The number of items of {@code range(start, stop, step)}. */
    public static long count(long start, long stop, long step) {
        if (step > 0) {
            return stop > start ? (stop - start - 1) / step + 1 : 0;
        }
        return start > stop ? (start - stop - 1) / (-step) + 1 : 0;
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
