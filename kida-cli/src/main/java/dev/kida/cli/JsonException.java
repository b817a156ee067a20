package dev.kida.cli;

/**
 * Malformed JSON, located by 1-based line and column so the user can find the mistake in the file.
 */
public final class JsonException extends Exception {
    private static final long serialVersionUID = 1L;

    private final int line;
    private final int column;

    /**
     * @param detail what is wrong
     * @param line   1-based line
     * @param column 1-based column (in code points of that line)
     */
    public JsonException(String detail, int line, int column) {
        super(line + ":" + column + ": " + detail);
        this.line = line;
        this.column = column;
    }

    /** 1-based line of the error. */
    public int line() {
        return line;
    }

    /** 1-based column of the error. */
    public int column() {
        return column;
    }
}
