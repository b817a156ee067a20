package dev.kida.engine.lexer;

import java.util.Set;

/**
 * The Environment settings that change how source text is split into tokens and which tags parse.
 *
 * @param trimBlocks          drop the first newline after a block tag
 * @param lstripBlocks        strip spaces and tabs from the start of a line up to a block tag
 * @param keepTrailingNewline keep a single newline at the end of the template
 * @param extensions          the enabled tag extensions: {@code do} and {@code loopcontrols}
 *                            (like Jinja2, neither is on by default)
 */
public record LexerOptions(boolean trimBlocks, boolean lstripBlocks, boolean keepTrailingNewline,
                           Set<String> extensions) {
    /** The {@code do} tag extension. */
    public static final String DO = "do";
    /** The {@code break} and {@code continue} tag extension. */
    public static final String LOOP_CONTROLS = "loopcontrols";
    public static final LexerOptions DEFAULTS = new LexerOptions(false, false, false);

    public LexerOptions {
        extensions = Set.copyOf(extensions);
    }

    /** Options without tag extensions. */
    public LexerOptions(boolean trimBlocks, boolean lstripBlocks, boolean keepTrailingNewline) {
        this(trimBlocks, lstripBlocks, keepTrailingNewline, Set.of());
    }

    /** Whether the named tag extension is on. */
    public boolean hasExtension(String name) {
        return extensions.contains(name);
    }
}
