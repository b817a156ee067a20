package dev.kida.engine.runtime.value;

import dev.kida.api.UndefinedException;
import dev.kida.api.UndefinedKind;

import java.util.Collections;
import java.util.Iterator;

/**
 * The value of a name or attribute that does not exist, of one of Jinja2's four undefined
 * {@link UndefinedKind kinds}. The rules of each kind (what printing, truth, iteration, length,
 * equality, attribute and item access do) are defined here once, and both backends reach them
 * through the value model ({@code Values}, attribute access, comparison).
 *
 * <p>The kind comes from the environment of the render running on this thread ({@link #using});
 * one value is always {@link UndefinedKind#DEFAULT}, as in Jinja2 even under StrictUndefined: the
 * result of an inline {@code if} without {@code else} that evaluated to false.
 *
 * @param message what was missing, in Jinja2's words: {@code 'x' is undefined} or
 *                {@code 'dict object' has no attribute 'y'}
 * @param kind    the Jinja2 class this value behaves as
 * @param debug   what DebugUndefined prints between {@code {{ }}}
 */
public record Undefined(String message, UndefinedKind kind, String debug) {
    // Why a thread-local: undefined values are made deep in the shared runtime (attribute access,
    // filters) that has no render at hand, and a render runs on one thread. Set per render.
    private static final ThreadLocal<UndefinedKind> CURRENT = ThreadLocal.withInitial(() -> UndefinedKind.STRICT);

    /** An undefined value with a hint (Jinja2's {@code undefined(hint)}), of the render's kind. */
    public Undefined(String message) {
        this(message, CURRENT.get(), "undefined value printed: " + message);
    }

    /**
     * Makes {@code kind} the kind of the undefined values created on this thread until the returned
     * previous kind is given back to {@link #restore}.
     */
    public static UndefinedKind using(UndefinedKind kind) {
        UndefinedKind previous = CURRENT.get();
        if (previous != kind) {
            CURRENT.set(kind);
        }
        return previous;
    }

    /** Gives back the kind {@link #using} returned. */
    public static void restore(UndefinedKind previous) {
        if (CURRENT.get() != previous) {
            CURRENT.set(previous);
        }
    }

    /** The kind of undefined values the running render creates. */
    public static UndefinedKind currentKind() {
        return CURRENT.get();
    }

    /** A plain Jinja2 Undefined, whatever the environment's kind: see the class description. */
    public static Undefined lenient(String message) {
        return new Undefined(message, UndefinedKind.DEFAULT, "undefined value printed: " + message);
    }

    /** For a missing variable. */
    public static Undefined name(String name) {
        return new Undefined("'" + name + "' is undefined", CURRENT.get(), name);
    }

    /** A hint with the name it concerns (Jinja2's {@code undefined(hint, name=...)}). */
    public static Undefined hint(String hint) {
        return new Undefined(hint);
    }

    /**
     * For a missing attribute or item of {@code owner}, worded like Jinja2:
     * {@code 'dict object' has no attribute 'x'} for a string key,
     * {@code list object has no element 5} for any other key.
     */
    public static Undefined attribute(Object owner, Object key) {
        String owned = PyTypes.objectTypeRepr(owner);
        String debug = "no such element: " + owned + "[" + PyRepr.repr(key) + "]";
        if (key instanceof String || key instanceof dev.kida.api.Markup) {
            return new Undefined(PyRepr.repr(owned) + " has no attribute " + PyRepr.repr(key.toString())
                    + Encapsulation.hint(owner, key.toString()), CURRENT.get(), debug);
        }
        return new Undefined(owned + " has no element " + PyRepr.repr(key), CURRENT.get(), debug);
    }

    /** Whether printing, truth, iteration, length and equality are allowed (every kind but strict). */
    public boolean lenient() {
        return kind != UndefinedKind.STRICT;
    }

    /** Raises the error this value stands for. */
    public UndefinedException fail() {
        return new UndefinedException(message);
    }

    /** Python's {@code str()} of this value. */
    public String str() {
        return switch (kind) {
            case STRICT -> throw fail();
            case DEBUG -> "{{ " + debug + " }}";
            default -> "";
        };
    }

    /** Python's {@code bool()}: false, or raises when strict. */
    public boolean truthy() {
        if (kind == UndefinedKind.STRICT) {
            throw fail();
        }
        return false;
    }

    /** Python's {@code len()}: 0, or raises when strict. */
    public int length() {
        if (kind == UndefinedKind.STRICT) {
            throw fail();
        }
        return 0;
    }

    /** Python's {@code iter()}: empty, or raises when strict. */
    public Iterator<Object> iterator() {
        if (kind == UndefinedKind.STRICT) {
            throw fail();
        }
        return Collections.emptyIterator();
    }

    /** {@code self.name} and {@code self[key]}: itself when chainable, else raises. */
    public Undefined member() {
        if (kind == UndefinedKind.CHAINABLE) {
            return this;
        }
        throw fail();
    }

    /** Python's {@code ==} with this value on either side: equal to an undefined of the same kind. */
    public boolean equalTo(Object other) {
        if (kind == UndefinedKind.STRICT) {
            throw fail();
        }
        if (other instanceof Undefined u && u.kind == UndefinedKind.STRICT) {
            throw u.fail();
        }
        return other instanceof Undefined u && u.kind == kind;
    }

    /** The Python class name, for messages such as {@code Object of type Undefined is not ...}. */
    public String typeName() {
        return kind.jinjaName();
    }

    @Override
    public String toString() {
        return str();
    }
}
