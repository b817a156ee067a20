package dev.kida.compiler;

import dev.kida.engine.ast.Expr;
import dev.kida.engine.ast.Stmt;
import dev.kida.engine.ast.Target;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The static facts the code generator needs about a scope's body: whether its variables may live
 * in JVM locals, which names it binds, and whether its {@code loop} variable can be computed from
 * the loop index instead of being an object.
 */
final class Scopes {
    private Scopes() {
    }

    /**
     * Whether something in the body needs the scope as a real {@code Frame}: closures (macros,
     * call blocks), statements run by the evaluator, blocks (a scoped block sees its caller's
     * frame) and {@code self}.
     */
    static boolean needsFrame(List<Stmt> body) {
        boolean[] found = {false};
        Nodes.walk(body, n -> {
            if (n instanceof Stmt s && TemplateCompiler.isDelegated(s)
                    || n instanceof Stmt.Macro || n instanceof Stmt.Def || n instanceof Stmt.Block
                    || n instanceof Expr.Name nm && nm.name().equals("self")) {
                found[0] = true;
            }
        }, true);
        return found[0];
    }

    /** Names bound by {@code set} directly in this scope (not in nested loops or with-blocks). */
    static Set<String> setNames(List<Stmt> body) {
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
                default -> { }
            }
        }
    }

    static void targetNames(Target t, Set<String> names) {
        switch (t) {
            case Target.Name n -> names.add(n.name());
            case Target.Tuple tu -> tu.items().forEach(i -> targetNames(i, names));
            case Target.Attr a -> { }
        }
    }

    /** {@code loop.cycle(a, b, ...)} with plain positional arguments. */
    static boolean isFastCycle(Expr.Call c) {
        return c.callee() instanceof Expr.GetAttr g && g.name().equals("cycle")
                && g.target() instanceof Expr.Name n && n.name().equals("loop")
                && c.kwargs().isEmpty() && c.starArgs() == null && c.starKwargs() == null;
    }

    /** Loop attributes computed from the index and length alone. */
    static final Set<String> FAST_LOOP_ATTRS = Set.of("index", "index0", "revindex", "revindex0", "first",
            "last", "length", "depth", "depth0");

    /**
     * Whether every use of {@code loop} in the body is {@code loop.<attr>} with an attribute of
     * {@link #FAST_LOOP_ATTRS}, and nothing rebinds the name.
     */
    static boolean fastLoop(Stmt.For f) {
        Set<String> bound = new LinkedHashSet<>();
        targetNames(f.target(), bound);
        boolean[] ok = {!bound.contains("loop")};
        int[] nameUses = {0};
        int[] fastUses = {0};
        Nodes.walk(f.body(), n -> {
            switch (n) {
                case Expr.GetAttr g when g.target() instanceof Expr.Name nm && nm.name().equals("loop") -> {
                    if (FAST_LOOP_ATTRS.contains(g.name())) {
                        fastUses[0]++;
                    }
                }
                case Expr.Name nm when nm.name().equals("loop") -> nameUses[0]++;
                case Expr.Call c when isFastCycle(c) -> fastUses[0]++;
                case Stmt.Set st -> {
                    Set<String> names = new LinkedHashSet<>();
                    targetNames(st.target(), names);
                    if (names.contains("loop")) {
                        ok[0] = false;
                    }
                }
                case Stmt.SetBlock st -> {
                    Set<String> names = new LinkedHashSet<>();
                    targetNames(st.target(), names);
                    if (names.contains("loop")) {
                        ok[0] = false;
                    }
                }
                case Stmt.With w -> {
                    Set<String> names = new LinkedHashSet<>();
                    w.assignments().forEach(a -> targetNames(a.target(), names));
                    if (names.contains("loop")) {
                        ok[0] = false;
                    }
                }
                case Stmt.For inner -> {
                    Set<String> names = new LinkedHashSet<>();
                    targetNames(inner.target(), names);
                    if (names.contains("loop")) {
                        ok[0] = false;
                    }
                }
                default -> { }
            }
        }, true);
        return ok[0] && nameUses[0] == fastUses[0];
    }
}
