package dev.kida.compiler;

import dev.kida.api.escape.Escaper;
import dev.kida.engine.output.Output;

import java.lang.invoke.CallSite;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.invoke.MutableCallSite;

/**
 * An {@code obj.name} call site fused with the use of its value: printing it, or comparing it
 * with a number literal ({@code item.change < 0}). For receivers whose class has a getter, the
 * warm site calls the getter and prints or compares its result directly: a {@code double},
 * {@code float}, {@code int} or {@code long} with no box in between, and (for print sites where
 * the autoescape setting is known) any other value through the output's own print. For every
 * other receiver, and while the site is cold, it answers "not handled", and the generated code
 * takes the generic path ({@link AttributeSite}, then the runtime's print or comparison), so
 * semantics and error locations stay those of the generic code. The site never raises except
 * where the getter itself fails (an error of the attribute access on both paths) or where printing
 * the value fails (located at the same place).
 *
 * <p>The code passes the site itself as the second argument (a dynamic constant; {@link
 * SiteLinkage} says why). Print sites have type {@code (Object, FusedAttributeSite, Output,
 * Escaper)Object}: non-null when printed. Comparison sites have type {@code (Object,
 * FusedAttributeSite)int}: 1 or 0 for the result, -1 when not handled.
 */
public final class FusedAttributeSite extends MutableCallSite {
    private static final int MAX_CLASSES = 4;
    /**
     * Calls a site answers through its cold target before it specializes: the method-handle
     * combinators of a specialization spin classes at their first use (docs/performance.md,
     * "Cold start") that cost more than the calls they speed up until a site has run a few
     * times. A one-shot render (the CLI) mostly stays below it; a server passes it in its first
     * requests.
     */
    static final int SPECIALIZE_AFTER = 8;
    private static final long EXACT_IN_DOUBLE = 1L << 53;
    /** What a print site returns when it printed the value. */
    static final Object PRINTED = Boolean.TRUE;
    static final MethodType PRINT_TYPE = MethodType.methodType(Object.class, Object.class,
            FusedAttributeSite.class, Output.class, Escaper.class);
    static final MethodType COMPARE_TYPE = MethodType.methodType(int.class, Object.class, FusedAttributeSite.class);
    private static final MethodHandles.Lookup LOOKUP = MethodHandles.lookup();
    private static final MethodHandle IS_CLASS;
    private static final MethodHandle PRINT_COLD;
    private static final MethodHandle COMPARE_COLD;

    static {
        try {
            IS_CLASS = LOOKUP.findStatic(FusedAttributeSite.class, "isClass",
                    MethodType.methodType(boolean.class, Class.class, Object.class));
            PRINT_COLD = LOOKUP.findStatic(FusedAttributeSite.class, "printCold", PRINT_TYPE);
            COMPARE_COLD = LOOKUP.findStatic(FusedAttributeSite.class, "compareCold", COMPARE_TYPE);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    /** The comparison operators a site can apply. */
    enum Op { LT, LE, GT, GE }

    /** How print sites print values that are not numbers. */
    enum Print { RAW, ESCAPED, NUMBERS_ONLY }

    private final String name;
    private final Print print;
    private final Op op;
    private final Number constant;
    private int classes;
    /** The guards so far, typed as the site without its site argument, ending in the cold target bound to this site. */
    private MethodHandle chain;
    /** Fallback calls so far, up to {@link #SPECIALIZE_AFTER}: racy, which only moves the moment. */
    private int misses;

    private FusedAttributeSite(MethodHandle cold, String name, Print print, Op op, Number constant) {
        super(cold);
        this.name = name;
        this.print = print;
        this.op = op;
        this.constant = constant;
    }

    /** A print site of attribute {@code name}. */
    static FusedAttributeSite printSite(String name, Print print) {
        return new FusedAttributeSite(PRINT_COLD, name, print, null, null);
    }

    /** A comparison site: {@code obj.name OP constant}, the constant a Long or Double. */
    static FusedAttributeSite compareSite(String name, Op op, Number constant) {
        return new FusedAttributeSite(COMPARE_COLD, name, null, op, constant);
    }

    /**
     * Bootstrap of the dynamic constant that is a print site (one per instruction: the
     * constant's name is unique in its class): the attribute name, and one of {@link Print}'s
     * names (the autoescape setting at the site when it is known, else {@code NUMBERS_ONLY}).
     */
    static Object bootstrapPrint(MethodHandles.Lookup caller, String constantName, Class<?> type,
                                 Object name, Object print) {
        return printSite((String) name, Print.valueOf((String) print));
    }

    /**
     * Bootstrap of the dynamic constant that is a comparison site: the attribute name, the
     * operator (one of {@link Op}'s names) and the constant, a Long or Double literal.
     */
    static Object bootstrapCompare(MethodHandles.Lookup caller, String constantName, Class<?> type,
                                   Object name, Object op, Object constant) {
        return compareSite((String) name, Op.valueOf((String) op), (Number) constant);
    }

    /** Runs the class initializer (see {@link SiteLinkage#prepare}). */
    static void prepare() {
    }

    private static boolean isClass(Class<?> expected, Object obj) {
        return obj != null && obj.getClass() == expected;
    }

    /** Whether this fallback call is one the site has run often enough to specialize at. */
    private boolean warm() {
        if (misses >= SPECIALIZE_AFTER) {
            return true;
        }
        misses++;
        return false;
    }

    /** A print site's first target (and its fallback for new classes): not handled. */
    private static Object printCold(Object obj, FusedAttributeSite site, Output out, Escaper escaper) {
        if (obj != null && site.warm()) {
            site.relink(obj.getClass(), site.printer(obj.getClass()), MethodHandles.constant(Object.class, null));
        }
        return null;
    }

    /** A comparison site's first target (and its fallback for new classes): not handled. */
    private static int compareCold(Object obj, FusedAttributeSite site) {
        if (obj != null && site.warm()) {
            site.relink(obj.getClass(), site.comparer(obj.getClass()), MethodHandles.constant(int.class, -1));
        }
        return -1;
    }

    /**
     * Adds a case for {@code cls}: its fast path ({@code fast}, typed as the site without its
     * second parameter, the site itself), or "not handled" so that the class is not looked at
     * again. Past {@link #MAX_CLASSES} the site answers "not handled" for good. The guards are
     * built without the site argument, as before sites passed themselves, and the argument is
     * dropped once in front: one adapter level more for the JIT to inline, not one per guard.
     */
    private synchronized void relink(Class<?> cls, MethodHandle fast, MethodHandle notHandled) {
        MethodType type = type();
        if (classes >= MAX_CLASSES) {
            setTarget(MethodHandles.dropArguments(notHandled, 0, type.parameterList()));
            return;
        }
        classes++;
        MethodType inner = type.dropParameterTypes(1, 2);
        MethodHandle no = MethodHandles.dropArguments(notHandled, 0, inner.parameterList());
        if (chain == null) {
            chain = MethodHandles.insertArguments(print != null ? PRINT_COLD : COMPARE_COLD, 1, this);
        }
        MethodHandle test = IS_CLASS.bindTo(cls);
        if (inner.parameterCount() > 1) {
            test = MethodHandles.dropArguments(test, 1, inner.parameterList().subList(1, inner.parameterCount()));
        }
        chain = MethodHandles.guardWithTest(test, fast == null ? no : fast, chain);
        setTarget(MethodHandles.dropArguments(chain, 1, FusedAttributeSite.class));
    }

    /** {@code (Object, Output, Escaper)Object} printing the attribute of a {@code cls} receiver, or null. */
    private MethodHandle printer(Class<?> cls) {
        MethodHandle getter = Accessors.findPrimitive(cls, name);
        if (getter == null) {
            return this.print == Print.NUMBERS_ONLY ? null : referencePrinter(cls);
        }
        Class<?> t = getter.type().returnType();
        String method;
        if (t == double.class || t == float.class) {
            method = "printDouble";
            getter = getter.asType(MethodType.methodType(double.class, Object.class));
        } else if (t == int.class || t == long.class) {
            method = "printLong";
            getter = getter.asType(MethodType.methodType(long.class, Object.class));
        } else {
            return null;
        }
        MethodHandle print = find(method, MethodType.methodType(Object.class, Output.class,
                getter.type().returnType()));
        // (Output, Object) -> (Object, Output, Escaper)
        MethodHandle mh = MethodHandles.filterArguments(print, 1, getter);
        return MethodHandles.permuteArguments(mh, PRINT_TYPE.dropParameterTypes(1, 2), 1, 0);
    }

    /** A getter's value of any type, printed as {@code {{ }}} prints it with the site's autoescape. */
    private MethodHandle referencePrinter(Class<?> cls) {
        MethodHandle getter = Accessors.find(cls, name);
        if (getter == null) {
            return null;
        }
        MethodHandle print = this.print == Print.ESCAPED
                ? find("printEscaped", MethodType.methodType(Object.class, Output.class, Object.class, Escaper.class))
                : MethodHandles.dropArguments(find("printRaw",
                        MethodType.methodType(Object.class, Output.class, Object.class)), 2, Escaper.class);
        // (Output, Object, Escaper) -> (Object, Output, Escaper)
        MethodHandle mh = MethodHandles.filterArguments(print, 1, getter);
        return MethodHandles.permuteArguments(mh, PRINT_TYPE.dropParameterTypes(1, 2), 1, 0, 2);
    }

    private static Object printEscaped(Output out, Object value, Escaper escaper) {
        out.printEscaped(value, escaper);
        return PRINTED;
    }

    private static Object printRaw(Output out, Object value) {
        out.printRaw(value);
        return PRINTED;
    }

    /** {@code (Object)int} comparing the attribute of a {@code cls} receiver with the constant, or null. */
    private MethodHandle comparer(Class<?> cls) {
        MethodHandle getter = Accessors.findPrimitive(cls, name);
        if (getter == null) {
            return null;
        }
        Class<?> t = getter.type().returnType();
        String suffix = op.name().charAt(0) + op.name().substring(1).toLowerCase(java.util.Locale.ROOT);
        // the pairs that Python compares exactly as these primitive comparisons do
        if (t == double.class && (constant instanceof Double
                || constant instanceof Long l && Math.abs(l) < EXACT_IN_DOUBLE)
                || t == int.class && constant instanceof Double) {
            MethodHandle cmp = MethodHandles.insertArguments(find("double" + suffix,
                    MethodType.methodType(int.class, double.class, double.class)), 1, constant.doubleValue());
            return MethodHandles.filterArguments(cmp, 0, getter.asType(MethodType.methodType(double.class, Object.class)));
        }
        if ((t == int.class || t == long.class) && constant instanceof Long l) {
            MethodHandle cmp = MethodHandles.insertArguments(find("long" + suffix,
                    MethodType.methodType(int.class, long.class, long.class)), 1, l.longValue());
            return MethodHandles.filterArguments(cmp, 0, getter.asType(MethodType.methodType(long.class, Object.class)));
        }
        return null;
    }

    private static MethodHandle find(String method, MethodType type) {
        try {
            return LOOKUP.findStatic(FusedAttributeSite.class, method, type);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Object printDouble(Output out, double value) {
        out.appendDouble(value);
        return PRINTED;
    }

    private static Object printLong(Output out, long value) {
        out.appendLong(value);
        return PRINTED;
    }

    private static int doubleLt(double a, double b) {
        return a < b ? 1 : 0;
    }

    private static int doubleLe(double a, double b) {
        return a <= b ? 1 : 0;
    }

    private static int doubleGt(double a, double b) {
        return a > b ? 1 : 0;
    }

    private static int doubleGe(double a, double b) {
        return a >= b ? 1 : 0;
    }

    private static int longLt(long a, long b) {
        return a < b ? 1 : 0;
    }

    private static int longLe(long a, long b) {
        return a <= b ? 1 : 0;
    }

    private static int longGt(long a, long b) {
        return a > b ? 1 : 0;
    }

    private static int longGe(long a, long b) {
        return a >= b ? 1 : 0;
    }
}
