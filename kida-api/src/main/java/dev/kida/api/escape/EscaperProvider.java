package dev.kida.api.escape;

/**
 * A pluggable escaping backend, found with {@link java.util.ServiceLoader}. The engine asks every
 * provider on the module path whether it is available and uses the one of highest priority,
 * unless a name is forced by configuration.
 */
public interface EscaperProvider {
    /** A short unique name, such as {@code java}, {@code simd} or {@code ffi}. */
    String name();

    /** Higher wins when no name is forced. The pure-Java default has priority 0. */
    int priority();

    /**
     * Whether this backend can run in this JVM on this machine, and if not, why. Cheap to call
     * more than once; the result does not change during the JVM's life.
     */
    Availability availability();

    /**
     * The escaper. Only called when {@link #availability()} says available.
     *
     * @throws IllegalStateException when the backend is not available
     */
    Escaper escaper();
}
