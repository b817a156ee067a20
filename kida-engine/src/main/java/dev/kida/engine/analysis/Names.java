package dev.kida.engine.analysis;

import dev.kida.engine.ast.Expr;
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
}
