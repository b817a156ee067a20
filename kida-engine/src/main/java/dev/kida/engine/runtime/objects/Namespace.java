package dev.kida.engine.runtime.objects;

import dev.kida.engine.runtime.value.PyRepr;
import dev.kida.engine.runtime.value.TemplateObject;
import dev.kida.api.TemplateRuntimeException;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The object {@code namespace(...)} returns: attributes that {@code {% set ns.x = v %}} can
 * change from inside loops and blocks.
 */
public final class Namespace implements TemplateObject {
    private final Map<String, Object> attributes;

    /** An empty namespace. */
    public Namespace() {
        this(Map.of());
    }

    /** A namespace holding a copy of the given attributes (insertion order kept). */
    public Namespace(Map<String, Object> initial) {
        this.attributes = new LinkedHashMap<>(initial);
    }

    @Override
    public synchronized Object attribute(String name) {
        if (attributes.containsKey(name)) {
            return attributes.get(name);
        }
        return MISSING;
    }

    /** Sets an attribute: {@code {% set ns.name = value %}}. */
    public synchronized void set(String name, Object value) {
        attributes.put(name, value);
    }

    /**
     * The target of {@code {% set obj.name = value %}}: sets the attribute when {@code obj} is a
     * namespace, else raises Jinja2's error.
     */
    public static void assign(Object obj, String name, Object value) {
        // An undefined name is no namespace either: Jinja2 reports the assignment, not the name.
        if (!(obj instanceof Namespace ns)) {
            throw new TemplateRuntimeException("cannot assign attribute on non-namespace object");
        }
        ns.set(name, value);
    }

    @Override
    public synchronized String toString() {
        // Jinja2's repr: the attribute dict as Python prints it
        return "<Namespace " + PyRepr.repr(attributes) + ">";
    }

    @Override
    public String jinjaTypeName() {
        return "jinja2.utils.Namespace";
    }
}
