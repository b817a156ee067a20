package dev.kida.tests.escape;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/** jqwik arbitraries over {@link TextKind}s. */
final class Texts {
    static final int MIB = 1 << 20;

    private Texts() {
    }

    /**
     * Text of every kind, mostly short (vector tails, chunk edges), sometimes up to 1 MiB chars.
     * Lengths around the backends' chunk sizes (2 Ki, 4 Ki, 8 Ki) are drawn deliberately.
     */
    static Arbitrary<String> anyText() {
        Arbitrary<Integer> lengths = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(10, Arbitraries.integers().between(0, 80)),
                net.jqwik.api.Tuple.of(6, Arbitraries.integers().between(81, 3000)),
                net.jqwik.api.Tuple.of(3, Arbitraries.of(2047, 2048, 2049, 4095, 4096, 4097, 8191, 8192,
                        8193, 16385)),
                net.jqwik.api.Tuple.of(1, Arbitraries.integers().between(3001, 70_000)));
        return text(lengths);
    }

    /** Large text, 64 Ki to 1 Mi chars: few tries, to keep the suite fast. */
    static Arbitrary<String> largeText() {
        return text(Arbitraries.integers().between(1 << 16, MIB));
    }

    /** Text of the given lengths with no special character at all. */
    static Arbitrary<String> cleanText() {
        return anyText().map(s -> s.replaceAll("[&<>\"'\\x00]", "_"));
    }

    private static Arbitrary<String> text(Arbitrary<Integer> lengths) {
        return Combinators.combine(Arbitraries.of(TextKind.class), lengths, Arbitraries.longs().withoutEdgeCases())
                .as((kind, length, seed) -> kind.generate(length, seed));
    }
}
