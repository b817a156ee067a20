package dev.kida.api;

/**
 * The base of every error the engine raises. It knows the template name, line and column where it
 * happened, and the source line, so the message can show it with a caret.
 *
 * <p>Unchecked, like Jinja2's exceptions: template code cannot be made to declare them.
 */
public class KidaException extends RuntimeException {
    private final String templateName;
    private final int line;
    private final int column;
    private final String sourceLine;
    private final String detail;

    /**
     * @param detail       the bare message, without location
     * @param templateName the template's name, or {@code null} when not known (yet)
     * @param line         1-based line, or 0 when not known
     * @param column       1-based column, or 0 when not known
     * @param sourceLine   the text of that line, or {@code null}
     * @param cause        the underlying cause, or {@code null}
     */
    public KidaException(String detail, String templateName, int line, int column, String sourceLine,
                         Throwable cause) {
        super(detail, cause);
        this.detail = detail;
        this.templateName = templateName;
        this.line = line;
        this.column = column;
        this.sourceLine = sourceLine;
    }

    /** An error whose location the engine fills in later with {@link #at}. */
    public KidaException(String detail) {
        this(detail, null, 0, 0, null, null);
    }

    /** An error whose location the engine fills in later with {@link #at}, with a cause. */
    public KidaException(String detail, Throwable cause) {
        this(detail, null, 0, 0, null, cause);
    }

    /** The message without the location prefix. */
    public String detail() {
        return detail;
    }

    /** The template's name, or {@code null} if the error happened outside any template. */
    public String templateName() {
        return templateName;
    }

    /** 1-based line number, or 0 when unknown. */
    public int line() {
        return line;
    }

    /** 1-based column number, or 0 when unknown. */
    public int column() {
        return column;
    }

    /** The source line the error points at, or {@code null}. */
    public String sourceLine() {
        return sourceLine;
    }

    /** Whether the template location is known. */
    public boolean hasLocation() {
        return line > 0;
    }

    /**
     * Returns a copy of this exception located at the given place, of the same class. The engine
     * calls this when an error raised without a location (e.g. by a filter) crosses a node whose
     * position it knows. An exception that already has a location is returned unchanged.
     */
    public KidaException at(String templateName, int line, int column, String sourceLine) {
        if (hasLocation()) {
            return this;
        }
        KidaException located = relocate(templateName, line, column, sourceLine);
        // The original stays reachable for its stack trace without copying it: materialising a
        // trace (getStackTrace) is unsafe when this runs close to a stack overflow.
        located.addSuppressed(this);
        return located;
    }

    /** Creates the located copy; each subclass returns its own type. */
    protected KidaException relocate(String templateName, int line, int column, String sourceLine) {
        return new KidaException(detail, templateName, line, column, sourceLine, getCause());
    }

    /**
     * {@code template:line:col: detail}, then the source line and a caret under the column.
     */
    @Override
    public String getMessage() {
        StringBuilder sb = new StringBuilder();
        if (templateName != null || line > 0) {
            sb.append(templateName == null ? "<string>" : templateName);
            if (line > 0) {
                sb.append(':').append(line).append(':').append(Math.max(column, 1));
            }
            sb.append(": ");
        }
        sb.append(detail);
        if (sourceLine != null && line > 0) {
            sb.append('\n').append("    ").append(sourceLine).append('\n').append("    ");
            int caret = Math.max(column, 1) - 1;
            for (int i = 0; i < caret && i < sourceLine.length(); i++) {
                sb.append(sourceLine.charAt(i) == '\t' ? '\t' : ' ');
            }
            sb.append('^');
        }
        return sb.toString();
    }
}
