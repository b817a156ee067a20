package dev.kida.bench.engine;

/**
 * One scenario's page, ready to render: templates loaded and compiled, data bound. Thread-safe:
 * the two-thread benchmark shares one renderer.
 */
@FunctionalInterface
public interface Renderer {
    /** Renders the page to a String, HTML-escaping every value. */
    String render();
}
