package dev.kida.engine.runtime.kida;

import java.util.regex.Pattern;

/** Kida's {@code spaceless}: the whitespace rule, one definition for both backends. */
public final class Spaceless {
    private static final Pattern BETWEEN_TAGS = Pattern.compile(">\\s+<");

    private Spaceless() {
    }

    /**
     * Removes every run of whitespace that sits between a {@code >} and a {@code <}, and the
     * whitespace at both ends; whitespace next to text stays.
     */
    public static String apply(String html) {
        return BETWEEN_TAGS.matcher(html).replaceAll("><").strip();
    }
}
