package dev.kida.engine.eval;

import dev.kida.engine.core.PreparedTemplate;
import dev.kida.engine.render.Frame;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The blocks and parent of one inheritance chain: the entry template of a render (or of an
 * include or import) and the templates it extends. Blocks are kept most-derived first, so
 * {@code super()} walks down the list.
 */
public final class InheritanceChain {
    /** The template this chain started with (the child of an inheritance chain). */
    final String name;
    final Frame root;
    final Map<String, List<Renderer.BlockDef>> blocks = new HashMap<>();
    /** Template-level names bound by imports: not exported when the template is imported. */
    final Set<String> unexported = new HashSet<>();
    public PreparedTemplate parent;
    /** Blocks whose content is replaced by trusted text ({@code renderWithBlocks}), by name. */
    Map<String, String> overrides = Map.of();

    InheritanceChain(String name, Frame root) {
        this.name = name;
        this.root = root;
    }

    void addBlocks(PreparedTemplate template) {
        template.blocks().forEach((name, block) -> blocks
                .computeIfAbsent(name, k -> new ArrayList<>())
                .add(new Renderer.BlockDef(block, template)));
    }
}
