package dev.kida.api;

/**
 * Any other error while rendering: division by zero, a bad filter argument, an explicit error raised by the template.
 */
public class TemplateRuntimeException extends KidaException {
    /** Full form, as the engine raises it. */
    public TemplateRuntimeException(String detail, String templateName, int line, int column, String sourceLine,
            Throwable cause) {
        super(detail, templateName, line, column, sourceLine, cause);
    }

    /** Without a location yet; the engine adds it where the error crosses a template node. */
    public TemplateRuntimeException(String detail) {
        super(detail);
    }

    /** Without a location yet, with a cause. */
    public TemplateRuntimeException(String detail, Throwable cause) {
        super(detail, cause);
    }

    @Override
    protected TemplateRuntimeException relocate(String templateName, int line, int column, String sourceLine) {
        return new TemplateRuntimeException(detail(), templateName, line, column, sourceLine, getCause());
    }
}
