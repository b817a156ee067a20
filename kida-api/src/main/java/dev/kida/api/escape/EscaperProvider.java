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
     *
     * <p>It must not start the backend's machinery (vector classes, native libraries): the
     * engine asks every provider when an environment is built, also in processes that never
     * escape a long string. A problem that only shows when the machinery starts is reported
     * by {@link #escaper()} throwing.
     */
    Availability availability();

    /**
     * The shortest string worth this backend. The engine escapes shorter strings with its
     * built-in {@code java} backend and calls {@link #escaper()} only when it first meets a
     * string at least this long, so a process whose strings are all shorter never starts the
     * backend. 0 (the default) means from the first string.
     */
    default int minLength() {
        return 0;
    }

    /**
     * The escaper, starting the backend's machinery on the first call. Only called when
     * {@link #availability()} says available.
     *
     * @throws IllegalStateException when the backend is not available, or cannot start (the
     *                               message says why)
     */
    Escaper escaper();
}
