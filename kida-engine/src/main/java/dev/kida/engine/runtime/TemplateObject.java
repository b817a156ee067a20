package dev.kida.engine.runtime;

/**
 * An engine-made object with attributes of its own that templates read: {@code loop}, a
 * {@code namespace()}, a {@code cycler()}, a macro. Attribute access asks these objects directly
 * instead of going through reflection.
 */
public interface TemplateObject {
    /**
     * The attribute's value, or an {@link Undefined} when the object has no such attribute.
     * A callable attribute (like {@code loop.cycle}) is returned as a
     * {@link dev.kida.api.GlobalFunction}.
     */
    Object attribute(String name);
}
