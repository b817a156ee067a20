package dev.kida.engine.escape;

import dev.kida.api.escape.Escaper;
import dev.kida.api.escape.HtmlEscapes;

/**
 * The pure-Java HTML escaper, always available.
 *
 * <p>Long text is searched with {@link String#indexOf(int, int, int)}, which the JIT compiles to
 * a vectorised scan of the String's own array (no copy, tens of chars per ns). One scan per
 * special character (six in all) over a chunk costs far less than looking at each char in Java;
 * the position of the next occurrence of each is kept, the clean run up to the nearest one is
 * appended in bulk, and only the char just escaped is searched again. When specials turn out to
 * be dense (code-like text), the rest of the chunk is escaped char by char into a per-thread
 * buffer instead: there the per-call cost of a search exceeds the work it saves.
 */
public final class JavaEscaper implements Escaper {
    public static final JavaEscaper INSTANCE = new JavaEscaper();

    /** Below this length a plain char loop beats six searches (each has a fixed cost). */
    static final int SHORT = 24;
    /** Chars searched per step: six scans of a chunk stay in the L1/L2 cache. */
    static final int CHUNK = 4096;
    /** Specials counted before the density is judged. */
    private static final int PROBE = 8;
    /** Mean gap between specials below which the char loop takes over for the rest of a chunk. */
    private static final int DENSE_GAP = 24;
    /** Chars escaped per step of the char loop; its output buffer is six times larger. */
    private static final int DENSE_CHUNK = 1024;

    private static final ThreadLocal<char[][]> SCRATCH = ThreadLocal.withInitial(
            () -> new char[][] {new char[DENSE_CHUNK], new char[DENSE_CHUNK * 6]});

    private JavaEscaper() {
    }

    @Override
    public String escape(String text) {
        int n = text.length();
        int first = n < SHORT ? firstSpecial(text, 0, n) : firstSpecialBySearch(text);
        if (first == n) {
            return text;
        }
        if (n <= DENSE_CHUNK && (n < SHORT || denseAt(text, first))) {
            // One pass into the scratch buffer and one String: no builder to grow and copy.
            char[][] scratch = SCRATCH.get();
            text.getChars(0, n, scratch[0], 0);
            return new String(scratch[1], 0, escapeChunk(scratch[0], n, scratch[1]));
        }
        StringBuilder sb = new StringBuilder(n + (n >> 3) + 16);
        sb.append(text, 0, first);
        if (n < SHORT) {
            escapeChars(text, first, n, sb);
        } else {
            escapeFrom(text, first, sb);
        }
        return sb.toString();
    }

    @Override
    public void escapeTo(String text, StringBuilder out) {
        int n = text.length();
        if (n < SHORT) {
            escapeChars(text, 0, n, out);
        } else {
            escapeFrom(text, 0, out);
        }
    }

    /** The index of the first special character in {@code s[from, to)}, or {@code to}. */
    static int firstSpecial(String s, int from, int to) {
        for (int i = from; i < to; i++) {
            if (HtmlEscapes.isSpecial(s.charAt(i))) {
                return i;
            }
        }
        return to;
    }

    /** The index of the first special character of {@code s}, or its length; by searches. */
    private static int firstSpecialBySearch(String s) {
        int n = s.length();
        for (int a = 0; a < n; a += CHUNK) {
            int b = Math.min(n, a + CHUNK);
            int at = min(find(s, '&', a, b), find(s, '<', a, b), find(s, '>', a, b),
                    find(s, '"', a, b), find(s, '\'', a, b), find(s, '\0', a, b));
            if (at < b) {
                return at;
            }
        }
        return n;
    }

    /** Where {@code c} first occurs in {@code s[from, to)}, or {@code to}. */
    private static int find(String s, char c, int from, int to) {
        int i = s.indexOf(c, from, to);
        return i < 0 ? to : i;
    }

    private static int min(int a, int b, int c, int d, int e, int f) {
        return Math.min(Math.min(Math.min(a, b), Math.min(c, d)), Math.min(e, f));
    }

    /** Escapes {@code s} from {@code from} to its end into {@code out}, chunk by chunk. */
    private static void escapeFrom(String s, int from, StringBuilder out) {
        int n = s.length();
        for (int a = from; a < n; a += CHUNK) {
            escapeBySearch(s, a, Math.min(n, a + CHUNK), out);
        }
    }

    /** Escapes {@code s[a, b)} into {@code out}, searching for each special character. */
    private static void escapeBySearch(String s, int a, int b, StringBuilder out) {
        int amp = find(s, '&', a, b);
        int lt = find(s, '<', a, b);
        int gt = find(s, '>', a, b);
        int quot = find(s, '"', a, b);
        int apos = find(s, '\'', a, b);
        int nul = find(s, '\0', a, b);
        if (near(amp, a) + near(lt, a) + near(gt, a) + near(quot, a) + near(apos, a) >= 3) {
            // Most specials show up within the first few chars: code-like text, no use searching.
            int first = min(amp, lt, gt, quot, apos, nul);
            out.append(s, a, first);
            escapeChars(s, first, b, out);
            return;
        }
        int run = a;
        int window = a;
        int count = 0;
        while (true) {
            int next = min(amp, lt, gt, quot, apos, nul);
            if (next == b) {
                break;
            }
            out.append(s, run, next);
            run = next + 1;
            switch (s.charAt(next)) {
                case '&' -> {
                    out.append("&amp;");
                    amp = find(s, '&', run, b);
                }
                case '<' -> {
                    out.append("&lt;");
                    lt = find(s, '<', run, b);
                }
                case '>' -> {
                    out.append("&gt;");
                    gt = find(s, '>', run, b);
                }
                case '"' -> {
                    out.append("&quot;");
                    quot = find(s, '"', run, b);
                }
                case '\'' -> {
                    out.append("&#39;");
                    apos = find(s, '\'', run, b);
                }
                default -> nul = find(s, '\0', run, b);
            }
            if (++count == PROBE) {
                if (run - window < PROBE * DENSE_GAP) {
                    escapeChars(s, run, b, out);
                    return;
                }
                count = 0;
                window = run;
            }
        }
        out.append(s, run, b);
    }

    /** Whether specials are dense right after {@code from}, by {@link #near} counts. */
    private static boolean denseAt(String s, int from) {
        int b = Math.min(s.length(), from + DENSE_GAP + 1);
        return near(find(s, '&', from, b), from) + near(find(s, '<', from, b), from)
                + near(find(s, '>', from, b), from) + near(find(s, '"', from, b), from)
                + near(find(s, '\'', from, b), from) >= 3;
    }

    /** 1 if {@code at} lies within {@link #DENSE_GAP} chars of {@code a}, else 0. */
    private static int near(int at, int a) {
        return at - a < DENSE_GAP ? 1 : 0;
    }

    /** Escapes {@code s[from, to)} into {@code out} char by char, through a per-thread buffer. */
    static void escapeChars(String s, int from, int to, StringBuilder out) {
        if (to - from < SHORT) {
            int run = from;
            for (int i = from; i < to; i++) {
                char c = s.charAt(i);
                if (HtmlEscapes.isSpecial(c)) {
                    out.append(s, run, i).append(HtmlEscapes.replacement(c));
                    run = i + 1;
                }
            }
            out.append(s, run, to);
            return;
        }
        // Dense text about doubles in length: grow the buffer once rather than step by step.
        out.ensureCapacity(out.length() + 2 * (to - from));
        char[][] scratch = SCRATCH.get();
        char[] in = scratch[0];
        char[] buf = scratch[1];
        for (int start = from; start < to; start += DENSE_CHUNK) {
            int len = Math.min(DENSE_CHUNK, to - start);
            s.getChars(start, start + len, in, 0);
            out.append(buf, 0, escapeChunk(in, len, buf));
        }
    }

    /** Row {@code c} (8 chars) holds the replacement of special character {@code c}. */
    private static final char[] REPLACEMENTS = new char[64 * 8];
    /** Chars written for {@code c < 64}: 1 for a plain char, 0 for NUL, else the replacement's. */
    private static final byte[] ADVANCE = new byte[64];

    static {
        java.util.Arrays.fill(ADVANCE, (byte) 1);
        for (char c : new char[] {'&', '<', '>', '"', '\'', '\0'}) {
            String r = HtmlEscapes.replacement(c);
            r.getChars(0, r.length(), REPLACEMENTS, c * 8);
            ADVANCE[c] = (byte) r.length();
        }
    }

    /**
     * Writes the escaped form of {@code in[0, len)} to {@code out} (room for {@code 6 * len}
     * chars); returns the length written. A replacement is copied from its table row with no
     * switch: measured on code-like text, this beats both a switch per special char and a fully
     * branch-free loop (which stores six chars for every char).
     */
    static int escapeChunk(char[] in, int len, char[] out) {
        char[] table = REPLACEMENTS;
        byte[] advance = ADVANCE;
        int j = 0;
        for (int i = 0; i < len; i++) {
            char c = in[i];
            if (c >= 64 || advance[c] == 1) {
                out[j++] = c;
                continue;
            }
            int t = c << 3;
            out[j] = '&';
            out[j + 1] = table[t + 1];
            out[j + 2] = table[t + 2];
            out[j + 3] = table[t + 3];
            out[j + 4] = table[t + 4];
            out[j + 5] = table[t + 5];
            j += advance[c];
        }
        return j;
    }
}
