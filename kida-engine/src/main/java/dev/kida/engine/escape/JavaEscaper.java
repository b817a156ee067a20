package dev.kida.engine.escape;

import dev.kida.api.escape.Escaper;

/**
 * The pure-Java HTML escaper, always available.
 *
 * <p>The scan tests each char against a 64-bit set of the special characters with no
 * data-dependent branch (prose is full of spaces, digits and punctuation below {@code '>'}, so a
 * {@code c <= '>'} pre-test mispredicts often). Once a special character is found, the rest is
 * escaped chunk by chunk into a per-thread char buffer and appended in one go: appending short
 * runs and replacement strings one by one costs more than the escaping in dense text.
 */
public final class JavaEscaper implements Escaper {
    public static final JavaEscaper INSTANCE = new JavaEscaper();

    /** Bit {@code c} is set for each special character {@code c} (all are below 64). */
    private static final long SPECIALS = 1L | 1L << '"' | 1L << '&' | 1L << '\'' | 1L << '<' | 1L << '>';

    /** Chars escaped per chunk; the output chunk is six times larger (the longest replacement). */
    private static final int CHUNK = 2048;

    private static final ThreadLocal<char[][]> SCRATCH =
            ThreadLocal.withInitial(() -> new char[][] {new char[CHUNK], new char[CHUNK * 6]});

    private JavaEscaper() {
    }

    @Override
    public String escape(String text) {
        int first = firstSpecial(text);
        if (first < 0) {
            return text;
        }
        int n = text.length();
        StringBuilder sb = new StringBuilder(n + (n >> 3) + 16);
        sb.append(text, 0, first);
        escapeFrom(text, first, sb);
        return sb.toString();
    }

    @Override
    public void escapeTo(String text, StringBuilder out) {
        int first = firstSpecial(text);
        if (first < 0) {
            out.append(text);
            return;
        }
        out.append(text, 0, first);
        escapeFrom(text, first, out);
    }

    /** Whether {@code c} is one of {@code & < > " '} or NUL, without a data-dependent branch. */
    static boolean isSpecial(char c) {
        // (c - 64) >>> 31 is 1 exactly when c < 64; the shift by c uses only its low six bits.
        return ((SPECIALS >>> c) & ((c - 64) >>> 31)) != 0;
    }

    /** The index of the first special character, or -1. */
    static int firstSpecial(String s) {
        for (int i = 0, n = s.length(); i < n; i++) {
            if (isSpecial(s.charAt(i))) {
                return i;
            }
        }
        return -1;
    }

    /** Escapes {@code s} from {@code from} (a special character) to its end into {@code out}. */
    private static void escapeFrom(String s, int from, StringBuilder out) {
        char[][] scratch = SCRATCH.get();
        char[] in = scratch[0];
        char[] buf = scratch[1];
        int n = s.length();
        for (int start = from; start < n; start += CHUNK) {
            int len = Math.min(CHUNK, n - start);
            s.getChars(start, start + len, in, 0);
            out.append(buf, 0, escapeChunk(in, len, buf));
        }
    }

    /** Writes the escaped form of {@code in[0, len)} to {@code out}; returns the length written. */
    static int escapeChunk(char[] in, int len, char[] out) {
        int j = 0;
        for (int i = 0; i < len; i++) {
            char c = in[i];
            if (!isSpecial(c)) {
                out[j++] = c;
                continue;
            }
            j = writeReplacement(c, out, j);
        }
        return j;
    }

    /** Writes the replacement of special character {@code c} at {@code j}; returns the new end. */
    static int writeReplacement(char c, char[] out, int j) {
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
