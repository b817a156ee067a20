package dev.kida.api.escape;

/**
 * The escaping rule itself, char at a time, for {@link Escaper} backends: which characters are
 * special, what replaces them, and a scalar loop for short strings and the tails a vector loop
 * leaves. One definition, so that every backend produces the same bytes.
 */
public final class HtmlEscapes {
    /** Bit {@code c} is set for each special character {@code c} (all are below 64). */
    private static final long SPECIALS = 1L | 1L << '"' | 1L << '&' | 1L << '\'' | 1L << '<' | 1L << '>';

    private HtmlEscapes() {
    }

    /** Whether {@code c} is one of {@code & < > " '} or NUL, without a data-dependent branch. */
    public static boolean isSpecial(char c) {
        // (c - 64) >>> 31 is 1 exactly when c < 64; the shift by c uses only its low six bits.
        return ((SPECIALS >>> c) & ((c - 64) >>> 31)) != 0;
    }

    /** The index of the first special character of {@code s}, or -1. */
    public static int firstSpecial(String s) {
        for (int i = 0, n = s.length(); i < n; i++) {
            if (isSpecial(s.charAt(i))) {
                return i;
            }
        }
        return -1;
    }

    /** Appends the escaped form of {@code s[from, to)}. */
    public static void escapeTo(String s, int from, int to, StringBuilder out) {
        int run = from;
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (isSpecial(c)) {
                out.append(s, run, i).append(replacement(c));
                run = i + 1;
            }
        }
        out.append(s, run, to);
    }

    /** The replacement of a special character (empty for NUL). */
    public static String replacement(char c) {
        return switch (c) {
            case '&' -> "&amp;";
            case '<' -> "&lt;";
            case '>' -> "&gt;";
            case '"' -> "&quot;";
            case '\'' -> "&#39;";
            default -> "";
        };
    }

    /** Writes the replacement of special character {@code c} at {@code j}; returns the new end. */
    public static int writeReplacement(char c, char[] out, int j) {
        switch (c) {
            case '&' -> {
                out[j] = '&'; out[j + 1] = 'a'; out[j + 2] = 'm'; out[j + 3] = 'p'; out[j + 4] = ';';
                return j + 5;
            }
            case '<' -> {
                out[j] = '&'; out[j + 1] = 'l'; out[j + 2] = 't'; out[j + 3] = ';';
                return j + 4;
            }
            case '>' -> {
                out[j] = '&'; out[j + 1] = 'g'; out[j + 2] = 't'; out[j + 3] = ';';
                return j + 4;
            }
            case '"' -> {
                out[j] = '&'; out[j + 1] = 'q'; out[j + 2] = 'u'; out[j + 3] = 'o'; out[j + 4] = 't';
                out[j + 5] = ';';
                return j + 6;
            }
            case '\'' -> {
                out[j] = '&'; out[j + 1] = '#'; out[j + 2] = '3'; out[j + 3] = '9'; out[j + 4] = ';';
                return j + 5;
            }
            default -> {
                return j; // NUL is dropped
            }
        }
    }
}
