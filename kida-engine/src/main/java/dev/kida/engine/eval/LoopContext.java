package dev.kida.engine.eval;

import dev.kida.api.Arguments;
import dev.kida.api.CallContext;
import dev.kida.api.GlobalFunction;
import dev.kida.api.TemplateRuntimeException;
import dev.kida.api.TemplateTypeException;
import dev.kida.engine.runtime.value.TemplateObject;
import dev.kida.engine.runtime.value.Undefined;
import dev.kida.engine.runtime.Values;

import java.util.List;

/** The {@code loop} variable: position in the loop, neighbours, and helpers. */
public final class LoopContext implements TemplateObject, GlobalFunction {
    /** Renders a recursive loop over new items one level deeper. */
    public interface Recursion {
        Object render(Object iterable, int depth0);
    }

    private final List<Object> items;
    private final int depth0;
    private final Recursion recursion;
    private int index0;
    private List<Object> lastChanged;

    public LoopContext(List<Object> items, int depth0, Recursion recursion) {
        this.items = items;
        this.depth0 = depth0;
        this.recursion = recursion;
    }

    public void advance(int index0) {
        this.index0 = index0;
    }

    @Override
    public Object attribute(String name) {
        int length = items.size();
        return switch (name) {
            case "index" -> (long) index0 + 1;
            case "index0" -> (long) index0;
            case "revindex" -> (long) (length - index0);
            case "revindex0" -> (long) (length - index0 - 1);
            case "first" -> index0 == 0;
            case "last" -> index0 == length - 1;
            case "length" -> (long) length;
            case "depth" -> (long) depth0 + 1;
            case "depth0" -> (long) depth0;
            case "previtem" -> index0 > 0 ? items.get(index0 - 1)
                    : new Undefined("there is no previous item");
            case "nextitem" -> index0 + 1 < length ? items.get(index0 + 1)
                    : new Undefined("there is no next item");
            case "cycle" -> (GlobalFunction) (ctx, args) -> {
                if (args.positional().isEmpty()) {
                    throw new TemplateTypeException("no items for cycling given");
                }
                return args.positional().get(index0 % args.positional().size());
            };
            case "changed" -> (GlobalFunction) (ctx, args) -> {
                List<Object> now = args.positional();
                boolean changed = lastChanged == null || !equalValues(lastChanged, now);
                lastChanged = now;
                return changed;
            };
            default -> MISSING;
        };
    }

    private static boolean equalValues(List<Object> a, List<Object> b) {
        if (a.size() != b.size()) {
            return false;
        }
        for (int i = 0; i < a.size(); i++) {
            if (!Values.eq(a.get(i), b.get(i))) {
                return false;
            }
        }
        return true;
    }

    /** {@code loop(items)}: only in loops marked {@code recursive}. */
    @Override
    public Object call(CallContext context, Arguments args) {
        if (recursion == null) {
            throw new TemplateTypeException(
                    "Tried to call non recursive loop.  Maybe you forgot the 'recursive' modifier.");
        }
        Object iterable = args.require(0, "iterable");
        return recursion.render(iterable, depth0 + 1);
    }

    @Override
    public String toString() {
        return "<LoopContext " + (index0 + 1) + "/" + items.size() + ">";
    }

    @Override
    public String jinjaTypeName() {
        return "jinja2.runtime.LoopContext";
    }
}
