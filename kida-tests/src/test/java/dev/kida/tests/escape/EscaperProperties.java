package dev.kida.tests.escape;

import dev.kida.api.escape.EscaperProvider;
import net.jqwik.api.Arbitrary;
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
