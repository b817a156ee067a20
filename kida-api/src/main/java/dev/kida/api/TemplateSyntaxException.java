package dev.kida.api;

/**
 * The template's source does not parse, or names a filter or test that does not exist (found at compile time), or imports a private name. Jinja2's TemplateSyntaxError and TemplateAssertionError.
 */
public class TemplateSyntaxException extends KidaException {
    /** Full form, as the engine raises it. */
    public TemplateSyntaxException(String detail, String templateName, int line, int column, String sourceLine,
            Throwable cause) {
        super(detail, templateName, line, column, sourceLine, cause);
    }

    /** Without a location yet; the engine adds it where the error crosses a template node. */
    public TemplateSyntaxException(String detail) {
        super(detail);
    }

    /** Without a location yet, with a cause. */
    public TemplateSyntaxException(String detail, Throwable cause) {
        super(detail, cause);
    }

    @Override
    protected TemplateSyntaxException relocate(String templateName, int line, int column, String sourceLine) {
        return new TemplateSyntaxException(detail(), templateName, line, column, sourceLine, getCause());
    }
}
