package dev.kida.engine.eval;

import dev.kida.engine.runtime.TemplateObject;
import dev.kida.engine.runtime.Undefined;

import java.util.Map;

/**
 * What {@code import} gives: the template-level variables and macros of a template, except
 * names starting with an underscore, which Jinja2 keeps private.
 */
record TemplateModule(String name, Map<String, Object> variables) implements TemplateObject {

    /** The exported value of a name, or null when the template does not export it. */
    Object exported(String key) {
        if (key.startsWith("_")) {
            return null;
        }
        return variables.get(key);
    }

    @Override
    public Object attribute(String key) {
        Object value = exported(key);
        if (value == null && !variables.containsKey(key)) {
            return new Undefined("'" + name + "' has no attribute '" + key + "'");
        }
        return value;
    }

    @Override
    public String toString() {
        return "<Module '" + name + "'>";
    }
}
