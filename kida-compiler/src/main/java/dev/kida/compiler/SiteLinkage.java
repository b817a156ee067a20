package dev.kida.compiler;

import java.lang.invoke.CallSite;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;

/**
 * How compiled code links its attribute call sites ({@link AttributeSite}, {@link
 * FusedAttributeSite}) without making the JVM generate code for method handles.
 *
 * <p>In a fresh JVM every method-handle shape that the JDK's pre-generated holder classes
 * ({@code DirectMethodHandle$Holder}, {@code Invokers$Holder}, ...) do not have is compiled into a
 * new class at its first use; the AOT cache does not keep such classes for bootstrap methods of
 * our own. Linking the sites as they used to be linked (a bootstrap typed {@code (Lookup, String,
 * MethodType, String...)CallSite}, called by the JDK with the generic type {@code (Lookup,
 * String, MethodType, Object...)Object}; a bound fallback; a call-site type of four references
 * returning a boolean) spun some twenty such classes in the first render of precompiled code,
 * several milliseconds each: more than the whole render in the evaluator. Every handle on the
 * path below has a pre-generated shape:
 * <ul>
 * <li>a site is an object of its own, made by a dynamic constant whose bootstrap is typed exactly
 *     as the JDK calls it, {@code (Lookup, String, Class, Object...)Object} with at most three
 *     static arguments; the constant's name makes each site's constant distinct;</li>
 * <li>the {@code invokedynamic} instruction gets that constant as its only static argument, and
 *     {@link #link} (typed {@code (Lookup, String, MethodType, Object)Object}, as it is called)
 *     hands the site over;</li>
 * <li>the code also pushes the site as an argument, so that the site's first target is a plain
 *     static method taking it (a direct handle, no bound argument), and the call-site types are
 *     {@code (Object, site)Object}, {@code (Object, site)int} and
 *     {@code (Object, site, Output, Escaper)Object}, shapes the JDK's invokers have.</li>
 * </ul>
 * A site builds its type-checked fast paths (method-handle combinators, which do spin classes)
 * only when it is warm; the constant argument costs nothing once the JIT compiler has inlined
 * the target.
 */
final class SiteLinkage {
    private SiteLinkage() {
    }

    /**
     * The bootstrap of every attribute {@code invokedynamic}: the site made by the dynamic
     * constant that is its static argument.
     */
    static Object link(MethodHandles.Lookup caller, String invocationName, MethodType type, Object site) {
        CallSite callSite = (CallSite) site;
        if (!callSite.type().equals(type)) {
            throw new IllegalStateException("call site " + invocationName + " of type " + type
                    + " linked to a site of type " + callSite.type());
        }
        return callSite;
    }

    /**
     * Initializes the site classes, so that the handles of their bootstrap methods need no
     * initialization check (a handle shape of its own for some argument counts).
     */
    static void prepare() {
        AttributeSite.prepare();
        FusedAttributeSite.prepare();
    }
}
