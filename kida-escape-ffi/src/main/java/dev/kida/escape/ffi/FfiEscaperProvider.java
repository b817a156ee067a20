package dev.kida.escape.ffi;

import dev.kida.api.escape.Availability;
import dev.kida.api.escape.Escaper;
import dev.kida.api.escape.EscaperProvider;

/**
 * Registers {@link FfiEscaper} under the name {@code ffi}. {@link #availability()} checks that
 * the jar holds a native library for this platform; extracting and loading it (a few tens of
 * milliseconds) waits for the first {@link #escaper()} call, which the engine makes when it first
 * meets a string of {@link #minLength()} chars, and which fails with the reason when the library
 * does not load.
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
        return LibraryResource.check();
    }

    @Override
    public int minLength() {
        return FfiEscaper.NATIVE_THRESHOLD;
    }

    @Override
    public Escaper escaper() {
        Availability a = availability();
        if (a.available()) {
            a = NativeKernels.availability();
        }
        if (!a.available()) {
            throw new IllegalStateException("escaper 'ffi' is not available: " + a.reason());
        }
        return FfiEscaper.INSTANCE;
    }
}
