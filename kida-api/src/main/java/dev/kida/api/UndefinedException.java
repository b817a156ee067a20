package dev.kida.api;

/**
 * An undefined variable or attribute was used where its value was needed. Kida's undefined values are strict: only {@code is defined}, {@code is undefined}, {@code default} and the like may look at them.
 */
public class UndefinedException extends KidaException {
    /** Full form, as the engine raises it. */
    public UndefinedException(String detail, String templateName, int line, int column, String sourceLine,
            Throwable cause) {
        super(detail, templateName, line, column, sourceLine, cause);
    }

    /** Without a location yet; the engine adds it where the error crosses a template node. */
    public UndefinedException(String detail) {
        super(detail);
    }

    /** Without a location yet, with a cause. */
    public UndefinedException(String detail, Throwable cause) {
        super(detail, cause);
    }

    @Override
    protected UndefinedException relocate(String templateName, int line, int column, String sourceLine) {
        return new UndefinedException(detail(), templateName, line, column, sourceLine, getCause());
    }
}
