package dev.kida.api;

/**
 * A template tried something the environment's access policy or sandbox forbids: reading a member
 * of a refused type, printing or passing on a refused value, calling a method or function the
 * sandbox does not allow. Like Jinja2's {@code SecurityError}, it is a runtime error, so code
 * that handles {@link TemplateRuntimeException} sees it too; its kind is always
 * {@link RuntimeErrorKind#SECURITY_ERROR}.
 */
public class TemplateSecurityException extends TemplateRuntimeException {
    /** Full form, as the engine raises it. */
    public TemplateSecurityException(String detail, String templateName, int line, int column, String sourceLine,
            Throwable cause) {
        super(RuntimeErrorKind.SECURITY_ERROR, detail, templateName, line, column, sourceLine, cause);
    }

    /** Without a location yet; the engine adds it where the error crosses a template node. */
    public TemplateSecurityException(String detail) {
        super(RuntimeErrorKind.SECURITY_ERROR, detail);
    }

    @Override
    protected TemplateSecurityException relocate(String templateName, int line, int column, String sourceLine) {
        return new TemplateSecurityException(detail(), templateName, line, column, sourceLine, getCause());
    }
}
