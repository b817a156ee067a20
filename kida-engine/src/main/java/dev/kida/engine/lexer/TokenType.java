package dev.kida.engine.lexer;

/** The kinds of token the lexer produces, with the wording Jinja2 uses for them in messages. */
public enum TokenType {
    DATA("template data / text"),
    VARIABLE_BEGIN("begin of print statement"),
    VARIABLE_END("end of print statement"),
    BLOCK_BEGIN("begin of statement block"),
    BLOCK_END("end of statement block"),
    NAME("name"),
    STRING("string"),
    INTEGER("integer"),
    FLOAT("float"),
    ADD("+"), SUB("-"), DIV("/"), FLOORDIV("//"), MUL("*"), MOD("%"), POW("**"), TILDE("~"),
    LBRACKET("["), RBRACKET("]"), LPAREN("("), RPAREN(")"), LBRACE("{"), RBRACE("}"),
    EQ("=="), NE("!="), GT(">"), GTEQ(">="), LT("<"), LTEQ("<="), ASSIGN("="),
    DOT("."), COLON(":"), PIPE("|"), COMMA(","), SEMICOLON(";"),
    EOF("end of template"),
    /** Stands for a lexical error after the tokens before it; its value is the exception. */
    ERROR("error");

    private final String description;

    TokenType(String description) {
        this.description = description;
    }

    /** How error messages name this kind of token. */
    public String description() {
        return description;
    }
}
