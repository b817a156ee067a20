package dev.kida.engine.runtime;

import dev.kida.api.TemplateRuntimeException;

/**
 * The errors for a filter or test name the environment does not have, met while rendering, with
 * Jinja2's wording. Jinja2 rejects such a name in the template's code when it compiles it (see
 * {@code Analysis}), except inside an {@code if} branch or a conditional expression, where the
 * generated code raises only if it runs ({@link #filter}, {@link #test}); a name given as data, as
 * in {@code map('name')}, fails when it is looked up ({@link #filterByName}, {@link #testByName}).
 */
public final class UnknownCallable {
    private UnknownCallable() {}

    public static TemplateRuntimeException filter(String name) {
        return new TemplateRuntimeException("No filter named '" + name + "' found.");
    }

    public static TemplateRuntimeException test(String name) {
        return new TemplateRuntimeException("No test named '" + name + "' found.");
    }

    public static TemplateRuntimeException filterByName(String name) {
        return new TemplateRuntimeException("No filter named '" + name + "'.");
    }

    public static TemplateRuntimeException testByName(String name) {
        return new TemplateRuntimeException("No test named '" + name + "'.");
    }
}
