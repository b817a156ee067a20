package dev.kida.api;

/**
 * A function callable from templates by name, like {@code range(3)}. Implementations must be
 * thread-safe.
 */
@FunctionalInterface
public interface GlobalFunction {
    /** Calls the function with the template's arguments. */
    Object call(CallContext context, Arguments args);
}
