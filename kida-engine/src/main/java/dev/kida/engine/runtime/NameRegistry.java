package dev.kida.engine.runtime;

/**
 * What the {@code filter} and {@code test} tests need to know: whether a name is registered.
 * The engine's {@link dev.kida.api.CallContext} implements it.
 */
public interface NameRegistry {
    /** Whether a filter of this name exists (built-in or user-registered). */
    boolean hasFilter(String name);

    /** Whether a test of this name exists (built-in or user-registered). */
    boolean hasTest(String name);
}
