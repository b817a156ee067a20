package dev.kida.engine.runtime;

import dev.kida.engine.runtime.value.AccessPolicy;
import dev.kida.engine.runtime.value.BuiltinMethod;
import dev.kida.engine.runtime.value.PyNumbers;
import dev.kida.engine.runtime.value.PySlice;
import dev.kida.engine.runtime.value.TemplateObject;
import dev.kida.engine.runtime.value.Undefined;
import dev.kida.api.GlobalFunction;
import dev.kida.api.Markup;

import java.lang.reflect.Array;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Jinja2's {@code obj.attr} and {@code obj[key]} over template values. */
public final class Access {
    static final Object MISSING = TemplateObject.MISSING;

    private Access() {
    }

    /**
     * {@code map[key]} with Python's key equality: {@code 1}, {@code 1.0} and {@code True} find
     * the same entry, and a Markup key finds a String one; {@code notFound} when absent.
     */
    public static Object mapLookup(Map<?, ?> map, Object key, Object notFound) {
        try {
            Object v = map.get(key);
            if (v != null || map.containsKey(key)) {
                return v;
            }
        } catch (RuntimeException e) {
            // maps that reject foreign key types (TreeMap, Map.of with null) fall back to scanning
        }
        if (key instanceof Markup || PyNumbers.isNumber(key) || key instanceof List<?>) {
            for (Map.Entry<?, ?> e : map.entrySet()) {
                Object k = e.getKey();
                if (k != null && sameKey(k, key)) {
                    return e.getValue();
                }
            }
        }
        return notFound;
    }

    private static boolean sameKey(Object a, Object b) {
        try {
            return Comparison.eq(a, b);
        } catch (RuntimeException e) {
            return false;
        }
    }

    /** The key already in the map that equals {@code key} in Python's sense, else {@code key}. */
    static Object existingKey(Map<?, ?> map, Object key) {
        if (map.containsKey(key)) {
            return key;
        }
        for (Object k : map.keySet()) {
            if (k != null && sameKey(k, key)) {
                return k;
            }
        }
        return key;
    }

    /** {@code obj.name}: attribute (methods, properties), then item; Undefined when neither. */
    public static Object getAttr(Object obj, String name) {
        if (obj instanceof Undefined u) {
            return u.member();
        }
        Object found = attribute(obj, name);
        if (found != MISSING) {
            return found;
        }
        found = item(obj, name);
        if (found != MISSING) {
            return AccessPolicy.checkedValue(found);
        }
        return Undefined.attribute(obj, name);
    }

    /** {@code obj[key]}: item first, then attribute for string keys; Undefined when neither. */
    public static Object getItem(Object obj, Object key) {
        if (obj instanceof Undefined u) {
            return u.member();
        }
        if (key instanceof Undefined u) {
            // a lenient undefined hashes and compares, so the lookup just misses
            if (!u.lenient()) {
                throw u.fail();
            }
            return Undefined.attribute(obj, key);
        }
        Object found = item(obj, key);
        if (found != MISSING) {
            return AccessPolicy.checkedValue(found);
        }
        if (key instanceof String || key instanceof Markup) {
            found = attribute(obj, key.toString());
            if (found != MISSING) {
                return found;
            }
        }
        return Undefined.attribute(obj, key);
    }

    /** {@code getattr(obj, name)} alone, without the item fallback: the {@code attr} filter. */
    public static Object attributeOnly(Object obj, String name) {
        if (obj instanceof Undefined u) {
            return u.member();
        }
        Object found = attribute(obj, name);
        return found == MISSING ? Undefined.attribute(obj, name) : found;
    }

    // if-chains, not pattern switches, here and in item(): each pattern switch links through
    // SwitchBootstraps.typeSwitch, which spins a class at its first use that no AOT cache keeps,
    // a cost of every cold start (docs/performance.md, "Cold start").
    private static Object attribute(Object obj, String name) {
        if (obj == null) {
            return MISSING;
        }
        if (obj instanceof TemplateObject t) {
            return t.attribute(name);
        }
        if (obj instanceof String s) {
            BuiltinMethod m = StrMethods.lookup(s, name);
            return m == null ? MISSING : m;
        }
        if (obj instanceof Markup mk) {
            BuiltinMethod m = StrMethods.lookup(mk, name);
            return m == null ? MISSING : m;
        }
        if (obj instanceof Map<?, ?> map) {
            BuiltinMethod m = CollectionMethods.lookup(map, name);
            return m == null ? MISSING : m;
        }
        if (obj instanceof List<?> list) {
            BuiltinMethod m = CollectionMethods.lookup(list, name);
            return m == null ? MISSING : m;
        }
        if (obj instanceof Optional<?> o) {
            return o.isPresent() ? attribute(o.get(), name) : MISSING;
        }
        if (obj instanceof GlobalFunction) {
            // functions, macros and bound methods have no attributes a template may read:
            // the engine's own classes stay out of reach ({{ ''.upper.body }})
            return MISSING;
        }
        if (PyNumbers.isNumber(obj) || obj instanceof Boolean) {
            return numberAttribute(obj, name);
        }
        if (obj.getClass().isArray() || obj instanceof java.util.function.Function<?, ?>
                || obj instanceof java.util.function.Supplier<?>
                || obj instanceof java.util.function.BiFunction<?, ?, ?>) {
            return MISSING;
        }
        return AccessPolicy.read(obj, name, MISSING);
    }

    private static Object numberAttribute(Object n, String name) {
        return switch (name) {
            case "real" -> PyNumbers.isFloat(n) ? PyNumbers.toDouble(n) : PyNumbers.canonicalInt(n);
            case "imag" -> PyNumbers.isFloat(n) ? (Object) 0.0 : (Object) 0L;
            case "numerator" -> PyNumbers.isFloat(n) ? MISSING : PyNumbers.canonicalInt(n);
            case "denominator" -> PyNumbers.isFloat(n) ? MISSING : 1L;
            case "is_integer" -> PyNumbers.isFloat(n)
                    ? new BuiltinMethod(n, name, (self, ctx, args) -> {
                        double d = PyNumbers.toDouble(self);
                        return !Double.isInfinite(d) && d == Math.rint(d);
                    })
                    : MISSING;
            default -> MISSING;
        };
    }

    private static Object item(Object obj, Object key) {
        if (obj == null) {
            return MISSING;
        }
        if (obj instanceof Map<?, ?> map) {
            return mapLookup(map, key, MISSING);
        }
        if (obj instanceof List<?> list) {
            if (!PyNumbers.isIntegral(key) || PyNumbers.isBig(key)) {
                return MISSING;
            }
            long i = PyNumbers.toLong(key);
            if (i < 0) {
                i += list.size();
            }
            return i >= 0 && i < list.size() ? list.get((int) i) : MISSING;
        }
        if (obj instanceof String s) {
            if (!PyNumbers.isIntegral(key) || PyNumbers.isBig(key)) {
                return MISSING;
            }
            String c = PySlice.charAt(s, PyNumbers.toLong(key));
            return c == null ? MISSING : c;
        }
        if (obj instanceof Markup m) {
            if (!PyNumbers.isIntegral(key) || PyNumbers.isBig(key)) {
                return MISSING;
            }
            String c = PySlice.charAt(m.toString(), PyNumbers.toLong(key));
            return c == null ? MISSING : Markup.of(c);
        }
        if (obj instanceof Optional<?> o) {
            return o.isPresent() ? item(o.get(), key) : MISSING;
        }
        if (obj instanceof TemplateObject t) {
            return key instanceof String s ? t.attribute(s) : MISSING;
        }
        if (obj.getClass().isArray()) {
            if (!PyNumbers.isIntegral(key) || PyNumbers.isBig(key)) {
                return MISSING;
            }
            int n = Array.getLength(obj);
            long i = PyNumbers.toLong(key);
            if (i < 0) {
                i += n;
            }
            Object v = i >= 0 && i < n ? Array.get(obj, (int) i) : MISSING;
            return v instanceof Integer || v instanceof Short || v instanceof Byte ? (Object) ((Number) v).longValue() : v;
        }
        return MISSING;
    }
}
