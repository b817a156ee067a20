package dev.kida.engine.runtime.value;

import dev.kida.api.Markup;

import java.lang.reflect.Array;
import java.math.BigInteger;
import java.util.List;

/** Converts template values to the parameter types of a Java method, or says they do not fit. */
final class JavaArgs {
    private static final Object NO = new Object();

    private JavaArgs() {
    }

    /**
     * The overloads in the order a call tries them: fixed arity before varargs, and among
     * overloads of one arity the more specific parameter types first (so {@code f(String)} is
     * tried before {@code f(Object)}), as Java's own overload resolution would pick.
     */
    static List<java.lang.reflect.Method> mostSpecificFirst(List<java.lang.reflect.Method> methods) {
        List<java.lang.reflect.Method> out = new java.util.ArrayList<>();
        for (java.lang.reflect.Method m : methods) {
            int at = out.size();
            for (int i = 0; i < out.size(); i++) {
                if (before(m, out.get(i))) {
                    at = i;
                    break;
                }
            }
            out.add(at, m);
        }
        return List.copyOf(out);
    }

    private static boolean before(java.lang.reflect.Method a, java.lang.reflect.Method b) {
        if (a.isVarArgs() != b.isVarArgs()) {
            return !a.isVarArgs();
        }
        if (a.getParameterCount() != b.getParameterCount()) {
            return false;
        }
        Class<?>[] pa = a.getParameterTypes();
        Class<?>[] pb = b.getParameterTypes();
        boolean strictly = false;
        for (int i = 0; i < pa.length; i++) {
            if (!box(pb[i]).isAssignableFrom(box(pa[i]))) {
                return false;
            }
            strictly |= pa[i] != pb[i];
        }
        return strictly;
    }

    private static Class<?> box(Class<?> c) {
        return c.isPrimitive() ? java.lang.invoke.MethodType.methodType(c).wrap().returnType() : c;
    }

    /** The converted arguments, or null when some value does not fit its parameter. */
    static Object[] convert(Class<?>[] types, List<Object> values, boolean varArgs) {
        int fixed = varArgs ? types.length - 1 : types.length;
        if (values.size() < fixed || (!varArgs && values.size() != types.length)) {
            return null;
        }
        Object[] out = new Object[types.length];
        for (int i = 0; i < fixed; i++) {
            Object c = one(types[i], values.get(i));
            if (c == NO) {
                return null;
            }
            out[i] = c;
        }
        if (varArgs) {
            Class<?> component = types[fixed].getComponentType();
            Object array = Array.newInstance(component, values.size() - fixed);
            for (int i = fixed; i < values.size(); i++) {
                Object c = one(component, values.get(i));
                if (c == NO) {
                    return null;
                }
                Array.set(array, i - fixed, c);
            }
            out[fixed] = array;
        }
        return out;
    }

    private static Object one(Class<?> type, Object v) {
        if (v instanceof Undefined u) {
            throw u.fail();
        }
        if (v == null) {
            return type.isPrimitive() ? NO : null;
        }
        if (type == int.class || type == Integer.class) {
            if (!PyNumbers.isIntegral(v) || PyNumbers.isBig(v)) {
                return NO;
            }
            long l = PyNumbers.toLong(v);
            return l == (int) l ? (Object) (int) l : NO;
        }
        if (type == long.class || type == Long.class) {
            return PyNumbers.isIntegral(v) && !PyNumbers.isBig(v) ? (Object) PyNumbers.toLong(v) : NO;
        }
        if (type == double.class || type == Double.class) {
            return PyNumbers.isNumber(v) ? (Object) PyNumbers.toDouble(v) : NO;
        }
        if (type == float.class || type == Float.class) {
            return PyNumbers.isNumber(v) ? (Object) (float) PyNumbers.toDouble(v) : NO;
        }
        if (type == boolean.class || type == Boolean.class) {
            return v instanceof Boolean ? v : NO;
        }
        if (type == BigInteger.class) {
            return PyNumbers.isIntegral(v) ? PyNumbers.toBig(v) : NO;
        }
        if (type == String.class) {
            return v instanceof String || v instanceof Markup ? v.toString() : NO;
        }
        if (type == char.class || type == Character.class) {
            return v instanceof String s && s.length() == 1 ? (Object) s.charAt(0) : NO;
        }
        return type.isInstance(v) ? v : NO;
    }
}
