package dev.kida.engine.eval;

import dev.kida.api.HtmlSafe;
import dev.kida.engine.runtime.value.TemplateObject;
import dev.kida.engine.runtime.value.Undefined;

import java.util.Map;
import java.util.Set;

/**
 * What {@code import} gives: the template-level variables and macros of a template, except
 * names starting with an underscore, which Jinja2 keeps private, and names the template itself
 * imported. Printed, it is the template's output, as safe markup.
 *
 * @param name       the template's name
 * @param variables  the template-level variables
 * @param unexported the names bound by imports, which a module does not pass on
 * @param body       what rendering the template wrote
 */
record TemplateModule(String name, Map<String, Object> variables, Set<String> unexported, String body)
        implements TemplateObject, HtmlSafe {

    /** The exported value of a name, or null when the template does not export it. */
    Object exported(String key) {
        if (key.startsWith("_") || unexported.contains(key)) {
            return null;
        }
        return variables.get(key);
    }

    private boolean exports(String key) {
        return !key.startsWith("_") && !unexported.contains(key) && variables.containsKey(key);
    }

    @Override
    public Object attribute(String key) {
        if (!exports(key)) {
            return MISSING;
        }
        return variables.get(key);
    }

    @Override
    public String toHtml() {
        return body;
    }

    @Override
    public String toString() {
        return body;
    }

    @Override
    public String jinjaTypeName() {
        return "jinja2.environment.TemplateModule";
    }
}
