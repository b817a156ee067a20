package dev.kida.engine.runtime.value;

import dev.kida.api.TemplateTypeException;

import java.lang.reflect.Array;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.stream.BaseStream;

/** Python's iteration protocol over template values, and {@code list(x)}, under the render's limits. */
public final class Iteration {
    private Iteration() {
    }

    /** Python iteration: dicts give keys, strings give one-code-point strings. */
    @SuppressWarnings("unchecked")
    public static Iterator<Object> iterate(Object iterable) {
        // an if-chain, not a pattern switch: that links through SwitchBootstraps.typeSwitch, which
        // spins a class at its first use in every process (docs/performance.md, "Cold start")
        if (iterable instanceof Undefined u) {
            return u.iterator();
        }
        if (iterable == null) {
            throw notIterable(null);
        }
        if (iterable instanceof Map<?, ?> m) {
            return (Iterator<Object>) m.keySet().iterator();
        }
        if (iterable instanceof CharSequence s) {
            return codePoints(s.toString());
        }
        if (iterable instanceof Iterable<?> i) {
            return (Iterator<Object>) i.iterator();
        }
        if (iterable instanceof Iterator<?> i) {
            return (Iterator<Object>) i;
        }
        if (iterable instanceof BaseStream<?, ?> s) {
            return (Iterator<Object>) s.iterator();
        }
        if (iterable instanceof Optional<?> o) {
            throw notIterable(o);
        }
        if (iterable.getClass().isArray()) {
            return toList(iterable).iterator();
        }
        throw notIterable(iterable);
    }

    private static TemplateTypeException notIterable(Object v) {
        return new TemplateTypeException("'" + PyTypes.typeName(v) + "' object is not iterable");
    }

    private static Iterator<Object> codePoints(String s) {
        return new Iterator<>() {
            private int i;

            @Override
            public boolean hasNext() {
                return i < s.length();
            }

            @Override
            public Object next() {
                if (i >= s.length()) {
                    throw new NoSuchElementException();
                }
                int cp = s.codePointAt(i);
                int n = Character.charCount(cp);
                String c = s.substring(i, i + n);
                i += n;
                return c;
            }
        };
    }

    /** Python {@code list(x)}: a new mutable list. */
    public static List<Object> toList(Object iterable) {
        if (iterable != null && iterable.getClass().isArray()) {
            int n = Array.getLength(iterable);
            List<Object> out = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                Object v = Array.get(iterable, i);
                // primitive int arrays box to Integer; templates see ints as Long
                out.add(v instanceof Integer || v instanceof Short || v instanceof Byte ? (Object) ((Number) v).longValue()
                        : v instanceof Float f ? (Object) f.doubleValue() : v);
            }
            return out;
        }
        if (iterable instanceof Collection<?> c && !(iterable instanceof Map<?, ?>) && !(iterable instanceof Range)) {
            return new ArrayList<>(c);
        }
        if (iterable instanceof Range r) {
            Budget.list(r.size());
            return new ArrayList<>(r);
        }
        List<Object> out = new ArrayList<>();
        Iterator<Object> it = iterate(iterable);
        while (it.hasNext()) {
            out.add(it.next());
            if (out.size() > Budget.FREE) {
                Budget.list(out.size());
            }
        }
        return out;
    }
}
