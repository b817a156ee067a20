package dev.kida.engine;

import dev.kida.api.KidaException;
import dev.kida.api.escape.Availability;
import dev.kida.api.escape.Escaper;
import dev.kida.api.escape.EscaperProvider;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Which escaper is used and why, and that a present but unavailable backend is not passed over silently. */
class EscapersExplainTest {
    private static EscaperProvider java() {
        return Escapers.providers().stream().filter(p -> p.name().equals("java")).findFirst().orElseThrow();
    }

    private record Fake(String name, int priority, Availability availability, int minLength) implements EscaperProvider {
        @Override
        public Escaper escaper() {
            return java().escaper();
        }
    }

    @Test
    void anUnavailableBackendIsReportedWithItsReasonAndLoggedOnce() {
        Fake broken = new Fake("explain-test-broken", 30, Availability.no("needs --add-modules jdk.incubator.vector"), 0);
        Fake fast = new Fake("explain-test-fast", 20, Availability.yes(), 64);
        assertFalse(Escapers.loggedUnavailable(broken.name()));

        Escapers.Selection selection = Escapers.explain(List.of(broken, fast, java()), null);

        assertEquals("explain-test-fast", selection.provider().name());
        assertEquals(Map.of("explain-test-broken", "needs --add-modules jdk.incubator.vector"), selection.unavailable());
        assertTrue(selection.reason().contains("highest priority (20)"), selection.reason());
        assertTrue(selection.reason().contains("shorter than 64 chars go to the built-in java escaper"), selection.reason());
        assertTrue(selection.toString().contains("explain-test-broken is unavailable: needs --add-modules"),
                selection.toString());
        assertTrue(Escapers.loggedUnavailable(broken.name()), "the fallback was logged");
        assertFalse(Escapers.loggedUnavailable(fast.name()));
    }

    @Test
    void aForcedBackendSaysItWasForced() {
        Escapers.Selection selection = Escapers.explain(List.of(java()), "java");
        assertEquals("java", selection.provider().name());
        assertEquals("forced by Environment.Builder.escaper(\"java\")", selection.reason());
        assertTrue(selection.unavailable().isEmpty());
    }

    @Test
    void forcingAnUnavailableOrUnknownBackendFailsWithTheReason() {
        Fake broken = new Fake("explain-test-forced", 30, Availability.no("no library for this platform"), 0);
        KidaException e = assertThrows(KidaException.class, () -> Escapers.explain(List.of(broken, java()), broken.name()));
        assertTrue(e.getMessage().contains("no library for this platform"), e.getMessage());
        KidaException unknown = assertThrows(KidaException.class, () -> Escapers.explain(List.of(java()), "nope"));
        assertTrue(unknown.getMessage().contains("found: [java]"), unknown.getMessage());
    }

    @Test
    void theDefaultChoiceOfThisEnvironmentIsOneCallAway() {
        Escapers.Selection selection = Escapers.explain(null);
        assertEquals(Environment.builder().build().escaperName(), selection.provider().name());
        assertFalse(selection.reason().isEmpty());
    }

    @Test
    void aBackendThatCannotLoadIsLeftOutNotFatal() {
        // What ServiceLoader does on a JDK 21 for ffi, whose classes are of release 22: the step
        // that meets it throws, the next one goes on.
        Fake fast = new Fake("load-test-fast", 20, Availability.yes(), 64);
        java.util.Iterator<EscaperProvider> found = new java.util.Iterator<>() {
            private int step;

            @Override
            public boolean hasNext() {
                return step < 3;
            }

            @Override
            public EscaperProvider next() {
                switch (step++) {
                    case 0:
                        return java();
                    case 1:
                        throw new java.util.ServiceConfigurationError("dev.kida.api.escape.EscaperProvider: Provider "
                                + "dev.kida.escape.ffi.FfiEscaperProvider could not be instantiated",
                                new UnsupportedClassVersionError("class file version 66.0"));
                    default:
                        return fast;
                }
            }
        };
        List<EscaperProvider> loaded = Escapers.load(found);
        assertEquals(List.of("load-test-fast", "java"), loaded.stream().map(EscaperProvider::name).toList());
    }
}
