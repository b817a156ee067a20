package dev.kida.compiler.output;

/** Receivers of different classes with the same attributes, for call-site tests. */
public final class SiteReceivers {
    private SiteReceivers() {
    }

    /** A record whose {@code price} is a double. */
    public record Priced(String name, double price) {
    }

    /** A record whose {@code price} is a long and whose {@code name} may need escaping. */
    public record Counted(String name, long price) {
    }
}
