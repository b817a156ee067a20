package dev.kida.compiler;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.invoke.MutableCallSite;

/**
 * An {@code obj.name} call site in compiled code: an inline cache keyed by the receiver's class.
 * Once warm, the first receivers of a class get a direct accessor (a record component or getter)
 * behind an exact class check, so a monomorphic site compiles to a type check and a field read;
 * sites that see too many classes settle on the generic lookup.
 *
 * <p>The site's type is {@code (Object, AttributeSite)Object}: the code passes the site itself
 * (a dynamic constant), so that its first target is a plain static method ({@link SiteLinkage}
 * says why).
 */
public final class AttributeSite extends MutableCallSite {
    private static final int MAX_CLASSES = 4;
    static final MethodType TYPE = MethodType.methodType(Object.class, Object.class, AttributeSite.class);
    private static final MethodType GETTER = MethodType.methodType(Object.class, Object.class);
    private static final MethodHandle COLD;
    private static final MethodHandle GENERIC;
    private static final MethodHandle IS_CLASS;

    static {
        try {
            MethodHandles.Lookup l = MethodHandles.lookup();
            COLD = l.findStatic(AttributeSite.class, "cold", TYPE);
            GENERIC = l.findStatic(CompiledHelpers.class, "getAttr", MethodType.methodType(Object.class, Object.class, String.class));
            IS_CLASS = l.findStatic(AttributeSite.class, "isClass",
                    MethodType.methodType(boolean.class, Class.class, Object.class));
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private final String name;
    private int classes;
    /** The guards so far, typed {@code (Object)Object}, ending in the cold target bound to this site; null while cold. */
    private MethodHandle chain;
    /** Fallback calls so far, up to {@link FusedAttributeSite#SPECIALIZE_AFTER} (why: there). */
    private int misses;

    AttributeSite(String name) {
        super(COLD);
        this.name = name;
    }

    /**
     * Bootstrap of the dynamic constant that is a {@code getattr} site: one per instruction (the
     * constant's name is unique in its class), the attribute name its argument.
     */
    static Object bootstrap(MethodHandles.Lookup caller, String constantName, Class<?> type, Object name) {
        return new AttributeSite((String) name);
    }

    /** Runs the class initializer (see {@link SiteLinkage#prepare}). */
    static void prepare() {
    }

    /** The site's first target: the generic lookup, counting calls until the site is warm. */
    private static Object cold(Object obj, AttributeSite site) {
        return site.fallback(obj);
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
            setTarget(MethodHandles.dropArguments(MethodHandles.insertArguments(GENERIC, 1, name), 1, AttributeSite.class));
            return;
        }
        MethodHandle accessor = Accessors.find(cls, name);
        // A class with no direct accessor (a Map, say) gets a guard to the generic lookup too:
        // left cold, every later call of a map-only site would take this lock and look again.
        MethodHandle fast = accessor != null ? accessor.asType(GETTER) : MethodHandles.insertArguments(GENERIC, 1, name);
        classes++;
        if (chain == null) {
            chain = MethodHandles.insertArguments(COLD, 1, this);
        }
        // The guards are built on the receiver alone, as a site without the site argument would
        // be, and the argument is dropped once in front: one adapter level for the JIT to inline.
        chain = MethodHandles.guardWithTest(IS_CLASS.bindTo(cls), fast, chain);
        setTarget(MethodHandles.dropArguments(chain, 1, AttributeSite.class));
    }

    @Override
    public String toString() {
        return "AttributeSite[" + name + "]";
    }
}
