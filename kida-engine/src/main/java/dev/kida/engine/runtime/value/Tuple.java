package dev.kida.engine.runtime.value;

import java.util.AbstractList;
import java.util.List;
import java.util.RandomAccess;

/**
 * A Python tuple: an immutable list that prints as {@code (a, b)}. Subclassed only for named
 * tuples such as groupby's groups.
 */
public class Tuple extends AbstractList<Object> implements RandomAccess {
    private final Object[] items;

    /** A tuple over the array, which the caller must not change afterwards. */
    protected Tuple(Object[] items) {
        this.items = items;
    }

    /** A tuple of the given items (copied). */
    public static Tuple of(Object... items) {
        return new Tuple(items.clone());
    }

    /** A tuple of the list's items (copied). */
    public static Tuple copyOf(List<?> items) {
        return new Tuple(items.toArray());
    }

    @Override
    public Object get(int index) {
        return items[index];
    }

    @Override
    public int size() {
        return items.length;
    }
}
