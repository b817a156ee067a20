package dev.kida.engine.lexer;

/**
 * The Environment settings that change how source text is split into tokens.
 *
 * @param trimBlocks          drop the first newline after a block tag
 * @param lstripBlocks        strip spaces and tabs from the start of a line up to a block tag
 * @param keepTrailingNewline keep a single newline at the end of the template
 */
public record LexerOptions(boolean trimBlocks, boolean lstripBlocks, boolean keepTrailingNewline) {
    public static final LexerOptions DEFAULTS = new LexerOptions(false, false, false);
}
