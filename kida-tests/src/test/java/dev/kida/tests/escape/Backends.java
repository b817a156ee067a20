package dev.kida.tests.escape;

import dev.kida.api.escape.EscaperProvider;
import dev.kida.engine.Escapers;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;

import java.util.List;

/** The escaper backends found on the test module path. */
final class Backends {
    private Backends() {
    }

    static List<EscaperProvider> available() {
        return Escapers.providers().stream().filter(p -> p.availability().available()).toList();
    }

    /** Every available backend. */
    static Arbitrary<EscaperProvider> anyAvailable() {
        return Arbitraries.of(available());
    }
}
