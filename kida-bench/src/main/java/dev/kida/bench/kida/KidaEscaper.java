package dev.kida.bench.kida;

import dev.kida.engine.Environment;

/**
 * The escaper backends Kida is benchmarked with, by their provider name. Every constant is a JMH
 * parameter value of the Kida benchmarks, so another backend is one line here, e.g.
 * {@code SIMD("simd"),}; a backend that is not available on the machine fails its benchmark's
 * setup with the reason, and JMH goes on with the others.
 */
public enum KidaEscaper {
    /** The pure-Java escaper, always available. */
    JAVA("java"),
    /** The Vector API escaper (needs {@code --add-modules jdk.incubator.vector} on the class path). */
    SIMD("simd"),
    /** The native escaper (runs with {@code --enable-native-access=ALL-UNNAMED}). */
    FFI("ffi"),
    /**
     * Nothing forced: what an application gets by default, the available backend of highest
     * priority for long strings and {@code java} below its measured threshold (simd on this class
     * path, with {@code --add-modules jdk.incubator.vector}).
     */
    AUTO(null);

    private final String providerName;

    KidaEscaper(String providerName) {
        this.providerName = providerName;
    }

    /** Forces this backend on the builder ({@link #AUTO}: leaves the choice to the engine). */
    public Environment.Builder apply(Environment.Builder builder) {
        return providerName == null ? builder : builder.escaper(providerName);
    }
}
