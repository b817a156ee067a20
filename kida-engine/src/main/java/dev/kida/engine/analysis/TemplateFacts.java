package dev.kida.engine.analysis;

import dev.kida.engine.ast.Stmt;
import dev.kida.engine.ast.TemplateNode;

import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * What analysis finds out once per template about its loops, macro bodies and block sets, so
 * that renders do not walk the tree again: whether a loop binds {@code loop}, which of
 * {@code varargs}, {@code kwargs} and {@code caller} a macro body uses, which block sets sit
 * directly in a branch. Keyed by node identity; read-only after construction, so safe to share
 * between renders.
 */
public final class TemplateFacts {
    /** Which special names a macro or call-block body refers to. */
    public record MacroUse(boolean varargs, boolean kwargs, boolean caller) {
        static MacroUse of(List<Stmt> body) {
            return new MacroUse(Names.references(body, "varargs"), Names.references(body, "kwargs"),
                    Names.references(body, "caller"));
        }
    }

    private final Map<Stmt.For, Boolean> loopBinding = new IdentityHashMap<>();
    private final Map<List<Stmt>, MacroUse> macroUse = new IdentityHashMap<>();
    private final Map<Stmt.SetBlock, Boolean> branchSets = new IdentityHashMap<>();
    private final Map<Stmt.Embed, List<Stmt.Block>> embedBlocks = new IdentityHashMap<>();
    private int extendsTags;
    private boolean literalExtendsOnly;

    private TemplateFacts() {
    }

    /** The facts of a whole template, from one walk over it. */
    public static TemplateFacts of(TemplateNode node) {
        TemplateFacts facts = new TemplateFacts();
        Traversal.everything(node.body(), n -> {
            // not a pattern switch: that links through SwitchBootstraps.typeSwitch, which spins a
            // class at its first use in every process (docs/performance.md, "Cold start")
            if (n instanceof Stmt.For f) {
                facts.loopBinding.put(f, loopBinding(f));
            } else if (n instanceof Stmt.Macro m) {
                facts.macroUse.put(m.body(), MacroUse.of(m.body()));
            } else if (n instanceof Stmt.CallBlock c) {
                facts.macroUse.put(c.body(), MacroUse.of(c.body()));
            } else if (n instanceof Stmt.If i) {
                facts.noteBranchSets(i);
            } else if (n instanceof Stmt.Extends) {
                facts.extendsTags++;
            } else if (n instanceof Stmt.Embed e) {
                facts.embedBlocks.put(e, BlockIndex.embedBlocks(e));
            }
        });
        facts.literalExtendsOnly = facts.extendsTags == literalTopLevelExtends(node);
        return facts;
    }

    /**
     * Whether every {@code extends} of the template is a top-level one naming its parent with a
     * string literal: then {@link BlockIndex#literalParent} tells, before any render, the whole of
     * its inheritance (otherwise only a render, which evaluates the computed name, knows it).
     */
    public boolean literalExtendsOnly() {
        return literalExtendsOnly;
    }

    private static int literalTopLevelExtends(TemplateNode node) {
        int n = 0;
        for (Stmt s : node.body()) {
            if (s instanceof Stmt.Extends e && e.template() instanceof dev.kida.engine.ast.Expr.Literal l
                    && l.value() instanceof String) {
                n++;
            }
        }
        return n;
    }

    /**
     * Jinja2 binds {@code loop} only when the loop is recursive, or the body names it or holds a
     * scoped block; otherwise an included template does not see it.
     */
    public boolean bindsLoop(Stmt.For loop) {
        Boolean known = loopBinding.get(loop);
        return known != null ? known : loopBinding(loop);
    }

    /** The blocks an embed puts in front of the embedded template's own (see {@link BlockIndex#embedBlocks}). */
    public List<Stmt.Block> embedBlocks(Stmt.Embed embed) {
        List<Stmt.Block> known = embedBlocks.get(embed);
        return known != null ? known : BlockIndex.embedBlocks(embed);
    }

    /** The special names a macro body uses. */
    public MacroUse macroUse(List<Stmt> body) {
        MacroUse known = macroUse.get(body);
        return known != null ? known : MacroUse.of(body);
    }

    /**
     * Whether a block {@code set} sits directly in a branch of an {@code if}: Jinja2 then looks
     * its own name up as usual (context included) inside the body, instead of treating it as a
     * not-yet-assigned local of the scope.
     */
    public boolean resolvesOutside(Stmt.SetBlock set) {
        return branchSets.containsKey(set);
    }

    private void noteBranchSets(Stmt.If node) {
        node.branches().forEach(b -> noteSets(b.body()));
        noteSets(node.orElse());
    }

    private void noteSets(List<Stmt> branch) {
        for (Stmt s : branch) {
            if (s instanceof Stmt.SetBlock sb) {
                branchSets.put(sb, Boolean.TRUE);
            }
        }
    }

    private static boolean loopBinding(Stmt.For f) {
        return f.recursive() || Names.references(f.body(), "loop") || Names.hasScopedBlock(f.body());
    }
}
