package dev.kida.api;

/**
 * A filter: {@code value|name(args)}. Implementations must be thread-safe; the engine shares one
 * instance between all renders.
 */
@FunctionalInterface
public interface Filter {
    /**
     * @param context the engine's services for this call
     * @param value   the value left of the pipe
     * @param args    the arguments in parentheses, possibly none
     * @return the filtered value; return {@link Markup} to mark HTML as safe
     */
    Object apply(CallContext context, Object value, Arguments args);
}
