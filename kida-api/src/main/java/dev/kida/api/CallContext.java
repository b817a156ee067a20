package dev.kida.api;

import java.util.List;
import java.util.Map;

/**
 * What the engine offers a filter, test or global function while it runs: the render's
 * settings, and the engine's own semantics (attribute access, Python-style string conversion,
 * other filters and tests by name) so that extensions behave exactly like built-ins.
 */
public interface CallContext {
    /** Whether autoescaping is on where the call is made. */
    boolean autoescape();

    /** Escapes text for HTML, returning {@link Markup}; {@link HtmlSafe} values pass through. */
    Markup escape(Object value);

    /** Python's {@code str()} of a value, as the engine prints it. */
    String str(Object value);

    /** Python's truth value of a value. */
    boolean truthy(Object value);

    /**
     * {@code obj.name} with Jinja2's rules (attribute, then item), through the engine's access
     * policy. Returns an undefined value, not {@code null}, when there is none.
     */
    Object attribute(Object obj, String name);

    /** {@code obj[key]} with Jinja2's rules (item, then attribute). */
    Object item(Object obj, Object key);

    /**
     * Applies another filter by name, as {@code value|name(args...)}: the environment's filter of
     * that name, so a user's override of a built-in wins.
     */
    default Object filter(String name, Object value, List<Object> args) {
        return filter(name, value, args, Map.of());
    }

    /** Applies a filter by name with keyword arguments, as {@code value|name(args..., key=v)}. */
    Object filter(String name, Object value, List<Object> args, Map<String, Object> keywords);

    /** Applies a test by name, as {@code value is name(args...)}; user tests win as for filters. */
    default boolean test(String name, Object value, List<Object> args) {
        return test(name, value, args, Map.of());
    }

    /** Applies a test by name with keyword arguments. */
    boolean test(String name, Object value, List<Object> args, Map<String, Object> keywords);

    /** Whether a value is the engine's undefined marker. */
    boolean isUndefined(Object value);

    /** The template variable of this name in the calling scope, or an undefined value. */
    Object resolve(String name);
}
