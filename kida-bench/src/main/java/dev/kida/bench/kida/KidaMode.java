package dev.kida.bench.kida;

import dev.kida.engine.Environment;

import java.util.function.UnaryOperator;

/**
 * The execution modes Kida is benchmarked in. Every constant is a JMH parameter value of the Kida
 * benchmarks, so a new mode is one line here, e.g. once the bytecode compiler lands:
 * {@code COMPILED(b -> b.mode(Mode.COMPILED)),}.
 */
public enum KidaMode {
    /** Whatever the engine does by default (today: the evaluator). */
    DEFAULT(builder -> builder);

    private final UnaryOperator<Environment.Builder> configure;

    KidaMode(UnaryOperator<Environment.Builder> configure) {
        this.configure = configure;
    }

    /** Sets this mode on the builder. */
    public Environment.Builder apply(Environment.Builder builder) {
        return configure.apply(builder);
    }
}
