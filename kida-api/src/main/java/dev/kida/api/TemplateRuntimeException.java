package dev.kida.api;

/**
 * Any other error while rendering: division by zero, a bad filter argument, an explicit error raised
 * by the template. Which Python exception it stands for is its {@link #kind()}.
 */
public class TemplateRuntimeException extends KidaException {
    private final RuntimeErrorKind kind;

    /** Full form, as the engine raises it; a {@link RuntimeErrorKind#TEMPLATE_RUNTIME_ERROR}. */
    public TemplateRuntimeException(String detail, String templateName, int line, int column, String sourceLine,
            Throwable cause) {
        this(RuntimeErrorKind.TEMPLATE_RUNTIME_ERROR, detail, templateName, line, column, sourceLine, cause);
    }

    /** Full form, of the given kind (the Python exception this error stands for; not null). */
    public TemplateRuntimeException(RuntimeErrorKind kind, String detail, String templateName, int line, int column,
            String sourceLine, Throwable cause) {
        super(detail, templateName, line, column, sourceLine, cause);
        this.kind = java.util.Objects.requireNonNull(kind, "kind");
    }

    /**
     * Without a location yet; the engine adds it where the error crosses a template node. A
     * {@link RuntimeErrorKind#TEMPLATE_RUNTIME_ERROR}.
     */
    public TemplateRuntimeException(String detail) {
        this(RuntimeErrorKind.TEMPLATE_RUNTIME_ERROR, detail, null);
    }

    /** Without a location yet, with a cause. A {@link RuntimeErrorKind#TEMPLATE_RUNTIME_ERROR}. */
    public TemplateRuntimeException(String detail, Throwable cause) {
        this(RuntimeErrorKind.TEMPLATE_RUNTIME_ERROR, detail, cause);
    }

    /** Without a location yet, of the given kind (not null). */
    public TemplateRuntimeException(RuntimeErrorKind kind, String detail) {
        this(kind, detail, null);
    }

    /** Without a location yet, of the given kind (not null), with a cause. */
    public TemplateRuntimeException(RuntimeErrorKind kind, String detail, Throwable cause) {
        this(kind, detail, null, 0, 0, null, cause);
    }

    /**
     * The Python exception this error stands for: what Kida's {@code try} decides on and
     * {@code err.type} names.
     */
    public RuntimeErrorKind kind() {
        return kind;
    }

    @Override
    protected TemplateRuntimeException relocate(String templateName, int line, int column, String sourceLine) {
        return new TemplateRuntimeException(kind, detail(), templateName, line, column, sourceLine, getCause());
    }
}
