package dev.kida.engine.runtime;

import dev.kida.api.Markup;
import dev.kida.api.RuntimeErrorKind;
import dev.kida.api.TemplateRuntimeException;
import dev.kida.engine.runtime.value.Tuple;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * Sequence repetition ({@code seq * n}); expectations are CPython's (Jinja2 3.1.6 prints
 * {@code []}, {@code ''}, {@code (1, 2, 1, 2)} and raises MemoryError/OverflowError as noted).
 * The timeout only guards against a hang: an empty sequence times 10**18 once looped 10**18 times.
 */
class RepeatTest {
    private static final long HUGE = 1_000_000_000_000_000_000L;

    @Test
    void anEmptySequenceTimesAHugeCountIsEmptyAtOnce() {
        assertTimeoutPreemptively(Duration.ofMinutes(1), () -> {
            assertEquals(List.of(), Arithmetic.mul(HUGE, List.of()));
            assertEquals("", Arithmetic.mul("", HUGE));
            assertEquals(Markup.of(""), Arithmetic.mul(Markup.of(""), HUGE));
            assertEquals(Tuple.of(), Arithmetic.mul(Tuple.of(), HUGE));
        });
    }

    @Test
    void repeatsAsPython() {
        assertEquals(List.of(1L, 2L, 1L, 2L, 1L, 2L), Arithmetic.mul(List.of(1L, 2L), 3L));
        assertEquals(Tuple.of(1L, 2L, 1L, 2L), Arithmetic.mul(2L, Tuple.of(1L, 2L)));
        assertEquals("ababab", Arithmetic.mul("ab", 3L));
        assertEquals("", Arithmetic.mul("ab", -3L));
        assertEquals(List.of(), Arithmetic.mul(List.of(1L), 0L));
    }

    @Test
    void aResultNoArrayHoldsIsAMemoryErrorEvenWhereLengthTimesCountOverflowsALong() {
        for (Object seq : List.of(List.of(1L, 2L), "ab", Markup.of("ab"))) {
            for (long n : new long[] {1L << 31, 1L << 62, Long.MAX_VALUE}) {
                TemplateRuntimeException e = assertThrows(TemplateRuntimeException.class,
                        () -> Arithmetic.mul(seq, n));
                assertEquals(RuntimeErrorKind.MEMORY_ERROR, e.kind(), seq + " * " + n);
            }
        }
    }
}
