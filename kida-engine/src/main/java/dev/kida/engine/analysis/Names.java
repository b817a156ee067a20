package dev.kida.engine.analysis;

import dev.kida.engine.ast.Expr;
import dev.kida.engine.ast.Node;
import dev.kida.engine.ast.Stmt;
import dev.kida.engine.ast.Target;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Which names a body uses and binds: the questions both backends ask about scopes. */
public final class Names {
    private Names() {
    }

    /**
     * Whether any expression in the body names {@code name}: nested macros and call blocks count
     * (Jinja2 looks for {@code caller}, {@code varargs}, {@code kwargs} and {@code loop} that way),
     * blocks do not.
     */
    public static boolean references(List<Stmt> body, String name) {
        boolean[] found = {false};
        Traversal.outsideBlocks(body, n -> found[0] |= n instanceof Expr.Name nm && nm.name().equals(name));
        return found[0];
    }

    /** Whether the body holds a scoped block, at any depth. */
    public static boolean hasScopedBlock(List<Stmt> body) {
        return Traversal.anyNode(body, n -> n instanceof Stmt.Block b && b.scoped());
    }

    /** The names an assignment target binds, added to {@code names}. */
    public static void targetNames(Target t, Set<String> names) {
        switch (t) {
            case Target.Name n -> names.add(n.name());
            case Target.Tuple tu -> tu.items().forEach(i -> targetNames(i, names));
            case Target.Attr a -> { }
        }
    }

    /** Whether an assignment target binds {@code name}. */
    public static boolean binds(Target t, String name) {
        Set<String> names = new LinkedHashSet<>();
        targetNames(t, names);
        return names.contains(name);
    }

    /**
     * Names bound by {@code set} (and Kida's scope-local {@code let}) directly in this scope: not in
     * nested loops, with-blocks or closures, which have scopes of their own.
     */
    public static Set<String> setNames(List<Stmt> body) {
        Set<String> names = new LinkedHashSet<>();
        collectSets(body, names);
        return names;
    }

    private static void collectSets(List<Stmt> body, Set<String> names) {
        for (Stmt s : body) {
            switch (s) {
                case Stmt.Set st -> targetNames(st.target(), names);
                case Stmt.Let l when !l.templateScope() -> l.bindings().forEach(b -> targetNames(b.target(), names));
                case Stmt.SetBlock sb -> {
                    targetNames(sb.target(), names);
                    collectSets(sb.body(), names);
                }
                case Stmt.If i -> {
                    i.branches().forEach(b -> collectSets(b.body(), names));
                    collectSets(i.orElse(), names);
                }
                case Stmt.For f -> collectSets(f.orElse(), names);
                case Stmt.FilterBlock fb -> collectSets(fb.body(), names);
                // provide and push run their bodies in the scope they stand in
                case Stmt.Provide p -> collectSets(p.body(), names);
                case Stmt.Push p -> collectSets(p.body(), names);
                default -> { }
            }
        }
    }

    /**
     * Whether {@code name} keeps its value while the loop runs, so that a lookup of it made in one
     * iteration holds for the later ones: neither the loop's target nor anything in its body (or
     * its filter) can bind it. Conservative: the body may hold only statements whose bindings are
     * visible here (set, let, export, with, capture, nested loops) and no call but of {@code name}
     * itself and of the loop's own {@code loop.cycle(...)}. A def or macro binds only in its own
     * scope, but a call block's {@code caller()}, a block, an include, an import or a statement
     * handed to the evaluator could bind the name in the scope the loop looks it up in.
     */
    public static boolean keptDuring(Stmt.For loop, String name) {
        if (loop.recursive() || binds(loop.target(), name) || binds(loop.target(), "loop")) {
            return false;
        }
        boolean[] kept = {true};
        java.util.function.Consumer<Node> check = n -> kept[0] &= renders(n) && !bindsIn(n, name) && !bindsIn(n, "loop")
                && (!(n instanceof Expr.Call c) || c.callee() instanceof Expr.Name callee && callee.name().equals(name)
                        || ScopeFacts.isFastCycle(c));
        Traversal.everything(loop.body(), check);
        if (loop.filter() != null) {
            Traversal.expression(loop.filter(), check);
        }
        return kept[0];
    }

    /** Whether a statement is one whose bindings {@link #bindsIn} sees (any expression is). */
    private static boolean renders(Node n) {
        return switch (n) {
            case Stmt.Text t -> true;
            case Stmt.Print p -> true;
            case Stmt.If i -> true;
            case Stmt.Break b -> true;
            case Stmt.Continue c -> true;
            case Stmt.Do d -> true;
            case Stmt.Autoescape a -> true;
            case Stmt.FilterBlock fb -> true;
            case Stmt.Spaceless sp -> true;
            case Stmt.For f -> !f.recursive();
            case Stmt.Set st -> true;
            case Stmt.SetBlock sb -> true;
            case Stmt.With w -> true;
            case Stmt.WithIf w -> true;
            case Stmt.Let l -> true;
            case Stmt.Capture c -> true;
            case Stmt other -> false;
            default -> true;
        };
    }

    /** Whether a statement among those {@link #renders} accepts binds {@code name}. */
    private static boolean bindsIn(Node n, String name) {
        return switch (n) {
            case Stmt.For f -> binds(f.target(), name);
            case Stmt.Set st -> binds(st.target(), name);
            case Stmt.SetBlock sb -> binds(sb.target(), name);
            case Stmt.With w -> w.assignments().stream().anyMatch(a -> binds(a.target(), name));
            case Stmt.WithIf w -> w.names().contains(name);
            case Stmt.Let l -> l.bindings().stream().anyMatch(b -> binds(b.target(), name));
            case Stmt.Capture c -> c.name().equals(name);
            default -> false;
        };
    }
}
