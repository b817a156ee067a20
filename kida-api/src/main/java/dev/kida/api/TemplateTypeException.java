package dev.kida.api;

/**
 * An operation got a value of the wrong type, where Python raises TypeError: adding a string to a number, calling what is not callable, a missing required argument.
 */
public class TemplateTypeException extends KidaException {
    /** Full form, as the engine raises it. */
    public TemplateTypeException(String detail, String templateName, int line, int column, String sourceLine,
            Throwable cause) {
        super(detail, templateName, line, column, sourceLine, cause);
    }

    /** Without a location yet; the engine adds it where the error crosses a template node. */
    public TemplateTypeException(String detail) {
        super(detail);
    }

    /** Without a location yet, with a cause. */
    public TemplateTypeException(String detail, Throwable cause) {
        super(detail, cause);
    }

    @Override
    protected TemplateTypeException relocate(String templateName, int line, int column, String sourceLine) {
        return new TemplateTypeException(detail(), templateName, line, column, sourceLine, getCause());
    }
}
