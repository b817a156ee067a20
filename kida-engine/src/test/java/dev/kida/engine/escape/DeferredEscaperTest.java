package dev.kida.engine.escape;

import dev.kida.api.escape.Availability;
import dev.kida.api.escape.Escaper;
import dev.kida.api.escape.EscaperProvider;
import org.junit.jupiter.api.Test;

import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DeferredEscaperTest {

    /** A backend that counts its starts and marks what it escaped, to see who did the work. */
    private static final class CountingProvider implements EscaperProvider {
        final AtomicInteger starts = new AtomicInteger();
        final boolean fails;

        CountingProvider(boolean fails) {
            this.fails = fails;
        }

        @Override
        public String name() {
            return "counting";
        }

        @Override
        public int priority() {
            return 5;
        }

        @Override
        public Availability availability() {
            return Availability.yes();
        }

        @Override
        public int minLength() {
            return 10;
        }

        @Override
        public Escaper escaper() {
            starts.incrementAndGet();
            if (fails) {
                throw new IllegalStateException("no vectors here");
            }
            return new Escaper() {
                @Override
                public String escape(String text) {
                    return "[" + JavaEscaper.INSTANCE.escape(text) + "]";
                }

                @Override
                public void escapeTo(String text, StringBuilder out) {
                    out.append(escape(text));
                }
            };
        }
    }

    @Test
    void shortStringsNeverStartTheBackend() {
        var provider = new CountingProvider(false);
        var escaper = new DeferredEscaper(provider, null);
        StringBuilder out = new StringBuilder();
        escaper.escapeTo("a<b", out);
        assertEquals("a&lt;b", out.toString());
        assertEquals("12345678&amp;", escaper.escape("12345678&"), "9 chars, one below the threshold");
        assertEquals(0, provider.starts.get());
        assertFalse(escaper.started());
    }

    @Test
    void theFirstLongStringStartsItOnce() {
        var provider = new CountingProvider(false);
        var escaper = new DeferredEscaper(provider, null);
        assertEquals("[0123456789]", escaper.escape("0123456789"));
        StringBuilder out = new StringBuilder();
        escaper.escapeTo("<0123456789>", out);
        assertEquals("[&lt;0123456789&gt;]", out.toString());
        assertEquals("short", escaper.escape("short"));
        assertEquals(1, provider.starts.get());
        assertTrue(escaper.started());
    }

    @Test
    void aBackendThatCannotStartLeavesJavaInItsPlace() {
        var provider = new CountingProvider(true);
        var escaper = new DeferredEscaper(provider, null);
        assertEquals("&lt;0123456789&gt;", escaper.escape("<0123456789>"));
        assertEquals("&lt;0123456789&gt;", escaper.escape("<0123456789>"));
        assertEquals(1, provider.starts.get(), "a failed start is not retried at every string");
    }
}
