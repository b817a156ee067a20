package dev.kida.compiler;

import dev.kida.engine.ast.BinaryOp;
import dev.kida.engine.ast.Expr;
import dev.kida.engine.runtime.Values;

/**
 * Expressions whose value is known when compiling, computed now with the runtime's own semantics
 * (so the result is the one the evaluator would compute). An operation that raises is not folded:
 * it raises at run time, where it is located.
 */
final class ConstantFolding {
    /** The result of {@link #fold} for an expression that is not constant. */
    static final Object NOT_CONST = new Object();

    private ConstantFolding() {}

    /** A constant expression's value; or {@link #NOT_CONST}. */
    static Object fold(Expr e) {
        try {
            return switch (e) {
                case Expr.Literal l -> l.value();
                case Expr.Unary u -> {
                    Object v = fold(u.operand());
                    if (v == NOT_CONST) {
                        yield NOT_CONST;
                    }
                    yield switch (u.op()) {
                        case NOT -> !Values.truthy(v);
                        case NEG -> Values.neg(v);
                        case POS -> Values.pos(v);
                    };
                }
                case Expr.Binary b when b.op() != BinaryOp.CONCAT -> {
                    Object l = fold(b.left());
                    Object r = fold(b.right());
                    if (l == NOT_CONST || r == NOT_CONST) {
                        yield NOT_CONST;
                    }
                    yield switch (b.op()) {
                        case ADD -> Values.add(l, r);
                        case SUB -> Values.sub(l, r);
                        case MUL -> Values.mul(l, r);
                        case DIV -> Values.div(l, r);
                        case FLOORDIV -> Values.floorDiv(l, r);
                        case MOD -> Values.mod(l, r);
                        case POW -> Values.pow(l, r);
                        case CONCAT -> NOT_CONST;
                    };
                }
                default -> NOT_CONST;
            };
        } catch (RuntimeException ex) {
            return NOT_CONST;
        }
    }

    /** Whether a folded value may be shared by every evaluation (loaded instead of computed). */
    static boolean immutable(Object v) {
        return v == null || v instanceof String || v instanceof Boolean || v instanceof Number;
    }

    /** The truth of a constant expression: TRUE, FALSE, or null when not constant or when truth raises. */
    static Boolean truth(Expr e) {
        Object c = fold(e);
        if (c == NOT_CONST) {
            return null;
        }
        try {
            return Values.truthy(c);
        } catch (RuntimeException ex) {
            // raises at run time, where it is located
            return null;
        }
    }
}
