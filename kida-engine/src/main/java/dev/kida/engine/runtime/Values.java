package dev.kida.engine.runtime;

import dev.kida.api.CallContext;

import java.util.Iterator;
import java.util.List;

/**
 * Python's value semantics, as Jinja2 templates see them, over the Java values a context holds:
 * null (None), Boolean, Long/Integer/BigInteger (int), Double/Float (float), String and Markup
 * (str), List and {@link Tuple} (list, tuple), Map (dict), records and beans (objects).
 * One definition shared by the evaluator, the bytecode compiler and the filters.
 * (Contract stub: the runtime helper fills these in.)
 */
public final class Values {
    private Values() {
    }

    /** Python's {@code type(x).__name__} for messages: 'str', 'int', 'dict', 'list', 'NoneType'... */
    public static String typeName(Object value) {
        throw new UnsupportedOperationException();
    }

    /** Python's {@code str()}. Raises for Undefined. */
    public static String str(Object value) {
        throw new UnsupportedOperationException();
    }

    /** Python's {@code repr()}. */
    public static String repr(Object value) {
        throw new UnsupportedOperationException();
    }

    /** Python's truth value. Raises for Undefined. */
    public static boolean truthy(Object value) {
        throw new UnsupportedOperationException();
    }

    public static Object add(Object a, Object b) { throw new UnsupportedOperationException(); }
    public static Object sub(Object a, Object b) { throw new UnsupportedOperationException(); }
    public static Object mul(Object a, Object b) { throw new UnsupportedOperationException(); }
    public static Object div(Object a, Object b) { throw new UnsupportedOperationException(); }
    public static Object floorDiv(Object a, Object b) { throw new UnsupportedOperationException(); }
    public static Object mod(Object a, Object b) { throw new UnsupportedOperationException(); }
    public static Object pow(Object a, Object b) { throw new UnsupportedOperationException(); }
    public static Object neg(Object a) { throw new UnsupportedOperationException(); }
    public static Object pos(Object a) { throw new UnsupportedOperationException(); }

    /** {@code a ~ b}: str() of both; under autoescape, Markup if either is Markup (escaping the other). */
    public static Object concat(Object a, Object b, boolean autoescape, CallContext ctx) {
        throw new UnsupportedOperationException();
    }

    /** Python {@code ==}. */
    public static boolean eq(Object a, Object b) { throw new UnsupportedOperationException(); }

    /** Python ordering: negative, zero, positive; TemplateTypeException when not orderable. */
    public static int compare(Object a, Object b) { throw new UnsupportedOperationException(); }

    /** Python {@code item in container}. */
    public static boolean contains(Object container, Object item) { throw new UnsupportedOperationException(); }

    /** {@code obj.name}: attribute first, then item; an {@link Undefined} when neither exists. */
    public static Object getAttr(Object obj, String name) { throw new UnsupportedOperationException(); }

    /** {@code obj[key]}: item first, then attribute for string keys; {@link Undefined} when missing. */
    public static Object getItem(Object obj, Object key) { throw new UnsupportedOperationException(); }

    /** {@code obj[start:stop:step]}; each bound may be null. */
    public static Object slice(Object obj, Object start, Object stop, Object step) { throw new UnsupportedOperationException(); }

    /** Python iteration: dicts give keys, strings give one-code-point strings. */
    public static Iterator<Object> iterate(Object iterable) { throw new UnsupportedOperationException(); }

    /** Python {@code list(x)}. */
    public static List<Object> toList(Object iterable) { throw new UnsupportedOperationException(); }

    /** Python {@code len(x)}; strings in code points. */
    public static int length(Object value) { throw new UnsupportedOperationException(); }

    /** Calls a callable value (a GlobalFunction, bound method, macro...) with arguments. */
    public static Object call(Object callee, CallContext ctx, Args args) { throw new UnsupportedOperationException(); }
}
