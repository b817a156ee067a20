package dev.kida.engine.output;

import dev.kida.api.escape.HtmlEscapes;
import dev.kida.engine.escape.JavaEscaper;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Escaping into UTF-8 bytes gives exactly the bytes of escaping to a String and encoding it, on
 * both of its paths (short text escaped in place, long text through the escaper backend).
 */
class Utf8OutputTest {
    private static String viaString(String text) {
        StringBuilder sb = new StringBuilder();
        HtmlEscapes.escapeTo(text, 0, text.length(), sb);
        return sb.toString();
    }

    private static byte[] viaBytes(String... parts) {
        Utf8Output out = new Utf8Output(16);
        for (String part : parts) {
            out.appendEscaped(part, JavaEscaper.INSTANCE);
        }
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        try {
            out.writeTo(bytes);
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
        assertEquals(bytes.size(), out.size());
        return bytes.toByteArray();
    }

    @Test
    void escapedBytesAreTheEncodedEscapedString() {
        // Specials, ASCII, 2- and 3-byte chars, a surrogate pair and lone surrogates, at lengths on
        // both sides of the in-place limit.
        char[] alphabet = {'&', '<', '>', '"', '\'', '\0', 'a', 'Z', ' ', '\u00e9', '\u20ac', '\uD83D', '\uDE00'};
        java.util.Random random = new java.util.Random(13);
        for (int k = 0; k < 3000; k++) {
            char[] text = new char[random.nextInt(Utf8Output.DIRECT * 2)];
            for (int i = 0; i < text.length; i++) {
                text[i] = random.nextInt(3) == 0 ? alphabet[random.nextInt(alphabet.length)] : (char) ('a' + random.nextInt(26));
            }
            String s = new String(text);
            assertArrayEquals(viaString(s).getBytes(StandardCharsets.UTF_8), viaBytes(s), s);
        }
    }

    @Test
    void shortAndLongTextAndTheBufferGrowing() {
        String shortText = "Johnson & Johnson <b>vip</b> \"x\" 'y'\0!";
        String longText = shortText.repeat(5);
        assertEquals("Johnson &amp; Johnson &lt;b&gt;vip&lt;/b&gt; &quot;x&quot; &#39;y&#39;!",
                new String(viaBytes(shortText), StandardCharsets.UTF_8));
        String expected = viaString(shortText).repeat(3) + viaString(longText) + viaString("Zürich & Köln");
        assertEquals(expected, new String(viaBytes(shortText, shortText, shortText, longText, "Zürich & Köln"),
                StandardCharsets.UTF_8));
    }
}
