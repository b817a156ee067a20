package dev.kida.engine.core;

/**
 * Turns a parsed template into code for the engine to run instead of walking its tree: the door
 * through which the bytecode compiler plugs in. The engine only knows this interface, so the
 * evaluator does not depend on the compiler (the compiler depends on the evaluator's runtime
 * state, not the other way round).
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
