package dev.kida.engine.filters;

import dev.kida.api.Arguments;
import dev.kida.api.CallContext;
import dev.kida.api.Filter;
import dev.kida.api.TemplateRuntimeException;
import dev.kida.engine.runtime.Args;
import dev.kida.engine.tests.BuiltinTests;

import java.util.ArrayList;
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

    private static Object map(CallContext ctx, Object v, Arguments a) {
        UnaryOperator<Object> func;
        List<Object> positional = a.positional();
        if (positional.isEmpty() && a.keywords().containsKey("attribute")) {
            Map<String, Object> kw = new LinkedHashMap<>(a.keywords());
            Object attribute = kw.remove("attribute");
            Object dflt = kw.remove("default");
            if (!kw.isEmpty()) {
                throw new TemplateRuntimeException("Unexpected keyword argument " + dev.kida.engine.runtime.Values.repr(
                        kw.keySet().iterator().next()));
            }
            func = AttrGetter.of(ctx, attribute, dflt, false);
        } else {
            if (positional.isEmpty()) {
                throw new TemplateRuntimeException("map requires a filter argument");
            }
            String name = Texts.strArg(positional.get(0), "filter name");
            List<Object> rest = new ArrayList<>(positional.subList(1, positional.size()));
            Map<String, Object> kw = a.keywords();
            func = item -> callFilter(ctx, name, item, rest, kw);
        }
        List<Object> out = new ArrayList<>();
        Iterator<Object> it = dev.kida.engine.runtime.Values.iterate(v);
        while (it.hasNext()) {
            out.add(func.apply(it.next()));
        }
        return out;
    }

    /**
     * Calls a filter by name. Keyword arguments cannot pass through {@link CallContext#filter},
     * so with keywords the built-in filter of that name is called directly.
     */
    private static Object callFilter(CallContext ctx, String name, Object item, List<Object> args, Map<String, Object> kw) {
        if (kw.isEmpty()) {
            return ctx.filter(name, item, args);
        }
        Filter f = BuiltinFilters.all().get(name);
        if (f == null) {
            throw new TemplateRuntimeException("No filter named '" + name + "'.");
        }
        return f.apply(ctx, item, new Args(args, kw));
    }

    private static boolean callTest(CallContext ctx, String name, Object item, List<Object> args, Map<String, Object> kw) {
        if (kw.isEmpty()) {
            return ctx.test(name, item, args);
        }
        var t = BuiltinTests.all().get(name);
        if (t == null) {
            throw new TemplateRuntimeException("No test named '" + name + "'.");
        }
        return t.test(ctx, item, new Args(args, kw));
    }

    private static Object selectOrReject(CallContext ctx, Object v, Arguments a, boolean lookupAttr, boolean keep) {
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
            String name = Texts.strArg(args.get(off), "test name");
            List<Object> rest = new ArrayList<>(args.subList(off + 1, args.size()));
            Map<String, Object> kw = a.keywords();
            test = item -> callTest(ctx, name, item, rest, kw);
        } else {
            test = ctx::truthy;
        }
        List<Object> out = new ArrayList<>();
        Iterator<Object> it = dev.kida.engine.runtime.Values.iterate(v);
        while (it.hasNext()) {
            Object item = it.next();
            if (test.test(transform.apply(item)) == keep) {
                out.add(item);
            }
        }
        return out;
    }
}
