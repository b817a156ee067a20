package dev.kida.engine.eval;

import dev.kida.engine.ast.Expr;

import java.util.List;
import java.util.Set;

/**
 * Whether Jinja2's compiler would fold an expression to a constant ({@code as_const}). Folding is
 * visible in one place: a {@code ~} whose operands are all constant is joined with {@code str()}
 * at compile time, so {@code ('<b>'|safe) ~ 'x'} yields a plain string (escaped on output) where
 * the same concatenation of runtime values yields Markup.
 */
public final class ConstantExpr {
    /** Built-in filters Jinja2 calls with the render context, which it never folds. */
    private static final Set<String> CONTEXT_FILTERS = Set.of("map", "select", "reject", "selectattr",
            "rejectattr", "random");

    private ConstantExpr() {
    }

    /** Whether Jinja2 folds {@code e} at compile time. */
    public static boolean isConstant(Expr e) {
        return switch (e) {
            case null -> true;
            case Expr.Literal l -> true;
            case Expr.ListLit l -> all(l.items());
            case Expr.TupleLit t -> all(t.items());
            case Expr.DictLit d -> d.entries().stream().allMatch(en -> isConstant(en.key()) && isConstant(en.value()));
            case Expr.GetAttr g -> isConstant(g.target());
            case Expr.GetItem g -> isConstant(g.target()) && isConstant(g.key());
            case Expr.Slice s -> isConstant(s.start()) && isConstant(s.stop()) && isConstant(s.step());
            case Expr.Unary u -> isConstant(u.operand());
            case Expr.Binary b -> isConstant(b.left()) && isConstant(b.right());
            case Expr.And a -> isConstant(a.left()) && isConstant(a.right());
            case Expr.Or o -> isConstant(o.left()) && isConstant(o.right());
            case Expr.Compare c -> isConstant(c.first()) && c.rest().stream().allMatch(op -> isConstant(op.expr()));
            case Expr.Conditional c -> c.otherwise() != null && isConstant(c.test()) && isConstant(c.then())
                    && isConstant(c.otherwise());
            case Expr.Filter f -> f.value() != null && !CONTEXT_FILTERS.contains(f.name()) && isConstant(f.value())
                    && all(f.args()) && f.kwargs().stream().allMatch(k -> isConstant(k.value()))
                    && isConstant(f.starArgs()) && isConstant(f.starKwargs());
            case Expr.Test t -> isConstant(t.value()) && all(t.args())
                    && t.kwargs().stream().allMatch(k -> isConstant(k.value()));
            case Expr.Name n -> false;
            case Expr.Call c -> false;
            // Kida's forms do not exist in Jinja2, so nothing Jinja2 would fold depends on them
            case Expr.Nullish n -> false;
            case Expr.OptionalChain c -> false;
            case Expr.OptionalAttr a -> false;
            case Expr.OptionalItem i -> false;
            case Expr.OptionalFilter f -> false;
            case Expr.BlankNone b -> false;
            case Expr.RangeLit r -> false;
            case Expr.ListComp c -> false;
        };
    }

    private static boolean all(List<Expr> items) {
        return items.stream().allMatch(ConstantExpr::isConstant);
    }
}
