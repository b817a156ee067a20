package dev.kida.engine.runtime;

import dev.kida.engine.runtime.html.Html;
import dev.kida.engine.runtime.value.AccessPolicy;
import dev.kida.engine.runtime.value.Budget;
import dev.kida.engine.runtime.value.Iteration;
import dev.kida.engine.runtime.value.PyNumbers;
import dev.kida.engine.runtime.value.PyRepr;
import dev.kida.engine.runtime.value.PySlice;
import dev.kida.engine.runtime.value.PyTypes;
import dev.kida.engine.runtime.value.Sandbox;
import dev.kida.engine.runtime.value.Tuple;
import dev.kida.engine.runtime.value.Undefined;
import dev.kida.api.CallContext;
import dev.kida.api.GlobalFunction;
import dev.kida.api.HtmlSafe;
import dev.kida.api.Markup;
import dev.kida.api.TemplateTypeException;

import java.lang.reflect.Array;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.BaseStream;

/**
 * Python's value semantics, as Jinja2 templates see them, over the Java values a context holds:
 * null (None), Boolean, Long/Integer/BigInteger (int), Double/Float (float), String and Markup
 * (str), List and {@link Tuple} (list, tuple), Map (dict), records and beans (objects).
 * One definition shared by the evaluator, the bytecode compiler and the filters; the work is
 * done by {@link Arithmetic}, {@link Comparison}, {@link Access}, {@link PyRepr} and friends.
 */
public final class Values {
    private Values() {
    }

    /** Python's {@code type(x).__name__} for messages: 'str', 'int', 'dict', 'list', 'NoneType'... */
    public static String typeName(Object value) {
        return PyTypes.typeName(value);
    }

    /** Jinja2's {@code object_type_repr}: {@code None}, {@code dict object}, {@code com.example.User object}. */
    public static String objectTypeRepr(Object value) {
        return PyTypes.objectTypeRepr(value);
    }

    /** Python's {@code str()}. Raises for Undefined. */
    public static String str(Object value) {
        return PyRepr.str(value);
    }

    /** Python's {@code repr()}. */
    public static String repr(Object value) {
        return PyRepr.repr(value);
    }

    /** Python's truth value. Raises for Undefined. */
    public static boolean truthy(Object value) {
        return PyTypes.truthy(value);
    }

    public static Object add(Object a, Object b) {
        return Arithmetic.add(a, b);
    }

    public static Object sub(Object a, Object b) {
        return Arithmetic.sub(a, b);
    }

    public static Object mul(Object a, Object b) {
        return Arithmetic.mul(a, b);
    }

    public static Object div(Object a, Object b) {
        return Arithmetic.div(a, b);
    }

    public static Object floorDiv(Object a, Object b) {
        return Arithmetic.floorDiv(a, b);
    }

    public static Object mod(Object a, Object b) {
        return Arithmetic.mod(a, b);
    }

    public static Object pow(Object a, Object b) {
        return Arithmetic.pow(a, b);
    }

    public static Object neg(Object a) {
        return Arithmetic.neg(a);
    }

    public static Object pos(Object a) {
        return Arithmetic.pos(a);
    }

    /** {@code a ~ b}: str() of both; under autoescape, Markup if either is Markup (escaping the other). */
    public static Object concat(Object a, Object b, boolean autoescape, CallContext ctx) {
        if (autoescape && (a instanceof HtmlSafe || b instanceof HtmlSafe)) {
            return Markup.of(Html.escape(a, ctx).toHtml() + Html.escape(b, ctx).toHtml());
        }
        String x = str(a);
        String y = str(b);
        Budget.string((long) x.length() + y.length());
        return x + y;
    }

    /**
     * Python's {@code d[key] = value}: numbers and bools that are equal ({@code 1}, {@code 1.0},
     * {@code True}) are one key, which keeps the object it was first stored with.
     */
    public static void putKey(Map<Object, Object> map, Object key, Object value) {
        if (key instanceof Undefined u && !u.lenient()) {
            throw u.fail();
        }
        PyTypes.requireHashable(key);
        if ((key instanceof Boolean || PyNumbers.isNumber(key)) && !map.containsKey(key)) {
            for (Object existing : map.keySet()) {
                if ((existing instanceof Boolean || PyNumbers.isNumber(existing)) && eq(existing, key)) {
                    map.put(existing, value);
                    return;
                }
            }
        }
        map.put(key, value);
    }

    /** Python {@code ==}. */
    public static boolean eq(Object a, Object b) {
        return Comparison.eq(a, b);
    }

    /** Python ordering: negative, zero, positive; TemplateTypeException when not orderable. */
    public static int compare(Object a, Object b) {
        return Comparison.compare(a, b);
    }

    /**
     * Python's {@code a op b} for {@code op} one of {@code < <= > >=}; NaN orders false, and
     * the TypeError message names {@code op}.
     */
    public static boolean compare(Object a, Object b, String op) {
        return Comparison.test(a, b, op);
    }

    /** Python {@code item in container}. */
    public static boolean contains(Object container, Object item) {
        return Comparison.contains(container, item);
    }

    /** {@code obj.name}: attribute first, then item; an {@link Undefined} when neither exists. */
    public static Object getAttr(Object obj, String name) {
        return Access.getAttr(obj, name);
    }

    /** {@code obj[key]}: item first, then attribute for string keys; {@link Undefined} when missing. */
    public static Object getItem(Object obj, Object key) {
        return Access.getItem(obj, key);
    }

    /** {@code obj[start:stop:step]}; each bound may be null. */
    public static Object slice(Object obj, Object start, Object stop, Object step) {
        return PySlice.sliceAny(obj, start, stop, step);
    }

    /** Python iteration: dicts give keys, strings give one-code-point strings. */
    public static Iterator<Object> iterate(Object iterable) {
        return Iteration.iterate(iterable);
    }

    /**
     * The items a {@code for} loop runs over, as they are when it starts. An immutable JDK list
     * ({@code List.of}, {@code List.copyOf}, {@code Stream.toList}, their sub-lists) is used as it
     * is, since nothing can change it while the loop runs; anything else is copied
     * ({@link #toList}). Why: copying the 1,000 rows of issue 13's escaped page was 4 KB of the
     * 137 KB allocated per render, for a list that cannot change.
     */
    @SuppressWarnings("unchecked")
    public static List<Object> loopItems(Object iterable) {
        if (iterable != null) {
            Class<?> c = iterable.getClass();
            if (c == IMMUTABLE_LIST_N || c == IMMUTABLE_LIST_12 || c == IMMUTABLE_SUB_LIST) {
                return (List<Object>) iterable;
            }
        }
        return toList(iterable);
    }

    private static final Class<?> IMMUTABLE_LIST_N = List.of(1, 2, 3).getClass();
    private static final Class<?> IMMUTABLE_LIST_12 = List.of(1).getClass();
    private static final Class<?> IMMUTABLE_SUB_LIST = List.of(1, 2, 3).subList(0, 2).getClass();

    /** Python {@code list(x)}: a new mutable list. */
    public static List<Object> toList(Object iterable) {
        return Iteration.toList(iterable);
    }

    /** Python {@code len(x)}; strings in code points. */
    public static int length(Object value) {
        // if-chains, here and in call(): a pattern switch links through SwitchBootstraps.typeSwitch,
        // which spins a class at its first use in every process (docs/performance.md, "Cold start")
        if (value instanceof Undefined u) {
            return u.length();
        }
        if (value instanceof String s) {
            return s.codePointCount(0, s.length());
        }
        if (value instanceof CharSequence s) {
            return s.toString().codePointCount(0, s.length());
        }
        if (value instanceof Collection<?> c) {
            return c.size();
        }
        if (value instanceof Map<?, ?> m) {
            return m.size();
        }
        if (value == null) {
            throw new TemplateTypeException("object of type 'NoneType' has no len()");
        }
        if (value.getClass().isArray()) {
            return Array.getLength(value);
        }
        throw new TemplateTypeException("object of type '" + typeName(value) + "' has no len()");
    }

    /** Calls a callable value (a GlobalFunction, bound method, macro...) with arguments. */
    @SuppressWarnings("unchecked")
    public static Object call(Object callee, CallContext ctx, Args args) {
        if (callee != null && !(callee instanceof Undefined)) {
            Sandbox sandbox = Sandbox.current();
            if (sandbox != null) {
                sandbox.checkCall(callee);
            }
        }
        if (callee instanceof Undefined u) {
            throw u.fail();
        }
        if (callee instanceof GlobalFunction f) {
            if (AccessPolicy.isEngineCallable(f)) {
                return f.call(ctx, args);
            }
            // a host function: refused values neither go in nor come out
            for (Object v : args.positional()) {
                AccessPolicy.checkDeep(v);
            }
            for (Object v : args.keywords().values()) {
                AccessPolicy.checkDeep(v);
            }
            return AccessPolicy.checkedValue(f.call(ctx, args));
        }
        if (callee instanceof Function<?, ?> f) {
            requireArity(callee, args, 1);
            AccessPolicy.checkDeep(args.positional().get(0));
            return AccessPolicy.checkedValue(((Function<Object, Object>) f).apply(args.positional().get(0)));
        }
        if (callee instanceof BiFunction<?, ?, ?> f) {
            requireArity(callee, args, 2);
            AccessPolicy.checkDeep(args.positional().get(0));
            AccessPolicy.checkDeep(args.positional().get(1));
            return AccessPolicy.checkedValue(((BiFunction<Object, Object, Object>) f)
                    .apply(args.positional().get(0), args.positional().get(1)));
        }
        if (callee instanceof Supplier<?> s) {
            requireArity(callee, args, 0);
            return AccessPolicy.checkedValue(s.get());
        }
        if (callee == null) {
            throw new TemplateTypeException("'NoneType' object is not callable");
        }
        throw new TemplateTypeException("'" + typeName(callee) + "' object is not callable");
    }

    /** Whether {@link #call} accepts the value (Python's {@code callable()}). */
    public static boolean isCallable(Object value) {
        return value instanceof GlobalFunction || value instanceof Function<?, ?> || value instanceof BiFunction<?, ?, ?>
                || value instanceof Supplier<?>;
    }

    private static void requireArity(Object callee, Args args, int n) {
        if (!args.keywords().isEmpty() || args.positional().size() != n) {
            throw new TemplateTypeException(typeName(callee) + "() takes " + n + " positional argument"
                    + (n == 1 ? "" : "s") + " but " + args.positional().size() + " were given");
        }
    }

    /** MarkupSafe's {@code escape()}: Markup of the escaped text; HtmlSafe values pass unchanged. */
    public static Markup escape(Object value) {
        return Html.escape(value);
    }
}
