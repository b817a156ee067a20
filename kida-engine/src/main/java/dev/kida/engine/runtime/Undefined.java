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

    /** For a missing attribute or item of {@code owner}. */
    public static Undefined attribute(Object owner, Object key) {
        return new Undefined("'" + Values.typeName(owner) + " object' has no attribute '" + key + "'");
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
