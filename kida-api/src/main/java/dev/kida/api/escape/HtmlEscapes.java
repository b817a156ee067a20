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

    /** The replacement of each special char as bytes (indexed by the char, all below 64); null for others. */
    private static final byte[][] REPLACEMENT_BYTES = new byte[64][];

    static {
        for (char c = 0; c < 64; c++) {
            if (isSpecial(c)) {
                REPLACEMENT_BYTES[c] = replacement(c).getBytes(java.nio.charset.StandardCharsets.US_ASCII);
            }
        }
    }

    /**
     * Escapes {@code s[from, to)} into {@code dst} from {@code at}, one byte per char, up to the
     * first char above {@code max} (0xFF or 0x7F); returns the result {@link Escaper#escapeInto}
     * returns, counting chars from {@code from}. {@code dst} has room for six bytes per char.
     */
    public static long escapeInto(String s, int from, int to, byte[] dst, int at, int max) {
        int j = at;
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c < 64) {
                byte[] r = REPLACEMENT_BYTES[c];
                if (r == null) {
                    dst[j++] = (byte) c;
                } else {
                    for (byte b : r) {
                        dst[j++] = b;
                    }
                }
            } else if (c <= max) {
                dst[j++] = (byte) c;
            } else {
                return Escaper.result(i - from, j);
            }
        }
        return Escaper.result(to - from, j);
    }

    /**
     * Escapes the bytes {@code src[from, to)} (one char each) into {@code dst} from {@code at};
     * returns the index after the last byte written. {@code dst} has room for six bytes per byte.
     */
    public static int escapeBytes(byte[] src, int from, int to, byte[] dst, int at) {
        int j = at;
        for (int i = from; i < to; i++) {
            int c = src[i] & 0xFF;
            byte[] r = c < 64 ? REPLACEMENT_BYTES[c] : null;
            if (r == null) {
                dst[j++] = (byte) c;
            } else {
                for (byte b : r) {
                    dst[j++] = b;
                }
            }
        }
        return j;
    }
}
