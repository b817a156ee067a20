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
    /**
     * Template-level names bound by imports: not exported when the template is imported. Null
     * until the first import (most renders import nothing: allocation per render).
     */
    private Set<String> unexported;
    public PreparedTemplate parent;
    /** Blocks whose content is replaced by trusted text ({@code renderWithBlocks}), by name. */
    Map<String, String> overrides = Map.of();

    InheritanceChain(String name, Frame root) {
        this.name = name;
        this.root = root;
    }

    /** A template-level name bound by an import: the template does not pass it on. */
    void unexport(String name) {
        if (unexported == null) {
            unexported = new HashSet<>();
        }
        unexported.add(name);
    }

    /** A template-level name bound again by the template itself: exported after all. */
    void export(String name) {
        if (unexported != null) {
            unexported.remove(name);
        }
    }

    /** The names {@link #unexport}ed and not exported since. */
    Set<String> unexported() {
        return unexported == null ? Set.of() : unexported;
    }

    void addBlocks(PreparedTemplate template) {
        template.blocks().forEach((name, block) -> blocks
                .computeIfAbsent(name, k -> new ArrayList<>())
                .add(new Renderer.BlockDef(block, template)));
    }
}
