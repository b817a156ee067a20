package dev.kida.engine.ast;

import java.util.List;

/** A {@code case} pattern of Kida's {@code match}. */
public sealed interface Pattern {

    /** Adds the expressions this pattern evaluates to {@code out}. */
    default void collectValues(List<Expr> out) {
        switch (this) {
            case Value v -> out.add(v.expr());
            case Sequence s -> s.items().forEach(p -> p.collectValues(out));
            default -> { }
        }
    }

    /** {@code _}: matches anything. */
    record Wildcard() implements Pattern {}

    /** A bare name: matches anything and binds the value to the name for the case body. */
    record Capture(String name) implements Pattern {}

    /** Any other expression: evaluated and compared with {@code ==}. */
    record Value(Expr expr) implements Pattern {}

    /** {@code (p1, p2, ...)}: a list or tuple of the same length, matched item by item. */
    record Sequence(List<Pattern> items) implements Pattern {}
}
