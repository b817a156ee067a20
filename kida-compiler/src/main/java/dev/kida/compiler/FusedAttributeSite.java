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
 * with a number literal ({@code item.change < 0}). For receivers whose class has a getter, the site
 * calls the getter and prints or compares its result directly: a {@code double}, {@code float},
 * {@code int} or {@code long} with no box in between, and (for print sites where the autoescape
 * setting is known) any other value through the output's own print. For every other receiver it
 * answers "not handled", and the generated code takes the generic path ({@link AttributeSite},
 * then the runtime's print or comparison), so semantics and error locations stay those of the
 * generic code. The site never raises except where the getter itself fails (an error of the
 * attribute access on both paths) or where printing the value fails (located at the same place).
 *
 * <p>Print sites have type {@code (Object, Output, Escaper)boolean}: true when printed.
 * Comparison sites have type {@code (Object)int}: 1 or 0 for the result, -1 when not handled.
 */
public final class FusedAttributeSite extends MutableCallSite {
    private static final int MAX_CLASSES = 4;
    /**
     * Calls a site answers through its fallback before it specializes: the method-handle
     * combinators of a specialization spin classes at their first use (some 25 in a precompiled
     * render of the example site, docs/performance.md, "Cold start") that cost more than the
     * calls they speed up until a site has run a few times. A one-shot render (the CLI) mostly
     * stays below it; a server passes it in its first requests.
     */
    static final int SPECIALIZE_AFTER = 8;
    private static final long EXACT_IN_DOUBLE = 1L << 53;
    private static final MethodHandles.Lookup LOOKUP = MethodHandles.lookup();
    private static final MethodHandle IS_CLASS;
    private static final MethodHandle PRINT_FALLBACK;
    private static final MethodHandle COMPARE_FALLBACK;

    static {
        try {
            IS_CLASS = LOOKUP.findStatic(FusedAttributeSite.class, "isClass",
                    MethodType.methodType(boolean.class, Class.class, Object.class));
            PRINT_FALLBACK = LOOKUP.findVirtual(FusedAttributeSite.class, "printFallback",
                    MethodType.methodType(boolean.class, Object.class, Output.class, Escaper.class));
            COMPARE_FALLBACK = LOOKUP.findVirtual(FusedAttributeSite.class, "compareFallback",
                    MethodType.methodType(int.class, Object.class));
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
    /** Fallback calls so far, up to {@link #SPECIALIZE_AFTER}: racy, which only moves the moment. */
    private int misses;

    private FusedAttributeSite(MethodType type, String name, Print print, Op op, Number constant,
                               MethodHandle fallback) {
        super(type);
        this.name = name;
        this.print = print;
        this.op = op;
        this.constant = constant;
        setTarget(fallback.bindTo(this));
    }

    /**
     * Bootstrap of print sites: the attribute name, and one of {@link Print}'s names (the
     * autoescape setting at the site when it is known, else {@code NUMBERS_ONLY}).
     */
    public static CallSite bootstrapPrint(MethodHandles.Lookup caller, String invocationName, MethodType type,
                                          String name, String print) {
        return new FusedAttributeSite(type, name, Print.valueOf(print), null, null, PRINT_FALLBACK);
    }

    /**
     * Bootstrap of comparison sites: {@code obj.name OP constant}, the constant a Long or Double
     * literal, the operator one of {@link Op}'s names.
     */
    public static CallSite bootstrapCompare(MethodHandles.Lookup caller, String invocationName, MethodType type,
                                            String name, String op, Object constant) {
        return new FusedAttributeSite(type, name, null, Op.valueOf(op), (Number) constant, COMPARE_FALLBACK);
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

    private boolean printFallback(Object obj, Output out, Escaper escaper) {
        if (obj != null && warm()) {
            relink(obj.getClass(), printer(obj.getClass()), MethodHandles.constant(boolean.class, false));
        }
        return false;
    }

    private int compareFallback(Object obj) {
        if (obj != null && warm()) {
            relink(obj.getClass(), comparer(obj.getClass()), MethodHandles.constant(int.class, -1));
        }
        return -1;
    }

    /**
     * Adds a case for {@code cls}: its fast path, or "not handled" so that the class is not
     * looked at again. Past {@link #MAX_CLASSES} the site answers "not handled" for good.
     */
    private synchronized void relink(Class<?> cls, MethodHandle fast, MethodHandle notHandled) {
        MethodType type = type();
        MethodHandle no = MethodHandles.dropArguments(notHandled, 0, type.parameterList());
        if (classes >= MAX_CLASSES) {
            setTarget(no);
            return;
        }
        classes++;
        MethodHandle test = IS_CLASS.bindTo(cls);
        if (type.parameterCount() > 1) {
            test = MethodHandles.dropArguments(test, 1, type.parameterList().subList(1, type.parameterCount()));
        }
        setTarget(MethodHandles.guardWithTest(test, fast == null ? no : fast, getTarget()));
    }

    /** {@code (Object, Output, Escaper)boolean} printing the attribute of a {@code cls} receiver, or null. */
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
        MethodHandle print = find(method, MethodType.methodType(boolean.class, Output.class,
                getter.type().returnType()));
        // (Output, Object) -> (Object, Output, Escaper)
        MethodHandle mh = MethodHandles.filterArguments(print, 1, getter);
        return MethodHandles.permuteArguments(mh, type(), 1, 0);
    }

    /** A getter's value of any type, printed as {@code {{ }}} prints it with the site's autoescape. */
    private MethodHandle referencePrinter(Class<?> cls) {
        MethodHandle getter = Accessors.find(cls, name);
        if (getter == null) {
            return null;
        }
        MethodHandle print = this.print == Print.ESCAPED
                ? find("printEscaped", MethodType.methodType(boolean.class, Output.class, Object.class, Escaper.class))
                : MethodHandles.dropArguments(find("printRaw",
                        MethodType.methodType(boolean.class, Output.class, Object.class)), 2, Escaper.class);
        // (Output, Object, Escaper) -> (Object, Output, Escaper)
        MethodHandle mh = MethodHandles.filterArguments(print, 1, getter);
        return MethodHandles.permuteArguments(mh, type(), 1, 0, 2);
    }

    private static boolean printEscaped(Output out, Object value, Escaper escaper) {
        out.printEscaped(value, escaper);
        return true;
    }

    private static boolean printRaw(Output out, Object value) {
        out.printRaw(value);
        return true;
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

    private static boolean printDouble(Output out, double value) {
        out.appendDouble(value);
        return true;
    }

    private static boolean printLong(Output out, long value) {
        out.appendLong(value);
        return true;
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
