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
    // Kida's operators. Jinja2 has no '?' and never accepts '|>' or '..', so these tokens change
    // nothing for Jinja2 templates (what was a syntax error stays one).
    /** {@code ??}, null coalescing. */
    NULLISH("??"),
    /** {@code ??=}, assign unless already set. */
    NULLISH_ASSIGN("??="),
    /** {@code ?.}, optional attribute access. */
    OPT_DOT("?."),
    /** {@code ?[}, optional item access; opens a bracket like {@code [}. */
    OPT_LBRACKET("?["),
    /** {@code ?|}, a filter skipped for None. */
    OPT_PIPE("?|"),
    /** {@code |>}, a pipeline step. */
    PIPELINE("|>"),
    /** {@code ?|>}, a pipeline step skipped for None. */
    OPT_PIPELINE("?|>"),
    /** {@code ..}, an inclusive range. */
    RANGE_INCLUSIVE(".."),
    /** {@code ...}, a range without its end. */
    RANGE_EXCLUSIVE("..."),
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
