package dev.kida.engine.runtime.value;

import dev.kida.api.GlobalFunction;
import dev.kida.api.Markup;
import dev.kida.api.TemplateSecurityException;

import java.lang.reflect.Method;
import java.util.Map;
import java.util.Set;

/**
 * The sandbox of an environment for untrusted template authors (the public form is
 * {@code dev.kida.engine.SandboxPolicy}): which types a template may read, print and call methods
 * of, whether it may change collections, and which host-supplied functions it may call. Asked by
 * the runtime's access points through {@link #current()}; null when the environment is not
 * sandboxed, so the default path pays one thread-local read at most, and only off the hot paths.
 */
public final class Sandbox {
    private static final Set<Class<?>> VALUE_TYPES = Set.of(
            String.class, Boolean.class, Character.class, Long.class, Integer.class, Short.class, Byte.class,
            Double.class, Float.class, java.math.BigInteger.class, java.math.BigDecimal.class, java.util.UUID.class,
            java.util.Locale.class, java.util.Currency.class, java.util.Optional.class, java.util.OptionalInt.class,
            java.util.OptionalLong.class, java.util.OptionalDouble.class, Markup.class);

    private final Set<Class<?>> extraTypes;
    private final Map<Class<?>, Set<String>> methods;
    private final boolean mutation;
    private final boolean hostFunctions;
    private final Set<Object> allowedFunctions;

    /**
     * @param extraTypes       types (and their subtypes) allowed besides the defaults
     * @param methods          per type, the names of methods templates may call ({@code "*"}: all)
     * @param mutation         whether list and dict methods that change them may run
     * @param hostFunctions    whether every host-supplied callable may be called
     * @param allowedFunctions host-supplied callables that may be called, by identity
     */
    public Sandbox(Set<Class<?>> extraTypes, Map<Class<?>, Set<String>> methods, boolean mutation,
                   boolean hostFunctions, Set<Object> allowedFunctions) {
        this.extraTypes = Set.copyOf(extraTypes);
        this.methods = Map.copyOf(methods);
        this.mutation = mutation;
        this.hostFunctions = hostFunctions;
        this.allowedFunctions = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        this.allowedFunctions.addAll(allowedFunctions);
    }

    /** The sandbox of the render running on this thread, or null when it is not sandboxed. */
    public static Sandbox current() {
        return Budget.current().sandbox;
    }

    /**
     * Whether templates may hold, print and read members of values of this type: JDK value types
     * (strings, numbers, dates and times, UUIDs, locales, optionals), collections, the
     * application's own types (records, beans, enums), and the types the policy adds; never a
     * refused or opaque type.
     */
    public boolean allowsType(Class<?> type) {
        if (AccessPolicy.isOpaqueType(type)) {
            return false;
        }
        for (Class<?> extra : extraTypes) {
            if (extra.isAssignableFrom(type)) {
                return true;
            }
        }
        if (type.isArray()) {
            return !type.getComponentType().isPrimitive() ? allowsType(type.getComponentType()) : true;
        }
        if (VALUE_TYPES.contains(type) || type.getPackageName().equals("java.time")
                || type.getPackageName().startsWith("java.time.")
                || java.util.Collection.class.isAssignableFrom(type) || Map.class.isAssignableFrom(type)
                || Map.Entry.class.isAssignableFrom(type)) {
            return true;
        }
        ClassLoader loader = type.getClassLoader();
        // the application's own classes: not the JDK's (boot or platform loader)
        return loader != null && loader != ClassLoader.getPlatformClassLoader();
    }

    /** Whether templates may call this public method of values of {@code type}. */
    public boolean allowsMethod(Class<?> type, Method m) {
        if (!allowsType(type)) {
            return false;
        }
        for (Map.Entry<Class<?>, Set<String>> e : methods.entrySet()) {
            if (e.getKey().isAssignableFrom(type) && (e.getValue().contains("*") || e.getValue().contains(m.getName()))) {
                return true;
            }
        }
        // the JDK's immutable value types: their methods make new values, never change one
        String pkg = m.getDeclaringClass().getPackageName();
        return (pkg.equals("java.time") || pkg.startsWith("java.time.")) && !m.getName().equals("wait")
                || m.getDeclaringClass() == java.util.Optional.class;
    }

    /** Refuses a call of a host-supplied function the policy does not allow. */
    public void checkCall(Object callee) {
        if (hostFunctions || allowedFunctions.contains(callee) || callee instanceof AccessPolicy.BoundJavaMethod) {
            return;
        }
        if (callee instanceof GlobalFunction && AccessPolicy.isEngineCallable(callee)) {
            return;
        }
        throw new TemplateSecurityException("calling a function the application supplied (" + PyTypes.typeName(callee)
                + ") is not allowed in the sandbox; allow it with SandboxPolicy.allowFunction or allowHostFunctions");
    }

    /** Refuses a list or dict method that changes its receiver, unless the policy allows them. */
    public void checkMutation(String what) {
        if (!mutation) {
            throw new TemplateSecurityException("cannot " + what + ": the sandbox does not allow changing collections"
                    + " (SandboxPolicy.allowMutation)");
        }
    }

    /** Refuses to print a value of a type the sandbox does not allow. */
    public void checkPrint(Object value) {
        if (!allowsType(value.getClass()) && !(value instanceof GlobalFunction)
                && !(value instanceof TemplateObject)) {
            throw new TemplateSecurityException("printing a value of type " + PyTypes.typeName(value)
                    + " is not allowed in the sandbox (SandboxPolicy.allowType)");
        }
    }

    /** Refuses to read attribute {@code name} of a value whose type the sandbox does not allow. */
    public void checkRead(Object value, String name) {
        if (!allowsType(value.getClass())) {
            throw new TemplateSecurityException("reading '" + name + "' of a value of type " + PyTypes.typeName(value)
                    + " is not allowed in the sandbox (SandboxPolicy.allowType)");
        }
    }
}
