package dev.kida.engine.runtime.value;

import dev.kida.api.Arguments;
import dev.kida.api.CallContext;
import dev.kida.api.GlobalFunction;
import dev.kida.api.KidaException;
import dev.kida.api.TemplateRuntimeException;
import dev.kida.api.TemplateSecurityException;
import dev.kida.api.TemplateTypeException;

import java.lang.reflect.Field;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The one place where templates reach into Java objects by reflection. Reading an attribute
 * {@code x} never runs arbitrary code; it finds, in this order: a record component {@code x}; a
 * JavaBeans getter {@code getX()} or {@code isX()}; a public instance field {@code x}; otherwise
 * the public methods named {@code x} (of any arity) as a bound callable, which runs only when the
 * template calls it, picking the overload by argument count and types. Only public members of
 * public types in exported packages are used. Values of refused types (the class machinery:
 * Class, ClassLoader, reflection, method handles, threads, the runtime, processes) are never
 * returned, printed or passed as arguments; types that reach the file system, the network or
 * block the thread (java.io, java.nio, java.net, java.util.concurrent...) are opaque: a template
 * may hold and print them but reads none of their members. Lookups are cached per class and name.
 */
public final class AccessPolicy {
    private AccessPolicy() {
    }

    /** How one attribute name of one class is read. */
    private sealed interface Accessor {
    }

    private record Missing() implements Accessor {
    }

    private record Getter(Method method) implements Accessor {
    }

    private record FieldRead(Field field) implements Accessor {
    }

    private record Methods(String name, List<Method> methods) implements Accessor {
    }

    private static final Missing MISSING = new Missing();

    private static final ClassValue<Map<String, Accessor>> CACHE = new ClassValue<>() {
        @Override
        protected Map<String, Accessor> computeValue(Class<?> type) {
            return new ConcurrentHashMap<>();
        }
    };

    private static final Set<String> DENIED_NAMES = Set.of(
            "getClass", "wait", "notify", "notifyAll", "hashCode", "clone", "finalize",
            "getDeclaringClass", "getClassLoader", "getModule");

    private static final Set<String> DENIED_PACKAGES = Set.of(
            "java.lang.reflect", "java.lang.invoke", "java.lang.module", "java.lang.instrument",
            "java.lang.ref", "sun.misc", "jdk.internal.misc");

    /**
     * Packages whose types reach the file system, the network, other threads or the JVM's
     * internals: their values are opaque to templates (printable, no members).
     */
    private static final List<String> OPAQUE_PACKAGES = List.of(
            "java.io", "java.nio.file", "java.nio.channels", "java.net", "java.util.concurrent", "java.util.zip", "java.util.jar",
            "java.util.logging", "java.util.prefs", "java.sql", "java.rmi", "java.security", "java.lang.management",
            "java.lang.ref", "java.lang.runtime", "javax.", "jdk.", "sun.", "com.sun.");

    /** Interfaces whose implementations are opaque wherever they are declared. */
    private static final List<Class<?>> OPAQUE_INTERFACES = List.of(
            java.nio.file.Path.class, java.nio.file.Watchable.class, java.nio.channels.Channel.class,
            java.util.concurrent.Future.class, java.util.concurrent.CompletionStage.class,
            java.util.concurrent.Executor.class, java.util.concurrent.locks.Lock.class,
            java.util.concurrent.locks.Condition.class, java.util.concurrent.BlockingQueue.class);

    /** Methods that block the rendering thread, refused on every type. */
    private static final Set<String> BLOCKING_NAMES = Set.of(
            "await", "awaitTermination", "awaitUninterruptibly", "awaitNanos", "awaitUntil", "sleep", "join",
            "park", "parkNanos", "parkUntil", "acquire", "acquireUninterruptibly", "lockInterruptibly", "take");

    private static final ClassValue<Boolean> OPAQUE = new ClassValue<>() {
        @Override
        protected Boolean computeValue(Class<?> type) {
            return computeOpaque(type);
        }
    };

    /** Whether templates may not read members of this type (see the class comment). */
    public static boolean isOpaqueType(Class<?> type) {
        return type != null && (OPAQUE.get(type) || DENIED.get(type));
    }

    private static boolean computeOpaque(Class<?> type) {
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            String pkg = c.getPackageName() + ".";
            for (String p : OPAQUE_PACKAGES) {
                if (pkg.startsWith(p.endsWith(".") ? p : p + ".")) {
                    return true;
                }
            }
        }
        for (Class<?> i : OPAQUE_INTERFACES) {
            if (i.isAssignableFrom(type)) {
                return true;
            }
        }
        return false;
    }

    private static final Set<Class<?>> DENIED_TYPES = Set.of(
            Class.class, ClassLoader.class, Module.class, ModuleLayer.class, Thread.class, ThreadGroup.class,
            Runtime.class, System.class, ProcessBuilder.class, Process.class, ProcessHandle.class,
            StackWalker.class);

    /** {@link #computeDenied} per class: it is asked for every value a getter returns. */
    private static final ClassValue<Boolean> DENIED = new ClassValue<>() {
        @Override
        protected Boolean computeValue(Class<?> type) {
            return computeDenied(type);
        }
    };

    /** Engine packages whose callables (built-ins, macros, bound methods) are the engine's own. */
    private static final Set<String> ENGINE_PACKAGES = Set.of(
            "dev.kida.engine.runtime", "dev.kida.engine.eval", "dev.kida.engine.filters", "dev.kida.compiler",
            "dev.kida.engine.predicates", "dev.kida.engine.runtime.objects", "dev.kida.engine.runtime.kida",
            "dev.kida.engine.runtime.value", "dev.kida.engine.runtime.text", "dev.kida.engine.runtime.html");

    private static final ClassValue<Boolean> ENGINE_CALLABLE = new ClassValue<>() {
        @Override
        protected Boolean computeValue(Class<?> type) {
            return isEngineModule(type.getModule()) && ENGINE_PACKAGES.contains(type.getPackageName());
        }
    };

    /**
     * The engine's module, or the bytecode compiler's (kida.compiler, a sibling in the same layer
     * whose generated code and helpers are the engine's own too). On the class path both share
     * the class loader's unnamed module.
     */
    private static boolean isEngineModule(Module m) {
        Module engine = AccessPolicy.class.getModule();
        return m == engine || m.isNamed() && "kida.compiler".equals(m.getName()) && m.getLayer() == engine.getLayer();
    }

    /**
     * A direct method handle on a getter the policy allows ({@link #getterFor}), looked up by the
     * engine: the user's module grants access to {@code kida.engine} (exports, or a lookup), not to
     * the compiler, whose generated code calls attributes through these handles. Null when the
     * engine may not call it directly (the generic path then reads it).
     */
    public static java.lang.invoke.MethodHandle directHandle(java.lang.reflect.Method getter) {
        try {
            AccessPolicy.class.getModule().addReads(getter.getDeclaringClass().getModule());
            return java.lang.invoke.MethodHandles.lookup().unreflect(getter);
        } catch (IllegalAccessException | RuntimeException e) {
            return null;
        }
    }

    /** Whether a callable is the engine's own (a built-in, macro, bound method), not the host's. */
    public static boolean isEngineCallable(Object callee) {
        return callee != null && ENGINE_CALLABLE.get(callee.getClass());
    }

    /** Whether values of this type must never reach a template. */
    static boolean isDeniedType(Class<?> type) {
        return type != null && DENIED.get(type);
    }

    /**
     * Whether a getter declared to return {@code type} needs its results checked by
     * {@link #checkedValue}: not when every value it can return is of an allowed class, as for a
     * primitive (boxed on the way) or a final class that is not denied.
     */
    public static boolean needsCheck(Class<?> type) {
        if (type.isPrimitive()) {
            return false;
        }
        return type.isArray() || !Modifier.isFinal(type.getModifiers()) || isDeniedType(type);
    }

    private static boolean computeDenied(Class<?> type) {
        while (type.isArray()) {
            type = type.getComponentType();
        }
        if (DENIED_TYPES.contains(type)) {
            return true;
        }
        for (Class<?> t : DENIED_TYPES) {
            if (t.isAssignableFrom(type)) {
                return true;
            }
        }
        String pkg = type.getPackageName();
        return DENIED_PACKAGES.contains(pkg);
    }

    /**
     * The attribute {@code name} of a Java object by the rules above, or {@code notFound} when it
     * has none the policy allows.
     */
    public static Object read(Object obj, String name, Object notFound) {
        if (obj == null || isOpaqueType(obj.getClass()) || DENIED_NAMES.contains(name) || name.isEmpty()) {
            return notFound;
        }
        Sandbox sandbox = Sandbox.current();
        if (sandbox != null) {
            sandbox.checkRead(obj, name);
        }
        Accessor accessor = CACHE.get(obj.getClass()).computeIfAbsent(name, n -> find(obj.getClass(), n));
        if (sandbox != null && accessor instanceof Methods ms) {
            List<Method> allowed = new ArrayList<>();
            for (Method m : ms.methods()) {
                if (sandbox.allowsMethod(obj.getClass(), m)) {
                    allowed.add(m);
                }
            }
            if (allowed.isEmpty()) {
                throw new TemplateSecurityException("calling method '" + name + "' of a value of type "
                        + PyTypes.typeName(obj) + " is not allowed in the sandbox (SandboxPolicy.allowMethods)");
            }
            accessor = new Methods(name, allowed);
        }
        return switch (accessor) {
            case Missing m -> notFound;
            case Getter g -> guard(invoke(g.method(), obj, new Object[0]));
            case FieldRead f -> {
                try {
                    yield guard(f.field().get(obj));
                } catch (IllegalAccessException e) {
                    yield notFound;
                }
            }
            case Methods ms -> new BoundJavaMethod(obj, ms.name(), ms.methods());
        };
    }

    /**
     * The getter {@link #read} calls for this class and attribute name, or null when it does
     * anything else (field, bound methods, nothing). For the compiler's attribute call sites,
     * which call the getter directly and pass its result through {@link #checkedValue}.
     */
    public static Method getterFor(Class<?> type, String name) {
        Sandbox sandbox = Sandbox.current();
        if (sandbox != null && !sandbox.allowsType(type)) {
            return null;
        }
        if (isOpaqueType(type) || DENIED_NAMES.contains(name) || name.isEmpty()) {
            return null;
        }
        Accessor accessor = CACHE.get(type).computeIfAbsent(name, n -> find(type, n));
        return accessor instanceof Getter g ? g.method() : null;
    }

    /** What {@link #read} does with a getter's result: refuses values of denied types. */
    public static Object checkedValue(Object value) {
        return guard(value);
    }

    private static Object guard(Object value) {
        if (value != null && isDeniedType(value.getClass())) {
            throw refused(value);
        }
        return value;
    }

    static TemplateSecurityException refused(Object value) {
        return new TemplateSecurityException("access to a value of a refused type (" + refusedKind(value.getClass())
                + ") is not allowed in templates");
    }

    /** The public name of the refusal: never the (possibly internal) concrete class. */
    private static String refusedKind(Class<?> type) {
        while (type.isArray()) {
            type = type.getComponentType();
        }
        for (Class<?> t : DENIED_TYPES) {
            if (t.isAssignableFrom(type)) {
                return t.getName();
            }
        }
        return type.getPackageName();
    }

    /**
     * Refuses {@code value} if it is of a denied type or holds one: a collection, map, array,
     * Optional or record is checked element by element, down to a few levels (what printing it
     * or passing it to a Java method would expose).
     */
    public static void checkDeep(Object value) {
        checkDeep(value, 4);
    }

    private static void checkDeep(Object value, int levels) {
        if (value == null || value instanceof String || value instanceof Long || value instanceof Double
                || value instanceof Boolean) {
            return;
        }
        Class<?> type = value.getClass();
        if (isDeniedType(type)) {
            throw refused(value);
        }
        if (levels == 0) {
            return;
        }
        switch (value) {
            case java.util.Collection<?> c -> {
                if (!(c instanceof Range)) {
                    for (Object o : c) {
                        checkDeep(o, levels - 1);
                    }
                }
            }
            case Map<?, ?> m -> {
                for (Map.Entry<?, ?> e : m.entrySet()) {
                    checkDeep(e.getKey(), levels - 1);
                    checkDeep(e.getValue(), levels - 1);
                }
            }
            case java.util.Optional<?> o -> checkDeep(o.orElse(null), levels - 1);
            case Record r when isPublicApi(type) -> {
                for (RecordComponent rc : type.getRecordComponents()) {
                    Method m = accessible(rc.getAccessor());
                    if (m != null) {
                        checkDeep(invoke(m, r, new Object[0]), levels - 1);
                    }
                }
            }
            default -> {
                if (type.isArray() && !type.getComponentType().isPrimitive()) {
                    for (Object o : (Object[]) value) {
                        checkDeep(o, levels - 1);
                    }
                }
            }
        }
    }

    private static Accessor find(Class<?> type, String name) {
        if (type.isRecord()) {
            for (RecordComponent rc : type.getRecordComponents()) {
                if (rc.getName().equals(name)) {
                    Method m = accessible(rc.getAccessor());
                    if (m != null && allowed(m)) {
                        return new Getter(m);
                    }
                }
            }
        }
        String cap = Character.toUpperCase(name.charAt(0)) + name.substring(1);
        List<Method> methods = new ArrayList<>();
        Method getter = null;
        Method isGetter = null;
        for (Method m : type.getMethods()) {
            if (Modifier.isStatic(m.getModifiers()) || m.isBridge() || m.isSynthetic()) {
                continue;
            }
            String n = m.getName();
            if (n.equals("get" + cap) && m.getParameterCount() == 0) {
                getter = pick(getter, m);
            } else if (n.equals("is" + cap) && m.getParameterCount() == 0
                    && (m.getReturnType() == boolean.class || m.getReturnType() == Boolean.class)) {
                isGetter = pick(isGetter, m);
            } else if (n.equals(name)) {
                Method a = accessible(m);
                if (a != null && allowed(a) && !BLOCKING_NAMES.contains(n)) {
                    methods.add(a);
                }
            }
        }
        for (Method candidate : new Method[]{getter, isGetter}) {
            if (candidate != null) {
                Method a = accessible(candidate);
                if (a != null && allowed(a)) {
                    return new Getter(a);
                }
            }
        }
        try {
            Field f = type.getField(name);
            if (!Modifier.isStatic(f.getModifiers()) && isPublicApi(f.getDeclaringClass())
                    && !isDeniedType(f.getType())) {
                return new FieldRead(f);
            }
        } catch (NoSuchFieldException e) {
            // no such field: fall through to methods
        }
        if (!methods.isEmpty()) {
            return new Methods(name, JavaArgs.mostSpecificFirst(methods));
        }
        return MISSING;
    }

    private static Method pick(Method current, Method candidate) {
        return current == null ? candidate : current;
    }

    private static boolean allowed(Method m) {
        if (DENIED_NAMES.contains(m.getName()) || isDeniedType(m.getDeclaringClass())
                || isDeniedType(m.getReturnType())) {
            return false;
        }
        for (Class<?> p : m.getParameterTypes()) {
            if (isDeniedType(p)) {
                return false;
            }
        }
        return true;
    }

    /** Whether a type is public and its package exported to this module. */
    private static boolean isPublicApi(Class<?> c) {
        // a public nested type is reachable even inside a package-private one, as for the JVM
        if (!Modifier.isPublic(c.getModifiers())) {
            return false;
        }
        return c.getModule().isExported(c.getPackageName(), AccessPolicy.class.getModule());
    }

    /**
     * The same method as declared by a public, exported type (the class itself, a superclass or
     * an interface), so that it can be called without opening anything; null when there is none.
     */
    private static Method accessible(Method m) {
        if (isPublicApi(m.getDeclaringClass())) {
            return m;
        }
        return findInSupertypes(m.getDeclaringClass(), m.getName(), m.getParameterTypes());
    }

    private static Method findInSupertypes(Class<?> c, String name, Class<?>[] params) {
        if (c == null) {
            return null;
        }
        List<Class<?>> supers = new ArrayList<>(List.of(c.getInterfaces()));
        if (c.getSuperclass() != null) {
            supers.add(c.getSuperclass());
        }
        for (Class<?> s : supers) {
            if (isPublicApi(s)) {
                try {
                    Method m = s.getMethod(name, params);
                    if (isPublicApi(m.getDeclaringClass())) {
                        return m;
                    }
                } catch (NoSuchMethodException e) {
                    // not declared here; keep looking
                }
            }
            Method found = findInSupertypes(s, name, params);
            if (found != null) {
                return found;
            }
        }
        return null;
    }

    static Object invoke(Method m, Object target, Object[] args) {
        try {
            return m.invoke(target, args);
        } catch (InvocationTargetException e) {
            Throwable cause = e.getCause();
            if (cause instanceof KidaException k) {
                throw k;
            }
            if (cause instanceof Error error) {
                // a stack overflow or out-of-memory in host code: nothing to build here
                throw error;
            }
            throw new TemplateRuntimeException(m.getName() + "() failed: " + cause, cause);
        } catch (IllegalAccessException e) {
            throw new TemplateRuntimeException("cannot access " + m.getName() + "()", e);
        }
    }

    /** Public Java methods of one name bound to an object; called with converted arguments. */
    record BoundJavaMethod(Object target, String name, List<Method> methods) implements GlobalFunction {
        @Override
        public Object call(CallContext context, Arguments args) {
            if (!args.keywords().isEmpty()) {
                throw new TemplateTypeException(name + "() takes no keyword arguments");
            }
            List<Object> values = args.positional();
            for (Object v : values) {
                checkDeep(v);
            }
            for (Method m : methods) {
                if (m.getParameterCount() != values.size() && !m.isVarArgs()) {
                    continue;
                }
                Object[] converted = JavaArgs.convert(m.getParameterTypes(), values, m.isVarArgs());
                if (converted != null) {
                    return guard(invoke(m, target, converted));
                }
            }
            throw new TemplateTypeException("no method " + name + " of " + PyTypes.typeName(target)
                    + " accepts arguments " + PyRepr.repr(Tuple.copyOf(values)));
        }

        @Override
        public String toString() {
            return "<bound method " + PyTypes.typeName(target) + "." + name + ">";
        }
    }
}
