package dev.kida.engine.parser;

import dev.kida.api.TemplateSyntaxException;
import dev.kida.engine.ast.TemplateNode;
import dev.kida.engine.lexer.LexerOptions;

/** Turns template source into an AST. (Placeholder until the real parser lands.) */
public final class Parser {
    private Parser() {
    }

    /**
     * Parses a whole template.
     *
     * @throws TemplateSyntaxException with the template name, line and column of the first error
     */
    public static TemplateNode parse(String source, String name, LexerOptions options) {
        throw new TemplateSyntaxException("parser not implemented yet", name, 1, 1, null, null);
    }
}
