package dev.kida.engine.runtime.objects;

import dev.kida.engine.runtime.value.BuiltinMethod;
import dev.kida.engine.runtime.value.TemplateObject;
import dev.kida.api.RuntimeErrorKind;
import dev.kida.api.TemplateRuntimeException;

import java.util.List;

/** {@code cycler(*items)}: cycles through its items with {@code next()}; {@code current}, {@code reset()}. */
public final class Cycler implements TemplateObject {
    private final List<Object> items;
    private int position;

    /** A cycler over the items (at least one). */
    public Cycler(List<Object> items) {
        if (items.isEmpty()) {
            throw new TemplateRuntimeException(RuntimeErrorKind.RUNTIME_ERROR, "at least one item has to be provided");
        }
        this.items = List.copyOf(items.stream().map(o -> o == null ? NONE : o).toList());
    }

    private static final Object NONE = new Object();

    private static Object unwrap(Object o) {
        return o == NONE ? null : o;
    }

    /** The current item, then advances. */
    public synchronized Object next() {
        Object v = items.get(position);
        position = (position + 1) % items.size();
        return unwrap(v);
    }

    /** The item {@link #next} would return. */
    public synchronized Object current() {
        return unwrap(items.get(position));
    }

    /** Back to the first item. */
    public synchronized void reset() {
        position = 0;
    }

    @Override
    public Object attribute(String name) {
        return switch (name) {
            case "current" -> current();
            case "items" -> items.stream().map(Cycler::unwrap).toList();
            case "pos" -> (long) position;
            case "next" -> new BuiltinMethod(this, name, (self, ctx, args) -> {
                args.check("next");
                return next();
            });
            case "reset" -> new BuiltinMethod(this, name, (self, ctx, args) -> {
                args.check("reset");
                reset();
                return null;
            });
            default -> MISSING;
        };
    }

    @Override
    public String jinjaTypeName() {
        return "jinja2.utils.Cycler";
    }
}
