package dev.kida.compiler;

import dev.kida.api.KidaException;
import dev.kida.api.Markup;
import dev.kida.api.TemplateRuntimeException;
import dev.kida.engine.runtime.value.AccessPolicy;
import dev.kida.engine.runtime.value.TemplateObject;
import dev.kida.engine.runtime.value.Undefined;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Method;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Direct accessors for attribute call sites: only where {@code Values.getAttr} is known to call a
 * getter (records and beans, through {@link AccessPolicy}); the handle does what the runtime does
 * around that call (result check, error wrapping). Engine values, collections, strings and
 * numbers stay on the generic path.
 */
final class Accessors {
    private static final MethodHandle CHECKED;
    private static final MethodHandle FAILED;

    static {
        try {
            MethodHandles.Lookup l = MethodHandles.lookup();
            CHECKED = l.findStatic(AccessPolicy.class, "checkedValue",
                    MethodType.methodType(Object.class, Object.class));
            FAILED = l.findStatic(Accessors.class, "failed",
                    MethodType.methodType(Object.class, String.class, Throwable.class, Object.class));
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private Accessors() {
    }

    /** A handle {@code (Object)Object} reading attribute {@code name} of instances of {@code cls}, or null. */
    static MethodHandle find(Class<?> cls, String name) {
        Method getter = getter(cls, name);
        MethodHandle mh = handle(getter);
        if (mh == null) {
            return null;
        }
        mh = mh.asType(MethodType.methodType(Object.class, Object.class));
        if (AccessPolicy.needsCheck(getter.getReturnType())) {
            mh = MethodHandles.filterReturnValue(mh, CHECKED);
        }
        return guarded(mh, getter);
    }

    /**
     * A handle {@code (Object)T} reading attribute {@code name} of instances of {@code cls} without
     * boxing, where the getter returns a primitive {@code T}; null otherwise. Reading it this way
     * is what {@link #find} does, minus the box (a primitive's box is never a denied value).
     */
    static MethodHandle findPrimitive(Class<?> cls, String name) {
        Method getter = getter(cls, name);
        MethodHandle mh = handle(getter);
        if (mh == null || !getter.getReturnType().isPrimitive() || getter.getReturnType() == void.class) {
            return null;
        }
        return guarded(mh.asType(MethodType.methodType(getter.getReturnType(), Object.class)), getter);
    }

    /** The getter {@code Values.getAttr} calls for this class and name, or null when it does anything else. */
    private static Method getter(Class<?> cls, String name) {
        if (TemplateObject.class.isAssignableFrom(cls) || CharSequence.class.isAssignableFrom(cls)
                || Markup.class == cls || Map.class.isAssignableFrom(cls) || List.class.isAssignableFrom(cls)
                || Optional.class == cls || Number.class.isAssignableFrom(cls) || Boolean.class == cls
                || Undefined.class == cls || cls.isArray()) {
            return null;
        }
        return AccessPolicy.getterFor(cls, name);
    }

    private static MethodHandle handle(Method getter) {
        if (getter == null) {
            return null;
        }
        return AccessPolicy.directHandle(getter);
    }

    /** Getter failures raised as the runtime's reflective call raises them. */
    private static MethodHandle guarded(MethodHandle mh, Method getter) {
        MethodHandle failed = FAILED.bindTo(getter.getName())
                .asType(MethodType.methodType(mh.type().returnType(), Throwable.class, Object.class));
        return MethodHandles.catchException(mh, Throwable.class, failed);
    }

    /** A getter that threw: the same error the runtime's reflective call raises. */
    private static Object failed(String method, Throwable cause, Object receiver) {
        if (cause instanceof KidaException k) {
            throw k;
        }
        if (cause instanceof Error error) {
            throw error;
        }
        throw new TemplateRuntimeException(method + "() failed: " + cause, cause);
    }
}
