package dev.kida.bench.kida;

import dev.kida.engine.Environment;
import dev.kida.engine.ExecutionMode;

import java.util.function.UnaryOperator;

/**
 * The execution modes Kida is benchmarked in. Every constant is a JMH parameter value of the Kida
 * benchmarks, so a new mode is one line here, e.g. once the bytecode compiler lands:
 * {@code COMPILED(b -> b.mode(Mode.COMPILED)),}.
 */
public enum KidaMode {
    /** Whatever the engine does by default (tiered: evaluator first, compiled once warm). */
    DEFAULT(builder -> builder),
    /** The tree-walking evaluator only. */
    INTERPRETED(builder -> builder.mode(ExecutionMode.INTERPRETED)),
    /** Bytecode compiled when the template loads. */
    COMPILED(builder -> builder.mode(ExecutionMode.COMPILED));

    private final UnaryOperator<Environment.Builder> configure;

    KidaMode(UnaryOperator<Environment.Builder> configure) {
        this.configure = configure;
    }

    /** Sets this mode on the builder. */
    public Environment.Builder apply(Environment.Builder builder) {
        return configure.apply(builder);
    }
}
