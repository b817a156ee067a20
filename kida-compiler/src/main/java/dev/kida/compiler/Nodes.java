package dev.kida.compiler;

import dev.kida.engine.ast.Expr;
import dev.kida.engine.ast.Node;
import dev.kida.engine.ast.Stmt;

import java.util.List;
import java.util.function.Consumer;

/** Visits the nodes of a body, for the compiler's analyses. */
final class Nodes {
    private Nodes() {
    }

    /** Visits every node; into macro and call-block bodies only when {@code intoClosures}. */
    static void walk(List<Stmt> body, Consumer<Node> visitor, boolean intoClosures) {
        for (Stmt s : body) {
            stmt(s, visitor, intoClosures);
        }
    }

    private static void stmt(Stmt s, Consumer<Node> v, boolean deep) {
        v.accept(s);
        switch (s) {
            case Stmt.Text t -> { }
            case Stmt.Print p -> expr(p.expr(), v);
            case Stmt.If i -> {
                for (Stmt.Branch b : i.branches()) {
                    expr(b.test(), v);
                    walk(b.body(), v, deep);
                }
                walk(i.orElse(), v, deep);
            }
            case Stmt.For f -> {
                expr(f.iter(), v);
                expr(f.filter(), v);
                walk(f.body(), v, deep);
                walk(f.orElse(), v, deep);
            }
            case Stmt.Set st -> expr(st.value(), v);
            case Stmt.SetBlock sb -> {
                sb.filters().forEach(x -> expr(x, v));
                walk(sb.body(), v, deep);
            }
            case Stmt.With w -> {
                w.assignments().forEach(a -> expr(a.value(), v));
                walk(w.body(), v, deep);
            }
            case Stmt.Macro m -> {
                m.params().forEach(p -> expr(p.defaultValue(), v));
                if (deep) {
                    walk(m.body(), v, true);
                }
            }
            case Stmt.CallBlock c -> {
                expr(c.call(), v);
                c.callerParams().forEach(p -> expr(p.defaultValue(), v));
                if (deep) {
                    walk(c.body(), v, true);
                }
            }
            case Stmt.FilterBlock fb -> {
                fb.filters().forEach(x -> expr(x, v));
                walk(fb.body(), v, deep);
            }
            case Stmt.Include inc -> expr(inc.template(), v);
            case Stmt.Import imp -> expr(imp.template(), v);
            case Stmt.FromImport fi -> expr(fi.template(), v);
            case Stmt.Extends ex -> expr(ex.template(), v);
            case Stmt.Block b -> walk(b.body(), v, deep);
            case Stmt.Autoescape a -> {
                expr(a.enabled(), v);
                walk(a.body(), v, deep);
            }
            case Stmt.Do d -> expr(d.expr(), v);
            case Stmt.Break b -> { }
            case Stmt.Continue c -> { }
            case Stmt.Composite k -> {
                k.exprs().forEach(x -> expr(x, v));
                k.bodies().forEach(b -> walk(b, v, deep));
            }
            case Stmt.Kida k -> {
                k.expressions().forEach(x -> expr(x, v));
                // a def's or region's body is a closure; every other Kida body runs in place
                if (deep || !(k instanceof Stmt.Def || k instanceof Stmt.Region)) {
                    k.bodies().forEach(b -> walk(b, v, deep));
                }
            }
        }
    }

    static void expr(Expr e, Consumer<Node> v) {
        if (e == null) {
            return;
        }
        v.accept(e);
        switch (e) {
            case Expr.Literal l -> { }
            case Expr.Name n -> { }
            case Expr.ListLit l -> l.items().forEach(x -> expr(x, v));
            case Expr.TupleLit t -> t.items().forEach(x -> expr(x, v));
            case Expr.DictLit d -> d.entries().forEach(en -> {
                expr(en.key(), v);
                expr(en.value(), v);
            });
            case Expr.GetAttr g -> expr(g.target(), v);
            case Expr.GetItem g -> {
                expr(g.target(), v);
                expr(g.key(), v);
            }
            case Expr.Slice s -> {
                expr(s.start(), v);
                expr(s.stop(), v);
                expr(s.step(), v);
            }
            case Expr.Unary u -> expr(u.operand(), v);
            case Expr.Binary b -> {
                expr(b.left(), v);
                expr(b.right(), v);
            }
            case Expr.And a -> {
                expr(a.left(), v);
                expr(a.right(), v);
            }
            case Expr.Or o -> {
                expr(o.left(), v);
                expr(o.right(), v);
            }
            case Expr.Compare c -> {
                expr(c.first(), v);
                c.rest().forEach(op -> expr(op.expr(), v));
            }
            case Expr.Conditional c -> {
                expr(c.test(), v);
                expr(c.then(), v);
                expr(c.otherwise(), v);
            }
            case Expr.Call c -> {
                expr(c.callee(), v);
                c.args().forEach(x -> expr(x, v));
                c.kwargs().forEach(k -> expr(k.value(), v));
                expr(c.starArgs(), v);
                expr(c.starKwargs(), v);
            }
            case Expr.Filter f -> {
                expr(f.value(), v);
                f.args().forEach(x -> expr(x, v));
                f.kwargs().forEach(k -> expr(k.value(), v));
                expr(f.starArgs(), v);
                expr(f.starKwargs(), v);
            }
            case Expr.Test t -> {
                expr(t.value(), v);
                t.args().forEach(x -> expr(x, v));
                t.kwargs().forEach(k -> expr(k.value(), v));
            }
            case Expr.Nullish n -> {
                expr(n.left(), v);
                expr(n.right(), v);
            }
            case Expr.OptionalChain c -> expr(c.body(), v);
            case Expr.OptionalAttr a -> expr(a.target(), v);
            case Expr.OptionalItem i -> {
                expr(i.target(), v);
                expr(i.key(), v);
            }
            case Expr.OptionalFilter f -> expr(f.filter(), v);
            case Expr.BlankNone b -> expr(b.value(), v);
            case Expr.RangeLit r -> {
                expr(r.start(), v);
                expr(r.end(), v);
                expr(r.step(), v);
            }
            case Expr.ListComp c -> {
                expr(c.iterable(), v);
                expr(c.condition(), v);
                expr(c.element(), v);
            }
        }
    }
}
