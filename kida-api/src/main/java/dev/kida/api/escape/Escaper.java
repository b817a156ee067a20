package dev.kida.api.escape;

/**
 * Escapes text for HTML: {@code & < > " '} become {@code &amp; &lt; &gt; &quot; &#39;} and NUL
 * characters are removed; every other character, including unpaired surrogates, is kept as is.
 *
 * <p>Implementations are stateless or thread-safe: one instance serves every render.
 */
public interface Escaper {
    /**
     * Returns the escaped text. When nothing needs escaping it returns the very same instance, so
     * the common clean case allocates nothing.
     */
    String escape(String text);

    /**
     * Appends the escaped text to {@code out}: the engine's hot path, which writes into its output
     * buffer with no intermediate String.
     */
    void escapeTo(String text, StringBuilder out);
}
