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
 * @param syntax              delimiters, line prefixes and newline sequence
 */
public record LexerOptions(boolean trimBlocks, boolean lstripBlocks, boolean keepTrailingNewline,
                           Set<String> extensions, Syntax syntax) {
    /** The {@code do} tag extension. */
    public static final String DO = "do";
    /** The {@code break} and {@code continue} tag extension. */
    public static final String LOOP_CONTROLS = "loopcontrols";
    /** The i18n extension: the {@code trans} tag (its globals are installed by the environment). */
    public static final String I18N = "i18n";
    /**
     * Not a Jinja2 extension name: marks the i18n extension as installed with
     * {@code newstyle=True}, which changes what {@code trans} compiles to.
     */
    public static final String I18N_NEWSTYLE = "i18n:newstyle";
    public static final LexerOptions DEFAULTS = new LexerOptions(false, false, false);

    public LexerOptions {
        extensions = Set.copyOf(extensions);
        syntax = syntax == null ? Syntax.DEFAULT : syntax;
    }

    /** Options with Jinja2's default syntax. */
    public LexerOptions(boolean trimBlocks, boolean lstripBlocks, boolean keepTrailingNewline, Set<String> extensions) {
        this(trimBlocks, lstripBlocks, keepTrailingNewline, extensions, Syntax.DEFAULT);
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
