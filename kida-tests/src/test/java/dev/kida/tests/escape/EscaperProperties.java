package dev.kida.tests.escape;

import dev.kida.api.escape.EscaperProvider;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

import dev.kida.api.escape.Escaper;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every available escaper backend gives exactly the bytes of {@link ReferenceEscaper}, through
 * its three entry points (a String, into a builder, into an output's bytes), on ASCII prose, text dense in specials, arbitrary UTF-16 (astral
 * pairs, lone surrogates, NUL) and wide prose, from empty strings to 1 MiB.
 */
class EscaperProperties {

    @Property(tries = 400)
    void escapeEqualsTheReference(@ForAll("backends") EscaperProvider backend, @ForAll("texts") String text) {
        assertEquals(ReferenceEscaper.escape(text), backend.escaper().escape(text), backend.name());
    }

    @Property(tries = 400)
    void escapeToAppendsTheReference(@ForAll("backends") EscaperProvider backend, @ForAll("texts") String text) {
        // A non-Latin-1 prefix makes the builder UTF-16 first; both builder states must work.
        String prefix = text.length() % 2 == 0 ? "<pre>" : "\u20ac";
        StringBuilder out = new StringBuilder(prefix);
        backend.escaper().escapeTo(text, out);
        assertEquals(prefix + ReferenceEscaper.escape(text), out.toString(), backend.name());
    }

    @Property(tries = 12)
    void largeTextEqualsTheReference(@ForAll("backends") EscaperProvider backend, @ForAll("largeTexts") String text) {
        String expected = ReferenceEscaper.escape(text);
        assertEquals(expected, backend.escaper().escape(text), backend.name());
        StringBuilder out = new StringBuilder();
        backend.escaper().escapeTo(text, out);
        assertEquals(expected, out.toString(), backend.name());
    }

    @Property(tries = 300)
    void cleanTextComesBackAsTheSameInstance(@ForAll("backends") EscaperProvider backend,
                                             @ForAll("cleanTexts") String text) {
        assertSame(text, backend.escaper().escape(text), backend.name());
    }

    @Property(tries = 300)
    void textNeedingEscapesComesBackAsANewString(@ForAll("backends") EscaperProvider backend,
                                                 @ForAll("texts") String text) {
        String escaped = backend.escaper().escape(text);
        if (ReferenceEscaper.needsEscaping(text)) {
            assertNotSame(text, escaped, backend.name());
        } else {
            assertSame(text, escaped, backend.name());
        }
    }

    /**
     * Each special char (and NUL) alone, in pairs and in runs, at every position of the first
     * vectors and chunk edges, with a clean or a special char first: the vector kernels store a
     * vector again after each special, shifted by the replacement's length (a NUL in lane 0
     * shifts it before the output's start), so every lane and every neighbour counts.
     */
    @Example
    void everySpecialAtEveryLaneGivesTheReference() {
        String specials = "&<>\"'\0";
        for (EscaperProvider backend : Backends.available()) {
            var escaper = backend.escaper();
            for (int length : new int[] {64, 65, 97, 130, 4095, 4097}) {
                for (int at = 0; at < Math.min(length, 140); at++) {
                    for (int k = 0; k < specials.length(); k++) {
                        char c = specials.charAt(k);
                        char d = specials.charAt((k + at) % specials.length());
                        char[] a = "abcdefghij".repeat(length / 10 + 1).substring(0, length).toCharArray();
                        a[at] = c;
                        if (at + 1 < length) {
                            a[at + 1] = at % 3 == 0 ? c : d;
                        }
                        if (at % 5 == 0) {
                            a[0] = '\0';
                        }
                        for (int r = at + 2; r < Math.min(length, at + 2 + at % 7); r++) {
                            a[r] = specials.charAt((r + k) % specials.length());
                        }
                        String text = new String(a);
                        String expected = ReferenceEscaper.escape(text);
                        assertEquals(expected, escaper.escape(text), backend.name() + " at " + at);
                        StringBuilder out = new StringBuilder();
                        escaper.escapeTo(text, out);
                        assertEquals(expected, out.toString(), backend.name() + " escapeTo at " + at);
                        for (Charset charset : CHARSETS) {
                            checkEscapeInto(backend, text, at % 3, charset);
                        }
                    }
                }
            }
        }
    }

    private static final Charset[] CHARSETS = {StandardCharsets.ISO_8859_1, StandardCharsets.UTF_8};

    @Property(tries = 600)
    void escapeIntoWritesTheReferenceBytes(@ForAll("backends") EscaperProvider backend, @ForAll("texts") String text,
                                           @ForAll boolean utf8, @ForAll @IntRange(max = 70) int at) {
        checkEscapeInto(backend, text, at, utf8 ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1);
    }

    /**
     * Texts whose one wide char (or {@code '?'}, or a char 0x80-0xFF) sits at every position
     * around the vector and chunk edges: the byte entry point must stop exactly before the first
     * char its output cannot take as one byte, and never take a char whose low byte (or whose
     * {@code '?'} stand-in) looks like something else for it.
     */
    @Example
    void escapeIntoStopsExactlyAtTheFirstCharTheOutputCannotTake() {
        char[] odd = {'\u0126', '\u013f', '\u0100', '\u2019', '\ud83d', '\ude00', '?', '\u00e9', '\u00ff', '&', '\0'};
        for (EscaperProvider backend : Backends.available()) {
            for (int length : new int[] {64, 100, 200, 4100}) {
                for (int at = 0; at < length; at += at < 140 ? 1 : 397) {
                    for (char c : odd) {
                        char[] a = "Lorem ipsum dolor sit amet? ".repeat(length / 28 + 1).substring(0, length).toCharArray();
                        a[at] = c;
                        if (c == '\ud83d' && at + 1 < length) {
                            a[at + 1] = '\ude00';
                        }
                        String text = new String(a);
                        for (Charset charset : CHARSETS) {
                            checkEscapeInto(backend, text, at % 5, charset);
                        }
                    }
                }
            }
        }
    }

    /**
     * Runs {@code escapeInto} over a buffer of garbage with exactly {@link Escaper#room} from
     * {@code at}, and checks: the bytes before {@code at} are untouched; the bytes written are
     * the reference escape of the chars done, one byte each; the chars done stop at or before the
     * first char above the charset's byte range (exactly there for the vector backends, which
     * have the byte path up to 64 Ki chars; the String-based default may stop at 0 when it
     * escaped something).
     */
    private static void checkEscapeInto(EscaperProvider backend, String text, int at, Charset charset) {
        int max = charset == StandardCharsets.UTF_8 ? 0x7F : 0xFF;
        byte[] dst = new byte[at + Escaper.room(text.length())];
        new SplittableRandom(text.length() * 31L + at).nextBytes(dst);
        byte[] before = Arrays.copyOf(dst, at);
        long r = backend.escaper().escapeInto(text, dst, at, charset);
        int done = Escaper.charsDone(r);
        int end = Escaper.bytesEnd(r);
        int limit = 0;
        while (limit < text.length() && text.charAt(limit) <= max) {
            limit++;
        }
        String where = backend.name() + " " + charset + " at " + at + ", length " + text.length();
        assertTrue(done >= 0 && done <= limit, where + ": chars done " + done + ", first beyond " + limit);
        // The vector backends' byte path takes texts up to 64 Ki chars; longer ones go through the
        // String-based default (BulkEscaper.escapeInto), which may stop at 0 like java's.
        if (!backend.name().equals("java") && text.length() <= 1 << 16) {
            assertEquals(limit, done, where + ": chars done");
        }
        assertTrue(Arrays.equals(before, Arrays.copyOf(dst, at)), where + ": bytes before the start changed");
        String expected = ReferenceEscaper.escape(text.substring(0, done));
        assertEquals(expected, new String(dst, at, end - at, StandardCharsets.ISO_8859_1), where);
    }

    @Provide
    Arbitrary<EscaperProvider> backends() {
        return Backends.anyAvailable();
    }

    @Provide
    Arbitrary<String> texts() {
        return Texts.anyText();
    }

    @Provide
    Arbitrary<String> largeTexts() {
        return Texts.largeText();
    }

    @Provide
    Arbitrary<String> cleanTexts() {
        return Texts.cleanText();
    }
}
