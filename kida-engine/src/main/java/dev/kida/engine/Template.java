package dev.kida.engine;

import dev.kida.engine.core.Engine;
import dev.kida.engine.eval.Checker;
import dev.kida.engine.core.PreparedTemplate;

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
    private final PreparedTemplate unit;

    Template(Engine engine, PreparedTemplate unit) {
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

    /**
     * Renders one block of the template: a {@code block}, a {@code fragment} or a {@code region}
     * (regions take their parameters from the context), the template's own or inherited, using
     * the most-derived definition. Before the block, the template's setup runs as it would in a
     * full render: top-level {@code def}s, macros, imports, regions, {@code let}s and the
     * {@code globals} block (of its ancestors too); other top-level statements and text do not.
     * <pre>{@code
     * String row = template.renderBlock("row", Map.of("item", item));
     * }</pre>
     *
     * @throws dev.kida.api.TemplateRuntimeException when no block of that name exists
     * @throws dev.kida.api.KidaException (a subclass naming the kind) when rendering fails
     */
    public String renderBlock(String name, Map<String, ?> context) {
        return engine.renderBlock(unit, Objects.requireNonNull(name, "name"),
                Objects.requireNonNull(context, "context"));
    }

    /**
     * Renders the whole template with some blocks replaced: each entry maps a block name to the
     * text that stands in its place. The text is trusted HTML (or {@link dev.kida.api.Markup}),
     * inserted without escaping; replacing an outer block also replaces the blocks inside it.
     * <pre>{@code
     * String page = template.renderWithBlocks(Map.of("footer", "<footer>custom</footer>"), context);
     * }</pre>
     *
     * @throws dev.kida.api.TemplateRuntimeException when an override names no block of the
     *                                               template or its ancestors
     */
    public String renderWithBlocks(Map<String, ?> overrides, Map<String, ?> context) {
        return engine.renderWithBlocks(unit, Objects.requireNonNull(overrides, "overrides"),
                Objects.requireNonNull(context, "context"));
    }

    /**
     * The names of every block, fragment and region of this template and of the templates it
     * extends (found through {@code extends} with a literal name), sorted. Defs and macros are not
     * blocks.
     *
     * @throws dev.kida.api.KidaException when an ancestor cannot be loaded
     */
    public java.util.SortedSet<String> blockNames() {
        return engine.blockNames(unit);
    }

    /**
     * Renders into a writer as the page is produced: at each {@code {% flush %}} reached in the
     * template's own output (not inside a def's result or other captured text) what was rendered
     * so far is written and the writer flushed; the rest follows at the end. Unlike
     * {@link #render(Map, Appendable)}, text written before a failure stays written.
     * <pre>{@code
     * template.stream(context, response.getWriter());
     * }</pre>
     *
     * @throws dev.kida.api.KidaException when rendering or writing fails
     */
    public void stream(Map<String, ?> context, java.io.Writer out) {
        engine.stream(unit, Objects.requireNonNull(context, "context"), Objects.requireNonNull(out, "out"));
    }

    /**
     * As {@link #stream(Map, java.io.Writer)}, writing UTF-8 bytes and flushing the stream at each
     * {@code {% flush %}}. The stream is not closed.
     */
    public void stream(Map<String, ?> context, OutputStream out) {
        engine.stream(unit, Objects.requireNonNull(context, "context"), Objects.requireNonNull(out, "out"));
    }

    /**
     * The render as a lazy stream of chunks, the text between two {@code {% flush %}}s (empty
     * chunks are left out): the render runs on a virtual thread and produces the next chunk when
     * the consumer asks for it. A failure is thrown from the stream's terminal operation, after the
     * chunks before it. Close the stream (try-with-resources) when not consuming it to the end:
     * that stops the render.
     * <pre>{@code
     * try (Stream<String> chunks = template.stream(context)) {
     *     chunks.forEach(chunk -> send(chunk));
     * }
     * }</pre>
     */
    public java.util.stream.Stream<String> stream(Map<String, ?> context) {
        return engine.stream(unit, Objects.requireNonNull(context, "context"));
    }

    /**
     * Checks the template without rendering it: calls of its defs (and of defs imported by a
     * literal name) with too many positional arguments, an unknown keyword or a missing required
     * argument; arguments whose type, declared in a {@code {% template %}} declaration or evident
     * from a literal, does not fit the parameter's annotation; and, when {@code strict}, every bare
     * {@code {% end %}} that could be written as its block's explicit closer. Sorted by position.
     */
    public java.util.List<Diagnostic> diagnostics(boolean strict) {
        return Checker.check(engine, unit, engine.lexerOptions(), strict).stream().map(f -> new Diagnostic(f.template(), f.line(), f.column(),
                f.message(), f.sourceLine(), f.strictOnly())).toList();
    }

    /** Whether the template currently runs as compiled bytecode. */
    public boolean isCompiled() {
        return unit.compilation().compiled() != null;
    }

    /**
     * Whether the template was loaded from compiled code stored ahead of time (precompiled
     * templates, or the on-disk compiled cache) instead of being parsed. In the default tiered
     * mode such a template runs in the evaluator on its stored tree until it is hot, and then its
     * stored class is defined (no bytecode generation); in compiled mode it is compiled from load.
     */
    public boolean isPrecompiled() {
        return unit.compilation().readBack();
    }

    /** Why compiling this template to bytecode failed, if it did (it then runs in the evaluator). */
    public Optional<Throwable> compileFailure() {
        return Optional.ofNullable(unit.compilation().failure());
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
