package dev.kida.engine.runtime.value;

import dev.kida.engine.runtime.Values;
import dev.kida.api.GlobalFunction;
import dev.kida.api.Markup;
import dev.kida.api.TemplateTypeException;

import java.lang.reflect.Array;
import java.math.BigInteger;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * What Python says about a value before any operation: its type's name (as messages and
 * {@code object_type_repr} show it) and its truth. The lowest layer of the value model, so that
 * the access policy, the limits and the formatting code can name types without depending on
 * the operators ({@link Values} offers the same for everyone else).
 */
public final class PyTypes {
    private PyTypes() {
    }

    /** Python's {@code type(x).__name__} for messages: 'str', 'int', 'dict', 'list', 'NoneType'... */
    public static String typeName(Object value) {
        // if-chains, here and in truthy(): a pattern switch links through SwitchBootstraps.typeSwitch,
        // which spins a class at its first use in every process (docs/performance.md, "Cold start")
        if (value == null) {
            return "NoneType";
        }
        if (value instanceof Boolean) {
            return "bool";
        }
        if (value instanceof Long || value instanceof Integer || value instanceof Short || value instanceof Byte
                || value instanceof BigInteger) {
            return "int";
        }
        if (value instanceof Double || value instanceof Float) {
            return "float";
        }
        if (value instanceof String) {
            return "str";
        }
        if (value instanceof Markup) {
            return "Markup";
        }
        if (value instanceof Tuple) {
            return "tuple";
        }
        if (value instanceof DictView d) {
            return d.kind();
        }
        if (value instanceof List<?>) {
            return "list";
        }
        if (value instanceof Map<?, ?>) {
            return "dict";
        }
        if (value instanceof Set<?>) {
            return "set";
        }
        if (value instanceof Undefined u) {
            return u.typeName();
        }
        if (value instanceof PyIterator it) {
            return it.typeName();
        }
        if (value instanceof BuiltinMethod) {
            return "builtin_function_or_method";
        }
        if (value instanceof GlobalFunction || value instanceof Function<?, ?> || value instanceof Supplier<?>
                || value instanceof BiFunction<?, ?, ?>) {
            return "function";
        }
        return value.getClass().isArray() ? "list" : value.getClass().getSimpleName();
    }

    /** Jinja2's {@code object_type_repr}: {@code None}, {@code dict object}, {@code com.example.User object}. */
    public static String objectTypeRepr(Object value) {
        if (value == null) {
            return "None";
        }
        if (value instanceof Markup) {
            return "markupsafe.Markup object";
        }
        if (value instanceof TemplateObject t) {
            return t.jinjaTypeName() + " object";
        }
        if (isBuiltinType(value) || value instanceof GlobalFunction || value instanceof Function<?, ?>
                || value instanceof Supplier<?> || value instanceof BiFunction<?, ?, ?>) {
            // never an engine class name: those say nothing to a template author
            return typeName(value) + " object";
        }
        return value.getClass().getName() + " object";
    }

    private static boolean isBuiltinType(Object v) {
        return v instanceof Boolean || PyNumbers.isNumber(v) || v instanceof String || v instanceof Collection<?>
                || v instanceof Map<?, ?> || v.getClass().isArray() || v instanceof BuiltinMethod
                || v instanceof PyIterator;
    }

    /**
     * Raises Python's TypeError for a value that cannot be a dict key or a set member: a list, a
     * dict or a set (a tuple and a range can).
     */
    public static void requireHashable(Object v) {
        if ((v instanceof List<?> && !(v instanceof Tuple) && !(v instanceof Range)) || v instanceof Map<?, ?>
                || v instanceof Set<?> || (v != null && v.getClass().isArray())) {
            throw new TemplateTypeException("unhashable type: '" + typeName(v) + "'");
        }
    }

    /** Python's truth value. Raises for Undefined. */
    public static boolean truthy(Object value) {
        if (value == null) {
            return false;
        }
        if (value instanceof Boolean b) {
            return b;
        }
        if (value instanceof Undefined u) {
            return u.truthy();
        }
        if (value instanceof Long l) {
            return l != 0;
        }
        if (value instanceof Integer i) {
            return i != 0;
        }
        if (value instanceof Double d) {
            return d != 0;
        }
        if (value instanceof BigInteger b) {
            return b.signum() != 0;
        }
        if (value instanceof Number n) {
            return !PyNumbers.isNumber(n) || PyNumbers.toDouble(n) != 0;
        }
        if (value instanceof CharSequence s) {
            return !s.isEmpty();
        }
        if (value instanceof Collection<?> c) {
            return !c.isEmpty();
        }
        if (value instanceof Map<?, ?> m) {
            return !m.isEmpty();
        }
        if (value instanceof Optional<?> o) {
            return o.isPresent();
        }
        return !value.getClass().isArray() || Array.getLength(value) > 0;
    }
}
