package dev.kida.escape.simd;

import dev.kida.api.escape.Availability;
import dev.kida.api.escape.Escaper;
import dev.kida.api.escape.EscaperProvider;

/**
 * Registers {@link SimdEscaper} under the name {@code simd}. It is available when the Vector API
 * links and its preferred species holds at least {@value #MIN_LANES} chars (128-bit vectors):
 * on narrower machines the API falls back to scalar code that is slower than plain Java.
 */
public final class SimdEscaperProvider implements EscaperProvider {
    static final int MIN_LANES = 8;

    @Override
    public String name() {
        return "simd";
    }

    @Override
    public int priority() {
        return 20;
    }

    @Override
    public Availability availability() {
        return Check.RESULT;
    }

    @Override
    public Escaper escaper() {
        Availability a = availability();
        if (!a.available()) {
            throw new IllegalStateException("escaper 'simd' is not available: " + a.reason());
        }
        return SimdEscaper.INSTANCE;
    }

    /** Computed once: touching the vector classes is deferred until someone asks. */
    private static final class Check {
        static final Availability RESULT = check();

        private static Availability check() {
            int lanes;
            try {
                lanes = SimdEscaper.lanes();
            } catch (LinkageError | RuntimeException e) {
                return Availability.no("the Vector API (jdk.incubator.vector) cannot be used: " + e);
            }
            if (lanes < MIN_LANES) {
                return Availability.no("the preferred vector species holds only " + lanes
                        + " chars (at least " + MIN_LANES + " needed): no usable SIMD on this CPU");
            }
            return Availability.yes();
        }
    }
}
