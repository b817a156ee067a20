package dev.kida.engine.runtime.value;

/**
 * An engine-made object with attributes of its own that templates read: {@code loop}, a
 * {@code namespace()}, a {@code cycler()}, a macro. Attribute access asks these objects directly
 * instead of going through reflection.
 */
public interface TemplateObject {
    /** What {@link #attribute} returns for an attribute the object does not have. */
    Object MISSING = new Object();

    /** The Python class Jinja2 uses for this object, as undefined messages name it. */
    default String jinjaTypeName() {
        return getClass().getName();
    }

    /**
     * The attribute's value (which may itself be undefined, like {@code loop.previtem} on the
     * first item), or {@link #MISSING} when the object has no such attribute.
     * A callable attribute (like {@code loop.cycle}) is returned as a
     * {@link dev.kida.api.GlobalFunction}.
     */
    Object attribute(String name);
}
