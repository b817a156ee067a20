package dev.kida.engine;

import dev.kida.engine.eval.Engine;
import dev.kida.engine.eval.Unit;

import java.util.Map;
import java.util.Objects;

/**
 * A loaded, parsed and checked template. Immutable and thread-safe: render it from as many threads
 * as you like.
 */
public final class Template {
    private final Engine engine;
    private final Unit unit;

    Template(Engine engine, Unit unit) {
        this.engine = engine;
        this.unit = unit;
    }

    /** The template's name ({@code <string>} for templates made from a string without one). */
    public String name() {
        return unit.name();
    }

    /**
     * Renders the template with the given variables.
     *
     * @throws dev.kida.api.KidaException (a subclass naming the kind) when rendering fails
     */
    public String render(Map<String, ?> context) {
        StringBuilder out = new StringBuilder(256);
        engine.render(unit, Objects.requireNonNull(context, "context"), out);
        return out.toString();
    }

    /** Renders with no variables. */
    public String render() {
        return render(Map.of());
    }

    /**
     * Renders into any {@link Appendable} (a Writer, a StringBuilder...). Nothing is written when
     * rendering fails.
     */
    public void render(Map<String, ?> context, Appendable out) {
        engine.render(unit, Objects.requireNonNull(context, "context"), Objects.requireNonNull(out, "out"));
    }

    @Override
    public String toString() {
        return "Template[" + unit.name() + "]";
    }
}
