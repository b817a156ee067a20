package dev.kida.engine.parser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.kida.api.TemplateSyntaxException;
import dev.kida.engine.ast.Expr;
import dev.kida.engine.ast.Stmt;
import dev.kida.engine.ast.TemplateNode;
import dev.kida.engine.lexer.LexerOptions;
import java.util.List;

/** Shortcuts shared by the parser tests. */
final class ParserTestSupport {
    private ParserTestSupport() {
    }

    /** Tag extensions on, so their syntax can be tested too. */
    static final LexerOptions WITH_EXTENSIONS = new LexerOptions(false, false, false,
            java.util.Set.of(LexerOptions.DO, LexerOptions.LOOP_CONTROLS));

    static TemplateNode parse(String source) {
        return Parser.parse(source, "t.html", WITH_EXTENSIONS);
    }

    static List<Stmt> body(String source) {
        return parse(source).body();
    }

    /** The expression of a template that is exactly {@code {{ source }}}. */
    static Expr expr(String source) {
        List<Stmt> body = body("{{ " + source + " }}");
        assertEquals(1, body.size(), "one statement");
        return assertInstanceOf(Stmt.Print.class, body.getFirst()).expr();
    }

    static String shape(String exprSource) {
        return AstPrinter.expr(expr(exprSource));
    }

    static String tree(String template) {
        return AstPrinter.stmts(body(template));
    }

    /**
     * A syntax error's message without the sentences Kida adds after Jinja2's wording (where the
     * innermost open block started, which block a continuation keyword belongs to), so the rest
     * can be compared with what Jinja2 says.
     */
    static String jinjaWording(String detail) {
        return detail.replaceFirst(" It was opened at line \\d+, column \\d+\\.$", "")
                .replaceFirst(" '\\w+' is only valid inside [^.]*\\.$", "");
    }

    static TemplateSyntaxException syntaxError(String source) {
        return assertThrows(TemplateSyntaxException.class, () -> parse(source));
    }
}
