package dev.kida.engine.output;

import dev.kida.api.escape.HtmlEscapes;
import dev.kida.engine.escape.JavaEscaper;
import dev.kida.engine.runtime.value.FloatFormat;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The Latin-1 byte buffer behind String renders gives exactly the text that appending everything
 * to a StringBuilder gives: on its byte path, across the switch to chars (a char above 0xFF in any
 * kind of append), on reuse after {@link StringOutput#clear()}, and into a caller's builder.
 */
class StringOutputTest {
    private static final char[] ALPHABET = {'&', '<', '>', '"', '\'', '\0', 'a', 'Z', ' ', '\u00e9', '\u00ff',
        '\u0100', '\u20ac', '\uD83D', '\uDE00'};

    private static String text(Random random, int maxLength, boolean wideChars) {
        char[] text = new char[random.nextInt(maxLength)];
        for (int i = 0; i < text.length; i++) {
            char c = ALPHABET[random.nextInt(ALPHABET.length)];
            if (!wideChars && c > 0xFF) {
                c = 'w';
            }
            text[i] = random.nextInt(3) == 0 ? c : (char) ('a' + random.nextInt(26));
        }
        return new String(text);
    }

    /** Appends one random operation to both; wide chars only when {@code wideChars}. */
    private static void step(Random random, StringOutput out, StringBuilder model, boolean wideChars) {
        String s = text(random, StringOutput.DIRECT * 2, wideChars);
        switch (random.nextInt(6)) {
            case 0 -> {
                out.append(s);
                model.append(s);
            }
            case 1 -> {
                // static text never holds surrogates (the compiler appends such text as a String)
                String t = s.replace('\uD83D', 'x').replace('\uDE00', 'y');
                out.appendStatic(t, t.getBytes(StandardCharsets.UTF_8));
                model.append(t);
            }
            case 2, 3 -> {
                out.appendEscaped(s, JavaEscaper.INSTANCE);
                HtmlEscapes.escapeTo(s, 0, s.length(), model);
            }
            case 4 -> {
                long v = switch (random.nextInt(4)) {
                    case 0 -> Long.MIN_VALUE;
                    case 1 -> Long.MAX_VALUE;
                    case 2 -> random.nextInt(2001) - 1000;
                    default -> random.nextLong();
                };
                out.appendLong(v);
                model.append(v);
            }
            default -> {
                double d = random.nextInt(2) == 0 ? (random.nextInt(200001) - 100000) / 100.0 : random.nextGaussian() * 1e9;
                out.appendDouble(d);
                FloatFormat.appendRepr(model, d);
            }
        }
    }

    @Test
    void sameTextAsAStringBuilder() {
        Random random = new Random(13);
        StringOutput reused = new StringOutput();
        for (int k = 0; k < 2000; k++) {
            StringOutput out = k % 2 == 0 ? new StringOutput() : reused;
            out.clear();
            StringBuilder model = new StringBuilder();
            // Latin-1 only for a while (the byte path), then anything (the switch to chars)
            int latin = random.nextInt(8);
            int steps = latin + random.nextInt(8);
            for (int i = 0; i < steps; i++) {
                step(random, out, model, i >= latin);
                assertEquals(model.length(), out.written());
            }
            assertSameText(model.toString(), out.toString());
        }
    }

    /** Equal, or a message showing where they first differ. */
    private static void assertSameText(String expected, String actual) {
        int i = 0;
        while (i < Math.min(expected.length(), actual.length()) && expected.charAt(i) == actual.charAt(i)) {
            i++;
        }
        int from = Math.max(0, i - 20);
        assertEquals(expected, actual, "first difference at " + i + ": expected ..."
                + visible(expected.substring(from, Math.min(expected.length(), i + 20))) + "... got ..."
                + visible(actual.substring(from, Math.min(actual.length(), i + 20))) + "...");
    }

    private static String visible(String s) {
        return s.replace("\0", "\\0");
    }

    @Test
    void escapesShortAndLongTextAndGrows() {
        StringOutput out = new StringOutput();
        String shortText = "Johnson & Johnson <b>vip</b> \"x\" 'y'\0!";
        String escaped = "Johnson &amp; Johnson &lt;b&gt;vip&lt;/b&gt; &quot;x&quot; &#39;y&#39;!";
        for (int i = 0; i < 100; i++) {
            out.appendEscaped(shortText, JavaEscaper.INSTANCE);
        }
        out.appendEscaped(shortText.repeat(3), JavaEscaper.INSTANCE);
        out.appendEscaped("Zürich & Köln", JavaEscaper.INSTANCE);
        assertEquals(escaped.repeat(103) + "Zürich &amp; Köln", out.toString());
        out.appendEscaped("€ & <", JavaEscaper.INSTANCE);
        out.append("!");
        assertEquals(escaped.repeat(103) + "Zürich &amp; Köln€ &amp; &lt;!", out.toString());
        out.clear();
        out.appendEscaped("a<b", JavaEscaper.INSTANCE);
        assertEquals("a&lt;b", out.toString());
        assertEquals(6, out.written());
    }

    @Test
    void writesIntoTheCallersBuilder() {
        StringBuilder sb = new StringBuilder("before|");
        StringOutput out = new StringOutput(sb);
        out.appendEscaped("a & b", JavaEscaper.INSTANCE);
        out.appendLong(-42);
        out.appendDouble(2.5);
        out.append("€");
        assertEquals("before|a &amp; b-422.5€", sb.toString());
        assertEquals(sb.toString(), out.toString());
    }
}
