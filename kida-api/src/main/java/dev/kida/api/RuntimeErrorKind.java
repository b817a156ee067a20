package dev.kida.api;

/**
 * Which Python exception a {@link TemplateRuntimeException} stands for. Jinja2 and Kida raise many
 * Python exception classes at render time; this engine raises one Java class for all of them, and
 * the place that raises the error states the class with one of these kinds. It decides what Kida's
 * {@code {% try %}} catches and the name {@code err.type} gives the error in the fallback.
 *
 * <p>The other kinds of error are told by their Java class instead: {@link UndefinedException}
 * (UndefinedError), {@link TemplateTypeException} (TypeError), {@link TemplateNotFoundException}
 * (TemplateNotFound) and {@link TemplateSyntaxException} (TemplateSyntaxError).
 *
 * <p>A filter, test or function of your own may raise a {@code TemplateRuntimeException} of any
 * kind, e.g. {@code new TemplateRuntimeException(RuntimeErrorKind.VALUE_ERROR, "bad width")}, to
 * behave as the Python code raising that class would.
 */
public enum RuntimeErrorKind {
    /**
     * Jinja2's and Kida's {@code TemplateRuntimeError}: an error the template engine itself
     * reports, such as a bad filter argument; also what an unexpected Java exception from host
     * code becomes. The kind of a {@link TemplateRuntimeException} that names none.
     */
    TEMPLATE_RUNTIME_ERROR("TemplateRuntimeError"),
    /** Kida's {@code RequiredValueError}, a {@code TemplateRuntimeError}: the {@code require} filter got None. */
    REQUIRED_VALUE_ERROR("RequiredValueError"),
    /** Python's {@code ValueError}: a value of the right type but unusable, e.g. a bad format string. */
    VALUE_ERROR("ValueError"),
    /** Python's {@code ZeroDivisionError}: division or modulo by zero, {@code 0.0 ** -1}. */
    ZERO_DIVISION_ERROR("ZeroDivisionError"),
    /** Python's {@code KeyError}: a missing key where Python does not return undefined, e.g. {@code dict.pop}. */
    KEY_ERROR("KeyError"),
    /** Python's {@code IndexError}: a position outside a sequence, e.g. {@code [].pop()}. */
    INDEX_ERROR("IndexError"),
    /** Python's {@code AttributeError}, where Python code (not a template lookup) uses a missing attribute. */
    ATTRIBUTE_ERROR("AttributeError"),
    /** Python's {@code AssertionError}: a failed assertion in Jinja2's code, e.g. {@code truncate}'s arguments. */
    ASSERTION_ERROR("AssertionError"),
    /** Python's {@code OverflowError}: a number too large for the operation, e.g. {@code int} of infinity. */
    OVERFLOW_ERROR("OverflowError"),
    /** Python's {@code MemoryError}: a result Python could not allocate. */
    MEMORY_ERROR("MemoryError"),
    /** Python's {@code RecursionError}: calls, includes or blocks nested too deeply. */
    RECURSION_ERROR("RecursionError"),
    /** Python's own {@code RuntimeError} (not a {@code TemplateRuntimeError}), e.g. an empty {@code cycler()}. */
    RUNTIME_ERROR("RuntimeError"),
    /**
     * Python's {@code SyntaxError} (not a {@code TemplateSyntaxError}): code Jinja2 generates that
     * Python refuses to compile, e.g. a duplicate parameter name.
     */
    SYNTAX_ERROR("SyntaxError"),
    /** Python's {@code re.PatternError}: an invalid regular expression. */
    PATTERN_ERROR("PatternError"),
    /** Jinja2's {@code SecurityError}: raised as {@link TemplateSecurityException}. */
    SECURITY_ERROR("SecurityError"),
    /**
     * One of this engine's own limits (the {@code Limits} of the environment, a runaway
     * {@code while} loop): no Python exception, as Python has no such limits.
     */
    LIMIT_EXCEEDED("LimitExceeded");

    private final String pythonName;

    RuntimeErrorKind(String pythonName) {
        this.pythonName = pythonName;
    }

    /** The name of the Python exception class, as {@code err.type} shows it: {@code ValueError}. */
    public String pythonName() {
        return pythonName;
    }
}
