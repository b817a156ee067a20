package dev.kida.engine.runtime;

import java.util.AbstractList;
import java.util.List;
import java.util.RandomAccess;

/** A Python tuple: an immutable list that prints as {@code (a, b)}. */
public final class Tuple extends AbstractList<Object> implements RandomAccess {
    private final Object[] items;

    private Tuple(Object[] items) {
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
