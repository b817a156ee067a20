package dev.kida.engine.runtime.value;

import dev.kida.engine.runtime.Values;
import dev.kida.api.GlobalFunction;
import dev.kida.api.Markup;

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
        return switch (value) {
            case null -> "NoneType";
            case Boolean b -> "bool";
            case Long l -> "int";
            case Integer i -> "int";
            case Short s -> "int";
            case Byte b -> "int";
            case BigInteger b -> "int";
            case Double d -> "float";
            case Float f -> "float";
            case String s -> "str";
            case Markup m -> "Markup";
            case Tuple t -> "tuple";
            case DictView d -> d.kind();
            case List<?> l -> "list";
            case Map<?, ?> m -> "dict";
            case Set<?> s -> "set";
            case Undefined u -> u.typeName();
            case PyIterator it -> it.typeName();
            case BuiltinMethod m -> "builtin_function_or_method";
            case GlobalFunction f -> "function";
            case Function<?, ?> f -> "function";
            case Supplier<?> f -> "function";
            case BiFunction<?, ?, ?> f -> "function";
            default -> value.getClass().isArray() ? "list" : value.getClass().getSimpleName();
        };
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

    /** Python's truth value. Raises for Undefined. */
    public static boolean truthy(Object value) {
        return switch (value) {
            case null -> false;
            case Boolean b -> b;
            case Undefined u -> u.truthy();
            case Long l -> l != 0;
            case Integer i -> i != 0;
            case Double d -> d != 0;
            case BigInteger b -> b.signum() != 0;
            case Number n -> PyNumbers.isNumber(n) ? PyNumbers.toDouble(n) != 0 : true;
            case CharSequence s -> !s.isEmpty();
            case Collection<?> c -> !c.isEmpty();
            case Map<?, ?> m -> !m.isEmpty();
            case Optional<?> o -> o.isPresent();
            default -> !value.getClass().isArray() || Array.getLength(value) > 0;
        };
    }
}
