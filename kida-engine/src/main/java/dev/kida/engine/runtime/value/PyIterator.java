package dev.kida.engine.runtime.value;

import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.function.Supplier;

/**
 * A Python iterator or generator object, as Jinja2's lazy filters return it ({@code map},
 * {@code select}, {@code batch}, {@code reverse}...). It is single-use, always true, has no length
 * and no items, and its work (with any error it raises) happens only when something iterates it:
 * {@code {{ none|map('upper')|int }}} is {@code 0} in Jinja2, not an error.
 */
public final class PyIterator implements Iterator<Object>, TemplateObject {
    private final String typeName;
    private final String function;
    private Supplier<Iterator<Object>> source;
    private Iterator<Object> items;

    private PyIterator(String typeName, String function, Supplier<Iterator<Object>> source) {
        this.typeName = typeName;
        this.function = function;
        this.source = source;
    }

    /** A generator object made by the Python function named {@code function}; runs {@code body} on first use. */
    public static PyIterator generator(String function, Supplier<Iterator<Object>> body) {
        return new PyIterator("generator", function, body);
    }

    /** A built-in iterator type such as {@code list_reverseiterator} over the given items. */
    public static PyIterator of(String typeName, Supplier<Iterator<Object>> items) {
        return new PyIterator(typeName, null, items);
    }

    /** Python's {@code type(x).__name__}. */
    public String typeName() {
        return typeName;
    }

    private Iterator<Object> items() {
        if (items == null) {
            Supplier<Iterator<Object>> s = source;
            source = null;
            // marks the generator as started first, so an error in the body leaves it exhausted
            items = java.util.Collections.emptyIterator();
            items = s.get();
        }
        return items;
    }

    @Override
    public boolean hasNext() {
        return items().hasNext();
    }

    @Override
    public Object next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        return items.next();
    }

    @Override
    public Object attribute(String name) {
        return MISSING;
    }

    /**
     * Python's repr, with the object's identity standing in for its address (the same length as a
     * CPython address on 64-bit Linux, so counting filters agree); no template can rely on it.
     */
    @Override
    public String toString() {
        String address = " at 0x7f" + String.format("%010x", System.identityHashCode(this) & 0xffffffffL);
        return (function == null ? "<" + typeName + " object" : "<generator object " + function) + address + ">";
    }
}
