package dev.kida.engine.runtime.value;

import java.util.AbstractList;
import java.util.List;
import java.util.RandomAccess;

/**
 * What {@code dict.items()}, {@code .keys()} and {@code .values()} return: a read-only sequence
 * that iterates like a list but prints as Python's view, {@code dict_items([('a', 1)])}.
 */
public final class DictView extends AbstractList<Object> implements RandomAccess {
    private final String kind;
    private final List<Object> items;

    /** A view of {@code kind} ({@code dict_items}, {@code dict_keys}, {@code dict_values}) over the items. */
    public DictView(String kind, List<Object> items) {
        this.kind = kind;
        this.items = items;
    }

    /** {@code dict_items}, {@code dict_keys} or {@code dict_values}. */
    public String kind() {
        return kind;
    }

    @Override
    public Object get(int index) {
        return items.get(index);
    }

    @Override
    public int size() {
        return items.size();
    }

    @Override
    public String toString() {
        return PyRepr.repr(this);
    }
}
