package dev.kida.engine.analysis;

import dev.kida.api.TemplateRuntimeException;
import dev.kida.engine.ast.Expr;
import dev.kida.engine.ast.Stmt;
import dev.kida.engine.ast.TemplateNode;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The blocks of a template and what inheritance needs to know about them before a render. */
public final class BlockIndex {
    private BlockIndex() {
    }

    /** The template's blocks by name, wherever they stand (the first of a name wins). */
    public static Map<String, Stmt.Block> blocks(TemplateNode node) {
        Map<String, Stmt.Block> blocks = new LinkedHashMap<>();
        Traversal.everything(node.body(), n -> {
            if (n instanceof Stmt.Block b) {
                blocks.putIfAbsent(b.name(), b);
            }
        });
        return Map.copyOf(blocks);
    }

    /**
     * The blocks an {@code embed} puts in front of the embedded template's own: its overrides and
     * the blocks nested in them (as the blocks of a child template, which they are in all but
     * name), not those of a further embed inside them, which belong to that one.
     */
    public static List<Stmt.Block> embedBlocks(Stmt.Embed embed) {
        List<Stmt.Block> out = new java.util.ArrayList<>();
        for (Stmt.Block override : embed.overrides()) {
            out.add(override);
            Set<Stmt.Block> deeper = Collections.newSetFromMap(new IdentityHashMap<>());
            Traversal.everything(override.body(), n -> {
                if (n instanceof Stmt.Embed inner) {
                    for (List<Stmt> body : inner.bodies()) {
                        Traversal.everything(body, m -> {
                            if (m instanceof Stmt.Block b) {
                                deeper.add(b);
                            }
                        });
                    }
                }
            });
            Traversal.everything(override.body(), n -> {
                if (n instanceof Stmt.Block b && !deeper.contains(b)) {
                    out.add(b);
                }
            });
        }
        return List.copyOf(out);
    }

    /**
     * The block statements that are not at the template's top level: inside a loop, with, filter,
     * set, call or autoescape block, a macro or another block. Jinja2 renders those where they
     * stand even after {@code extends}; only a top-level one (also inside an if, which opens no
     * scope) then yields its place to the parent's layout.
     */
    public static Set<Stmt.Block> innerBlocks(TemplateNode node) {
        Set<Stmt.Block> inner = Collections.newSetFromMap(new IdentityHashMap<>());
        Traversal.everything(node.body(), n -> {
            if (n instanceof Stmt.Block b) {
                inner.add(b);
            }
        });
        dropTopLevel(node.body(), inner);
        return Collections.unmodifiableSet(inner);
    }

    private static void dropTopLevel(List<Stmt> body, Set<Stmt.Block> inner) {
        // not a pattern switch: that links through SwitchBootstraps.typeSwitch, which spins a class
        // at its first use in every process (docs/performance.md, "Cold start")
        for (Stmt s : body) {
            if (s instanceof Stmt.Block b) {
                inner.remove(b);
            } else if (s instanceof Stmt.If i) {
                for (Stmt.Branch branch : i.branches()) {
                    dropTopLevel(branch.body(), inner);
                }
                dropTopLevel(i.orElse(), inner);
            }
        }
    }

    /** The error for {@code renderBlock} of a name that is no block of the template or its ancestors. */
    public static TemplateRuntimeException noSuchBlock(String name, String template) {
        return new TemplateRuntimeException("no block named '" + name + "' in template '" + template
                + "' or its ancestors", template, 0, 0, null, null);
    }

    /** The error for a {@code renderWithBlocks} override of a name that is no block of the template or its ancestors. */
    public static TemplateRuntimeException noSuchOverride(String name, String template) {
        return new TemplateRuntimeException("cannot override block '" + name + "': template '" + template
                + "' and its ancestors have no block of that name", template, 0, 0, null, null);
    }

    /**
     * The parent a template names in a top-level {@code extends} with a string literal, or null:
     * what {@code blockNames} can know without rendering.
     */
    public static String literalParent(TemplateNode node) {
        for (Stmt s : node.body()) {
            if (s instanceof Stmt.Extends e && e.template() instanceof Expr.Literal l
                    && l.value() instanceof String name) {
                return name;
            }
        }
        return null;
    }
}
