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
    /**
     * Whether the current node is in Jinja2's "soft" frame: inside an {@code if} statement or an
     * inline if-expression, and not in a new scope (loop body, macro, block...) opened there.
     */
    private boolean soft;

    private AstWalker(BiConsumer<Node, Boolean> visitor, boolean intoMacros) {
        this.visitor = visitor;
        this.intoMacros = intoMacros;
    }

    /** Every node, including the bodies of macros and call blocks. */
    static void walk(List<Stmt> body, Consumer<Node> visitor) {
        new AstWalker((n, soft) -> visitor.accept(n), true).stmts(body);
    }

    /**
     * Every node, including the bodies of macros and call blocks, with whether it sits in a soft
     * frame (where Jinja2 defers unknown filters and tests to run time).
     */
    static void walkWithSoftness(List<Stmt> body, BiConsumer<Node, Boolean> visitor) {
        new AstWalker(visitor, true).stmts(body);
    }

    /** Every node except inside nested macro and call-block bodies (their own scopes). */
    static void walkShallow(List<Stmt> body, Consumer<Node> visitor) {
        new AstWalker((n, soft) -> visitor.accept(n), false).stmts(body);
    }

    private void stmtsIn(boolean softness, List<Stmt> body) {
        boolean saved = soft;
        soft = softness;
        stmts(body);
        soft = saved;
    }

    private void exprIn(boolean softness, Expr e) {
        boolean saved = soft;
        soft = softness;
        expr(e);
        soft = saved;
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
                boolean saved = soft;
                soft = true;
                for (Stmt.Branch b : i.branches()) {
                    expr(b.test());
                    stmts(b.body());
                }
                stmts(i.orElse());
                soft = saved;
            }
            case Stmt.For f -> {
                expr(f.iter());
                exprIn(false, f.filter());
                stmtsIn(false, f.body());
                stmtsIn(false, f.orElse());
            }
            case Stmt.Set st -> expr(st.value());
            case Stmt.SetBlock sb -> {
                sb.filters().forEach(e -> exprIn(false, e));
                stmtsIn(false, sb.body());
            }
            case Stmt.With w -> {
                w.assignments().forEach(a -> expr(a.value()));
                stmtsIn(false, w.body());
            }
            case Stmt.Macro m -> {
                m.params().forEach(p -> exprIn(false, p.defaultValue()));
                if (intoMacros) {
                    stmtsIn(false, m.body());
                }
            }
            case Stmt.CallBlock c -> {
                expr(c.call());
                c.callerParams().forEach(p -> exprIn(false, p.defaultValue()));
                if (intoMacros) {
                    stmtsIn(false, c.body());
                }
            }
            case Stmt.FilterBlock fb -> {
                fb.filters().forEach(e -> exprIn(false, e));
                stmtsIn(false, fb.body());
            }
            case Stmt.Include inc -> expr(inc.template());
            case Stmt.Import imp -> expr(imp.template());
            case Stmt.FromImport fi -> expr(fi.template());
            case Stmt.Extends ex -> expr(ex.template());
            case Stmt.Block b -> stmtsIn(false, b.body());
            case Stmt.Autoescape a -> {
                expr(a.enabled());
                stmts(a.body());
            }
            case Stmt.Do d -> expr(d.expr());
            case Stmt.Break b -> { }
            case Stmt.Continue c -> { }
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
                boolean saved = soft;
                soft = true;
                expr(c.test());
                expr(c.then());
                expr(c.otherwise());
                soft = saved;
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
        }
    }
}
