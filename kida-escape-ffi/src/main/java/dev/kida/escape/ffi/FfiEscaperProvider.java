package dev.kida.escape.ffi;

import dev.kida.api.escape.Availability;
import dev.kida.api.escape.Escaper;
import dev.kida.api.escape.EscaperProvider;

/**
 * Registers {@link FfiEscaper} under the name {@code ffi}. It is available when the native
 * library for this platform is in the jar and loads; otherwise the reason says which step failed.
 */
public final class FfiEscaperProvider implements EscaperProvider {
    @Override
    public String name() {
        return "ffi";
    }

    @Override
    public int priority() {
        return 10;
    }

    @Override
    public Availability availability() {
        return NativeKernels.availability();
    }

    @Override
    public Escaper escaper() {
        Availability a = availability();
        if (!a.available()) {
            throw new IllegalStateException("escaper 'ffi' is not available: " + a.reason());
        }
        return FfiEscaper.INSTANCE;
    }
}
