package dev.kida.engine.eval;

import dev.kida.engine.ast.Expr;
import dev.kida.engine.ast.Node;
import dev.kida.engine.ast.Stmt;

import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/** Visits every node of a template body, for the analyses that need a whole-tree view. */
final class AstWalker {
    private final BiConsumer<Node, Boolean> visitor;
    private final boolean intoMacros;
    private final boolean intoBlocks;
    /**
     * Whether the current node is in a "soft" place, as Jinja2's compiler calls it: directly in a
     * branch of an if (not inside a nested loop, macro, block...) or in a conditional expression.
     */
    private boolean soft;

    private AstWalker(BiConsumer<Node, Boolean> visitor, boolean intoMacros, boolean intoBlocks) {
        this.visitor = visitor;
        this.intoMacros = intoMacros;
        this.intoBlocks = intoBlocks;
    }

    /** Every node, including the bodies of macros and call blocks. */
    static void walk(List<Stmt> body, Consumer<Node> visitor) {
        new AstWalker((n, soft) -> visitor.accept(n), true, true).stmts(body);
    }

    /** Every node, with whether it is in a soft place (see {@link #soft}). */
    static void walkWithSoftness(List<Stmt> body, BiConsumer<Node, Boolean> visitor) {
        new AstWalker(visitor, true, true).stmts(body);
    }

    /**
     * Every node except inside blocks, as Jinja2 looks for the names a macro body uses
     * ({@code caller}, {@code varargs}, {@code kwargs}): nested macros and call blocks count.
     */
    static void walkOutsideBlocks(List<Stmt> body, Consumer<Node> visitor) {
        new AstWalker((n, soft) -> visitor.accept(n), true, false).stmts(body);
    }

    private void stmts(List<Stmt> body, boolean softness) {
        boolean saved = soft;
        soft = softness;
        try {
            stmts(body);
        } finally {
            soft = saved;
        }
    }

    private void expr(Expr e, boolean softness) {
        boolean saved = soft;
        soft = softness;
        try {
            expr(e);
        } finally {
            soft = saved;
        }
    }

    private void stmts(List<Stmt> body) {
        for (Stmt s : body) {
            stmt(s);
        }
    }

    private void stmt(Stmt s) {
        visitor.accept(s, soft);
        switch (s) {
            case Stmt.Text t -> { }
            case Stmt.Print p -> expr(p.expr());
            case Stmt.If i -> {
                for (Stmt.Branch b : i.branches()) {
                    expr(b.test(), true);
                    stmts(b.body(), true);
                }
                stmts(i.orElse(), true);
            }
            case Stmt.For f -> {
                expr(f.iter());
                expr(f.filter(), false);
                stmts(f.body(), false);
                stmts(f.orElse(), false);
            }
            case Stmt.Set st -> expr(st.value());
            case Stmt.SetBlock sb -> {
                sb.filters().forEach(e -> expr(e, false));
                stmts(sb.body(), false);
            }
            case Stmt.With w -> {
                w.assignments().forEach(a -> expr(a.value()));
                stmts(w.body(), false);
            }
            case Stmt.Macro m -> {
                if (intoMacros) {
                    m.params().forEach(p -> expr(p.defaultValue(), false));
                    stmts(m.body(), false);
                }
            }
            case Stmt.CallBlock c -> {
                expr(c.call());
                if (intoMacros) {
                    c.callerParams().forEach(p -> expr(p.defaultValue(), false));
                    stmts(c.body(), false);
                }
            }
            case Stmt.FilterBlock fb -> {
                fb.filters().forEach(e -> expr(e, false));
                stmts(fb.body(), false);
            }
            case Stmt.Include inc -> expr(inc.template());
            case Stmt.Import imp -> expr(imp.template());
            case Stmt.FromImport fi -> expr(fi.template());
            case Stmt.Extends ex -> expr(ex.template());
            case Stmt.Block b -> {
                if (intoBlocks) {
                    stmts(b.body(), false);
                }
            }
            case Stmt.Autoescape a -> {
                expr(a.enabled());
                stmts(a.body());
            }
            case Stmt.Do d -> expr(d.expr());
            case Stmt.Break b -> { }
            case Stmt.Continue c -> { }
            case Stmt.Composite k -> {
                k.exprs().forEach(e -> expr(e, false));
                k.bodies().forEach(b -> stmts(b, false));
            }
            case Stmt.Kida k -> {
                k.expressions().forEach(e -> expr(e, false));
                k.bodies().forEach(body -> stmts(body, false));
            }
        }
    }

    private void expr(Expr e) {
        if (e == null) {
            return;
        }
        visitor.accept(e, soft);
        switch (e) {
            case Expr.Literal l -> { }
            case Expr.Name n -> { }
            case Expr.ListLit l -> l.items().forEach(this::expr);
            case Expr.TupleLit t -> t.items().forEach(this::expr);
            case Expr.DictLit d -> d.entries().forEach(en -> {
                expr(en.key());
                expr(en.value());
            });
            case Expr.GetAttr g -> expr(g.target());
            case Expr.GetItem g -> {
                expr(g.target());
                expr(g.key());
            }
            case Expr.Slice s -> {
                expr(s.start());
                expr(s.stop());
                expr(s.step());
            }
            case Expr.Unary u -> expr(u.operand());
            case Expr.Binary b -> {
                expr(b.left());
                expr(b.right());
            }
            case Expr.And a -> {
                expr(a.left());
                expr(a.right());
            }
            case Expr.Or o -> {
                expr(o.left());
                expr(o.right());
            }
            case Expr.Compare c -> {
                expr(c.first());
                c.rest().forEach(op -> expr(op.expr()));
            }
            case Expr.Conditional c -> {
                expr(c.test(), true);
                expr(c.then(), true);
                expr(c.otherwise(), true);
            }
            case Expr.Call c -> {
                expr(c.callee());
                c.args().forEach(this::expr);
                c.kwargs().forEach(k -> expr(k.value()));
                expr(c.starArgs());
                expr(c.starKwargs());
            }
            case Expr.Filter f -> {
                expr(f.value());
                f.args().forEach(this::expr);
                f.kwargs().forEach(k -> expr(k.value()));
                expr(f.starArgs());
                expr(f.starKwargs());
            }
            case Expr.Test t -> {
                expr(t.value());
                t.args().forEach(this::expr);
                t.kwargs().forEach(k -> expr(k.value()));
            }
            case Expr.Nullish n -> {
                expr(n.left());
                expr(n.right());
            }
            case Expr.OptionalChain c -> expr(c.body());
            case Expr.OptionalAttr a -> expr(a.target());
            case Expr.OptionalItem i -> {
                expr(i.target());
                expr(i.key());
            }
            case Expr.OptionalFilter f -> expr(f.filter());
            case Expr.BlankNone b -> expr(b.value());
            case Expr.RangeLit r -> {
                expr(r.start());
                expr(r.end());
                expr(r.step());
            }
            case Expr.ListComp c -> {
                expr(c.iterable());
                expr(c.condition());
                expr(c.element());
            }
        }
    }
}
