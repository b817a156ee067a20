package dev.kida.engine.runtime;

import dev.kida.api.Arguments;
import dev.kida.api.CallContext;
import dev.kida.api.GlobalFunction;
import dev.kida.api.KidaException;
import dev.kida.api.TemplateRuntimeException;
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
 * The one place where templates reach into Java objects by reflection. An attribute {@code x} of
 * an object is, in this order: a record component {@code x}; a JavaBeans getter {@code getX()} or
 * {@code isX()}; a public no-argument method {@code x()}; a public instance field {@code x}; public
 * methods named {@code x} with parameters, as a callable. Only public members of public types in
 * exported packages are used, and nothing that reaches the class machinery (Class, ClassLoader,
 * reflection, method handles, threads, the runtime, processes) is ever returned or called.
 * Lookups are cached per class and name.
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

    private static final Set<Class<?>> DENIED_TYPES = Set.of(
            Class.class, ClassLoader.class, Module.class, ModuleLayer.class, Thread.class, ThreadGroup.class,
            Runtime.class, System.class, ProcessBuilder.class, Process.class, ProcessHandle.class,
            StackWalker.class);

    /** Whether values of this type must never reach a template. */
    static boolean isDeniedType(Class<?> type) {
        if (type == null) {
            return false;
        }
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
        if (obj == null || isDeniedType(obj.getClass()) || DENIED_NAMES.contains(name) || name.isEmpty()) {
            return notFound;
        }
        Accessor accessor = CACHE.get(obj.getClass()).computeIfAbsent(name, n -> find(obj.getClass(), n));
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
        if (isDeniedType(type) || DENIED_NAMES.contains(name) || name.isEmpty()) {
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
            throw new TemplateRuntimeException("access to a value of type " + value.getClass().getName()
                    + " is not allowed");
        }
        return value;
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
        Method plain = null;
        List<Method> withArgs = new ArrayList<>();
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
                if (m.getParameterCount() == 0) {
                    plain = pick(plain, m);
                } else {
                    Method a = accessible(m);
                    if (a != null && allowed(a)) {
                        withArgs.add(a);
                    }
                }
            }
        }
        for (Method candidate : new Method[]{getter, isGetter, plain}) {
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
            // no such field: fall through to methods with parameters
        }
        if (!withArgs.isEmpty()) {
            return new Methods(name, List.copyOf(withArgs));
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
            for (Method m : methods) {
                if (m.getParameterCount() != values.size() && !m.isVarArgs()) {
                    continue;
                }
                Object[] converted = JavaArgs.convert(m.getParameterTypes(), values, m.isVarArgs());
                if (converted != null) {
                    return guard(invoke(m, target, converted));
                }
            }
            throw new TemplateTypeException("no method " + name + " of " + Values.typeName(target)
                    + " accepts arguments " + PyRepr.repr(Tuple.copyOf(values)));
        }

        @Override
        public String toString() {
            return "<bound method " + Values.typeName(target) + "." + name + ">";
        }
    }
}
