package dev.kida.engine.ast;

/** A place in a template's source: 1-based line and column. */
public record Pos(int line, int column) {
    public static final Pos NONE = new Pos(0, 0);
}
