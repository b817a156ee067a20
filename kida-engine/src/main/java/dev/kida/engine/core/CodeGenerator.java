package dev.kida.engine.core;

/**
 * Turns a parsed template into code for the engine to run instead of walking its tree: how the
 * {@code Environment} hands the engine its {@link CompilerBackend}'s {@code generate} (or
 * {@link #NONE}). The engine knows only this interface, so neither the hub nor the evaluator
 * depends on the compiler (the compiler depends on them, not the other way round).
 */
@FunctionalInterface
public interface CodeGenerator {
    /** Generates code for every body of the template. */
    Compiled generate(PreparedTemplate unit, Engine engine);

    /** For environments whose templates are only ever evaluated. */
    CodeGenerator NONE = (unit, engine) -> {
        throw new UnsupportedOperationException("this environment does not compile templates");
    };
}
