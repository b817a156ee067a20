package dev.kida.api;

import java.util.Locale;

/**
 * What a missing name or attribute evaluates to: Jinja2's four undefined classes. Chosen per
 * environment with the environment builder ({@code Environment.builder().undefined(...)}); {@link #STRICT} is
 * Kida for Java's default (Jinja2's own default is {@link #DEFAULT}).
 *
 * <p>Whatever the kind, {@code is defined}, {@code is undefined} and the {@code default} filter
 * see the value, and arithmetic, calls and ordering comparisons on it raise
 * {@link UndefinedException}.
 */
public enum UndefinedKind {
    /**
     * Jinja2's {@code Undefined}: prints as the empty string, iterates as empty, has length 0, is
     * false and equals only another value of the same kind; an attribute or item of it raises.
     */
    DEFAULT("Undefined"),
    /** Jinja2's {@code ChainableUndefined}: like {@link #DEFAULT}, but attributes and items of it are itself. */
    CHAINABLE("ChainableUndefined"),
    /**
     * Jinja2's {@code DebugUndefined}: like {@link #DEFAULT}, but prints what was missing:
     * {@code {{ name }}}, {@code {{ no such element: dict object['key'] }}}.
     */
    DEBUG("DebugUndefined"),
    /** Jinja2's {@code StrictUndefined}: printing, iterating, truth, length and equality raise too. */
    STRICT("StrictUndefined");

    private final String jinjaName;

    UndefinedKind(String jinjaName) {
        this.jinjaName = jinjaName;
    }

    /** The name of the Jinja2 class this kind behaves as, e.g. {@code ChainableUndefined}. */
    public String jinjaName() {
        return jinjaName;
    }

    /**
     * The kind for a Jinja2 class name ({@code Undefined}, {@code ChainableUndefined},
     * {@code DebugUndefined}, {@code StrictUndefined}; a {@code jinja2.} prefix is accepted).
     *
     * @throws IllegalArgumentException for another name, listing the accepted ones
     */
    public static UndefinedKind ofJinjaName(String name) {
        String bare = name.replaceFirst("^jinja2\\.(runtime\\.)?", "");
        for (UndefinedKind k : values()) {
            if (k.jinjaName.equals(bare) || k.name().equals(bare.toUpperCase(Locale.ROOT))) {
                return k;
            }
        }
        throw new IllegalArgumentException("unknown undefined kind '" + name
                + "'; use Undefined, ChainableUndefined, DebugUndefined or StrictUndefined");
    }
}
