package dev.kida.compiler;

import java.lang.invoke.CallSite;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.invoke.MutableCallSite;

/**
 * An {@code obj.name} call site in compiled code: an inline cache keyed by the receiver's class.
 * The first receivers of a class get a direct accessor (a record component or getter) behind an
 * exact class check, so a monomorphic site compiles to a type check and a field read; sites that
 * see too many classes settle on the generic lookup.
 */
public final class AttributeSite extends MutableCallSite {
    private static final int MAX_CLASSES = 4;
    private static final MethodType TYPE = MethodType.methodType(Object.class, Object.class);
    private static final MethodHandle FALLBACK;
    private static final MethodHandle GENERIC;
    private static final MethodHandle IS_CLASS;

    static {
        try {
            MethodHandles.Lookup l = MethodHandles.lookup();
            FALLBACK = l.findVirtual(AttributeSite.class, "fallback", TYPE);
            GENERIC = l.findStatic(CompiledHelpers.class, "getAttr", MethodType.methodType(Object.class, Object.class, String.class));
            IS_CLASS = l.findStatic(AttributeSite.class, "isClass",
                    MethodType.methodType(boolean.class, Class.class, Object.class));
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private final String name;
    private int classes;
    /** Fallback calls so far, up to {@link FusedAttributeSite#SPECIALIZE_AFTER} (why: there). */
    private int misses;

    private AttributeSite(String name) {
        super(TYPE);
        this.name = name;
        setTarget(FALLBACK.bindTo(this));
    }

    /** Bootstrap of the {@code getattr} invokedynamic instructions; the attribute name is the argument. */
    public static CallSite bootstrap(MethodHandles.Lookup caller, String invocationName, MethodType type,
                                     String name) {
        return new AttributeSite(name);
    }

    private static boolean isClass(Class<?> expected, Object obj) {
        return obj != null && obj.getClass() == expected;
    }

    private Object fallback(Object obj) {
        Object result = CompiledHelpers.getAttr(obj, name);
        if (obj != null) {
            if (misses >= FusedAttributeSite.SPECIALIZE_AFTER) {
                relink(obj.getClass());
            } else {
                misses++;
            }
        }
        return result;
    }

    private synchronized void relink(Class<?> cls) {
        if (classes >= MAX_CLASSES) {
            setTarget(MethodHandles.insertArguments(GENERIC, 1, name));
            return;
        }
        MethodHandle accessor = Accessors.find(cls, name);
        if (accessor == null) {
            return;
        }
        classes++;
        setTarget(MethodHandles.guardWithTest(IS_CLASS.bindTo(cls), accessor.asType(TYPE), getTarget()));
    }
}
