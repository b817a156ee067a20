package dev.kida.api.escape;

import java.util.Objects;

/**
 * Whether an escaper backend can run here; when not, the reason in words a user can act on.
 *
 * @param available whether the backend can be used
 * @param reason    why not (empty when available)
 */
public record Availability(boolean available, String reason) {
    /** Checks that a reason is given (empty when available). */
    public Availability {
        Objects.requireNonNull(reason, "reason");
    }

    private static final Availability AVAILABLE = new Availability(true, "");

    /** The backend can be used. */
    public static Availability yes() {
        return AVAILABLE;
    }

    /** The backend cannot be used, for the given reason. */
    public static Availability no(String reason) {
        return new Availability(false, reason);
    }
}
