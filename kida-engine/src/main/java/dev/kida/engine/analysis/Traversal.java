package dev.kida.engine.analysis;

import dev.kida.engine.ast.Expr;
import dev.kida.engine.ast.Node;
import dev.kida.engine.ast.Stmt;

import java.util.List;
import java.util.function.Consumer;

/**
 * The one walk over a template body that every analysis uses (load-time checks, block
 * collection, body facts, the compiler's scope facts). Statements and expressions are visited
 * before their children, in source order.
 *
 * <p>Two choices say how far the walk goes, because the analyses differ in what scope they ask
 * about: whether it enters closures (the bodies of macros, call blocks, defs and regions, which
 * run later in a scope of their own; their parameter defaults are always visited, as they are
 * evaluated where the closure is defined), and whether it enters blocks. Each visit also says
 * whether the node is in a "soft" place, as Jinja2's compiler calls it: directly in a branch of
 * an {@code if} or in a conditional expression, where an unknown filter or test is a runtime
 * error instead of a load-time one.
 */
public final class Traversal {
    /** What a walk is told at each node. */
    @FunctionalInterface
    public interface Visitor {
        /** Called once for each node, before the node's children. */
        void visit(Node node, boolean soft);
    }

    private final Visitor visitor;
    private final boolean closures;
    private final boolean blocks;
    private boolean soft;

    private Traversal(Visitor visitor, boolean closures, boolean blocks) {
        this.visitor = visitor;
        this.closures = closures;
        this.blocks = blocks;
    }

    /** Every node, closures and blocks included. */
    public static void everything(List<Stmt> body, Consumer<Node> visitor) {
        new Traversal((n, soft) -> visitor.accept(n), true, true).stmts(body);
    }

    /** Every node, closures and blocks included, with whether it is in a soft place. */
    public static void everythingWithSoftness(List<Stmt> body, Visitor visitor) {
        new Traversal(visitor, true, true).stmts(body);
    }

    /**
     * Every node outside blocks, as Jinja2 looks for the names a macro body uses ({@code caller},
     * {@code varargs}, {@code kwargs}): nested macros and call blocks count, blocks do not.
     */
    public static void outsideBlocks(List<Stmt> body, Consumer<Node> visitor) {
        new Traversal((n, soft) -> visitor.accept(n), true, false).stmts(body);
    }

    /**
     * The nodes of one scope: blocks (which see the scope's frame) are entered, closures are not.
     */
    public static void thisScope(List<Stmt> body, Consumer<Node> visitor) {
        new Traversal((n, soft) -> visitor.accept(n), false, true).stmts(body);
    }

    /** Every node of one expression. */
    public static void expression(Expr e, Consumer<Node> visitor) {
        new Traversal((n, soft) -> visitor.accept(n), true, true).expr(e);
    }

    /** Whether any node of the body, closures and blocks included, matches. */
    public static boolean anyNode(List<Stmt> body, java.util.function.Predicate<Node> test) {
        boolean[] found = {false};
        everything(body, n -> found[0] |= test.test(n));
        return found[0];
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
        visitor.visit(s, soft);
        // if-chains, not pattern switches, here and in expr(): a pattern switch links through
        // SwitchBootstraps.typeSwitch, which spins a class at its first use that no AOT cache
        // keeps, a cost of every cold start (docs/performance.md, "Cold start"). The final throw
        // stands in for the switch's exhaustiveness check; every template load walks here.
        if (s instanceof Stmt.Text || s instanceof Stmt.Break || s instanceof Stmt.Continue) {
            return;
        }
        if (s instanceof Stmt.Print p) {
            expr(p.expr());
        } else if (s instanceof Stmt.If i) {
            for (Stmt.Branch b : i.branches()) {
                expr(b.test(), true);
                stmts(b.body(), true);
            }
            stmts(i.orElse(), true);
        } else if (s instanceof Stmt.For f) {
            expr(f.iter());
            expr(f.filter(), false);
            stmts(f.body(), false);
            stmts(f.orElse(), false);
        } else if (s instanceof Stmt.Set st) {
            expr(st.value());
        } else if (s instanceof Stmt.SetBlock sb) {
            sb.filters().forEach(e -> expr(e, false));
            stmts(sb.body(), false);
        } else if (s instanceof Stmt.With w) {
            w.assignments().forEach(a -> expr(a.value()));
            stmts(w.body(), false);
        } else if (s instanceof Stmt.Macro m) {
            m.params().forEach(p -> expr(p.defaultValue(), false));
            if (closures) {
                stmts(m.body(), false);
            }
        } else if (s instanceof Stmt.CallBlock c) {
            expr(c.call());
            c.callerParams().forEach(p -> expr(p.defaultValue(), false));
            if (closures) {
                stmts(c.body(), false);
            }
        } else if (s instanceof Stmt.FilterBlock fb) {
            fb.filters().forEach(e -> expr(e, false));
            stmts(fb.body(), false);
        } else if (s instanceof Stmt.Include inc) {
            expr(inc.template());
        } else if (s instanceof Stmt.Import imp) {
            expr(imp.template());
        } else if (s instanceof Stmt.FromImport fi) {
            expr(fi.template());
        } else if (s instanceof Stmt.Extends ex) {
            expr(ex.template());
        } else if (s instanceof Stmt.Block b) {
            if (blocks) {
                stmts(b.body(), false);
            }
        } else if (s instanceof Stmt.Autoescape a) {
            expr(a.enabled());
            stmts(a.body());
        } else if (s instanceof Stmt.Do d) {
            expr(d.expr());
        } else if (s instanceof Stmt.Kida k) {
            k.expressions().forEach(e -> expr(e, false));
            // a def's or region's body is a closure; every other Kida body runs in place
            if (closures || !(k instanceof Stmt.Def || k instanceof Stmt.Region)) {
                k.bodies().forEach(body -> stmts(body, false));
            }
        } else {
            throw new IllegalStateException("no traversal of " + s.getClass().getSimpleName());
        }
    }

    private void expr(Expr e) {
        if (e == null) {
            return;
        }
        visitor.visit(e, soft);
        if (e instanceof Expr.Literal || e instanceof Expr.Name) {
            return;
        }
        if (e instanceof Expr.ListLit l) {
            l.items().forEach(this::expr);
        } else if (e instanceof Expr.TupleLit t) {
            t.items().forEach(this::expr);
        } else if (e instanceof Expr.DictLit d) {
            d.entries().forEach(en -> {
                expr(en.key());
                expr(en.value());
            });
        } else if (e instanceof Expr.GetAttr g) {
            expr(g.target());
        } else if (e instanceof Expr.GetItem g) {
            expr(g.target());
            expr(g.key());
        } else if (e instanceof Expr.Slice s) {
            expr(s.start());
            expr(s.stop());
            expr(s.step());
        } else if (e instanceof Expr.Unary u) {
            expr(u.operand());
        } else if (e instanceof Expr.Binary b) {
            expr(b.left());
            expr(b.right());
        } else if (e instanceof Expr.And a) {
            expr(a.left());
            expr(a.right());
        } else if (e instanceof Expr.Or o) {
            expr(o.left());
            expr(o.right());
        } else if (e instanceof Expr.Compare c) {
            expr(c.first());
            c.rest().forEach(op -> expr(op.expr()));
        } else if (e instanceof Expr.Conditional c) {
            expr(c.test(), true);
            expr(c.then(), true);
            expr(c.otherwise(), true);
        } else if (e instanceof Expr.Call c) {
            expr(c.callee());
            c.args().forEach(this::expr);
            c.kwargs().forEach(k -> expr(k.value()));
            expr(c.starArgs());
            expr(c.starKwargs());
        } else if (e instanceof Expr.Filter f) {
            expr(f.value());
            f.args().forEach(this::expr);
            f.kwargs().forEach(k -> expr(k.value()));
            expr(f.starArgs());
            expr(f.starKwargs());
        } else if (e instanceof Expr.Test t) {
            expr(t.value());
            t.args().forEach(this::expr);
            t.kwargs().forEach(k -> expr(k.value()));
        } else if (e instanceof Expr.Nullish n) {
            expr(n.left());
            expr(n.right());
        } else if (e instanceof Expr.OptionalChain c) {
            expr(c.body());
        } else if (e instanceof Expr.OptionalAttr a) {
            expr(a.target());
        } else if (e instanceof Expr.OptionalItem i) {
            expr(i.target());
            expr(i.key());
        } else if (e instanceof Expr.OptionalFilter f) {
            expr(f.filter());
        } else if (e instanceof Expr.BlankNone b) {
            expr(b.value());
        } else if (e instanceof Expr.RangeLit r) {
            expr(r.start());
            expr(r.end());
            expr(r.step());
        } else if (e instanceof Expr.ListComp c) {
            expr(c.iterable());
            expr(c.condition());
            expr(c.element());
        } else {
            throw new IllegalStateException("no traversal of " + e.getClass().getSimpleName());
        }
    }
}
