package dev.kida.engine.analysis;

import dev.kida.engine.ast.Expr;
import dev.kida.engine.ast.Stmt;

import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/**
 * What a backend that keeps variables in its own slots (the bytecode compiler's JVM locals) must
 * know about a scope's body: whether the scope has to exist as a real {@code Frame} that other
 * code can see, and whether its {@code loop} variable can be computed from the loop index instead
 * of being an object.
 */
public final class ScopeFacts {
    private ScopeFacts() {
    }

    /**
     * Whether something in the body needs the scope as a real {@code Frame}: closures (macros,
     * defs, call blocks), statements the backend hands to the evaluator ({@code delegated}),
     * blocks (a scoped block sees its caller's frame) and {@code self}.
     */
    public static boolean needsFrame(List<Stmt> body, Predicate<Stmt> delegated) {
        return Traversal.anyNode(body, n -> n instanceof Stmt s && delegated.test(s)
                || n instanceof Stmt.Macro || n instanceof Stmt.Def || n instanceof Stmt.Block
                || n instanceof Expr.Name nm && nm.name().equals("self"));
    }

    /**
     * Whether running the body can enter no nesting level and flushes nothing: no call, no
     * recursive loop, and only statements that render in place (text,
     * prints, conditions, plain loops, assignments, with, capture, spaceless, filter and autoescape
     * blocks). Such a body cannot observe the render's depth nor whether it is a call printing in
     * place.
     */
    public static boolean entersNothing(List<Stmt> body) {
        return !Traversal.anyNode(body, n -> switch (n) {
            case Stmt.For f -> f.recursive();
            case Stmt.Text t -> false;
            case Stmt.Print p -> false;
            case Stmt.If i -> false;
            case Stmt.Break b -> false;
            case Stmt.Continue c -> false;
            case Stmt.Do d -> false;
            case Stmt.Autoescape a -> false;
            case Stmt.FilterBlock fb -> false;
            case Stmt.Spaceless sp -> false;
            case Stmt.Set st -> false;
            case Stmt.SetBlock sb -> false;
            case Stmt.With w -> false;
            case Stmt.WithIf w -> false;
            case Stmt.Let l -> false;
            case Stmt.Capture c -> false;
            case Stmt other -> true;
            case Expr.Call c -> true;
            default -> false;
        });
    }

    /** {@code loop.cycle(a, b, ...)} with plain positional arguments. */
    public static boolean isFastCycle(Expr.Call c) {
        return c.callee() instanceof Expr.GetAttr g && g.name().equals("cycle")
                && g.target() instanceof Expr.Name n && n.name().equals("loop")
                && c.kwargs().isEmpty() && c.starArgs() == null && c.starKwargs() == null;
    }

    /** Loop attributes computed from the index and length alone. */
    public static final Set<String> FAST_LOOP_ATTRS = Set.of("index", "index0", "revindex", "revindex0", "first",
            "last", "length", "depth", "depth0");

    /**
     * Whether every use of {@code loop} in the body is {@code loop.<attr>} with an attribute of
     * {@link #FAST_LOOP_ATTRS} or a plain {@code loop.cycle(...)}, and nothing rebinds the name.
     */
    public static boolean fastLoop(Stmt.For f) {
        boolean[] ok = {!Names.binds(f.target(), "loop")};
        int[] nameUses = {0};
        int[] fastUses = {0};
        Traversal.everything(f.body(), n -> {
            switch (n) {
                case Expr.GetAttr g when g.target() instanceof Expr.Name nm && nm.name().equals("loop") -> {
                    if (FAST_LOOP_ATTRS.contains(g.name())) {
                        fastUses[0]++;
                    }
                }
                case Expr.Name nm when nm.name().equals("loop") -> nameUses[0]++;
                case Expr.Call c when isFastCycle(c) -> fastUses[0]++;
                case Stmt.Set st -> ok[0] &= !Names.binds(st.target(), "loop");
                case Stmt.SetBlock st -> ok[0] &= !Names.binds(st.target(), "loop");
                case Stmt.With w -> ok[0] &= w.assignments().stream().noneMatch(a -> Names.binds(a.target(), "loop"));
                case Stmt.For inner -> ok[0] &= !Names.binds(inner.target(), "loop");
                default -> { }
            }
        });
        return ok[0] && nameUses[0] == fastUses[0];
    }
}
