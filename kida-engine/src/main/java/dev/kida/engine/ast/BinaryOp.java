package dev.kida.engine.ast;

/** Infix arithmetic operators and string concatenation. */
public enum BinaryOp {
    ADD("+"), SUB("-"), MUL("*"), DIV("/"), FLOORDIV("//"), MOD("%"), POW("**"), CONCAT("~");

    private final String symbol;

    BinaryOp(String symbol) {
        this.symbol = symbol;
    }

    /** The operator as written in templates. */
    public String symbol() {
        return symbol;
    }
}
