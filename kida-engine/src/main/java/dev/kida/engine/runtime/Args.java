package dev.kida.engine.runtime;

import dev.kida.api.Arguments;
import dev.kida.api.RuntimeErrorKind;
import dev.kida.api.TemplateRuntimeException;
import dev.kida.api.TemplateTypeException;

import java.util.List;
import java.util.Map;

/**
 * The engine's {@link Arguments}: the evaluated arguments of one call.
 *
 * @param positional positional arguments in order
 * @param keywords   keyword arguments in the order written
 */
public record Args(List<Object> positional, Map<String, Object> keywords) implements Arguments {
    public static final Args EMPTY = new Args(List.of(), Map.of());

    /**
     * Adds a call's {@code **mapping} to its keyword arguments, as Python does (keys by their
     * {@code str()}).
     *
     * @throws TemplateTypeException when the value is not a mapping
     */
    public static void spreadKeywords(Map<String, Object> keywords, Object mapping) {
        if (!(mapping instanceof Map<?, ?> map)) {
            throw new TemplateTypeException("argument after ** must be a mapping, not " + Values.typeName(mapping));
        }
        map.forEach((k, v) -> keywords.put(Values.str(k), v));
    }

    /**
     * The items of a value assigned to {@code n} targets ({@code a, b = value}).
     *
     * @throws dev.kida.api.TemplateRuntimeException when it does not hold exactly {@code n} items
     */
    public static List<Object> unpack(Object value, int n) {
        List<Object> items = Values.toList(value);
        if (items.size() != n) {
            throw new TemplateRuntimeException(RuntimeErrorKind.VALUE_ERROR,
                    (items.size() < n ? "not enough values to unpack" : "too many values to unpack")
                    + " (expected " + n + ", got " + items.size() + ")");
        }
        return items;
    }

    @Override
    public Object get(int position, String name, Object defaultValue) {
        boolean byPosition = position >= 0 && position < positional.size();
        boolean byName = name != null && keywords.containsKey(name);
        if (byPosition && byName) {
            throw new TemplateTypeException("got multiple values for argument '" + name + "'");
        }
        if (byPosition) {
            return positional.get(position);
        }
        if (byName) {
            return keywords.get(name);
        }
        return defaultValue;
    }

    @Override
    public Object require(int position, String name) {
        boolean byPosition = position >= 0 && position < positional.size();
        if (!byPosition && (name == null || !keywords.containsKey(name))) {
            throw new TemplateTypeException("missing required argument '" + name + "'");
        }
        return get(position, name, null);
    }

    @Override
    public void check(String callee, String... names) {
        if (positional.size() > names.length) {
            throw new TemplateTypeException(callee + "() takes at most " + names.length
                    + " positional argument" + (names.length == 1 ? "" : "s") + " but "
                    + positional.size() + " were given");
        }
        for (String key : keywords.keySet()) {
            boolean known = false;
            for (String n : names) {
                if (n.equals(key)) {
                    known = true;
                    break;
                }
            }
            if (!known) {
                throw new TemplateTypeException(callee + "() got an unexpected keyword argument '"
                        + key + "'");
            }
        }
    }
}
