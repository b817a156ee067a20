package dev.kida.escape.simd;

import dev.kida.api.escape.Availability;
import dev.kida.api.escape.Escaper;
import dev.kida.api.escape.EscaperProvider;

/**
 * Registers {@link SimdEscaper} under the name {@code simd}. {@link #availability()} only checks
 * that the module {@code jdk.incubator.vector} is resolved: initialising the Vector API costs
 * tens of milliseconds, paid by {@link #escaper()} when the engine first meets a string of
 * {@link #minLength()} chars. That first call also checks that the preferred species holds at
 * least {@value #MIN_LANES} chars (128-bit vectors): on narrower machines the API falls back to
 * scalar code that is slower than plain Java, and the call fails with the reason.
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

    /**
     * Strings shorter than this stay with the engine's Java escaper: below about 64 chars the
     * vector set-up costs as much as it saves (the same crossing measured for {@code ffi}).
     */
    static final int MIN_LENGTH = 64;

    @Override
    public Availability availability() {
        ModuleLayer layer = getClass().getModule().getLayer();
        boolean linked = (layer != null ? layer : ModuleLayer.boot())
                .findModule("jdk.incubator.vector").isPresent();
        return linked ? Availability.yes() : Availability.no("the module jdk.incubator.vector is not "
                + "resolved (on the class path add --add-modules jdk.incubator.vector)");
    }

    @Override
    public int minLength() {
        return MIN_LENGTH;
    }

    @Override
    public Escaper escaper() {
        Availability a = availability();
        if (a.available()) {
            a = Check.RESULT;
        }
        if (!a.available()) {
            throw new IllegalStateException("escaper 'simd' is not available: " + a.reason());
        }
        return SimdEscaper.INSTANCE;
    }

    /** Computed once, at the first {@link #escaper()} call: this is what starts the Vector API. */
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
