package dev.kida.engine.parser;

import dev.kida.api.RuntimeErrorKind;
import dev.kida.api.TemplateRuntimeException;
import dev.kida.api.TemplateSyntaxException;
import dev.kida.engine.ast.Pos;
import dev.kida.engine.lexer.SourceText;
import dev.kida.engine.lexer.Token;
import dev.kida.engine.lexer.TokenType;
import java.util.List;

/** A cursor over the token list, with Jinja2's expect/skip helpers and error wording. */
final class TokenStream {
    private final List<Token> tokens;
    private final SourceText source;
    private int index;

    TokenStream(List<Token> tokens, SourceText source) {
        this.tokens = tokens;
        this.source = source;
        raiseIfError(tokens.getFirst());
    }

    private static Token raiseIfError(Token token) {
        if (token.type() == TokenType.ERROR) {
            throw (TemplateSyntaxException) token.value();
        }
        return token;
    }

    SourceText source() {
        return source;
    }

    Token current() {
        return tokens.get(index);
    }

    /** The token after the current one (EOF at the end). */
    Token look() {
        return raiseIfError(tokens.get(Math.min(index + 1, tokens.size() - 1)));
    }

    /** Moves on and returns the token that was current. */
    Token next() {
        Token token = tokens.get(index);
        if (index < tokens.size() - 1) {
            index++;
            raiseIfError(tokens.get(index));
        }
        return token;
    }

    /** The token {@code n} places ahead of the current one (0: current; EOF past the end). */
    Token peek(int n) {
        return tokens.get(Math.min(index + n, tokens.size() - 1));
    }

    /** How many tokens follow the current one (lookahead with {@link #peek} stops there). */
    int remaining() {
        return tokens.size() - 1 - index;
    }

    boolean at(TokenType type) {
        return current().type() == type;
    }

    boolean atName(String name) {
        return current().isName(name);
    }

    boolean skipIf(TokenType type) {
        if (at(type)) {
            next();
            return true;
        }
        return false;
    }

    boolean skipIfName(String name) {
        if (atName(name)) {
            next();
            return true;
        }
        return false;
    }

    Token expect(TokenType type) {
        if (!at(type)) {
            throw unexpected(type.description());
        }
        return next();
    }

    Token expectName(String name) {
        if (!atName(name)) {
            throw unexpected(name);
        }
        return next();
    }

    private TemplateSyntaxException unexpected(String wanted) {
        Token token = current();
        if (token.type() == TokenType.EOF) {
            return fail("unexpected end of template, expected '" + wanted + "'.", token.pos());
        }
        return fail("expected token '" + wanted + "', got '" + token.describe() + "'", token.pos());
    }

    TemplateSyntaxException fail(String detail, Pos pos) {
        return source.error(detail, pos);
    }

    TemplateSyntaxException fail(String detail) {
        return fail(detail, current().pos());
    }

    /**
     * An error Jinja2 only meets when Python compiles the generated code (a duplicate parameter or
     * keyword): a Python SyntaxError, not a template syntax error, so it is a runtime error here.
     */
    TemplateRuntimeException compileError(String detail, Pos pos) {
        TemplateSyntaxException located = fail(detail, pos);
        return new TemplateRuntimeException(RuntimeErrorKind.SYNTAX_ERROR,
                located.detail(), located.templateName(), located.line(),
                located.column(), located.sourceLine(), null);
    }
}
