package dev.kida.engine.analysis;

import dev.kida.engine.ast.Expr;
import dev.kida.engine.ast.Stmt;

import java.util.Collections;
import java.util.IdentityHashMap;
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
    /**
     * Whether binding the top-level def {@code d} into the template's root frame can be left out
     * of a render, its calls reaching the function through the backend's own slot instead: nothing
     * in the template can read that frame other than by naming the def in a call. That holds when
     * the template (the def's body included) is made only of text, prints, {@code if}s and
     * non-recursive {@code for}s over expressions that run no user code able to see the render
     * (no filter, test or call other than {@code d(...)} with positional arguments and a loop's
     * {@code loop.cycle(...)}: filters, tests and functions get a {@code CallContext} that can
     * {@code resolve} any name), when {@code d} is its only def, and when its name appears only
     * as the callee of those calls, after the def and outside its body, and when each of its
     * defaults is a literal: the backend makes the def's function at each call, so its defaults
     * are evaluated there rather than once at the def statement, which only a literal (the same
     * object wherever it is evaluated, and never an error) cannot tell apart. No include, import,
     * extends, block, {@code self} or {@code caller} can then see the frame either. What this
     * cannot see: an import of the template, which reads the root frame as the module
     * ({@code Renderer.importing} tells the run to bind), and the engine's finalize function,
     * which the backend checks (it is called with the render as its context).
     */
    public static boolean unobservedDef(List<Stmt> top, Stmt.Def d) {
        int at = top.indexOf(d);
        if (at < 0 || top.subList(0, at).stream().anyMatch(s -> Names.references(List.of(s), d.name()))
                || Names.references(d.body(), d.name())
                || d.params().stream().anyMatch(p -> p.defaultValue() != null && !(p.defaultValue() instanceof Expr.Literal))) {
            return false;
        }
        Set<Expr> callees = Collections.newSetFromMap(new IdentityHashMap<>());
        Set<Expr.Call> inLoops = Collections.newSetFromMap(new IdentityHashMap<>());
        boolean[] ok = {true};
        Traversal.everything(top, n -> {
            switch (n) {
                case Stmt.Text t -> { }
                case Stmt.Print p -> { }
                case Stmt.If i -> { }
                case Stmt.For f -> {
                    ok[0] &= !f.recursive() && !Names.binds(f.target(), d.name());
                    Traversal.everything(f.body(), inner -> {
                        if (inner instanceof Expr.Call c) {
                            inLoops.add(c);
                        }
                    });
                }
                case Stmt.Def other -> ok[0] &= other == d;
                case Expr.Call c -> {
                    if (c.callee() instanceof Expr.Name callee && callee.name().equals(d.name())) {
                        ok[0] &= c.kwargs().isEmpty() && c.starArgs() == null && c.starKwargs() == null;
                        callees.add(callee);
                    } else {
                        // checked once the walk has seen every loop
                        ok[0] &= isFastCycle(c);
                    }
                }
                case Expr.Name name -> ok[0] &= !name.name().equals("self") && !name.name().equals("caller")
                        && (!name.name().equals(d.name()) || callees.contains(name));
                case Expr.Literal l -> { }
                case Expr.ListLit l -> { }
                case Expr.TupleLit l -> { }
                case Expr.DictLit l -> { }
                case Expr.GetAttr g -> { }
                case Expr.GetItem g -> { }
                case Expr.Slice sl -> { }
                case Expr.Unary u -> { }
                case Expr.Binary b -> { }
                case Expr.And a -> { }
                case Expr.Or o -> { }
                case Expr.Compare c -> { }
                case Expr.Conditional c -> { }
                case Expr.Nullish nl -> { }
                case Expr.OptionalChain oc -> { }
                case Expr.OptionalAttr oa -> { }
                case Expr.OptionalItem oi -> { }
                default -> ok[0] = false;
            }
        });
        if (!ok[0]) {
            return false;
        }
        // a loop.cycle(...) outside any loop would call whatever the context names loop
        boolean[] cyclesInLoops = {true};
        Traversal.everything(top, n -> {
            if (n instanceof Expr.Call c && isFastCycle(c)) {
                cyclesInLoops[0] &= inLoops.contains(c);
            }
        });
        return cyclesInLoops[0];
    }
}
