package dev.kida.engine.filters;

import dev.kida.api.RuntimeErrorKind;
import dev.kida.api.Arguments;
import dev.kida.api.CallContext;
import dev.kida.api.Filter;
import dev.kida.api.TemplateRuntimeException;
import dev.kida.engine.runtime.objects.GroupTuple;
import dev.kida.engine.runtime.value.PyTypes;
import dev.kida.engine.runtime.value.PyNumbers;
import dev.kida.engine.runtime.value.Tuple;
import dev.kida.engine.runtime.value.Undefined;
import dev.kida.engine.runtime.Values;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;

/** Filters that order or group: sort, dictsort, groupby, unique, min, max. */
final class SortingFilters {
    private SortingFilters() {
    }

    static void register(Map<String, Filter> m) {
        m.put("sort", SortingFilters::sort);
        m.put("dictsort", SortingFilters::dictsort);
        m.put("groupby", SortingFilters::groupby);
        m.put("unique", SortingFilters::unique);
        m.put("min", (ctx, v, a) -> minOrMax(ctx, v, a, "min", -1));
        m.put("max", (ctx, v, a) -> minOrMax(ctx, v, a, "max", 1));
    }

    /** sorted()'s reverse: an int (a bool is one), else a TypeError as Python's. */
    private static boolean reverseArg(Object reverse) {
        return dev.kida.engine.runtime.StrMethods.intArg(reverse, "sorted") != 0;
    }

    /** Python's sorted(items, key=key, reverse=reverse): stable, reverse keeps equal items in order. */
    static List<Object> sorted(List<Object> items, UnaryOperator<Object> key, boolean reverse) {
        List<Object[]> keyed = new ArrayList<>(items.size());
        for (Object item : items) {
            keyed.add(new Object[]{key.apply(item), item});
        }
        Comparator<Object[]> cmp = (x, y) -> Values.compare(x[0], y[0]);
        keyed.sort(reverse ? (x, y) -> cmp.compare(y, x) : cmp);
        List<Object> out = new ArrayList<>(items.size());
        for (Object[] k : keyed) {
            out.add(k[1]);
        }
        return out;
    }

    private static Object sort(CallContext ctx, Object v, Arguments a) {
        a.check("sort", "reverse", "case_sensitive", "attribute");
        boolean reverse = reverseArg(a.get(0, "reverse", false));
        boolean caseSensitive = ctx.truthy(a.get(1, "case_sensitive", false));
        Object attribute = a.get(2, "attribute", null);
        return sorted(Values.toList(v), AttrGetter.multi(ctx, attribute, !caseSensitive), reverse);
    }

    private static Object dictsort(CallContext ctx, Object v, Arguments a) {
        a.check("dictsort", "case_sensitive", "by", "reverse");
        boolean caseSensitive = ctx.truthy(a.get(0, "case_sensitive", false));
        String by = Values.str(a.get(1, "by", "key"));
        Object reverse = a.get(2, "reverse", false);
        int pos = switch (by) {
            case "key" -> 0;
            case "value" -> 1;
            default -> throw new TemplateRuntimeException("You can only sort by either 'key' or 'value'");
        };
        if (v instanceof Undefined u) {
            throw u.fail();
        }
        if (!(v instanceof Map<?, ?> map)) {
            // Python raises AttributeError here, not TypeError
            throw new TemplateRuntimeException(RuntimeErrorKind.ATTRIBUTE_ERROR,
                    "'" + Values.typeName(v) + "' object has no attribute 'items'");
        }
        List<Object> pairs = new ArrayList<>();
        map.forEach((k, val) -> pairs.add(Tuple.of(k, val)));
        return sorted(pairs, item -> {
            Object x = ((Tuple) item).get(pos);
            return caseSensitive ? x : AttrGetter.ignoreCase(x);
        }, reverseArg(reverse));
    }

    private static Object groupby(CallContext ctx, Object v, Arguments a) {
        a.check("groupby", "attribute", "default", "case_sensitive");
        Object attribute = a.require(0, "attribute");
        Object dflt = a.get(1, "default", null);
        boolean caseSensitive = ctx.truthy(a.get(2, "case_sensitive", false));
        AttrGetter key = AttrGetter.of(ctx, attribute, dflt, !caseSensitive);
        AttrGetter output = AttrGetter.of(ctx, attribute, dflt, false);
        List<Object> items = sorted(Values.toList(v), key, false);
        List<Object> out = new ArrayList<>();
        List<Object> group = null;
        Object groupKey = null;
        for (Object item : items) {
            Object k = key.apply(item);
            if (group == null || !Values.eq(groupKey, k)) {
                if (group != null) {
                    out.add(new GroupTuple(caseSensitive ? groupKey : output.apply(group.get(0)), group));
                }
                group = new ArrayList<>();
                groupKey = k;
            }
            group.add(item);
        }
        if (group != null) {
            out.add(new GroupTuple(caseSensitive ? groupKey : output.apply(group.get(0)), group));
        }
        return out;
    }

    private static Object unique(CallContext ctx, Object v, Arguments a) {
        a.check("unique", "case_sensitive", "attribute");
        // a generator in Jinja2: the work, and its errors, wait until something iterates it
        return dev.kida.engine.runtime.value.PyIterator.generator("sync_do_unique", () -> uniqueItems(ctx, v, a).iterator());
    }

    private static List<Object> uniqueItems(CallContext ctx, Object v, Arguments a) {
        boolean caseSensitive = ctx.truthy(a.get(0, "case_sensitive", false));
        Object attribute = a.get(1, "attribute", null);
        AttrGetter key = AttrGetter.of(ctx, attribute, null, !caseSensitive);
        List<Object> out = new ArrayList<>();
        Set<Object> seen = new HashSet<>();
        Iterator<Object> it = Values.iterate(v);
        while (it.hasNext()) {
            Object item = it.next();
            Object k = key.apply(item);
            if (k instanceof Undefined u && !u.lenient()) {
                throw u.fail();
            }
            PyTypes.requireHashable(k);
            // lenient undefined values hash by their class and equal each other (Jinja2)
            Object hk = k instanceof Undefined u ? u.kind() : hashKey(k);
            if (seen.add(hk)) {
                out.add(item);
            }
        }
        return out;
    }

    /** A key that is equal for values Python considers equal (1 == 1.0 == True, Markup == str). */
    private static Object hashKey(Object k) {
        if (k instanceof dev.kida.api.Markup m) {
            return m.toString();
        }
        if (k instanceof Tuple t) {
            List<Object> parts = new ArrayList<>();
            for (Object o : t) {
                parts.add(hashKey(o));
            }
            return parts;
        }
        return PyNumbers.hashKey(k);
    }

    private static Object minOrMax(CallContext ctx, Object v, Arguments a, String name, int sign) {
        a.check(name, "case_sensitive", "attribute");
        boolean caseSensitive = ctx.truthy(a.get(0, "case_sensitive", false));
        Object attribute = a.get(1, "attribute", null);
        AttrGetter key = AttrGetter.of(ctx, attribute, null, !caseSensitive);
        Iterator<Object> it = Values.iterate(v);
        if (!it.hasNext()) {
            return new Undefined("No aggregated item, sequence was empty.");
        }
        Object best = it.next();
        Object bestKey = key.apply(best);
        while (it.hasNext()) {
            Object item = it.next();
            Object k = key.apply(item);
            // Python's min/max keep the first of equal items
            if (sign * Values.compare(k, bestKey) > 0) {
                best = item;
                bestKey = k;
            }
        }
        return best;
    }
}
