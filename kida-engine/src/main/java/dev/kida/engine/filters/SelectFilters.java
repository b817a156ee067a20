package dev.kida.engine.filters;

import dev.kida.api.Arguments;
import dev.kida.api.CallContext;
import dev.kida.api.Filter;
import dev.kida.api.TemplateRuntimeException;
import dev.kida.engine.runtime.Args;
import dev.kida.engine.runtime.value.PyIterator;
import dev.kida.engine.runtime.Values;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;

/** map, select, reject, selectattr and rejectattr: apply a filter or test to every item. */
final class SelectFilters {
    private SelectFilters() {
    }

    static void register(Map<String, Filter> m) {
        m.put("map", SelectFilters::map);
        m.put("select", (ctx, v, a) -> selectOrReject(ctx, v, a, false, true));
        m.put("reject", (ctx, v, a) -> selectOrReject(ctx, v, a, false, false));
        m.put("selectattr", (ctx, v, a) -> selectOrReject(ctx, v, a, true, true));
        m.put("rejectattr", (ctx, v, a) -> selectOrReject(ctx, v, a, true, false));
    }

    /** Jinja2's map is a generator: nothing, not even its argument checks, runs before it is iterated. */
    private static Object map(CallContext ctx, Object v, Arguments a) {
        return PyIterator.generator("sync_do_map", () -> {
            if (!ctx.truthy(v)) {
                return Collections.emptyIterator();
            }
            UnaryOperator<Object> func = mapFunction(ctx, a);
            return SequenceFilters.mapped(Values.iterate(v), func);
        });
    }

    private static UnaryOperator<Object> mapFunction(CallContext ctx, Arguments a) {
        UnaryOperator<Object> func;
        List<Object> positional = a.positional();
        if (positional.isEmpty() && a.keywords().containsKey("attribute")) {
            Map<String, Object> kw = new LinkedHashMap<>(a.keywords());
            Object attribute = kw.remove("attribute");
            Object dflt = kw.remove("default");
            if (!kw.isEmpty()) {
                throw new TemplateRuntimeException("Unexpected keyword argument " + Values.repr(
                        kw.keySet().iterator().next()));
            }
            func = AttrGetter.of(ctx, attribute, dflt, false);
        } else {
            if (positional.isEmpty()) {
                throw new TemplateRuntimeException("map requires a filter argument");
            }
            Object name = positional.get(0);
            List<Object> rest = new ArrayList<>(positional.subList(1, positional.size()));
            Map<String, Object> kw = a.keywords();
            func = item -> ctx.filter(callableName(name, "filter"), item, rest, kw);
        }
        return func;
    }

    /** A generator in Jinja2, like map: a falsy value selects nothing, and errors wait for iteration. */
    private static Object selectOrReject(CallContext ctx, Object v, Arguments a, boolean lookupAttr, boolean keep) {
        return PyIterator.generator("select_or_reject", () -> {
            if (!ctx.truthy(v)) {
                return Collections.emptyIterator();
            }
            return selecting(ctx, v, a, lookupAttr, keep);
        });
    }

    /**
     * The filter or test name map/select/reject were given, looked up (as Jinja2 does) only when
     * the first item needs it: Jinja2 finds it in a dict, so a name that is not a string is missing
     * (or cannot be hashed), not of the wrong type.
     */
    private static String callableName(Object name, String what) {
        if (name instanceof dev.kida.engine.runtime.value.Undefined u && !u.lenient()) {
            throw u.fail();
        }
        if (name instanceof String || name instanceof dev.kida.api.Markup) {
            return name.toString();
        }
        dev.kida.engine.runtime.value.PyTypes.requireHashable(name);
        throw new TemplateRuntimeException("No " + what + " named " + Values.repr(name) + ".");
    }

    private static Iterator<Object> selecting(CallContext ctx, Object v, Arguments a, boolean lookupAttr, boolean keep) {
        List<Object> args = a.positional();
        int off = 0;
        UnaryOperator<Object> transform = UnaryOperator.identity();
        if (lookupAttr) {
            if (args.isEmpty()) {
                throw new TemplateRuntimeException("Missing parameter for attribute name");
            }
            transform = AttrGetter.of(ctx, args.get(0), null, false);
            off = 1;
        }
        Predicate<Object> test;
        if (args.size() > off) {
            Object name = args.get(off);
            List<Object> rest = new ArrayList<>(args.subList(off + 1, args.size()));
            Map<String, Object> kw = a.keywords();
            test = item -> ctx.test(callableName(name, "test"), item, rest, kw);
        } else {
            test = ctx::truthy;
        }
        Iterator<Object> it = Values.iterate(v);
        UnaryOperator<Object> key = transform;
        return new Iterator<>() {
            private Object pending;
            private boolean ready;

            @Override
            public boolean hasNext() {
                while (!ready && it.hasNext()) {
                    Object item = it.next();
                    if (test.test(key.apply(item)) == keep) {
                        pending = item;
                        ready = true;
                    }
                }
                return ready;
            }

            @Override
            public Object next() {
                if (!hasNext()) {
                    throw new java.util.NoSuchElementException();
                }
                ready = false;
                return pending;
            }
        };
    }
}
