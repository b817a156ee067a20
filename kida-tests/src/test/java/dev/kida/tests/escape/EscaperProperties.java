package dev.kida.tests.escape;

import dev.kida.api.escape.EscaperProvider;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

/**
 * Every available escaper backend gives exactly the bytes of {@link ReferenceEscaper}, through
 * both of its entry points, on ASCII prose, text dense in specials, arbitrary UTF-16 (astral
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
                    }
                }
            }
        }
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
