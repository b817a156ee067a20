package dev.kida.engine.filters;

import dev.kida.engine.runtime.value.PyNumbers;

import dev.kida.engine.runtime.value.Budget;

import dev.kida.api.RuntimeErrorKind;
import dev.kida.api.Arguments;
import dev.kida.api.CallContext;
import dev.kida.api.Filter;
import dev.kida.api.HtmlSafe;
import dev.kida.api.Markup;
import dev.kida.api.TemplateRuntimeException;
import dev.kida.api.TemplateTypeException;
import dev.kida.engine.runtime.Access;
import dev.kida.engine.runtime.Comparison;
import dev.kida.engine.runtime.value.PyIterator;
import dev.kida.engine.runtime.value.PySlice;
import dev.kida.engine.runtime.value.Tuple;
import dev.kida.engine.runtime.value.Undefined;
import dev.kida.engine.runtime.Values;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/** Filters over sequences: first, last, length, list, reverse, random, join, sum, batch, slice, items, attr, default. */
final class SequenceFilters {
    private SequenceFilters() {
    }

    static void register(Map<String, Filter> m) {
        Filter dflt = (ctx, v, a) -> {
            a.check("default", "default_value", "boolean");
            Object value = a.get(0, "default_value", "");
            boolean bool = ctx.truthy(a.get(1, "boolean", false));
            if (v instanceof Undefined || (bool && !ctx.truthy(v))) {
                return value;
            }
            return v;
        };
        m.put("default", dflt);
        m.put("d", dflt);
        Filter length = (ctx, v, a) -> {
            a.check("length");
            return (long) Values.length(v);
        };
        m.put("length", length);
        m.put("count", length);
        m.put("list", (ctx, v, a) -> {
            a.check("list");
            return Values.toList(v);
        });
        m.put("first", (ctx, v, a) -> {
            a.check("first");
            Iterator<Object> it = Values.iterate(v);
            return it.hasNext() ? it.next() : new Undefined("No first item, sequence was empty.");
        });
        m.put("last", (ctx, v, a) -> {
            a.check("last");
            if (v instanceof Undefined u) {
                // reversed() works on a lenient undefined (len 0): nothing to take
                u.length();
                return new Undefined("No last item, sequence was empty.");
            }
            boolean reversible = v instanceof Map<?, ?> || v instanceof List<?> || v instanceof CharSequence
                    || (v != null && v.getClass().isArray());
            if (!reversible) {
                throw new TemplateTypeException("'" + Values.typeName(v) + "' object is not reversible");
            }
            if (v instanceof dev.kida.api.Markup mk) {
                // reversed() indexes the Markup, and Markup's items are Markup
                List<Object> chars = Values.toList(mk.toString());
                return chars.isEmpty() ? new Undefined("No last item, sequence was empty.")
                        : dev.kida.api.Markup.of((String) chars.get(chars.size() - 1));
            }
            List<Object> items = Values.toList(v);
            return items.isEmpty() ? new Undefined("No last item, sequence was empty.") : items.get(items.size() - 1);
        });
        m.put("random", (ctx, v, a) -> {
            a.check("random");
            List<Object> items = v instanceof Map<?, ?> ? null : Values.toList(v);
            if (items == null) {
                throw new TemplateRuntimeException(RuntimeErrorKind.KEY_ERROR, "KeyError: 0");
            }
            if (items.isEmpty()) {
                return new Undefined("No random item, sequence was empty.");
            }
            return items.get(ThreadLocalRandom.current().nextInt(items.size()));
        });
        m.put("reverse", (ctx, v, a) -> {
            a.check("reverse");
            if (v instanceof String || v instanceof Markup) {
                return PySlice.sliceAny(v, null, null, -1L);
            }
            if (v instanceof Undefined u) {
                throw u.fail();
            }
            // Python's reversed() where the value supports it (a lazy iterator), else a reversed list
            String reversedType = switch (v) {
                case Tuple t -> "reversed";
                case dev.kida.engine.runtime.value.Range r -> "range_iterator";
                case List<?> l -> "list_reverseiterator";
                case Map<?, ?> mp -> "dict_reversekeyiterator";
                default -> null;
            };
            List<Object> items;
            try {
                items = Values.toList(v);
            } catch (TemplateTypeException e) {
                throw new TemplateRuntimeException("argument must be iterable", e);
            }
            Collections.reverse(items);
            return reversedType == null ? items : PyIterator.of(reversedType, items::iterator);
        });
        m.put("join", SequenceFilters::join);
        m.put("sum", SequenceFilters::sum);
        m.put("batch", SequenceFilters::batch);
        m.put("slice", SequenceFilters::slice);
        m.put("items", (ctx, v, a) -> {
            a.check("items");
            return PyIterator.generator("do_items", () -> {
                if (v instanceof Undefined) {
                    return Collections.emptyIterator();
                }
                if (!(v instanceof Map<?, ?> map)) {
                    throw new TemplateTypeException("Can only get item pairs from a mapping.");
                }
                List<Object> out = new ArrayList<>(map.size());
                map.forEach((k, val) -> out.add(Tuple.of(k, val)));
                return out.iterator();
            });
        });
        m.put("attr", (ctx, v, a) -> {
            a.check("attr", "name");
            Object name = a.require(0, "name");
            if (!(name instanceof String s)) {
                throw new TemplateTypeException("attribute name must be string, not '" + Values.typeName(name) + "'");
            }
            return Access.attributeOnly(v, s);
        });
    }

    private static Iterator<Object> attributeMapped(CallContext ctx, Object value, Object attribute) {
        Iterator<Object> it = Values.iterate(value);
        if (attribute == null) {
            return it;
        }
        AttrGetter getter = AttrGetter.of(ctx, attribute, null, false);
        return mapped(it, getter::apply);
    }

    /** The items of {@code it} with {@code f} applied to each, lazily (Python's {@code map}). */
    static Iterator<Object> mapped(Iterator<Object> it, UnaryOperator<Object> f) {
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                return it.hasNext();
            }

            @Override
            public Object next() {
                return f.apply(it.next());
            }
        };
    }

    private static Object join(CallContext ctx, Object v, Arguments a) {
        a.check("join", "d", "attribute");
        Object d = a.get(0, "d", "");
        Object attribute = a.get(1, "attribute", null);
        List<Object> items = Values.toList(attributeMapped(ctx, v, attribute));
        if (!ctx.autoescape()) {
            return joinStrings(Values.str(d), items);
        }
        if (!(d instanceof HtmlSafe)) {
            boolean anySafe = false;
            for (Object item : items) {
                if (item instanceof HtmlSafe) {
                    anySafe = true;
                    break;
                }
            }
            if (!anySafe) {
                return joinStrings(Values.str(d), items);
            }
        }
        StringBuilder sb = new StringBuilder();
        String sep = ctx.escape(d).toHtml();
        for (int i = 0; i < items.size(); i++) {
            if (i > 0) {
                sb.append(sep);
            }
            sb.append(ctx.escape(items.get(i)).toHtml());
            Budget.string(sb.length());
        }
        return Markup.of(sb.toString());
    }

    private static String joinStrings(String sep, List<Object> items) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < items.size(); i++) {
            if (i > 0) {
                sb.append(sep);
            }
            sb.append(Values.str(items.get(i)));
            Budget.string(sb.length());
        }
        return sb.toString();
    }

    private static Object sum(CallContext ctx, Object v, Arguments a) {
        a.check("sum", "attribute", "start");
        Object attribute = a.get(0, "attribute", null);
        Object total = a.get(1, "start", 0L);
        if (total instanceof String || total instanceof Markup) {
            throw new TemplateTypeException("sum() can't sum strings [use ''.join(seq) instead]");
        }
        Iterator<Object> it = attributeMapped(ctx, v, attribute);
        while (it.hasNext()) {
            total = Values.add(total, it.next());
        }
        return total;
    }

    private static Object batch(CallContext ctx, Object v, Arguments a) {
        a.check("batch", "linecount", "fill_with");
        a.require(0, "linecount");
        return PyIterator.generator("do_batch", () -> batches(v, a).iterator());
    }

    private static List<Object> batches(Object v, Arguments a) {
        // Jinja2 only compares the batch's length with linecount, so any value compares: a float
        // works, a string never matches (one batch), an undefined one fails at the first item
        Object linecount = a.require(0, "linecount");
        Object fill = a.get(1, "fill_with", null);
        List<Object> out = new ArrayList<>();
        List<Object> tmp = new ArrayList<>();
        Iterator<Object> it = Values.iterate(v);
        long taken = 0;
        while (it.hasNext()) {
            Budget.list(++taken);
            if (Comparison.eq((long) tmp.size(), linecount)) {
                out.add(tmp);
                tmp = new ArrayList<>();
            }
            tmp.add(it.next());
        }
        if (!tmp.isEmpty()) {
            if (fill != null) {
                if (PyNumbers.isNumber(linecount)) {
                    Budget.list((long) Math.min(PyNumbers.toDouble(linecount), 1e18));
                }
                while (Comparison.compare((long) tmp.size(), linecount, "<") < 0) {
                    tmp.add(fill);
                }
            }
            out.add(tmp);
        }
        return out;
    }

    private static Object slice(CallContext ctx, Object v, Arguments a) {
        a.check("slice", "slices", "fill_with");
        a.require(0, "slices");
        return PyIterator.generator("sync_do_slice", () -> slices(v, a).iterator());
    }

    private static List<Object> slices(Object v, Arguments a) {
        int slices = Texts.intArg(a.require(0, "slices"), "slice");
        Budget.list(slices);
        Object fill = a.get(1, "fill_with", null);
        List<Object> seq = Values.toList(v);
        int length = seq.size();
        if (slices == 0) {
            throw new TemplateRuntimeException(RuntimeErrorKind.ZERO_DIVISION_ERROR,
                    "integer division or modulo by zero");
        }
        int perSlice = Math.floorDiv(length, slices);
        int withExtra = Math.floorMod(length, slices);
        int offset = 0;
        List<Object> out = new ArrayList<>();
        for (int n = 0; n < slices; n++) {
            int start = offset + n * perSlice;
            if (n < withExtra) {
                offset++;
            }
            int end = offset + (n + 1) * perSlice;
            List<Object> tmp = PySlice.slice(seq, (long) start, (long) end, null);
            if (fill != null && n >= withExtra) {
                tmp.add(fill);
            }
            out.add(tmp);
        }
        return out;
    }
}
