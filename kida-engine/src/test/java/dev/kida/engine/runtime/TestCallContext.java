package dev.kida.engine.runtime;

import dev.kida.engine.runtime.html.Html;
import dev.kida.engine.runtime.value.Undefined;
import dev.kida.api.CallContext;
import dev.kida.api.Filter;
import dev.kida.api.Markup;
import dev.kida.api.Test;
import dev.kida.engine.filters.BuiltinFilters;
import dev.kida.engine.predicates.BuiltinTests;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** A CallContext for unit tests: the built-in filters and tests, and a map of variables. */
public final class TestCallContext implements CallContext, NameRegistry {
    private final boolean autoescape;
    private final Map<String, Object> vars = new HashMap<>();

    public TestCallContext(boolean autoescape) {
        this.autoescape = autoescape;
    }

    public TestCallContext() {
        this(false);
    }

    public TestCallContext with(String name, Object value) {
        vars.put(name, value);
        return this;
    }

    @Override
    public boolean autoescape() {
        return autoescape;
    }

    @Override
    public Markup escape(Object value) {
        return Html.escape(value, null);
    }

    @Override
    public String str(Object value) {
        return Values.str(value);
    }

    @Override
    public boolean truthy(Object value) {
        return Values.truthy(value);
    }

    @Override
    public Object attribute(Object obj, String name) {
        return Values.getAttr(obj, name);
    }

    @Override
    public Object item(Object obj, Object key) {
        return Values.getItem(obj, key);
    }

    @Override
    public Object filter(String name, Object value, List<Object> args, Map<String, Object> keywords) {
        Filter f = BuiltinFilters.all().get(name);
        if (f == null) {
            throw UnknownCallable.filterByName(name);
        }
        return f.apply(this, value, new Args(args, keywords));
    }

    @Override
    public boolean test(String name, Object value, List<Object> args, Map<String, Object> keywords) {
        Test t = BuiltinTests.all().get(name);
        if (t == null) {
            throw UnknownCallable.testByName(name);
        }
        return t.test(this, value, new Args(args, keywords));
    }

    @Override
    public boolean isUndefined(Object value) {
        return value instanceof Undefined;
    }

    @Override
    public Object resolve(String name) {
        return vars.containsKey(name) ? vars.get(name) : Undefined.name(name);
    }

    @Override
    public boolean hasFilter(String name) {
        return BuiltinFilters.all().containsKey(name);
    }

    @Override
    public boolean hasTest(String name) {
        return BuiltinTests.all().containsKey(name);
    }
}
