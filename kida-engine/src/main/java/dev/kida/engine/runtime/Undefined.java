package dev.kida.engine.runtime;

import dev.kida.api.UndefinedException;

/**
 * The value of a name or attribute that does not exist. Strict, like Jinja2's StrictUndefined:
 * printing it, iterating it, testing its truth, comparing or computing with it raises
 * {@link UndefinedException}; only {@code is defined}, {@code default} and the like look at it.
 *
 * @param message what was missing, in Jinja2's words: {@code 'x' is undefined} or
 *                {@code 'dict object' has no attribute 'y'}
 */
public record Undefined(String message) {
    /** For a missing variable. */
    public static Undefined name(String name) {
        return new Undefined("'" + name + "' is undefined");
    }

    /**
     * For a missing attribute or item of {@code owner}, worded like Jinja2:
     * {@code 'dict object' has no attribute 'x'} for a string key,
     * {@code list object has no element 5} for any other key.
     */
    public static Undefined attribute(Object owner, Object key) {
        String owned = Values.objectTypeRepr(owner);
        if (key instanceof String || key instanceof dev.kida.api.Markup) {
            return new Undefined(PyRepr.repr(owned) + " has no attribute " + PyRepr.repr(key.toString()));
        }
        return new Undefined(owned + " has no element " + PyRepr.repr(key));
    }

    /** Raises the error this value stands for. */
    public UndefinedException fail() {
        return new UndefinedException(message);
    }

    @Override
    public String toString() {
        throw fail();
    }
}
