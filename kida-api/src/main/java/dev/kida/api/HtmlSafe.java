package dev.kida.api;

/**
 * An object that renders itself as HTML which is already safe: the engine prints
 * {@link #toHtml()} as is, without escaping, when autoescape is on. The Java counterpart of
 * Python's {@code __html__} protocol.
 */
public interface HtmlSafe {
    /** The object's HTML form; printed without further escaping. */
    String toHtml();
}
