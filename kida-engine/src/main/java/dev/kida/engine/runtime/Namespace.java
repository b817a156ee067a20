package dev.kida.engine.runtime;

import java.util.LinkedHashMap;
import java.util.Map;

/** {@code namespace()}: the one object templates may assign attributes on. (Contract stub.) */
public final class Namespace implements TemplateObject {
    private final Map<String, Object> attributes = new LinkedHashMap<>();

    public void set(String name, Object value) {
        attributes.put(name, value);
    }

    @Override
    public Object attribute(String name) {
        return attributes.containsKey(name) ? attributes.get(name)
                : new Undefined("'Namespace' object has no attribute '" + name + "'");
    }
}
