package dev.kida.engine.filters;

import dev.kida.api.CallContext;
import dev.kida.api.Markup;
import dev.kida.engine.runtime.text.StrOperations;
import dev.kida.engine.runtime.value.Tuple;
import dev.kida.engine.runtime.value.Undefined;

import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * Jinja2's {@code make_attrgetter}: reads {@code attribute='a.b.0'} from each item by item
 * lookup per dotted part (digits become int indices), with an optional default for undefined
 * results and an optional post-processing (lower-casing for case-insensitive filters).
 */
final class AttrGetter implements UnaryOperator<Object> {
    private final CallContext ctx;
    private final List<Object> parts;
    private final Object defaultValue;
    private final boolean ignoreCase;

    private AttrGetter(CallContext ctx, List<Object> parts, Object defaultValue, boolean ignoreCase) {
        this.ctx = ctx;
        this.parts = parts;
        this.defaultValue = defaultValue;
        this.ignoreCase = ignoreCase;
    }

    /** A getter for {@code attribute} (null: the item itself). */
    static AttrGetter of(CallContext ctx, Object attribute, Object defaultValue, boolean ignoreCase) {
        return new AttrGetter(ctx, parts(attribute), defaultValue, ignoreCase);
    }

    static List<Object> parts(Object attribute) {
        List<Object> parts = new ArrayList<>();
        if (attribute == null) {
            return parts;
        }
        if (attribute instanceof String s) {
            for (String p : s.split("\\.", -1)) {
                parts.add(!p.isEmpty() && p.chars().allMatch(Character::isDigit) ? (Object) Long.parseLong(p) : p);
            }
        } else {
            parts.add(attribute);
        }
        return parts;
    }

    @Override
    public Object apply(Object item) {
        for (Object part : parts) {
            item = ctx.item(item, part);
            if (defaultValue != null && item instanceof Undefined) {
                item = defaultValue;
            }
        }
        return ignoreCase ? ignoreCase(item) : item;
    }

    /** Jinja2's {@code ignore_case}: lower-cases strings, leaves everything else. */
    static Object ignoreCase(Object value) {
        if (value instanceof String s) {
            return StrOperations.lower(s);
        }
        if (value instanceof Markup m) {
            return Markup.of(StrOperations.lower(m.toString()));
        }
        return value;
    }

    /**
     * Jinja2's {@code make_multi_attrgetter}: {@code attribute='a,b'} gives a list of values
     * to sort by.
     */
    static UnaryOperator<Object> multi(CallContext ctx, Object attribute, boolean ignoreCase) {
        List<AttrGetter> getters = new ArrayList<>();
        if (attribute instanceof String s) {
            for (String a : s.split(",", -1)) {
                getters.add(of(ctx, a, null, ignoreCase));
            }
        } else {
            getters.add(of(ctx, attribute, null, ignoreCase));
        }
        return item -> {
            List<Object> key = new ArrayList<>(getters.size());
            for (AttrGetter g : getters) {
                key.add(g.apply(item));
            }
            return key;
        };
    }

    static Tuple pair(Object a, Object b) {
        return Tuple.of(a, b);
    }
}
