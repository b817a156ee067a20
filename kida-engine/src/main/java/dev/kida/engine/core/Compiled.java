package dev.kida.engine.core;

import java.util.Map;
import java.util.function.Supplier;

/**
 * The compiled form of a template.
 *
 * @param code     the generated code
 * @param blocks   the body id of each block the template defines
 * @param ownClass for code shared by the templates of one shape (compiled mode), what compiles the
 *                 template into a class of its own: run by the background compiler once the
 *                 template is hot ({@link CompileSettings#ownClassAfter}), never on a render
 *                 thread; null for code that is the template's own
 */
public record Compiled(CompiledCode code, Map<String, Integer> blocks, Supplier<Compiled> ownClass) {
    /** Body id of the template's main body. */
    public static final int MAIN = 0;

    /** Code that is the template's own. */
    public Compiled(CompiledCode code, Map<String, Integer> blocks) {
        this(code, blocks, null);
    }

    /** Whether the code is shared by the templates of a shape, the template on its way to a class of its own. */
    public boolean shared() {
        return ownClass != null;
    }
}
