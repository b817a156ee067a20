package dev.kida.api;

/**
 * No loader has a template of the requested name.
 */
public class TemplateNotFoundException extends KidaException {
    /** Full form, as the engine raises it. */
    public TemplateNotFoundException(String detail, String templateName, int line, int column, String sourceLine,
            Throwable cause) {
        super(detail, templateName, line, column, sourceLine, cause);
    }

    /** Without a location yet; the engine adds it where the error crosses a template node. */
    public TemplateNotFoundException(String detail) {
        super(detail);
    }

    /** Without a location yet, with a cause. */
    public TemplateNotFoundException(String detail, Throwable cause) {
        super(detail, cause);
    }

    @Override
    protected TemplateNotFoundException relocate(String templateName, int line, int column, String sourceLine) {
        return new TemplateNotFoundException(detail(), templateName, line, column, sourceLine, getCause());
    }
}
