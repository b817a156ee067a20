package dev.kida.engine.ast;

/** Comparison operators, including membership. */
public enum CompareOp {
    EQ("=="), NE("!="), LT("<"), LE("<="), GT(">"), GE(">="), IN("in"), NOT_IN("not in");

    private final String symbol;

    CompareOp(String symbol) {
        this.symbol = symbol;
    }

    /** The operator as written in templates. */
    public String symbol() {
        return symbol;
    }
}
