package dev.kida.engine;

import dev.kida.engine.eval.Engine;
import dev.kida.engine.eval.Unit;

import java.io.OutputStream;
import java.util.Map;
import java.util.Optional;
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
        return engine.render(unit, Objects.requireNonNull(context, "context"));
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

    /**
     * Renders as UTF-8 into a byte stream; static text is written from bytes encoded once, when
     * the template was compiled. Nothing is written when rendering fails. The stream is neither
     * flushed nor closed.
     */
    public void render(Map<String, ?> context, OutputStream out) {
        engine.render(unit, Objects.requireNonNull(context, "context"), Objects.requireNonNull(out, "out"));
    }

    /** Whether the template currently runs as compiled bytecode. */
    public boolean isCompiled() {
        return unit.tier().compiled() != null;
    }

    /** Why compiling this template to bytecode failed, if it did (it then runs in the evaluator). */
    public Optional<Throwable> compileFailure() {
        return Optional.ofNullable(unit.tier().failure());
    }

    /**
     * Compiles the template to bytecode now, on this thread, unless it already is (in
     * interpreted mode too: useful to compare the backends). Returns whether it is compiled.
     */
    public boolean compile() {
        engine.compileNow(unit);
        return isCompiled();
    }

    @Override
    public String toString() {
        return "Template[" + unit.name() + "]";
    }
}
