package dev.kida.engine.parser;

import dev.kida.api.TemplateSyntaxException;
import dev.kida.engine.ast.TemplateNode;
import dev.kida.engine.lexer.Lexer;
import dev.kida.engine.lexer.LexerOptions;
import dev.kida.engine.lexer.SourceText;

/** Turns template source into an AST, following Jinja2 3.1's syntax. */
public final class Parser {
    private Parser() {
    }

    /**
     * Parses a whole template.
     *
     * @param source  the template text as loaded (any line endings)
     * @param name    the template name, for messages (may be null)
     * @param options lexer settings from the environment
     * @return the AST; its {@code source} is the normalised text the positions refer to
     * @throws TemplateSyntaxException with the template name, line and column of the first error
     */
    public static TemplateNode parse(String source, String name, LexerOptions options) {
        String text = SourceText.normalise(source, options.keepTrailingNewline());
        SourceText sourceText = new SourceText(name, text);
        TokenStream stream = new TokenStream(Lexer.tokenizeLeniently(sourceText, options), sourceText);
        return new TemplateNode(name, text, new StatementParser(stream, options).parseTemplate());
    }

    /**
     * Where a template closes a block with a bare {@code {% end %}} although the block has an
     * explicit closer, for {@code kida check --strict}: parses the template again.
     *
     * @throws TemplateSyntaxException as {@link #parse} does
     */
    public static java.util.List<BareEnd> bareEnds(String source, String name, LexerOptions options) {
        String text = SourceText.normalise(source, options.keepTrailingNewline());
        SourceText sourceText = new SourceText(name, text);
        TokenStream stream = new TokenStream(Lexer.tokenizeLeniently(sourceText, options), sourceText);
        StatementParser parser = new StatementParser(stream, options);
        parser.parseTemplate();
        return java.util.List.copyOf(parser.bareEnds());
    }
}
