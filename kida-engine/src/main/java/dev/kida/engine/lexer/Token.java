package dev.kida.engine.lexer;

import dev.kida.engine.ast.Pos;

/**
 * One token.
 *
 * @param type  the kind
 * @param value the decoded value: the text for DATA, NAME and operators; the unescaped String for
 *              STRING; Long or BigInteger for INTEGER; Double for FLOAT; "" for tag delimiters
 *              and EOF; the TemplateSyntaxException for ERROR
 * @param line  1-based line of the token's first character
 * @param column 1-based column of the token's first character
 */
public record Token(TokenType type, Object value, int line, int column) {

    /** The token's place, for AST nodes and messages. */
    public Pos pos() {
        return new Pos(line, column);
    }

    /** Whether this is a NAME token with the given text. */
    public boolean isName(String name) {
        return type == TokenType.NAME && name.equals(value);
    }

    /** The token as Jinja2's messages describe it: a name is its text, the rest their kind. */
    public String describe() {
        return type == TokenType.NAME ? (String) value : type.description();
    }
}
