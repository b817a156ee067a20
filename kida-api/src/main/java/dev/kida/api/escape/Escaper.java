package dev.kida.api.escape;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

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

    /**
     * Writes the escaped text straight into an output's bytes, one byte per char: the engine's
     * path for long values when it renders to a String held in Latin-1 bytes
     * ({@code charset} {@link StandardCharsets#ISO_8859_1}) or to UTF-8 bytes ({@code charset}
     * {@link StandardCharsets#UTF_8}, where only ASCII is one byte). The output needs the text's
     * bytes anyway, so a backend that copies the text into {@code dst} and escapes it there
     * saves the copy into a String or builder of its own and the output's copy of that.
     *
     * <p>{@code dst} has room for {@link #room room(text.length())} bytes from {@code at};
     * the bytes past the returned end may be overwritten. The text is written up to the first
     * char that is not one byte in {@code charset} (above 0xFF for ISO-8859-1, above 0x7F for
     * UTF-8), or to its end. The result packs how far it got, read with {@link #charsDone} and
     * {@link #bytesEnd}; the caller escapes the rest of the text another way. A backend may stop
     * earlier, even at 0, when it cannot map its output back to the text's chars.
     *
     * <p>The default escapes with {@link #escape} and copies the result's chars; it stops at 0
     * when the escaped text (not the text as it was) holds a char the charset cannot take, or is
     * longer than the room.
     *
     * @param charset ISO-8859-1 or UTF-8
     * @return {@code (long) charsDone << 32 | bytesEnd}
     * @throws IllegalArgumentException for another charset
     */
    default long escapeInto(String text, byte[] dst, int at, Charset charset) {
        int max = maxByteChar(charset);
        String escaped = escape(text);
        int n = escaped.length();
        if (n > room(text.length()) - 64) {
            return result(0, at);
        }
        int j = at;
        for (int i = 0; i < n; i++) {
            char c = escaped.charAt(i);
            if (c > max) {
                // The escaped text's positions are the input's only when nothing was escaped.
                return escaped == text ? result(i, j) : result(0, at);
            }
            dst[j++] = (byte) c;
        }
        return result(text.length(), j);
    }

    /**
     * The bytes {@link #escapeInto} may use for a text of {@code length} chars: six per char (a
     * {@code "} becomes {@code &quot;}) and 64 for a backend's whole-vector stores past the end.
     */
    static int room(int length) {
        return 6 * length + 64;
    }

    /** The chars of the text that {@link #escapeInto} wrote, from its result. */
    static int charsDone(long result) {
        return (int) (result >>> 32);
    }

    /** The index in the destination after the last byte {@link #escapeInto} wrote, from its result. */
    static int bytesEnd(long result) {
        return (int) result;
    }

    /** Packs a result of {@link #escapeInto}. */
    static long result(int charsDone, int bytesEnd) {
        return (long) charsDone << 32 | (bytesEnd & 0xFFFF_FFFFL);
    }

    /**
     * The largest char that is one byte in {@code charset}: 0xFF for ISO-8859-1, 0x7F for UTF-8.
     *
     * @throws IllegalArgumentException for another charset
     */
    static int maxByteChar(Charset charset) {
        if (charset == StandardCharsets.ISO_8859_1 || charset.equals(StandardCharsets.ISO_8859_1)) {
            return 0xFF;
        }
        if (charset == StandardCharsets.UTF_8 || charset.equals(StandardCharsets.UTF_8)) {
            return 0x7F;
        }
        throw new IllegalArgumentException("escapeInto writes ISO-8859-1 or UTF-8, not " + charset);
    }
}
