package dev.kida.api;

/**
 * A test: {@code value is name(args)}. Implementations must be thread-safe.
 */
@FunctionalInterface
public interface Test {
    /**
     * @param context the engine's services for this call
     * @param value   the value left of {@code is}
     * @param args    the test's arguments, possibly none
     */
    boolean test(CallContext context, Object value, Arguments args);
}
