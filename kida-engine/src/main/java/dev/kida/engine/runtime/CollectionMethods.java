package dev.kida.engine.runtime;

import dev.kida.engine.runtime.value.BuiltinMethod;
import dev.kida.engine.runtime.value.DictView;
import dev.kida.engine.runtime.value.PyRepr;
import dev.kida.engine.runtime.value.Sandbox;
import dev.kida.engine.runtime.value.Range;
import dev.kida.engine.runtime.value.Tuple;
import dev.kida.api.RuntimeErrorKind;
import dev.kida.api.Arguments;
import dev.kida.api.TemplateRuntimeException;
import dev.kida.api.TemplateTypeException;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The methods of Python's dict, list and tuple, callable from templates ({@code d.items()}). */
final class CollectionMethods {
    private CollectionMethods() {
    }

    private interface DictBody {
        Object call(Map<Object, Object> self, Arguments args);
    }

    private interface ListBody {
        Object call(List<Object> self, Arguments args);
    }

    private static final Map<String, DictBody> DICT = new HashMap<>();
    private static final Map<String, ListBody> LIST = new HashMap<>();
    private static final Map<String, ListBody> TUPLE = new HashMap<>();
    private static final Object MISSING = new Object();

    /** Java's immutable collections refuse changes; Python would not, so say so plainly. */
    private static <T> T mutate(String what, java.util.function.Supplier<T> change) {
        Sandbox sandbox = Sandbox.current();
        if (sandbox != null) {
            sandbox.checkMutation(what);
        }
        try {
            return change.get();
        } catch (UnsupportedOperationException e) {
            throw new TemplateRuntimeException("cannot " + what + ": the object is immutable", e);
        }
    }

    static {
        DICT.put("items", (m, a) -> {
            a.check("items");
            List<Object> out = new ArrayList<>(m.size());
            m.forEach((k, v) -> out.add(Tuple.of(k, v)));
            return new DictView("dict_items", out);
        });
        DICT.put("keys", (m, a) -> {
            a.check("keys");
            return new DictView("dict_keys", new ArrayList<>(m.keySet()));
        });
        DICT.put("values", (m, a) -> {
            a.check("values");
            return new DictView("dict_values", new ArrayList<>(m.values()));
        });
        DICT.put("get", (m, a) -> {
            a.check("get", "key", "default");
            Object found = Access.mapLookup(m, a.require(0, "key"), MISSING);
            return found == MISSING ? a.get(1, "default", null) : found;
        });
        DICT.put("update", (m, a) -> {
            if (a.size() > 1) {
                throw new TemplateTypeException("update expected at most 1 argument, got " + a.size());
            }
            Map<Object, Object> changes = new LinkedHashMap<>();
            if (a.size() == 1) {
                Object other = a.positional().get(0);
                if (other instanceof Map<?, ?> om) {
                    changes.putAll(om);
                } else {
                    Iterator<Object> it = Values.iterate(other);
                    while (it.hasNext()) {
                        List<Object> pair = Values.toList(it.next());
                        if (pair.size() != 2) {
                            throw new TemplateRuntimeException(RuntimeErrorKind.VALUE_ERROR,
                                    "dictionary update sequence element has length "
                                    + pair.size() + "; 2 is required");
                        }
                        changes.put(pair.get(0), pair.get(1));
                    }
                }
            }
            changes.putAll(a.keywords());
            return mutate("update", () -> {
                changes.forEach((k, v) -> m.put(Access.existingKey(m, k), v));
                return null;
            });
        });
        DICT.put("pop", (m, a) -> {
            a.check("pop", "key", "default");
            Object key = a.require(0, "key");
            if (!m.isEmpty()) {
                // CPython answers an empty dict's pop before it hashes the key
                dev.kida.engine.runtime.value.PyTypes.requireHashable(key);
            }
            Object found = Access.mapLookup(m, key, MISSING);
            if (found == MISSING) {
                if (a.size() > 1 || a.keywords().containsKey("default")) {
                    return a.get(1, "default", null);
                }
                throw new TemplateRuntimeException(RuntimeErrorKind.KEY_ERROR, "KeyError: " + PyRepr.repr(key));
            }
            return mutate("pop", () -> {
                m.remove(Access.existingKey(m, key));
                return found;
            });
        });
        DICT.put("setdefault", (m, a) -> {
            a.check("setdefault", "key", "default");
            Object key = a.require(0, "key");
            dev.kida.engine.runtime.value.PyTypes.requireHashable(key);
            Object found = Access.mapLookup(m, key, MISSING);
            if (found != MISSING) {
                return found;
            }
            Object dflt = a.get(1, "default", null);
            return mutate("setdefault", () -> {
                m.put(key, dflt);
                return dflt;
            });
        });
        DICT.put("copy", (m, a) -> {
            a.check("copy");
            return new LinkedHashMap<>(m);
        });
        DICT.put("clear", (m, a) -> {
            a.check("clear");
            return mutate("clear", () -> {
                m.clear();
                return null;
            });
        });

        LIST.put("append", (l, a) -> {
            a.check("append", "object");
            Object x = a.require(0, "object");
            return mutate("append", () -> {
                l.add(x);
                return null;
            });
        });
        LIST.put("extend", (l, a) -> {
            a.check("extend", "iterable");
            List<Object> items = Values.toList(a.require(0, "iterable"));
            return mutate("extend", () -> {
                l.addAll(items);
                return null;
            });
        });
        LIST.put("pop", (l, a) -> {
            a.check("pop", "index");
            if (l.isEmpty()) {
                throw new TemplateRuntimeException(RuntimeErrorKind.INDEX_ERROR, "pop from empty list");
            }
            long i = StrMethods.intArg(a.get(0, "index", -1L), "pop");
            long idx = i < 0 ? i + l.size() : i;
            if (idx < 0 || idx >= l.size()) {
                throw new TemplateRuntimeException(RuntimeErrorKind.INDEX_ERROR, "pop index out of range");
            }
            return mutate("pop", () -> l.remove((int) idx));
        });
        LIST.put("insert", (l, a) -> {
            a.check("insert", "index", "object");
            long i = StrMethods.intArg(a.require(0, "index"), "insert");
            Object x = a.require(1, "object");
            long idx = i < 0 ? Math.max(0, i + l.size()) : Math.min(i, l.size());
            return mutate("insert", () -> {
                l.add((int) idx, x);
                return null;
            });
        });
        ListBody index = (l, a) -> {
            Object x = a.require(0, "value");
            dev.kida.engine.runtime.value.PySlice.Bounds within = dev.kida.engine.runtime.value.PySlice.indices(
                    l.size(), a.size() > 1 ? a.positional().get(1) : null, a.size() > 2 ? a.positional().get(2) : null,
                    null);
            for (int i = within.start(); i < within.stop(); i++) {
                if (Comparison.eq(l.get(i), x)) {
                    return (long) i;
                }
            }
            throw new TemplateRuntimeException(RuntimeErrorKind.VALUE_ERROR, PyRepr.repr(x) + " is not in list");
        };
        ListBody count = (l, a) -> {
            Object x = a.require(0, "value");
            long c = 0;
            for (Object o : l) {
                if (Comparison.eq(o, x)) {
                    c++;
                }
            }
            return c;
        };
        LIST.put("index", index);
        LIST.put("count", count);
        TUPLE.put("index", index);
        TUPLE.put("count", count);
        LIST.put("remove", (l, a) -> {
            Object x = a.require(0, "value");
            for (int i = 0; i < l.size(); i++) {
                if (Comparison.eq(l.get(i), x)) {
                    int at = i;
                    return mutate("remove", () -> {
                        l.remove(at);
                        return null;
                    });
                }
            }
            throw new TemplateRuntimeException(RuntimeErrorKind.VALUE_ERROR, "list.remove(x): x not in list");
        });
        LIST.put("reverse", (l, a) -> {
            a.check("reverse");
            return mutate("reverse", () -> {
                Collections.reverse(l);
                return null;
            });
        });
        LIST.put("sort", (l, a) -> {
            a.check("sort", "reverse");
            boolean reverse = Values.truthy(a.get(-1, "reverse", false));
            List<Object> sorted = new ArrayList<>(l);
            sorted.sort(reverse ? (x, y) -> Comparison.compare(y, x) : Comparison::compare);
            return mutate("sort", () -> {
                for (int i = 0; i < sorted.size(); i++) {
                    l.set(i, sorted.get(i));
                }
                return null;
            });
        });
        LIST.put("copy", (l, a) -> {
            a.check("copy");
            return new ArrayList<>(l);
        });
        LIST.put("clear", (l, a) -> {
            a.check("clear");
            return mutate("clear", () -> {
                l.clear();
                return null;
            });
        });
    }

    /** The bound method {@code name} of a dict, list or tuple, or null when it has none. */
    @SuppressWarnings("unchecked")
    static BuiltinMethod lookup(Object self, String name) {
        if (self instanceof Map<?, ?> m) {
            DictBody body = DICT.get(name);
            return body == null ? null
                    : new BuiltinMethod(self, name, (recv, ctx, args) -> body.call((Map<Object, Object>) m, args));
        }
        if (self instanceof List<?> l) {
            // a range has the methods of a tuple (count, index), as in Python: none of them copies it
            ListBody body = (self instanceof Tuple || self instanceof Range ? TUPLE : LIST).get(name);
            return body == null ? null
                    : new BuiltinMethod(self, name, (recv, ctx, args) -> body.call((List<Object>) l, args));
        }
        return null;
    }
}
