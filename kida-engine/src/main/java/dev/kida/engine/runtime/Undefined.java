package dev.kida.engine.runtime;

import dev.kida.api.UndefinedException;

/**
 * The value of a name or attribute that does not exist. Strict, like Jinja2's StrictUndefined:
 * printing it, iterating it, testing its truth, comparing or computing with it raises
 * {@link UndefinedException}; only {@code is defined}, {@code default} and the like look at it.
 *
 * <p>One value is lenient, like Jinja2's plain Undefined: an inline {@code if} without {@code else}
 * that evaluated to false gives Jinja2's default Undefined even under StrictUndefined. It prints
 * as the empty string, is false, iterates as empty and has length 0; attributes, arithmetic and
 * calls still raise.
 *
 * @param message what was missing, in Jinja2's words: {@code 'x' is undefined} or
 *                {@code 'dict object' has no attribute 'y'}
 * @param lenient whether printing, truth, iteration and length are allowed (plain Undefined)
 */
public record Undefined(String message, boolean lenient) {
    /** A strict undefined value. */
    public Undefined(String message) {
        this(message, false);
    }

    /** A lenient (Jinja2 default) undefined value: see the class description. */
    public static Undefined lenient(String message) {
        return new Undefined(message, true);
    }

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
            return new Undefined(PyRepr.repr(owned) + " has no attribute " + PyRepr.repr(key.toString())
                    + Encapsulation.hint(owner, key.toString()));
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
