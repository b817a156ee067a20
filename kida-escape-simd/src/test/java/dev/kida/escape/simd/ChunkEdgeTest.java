package dev.kida.escape.simd;

import dev.kida.api.escape.HtmlEscapes;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

/**
 * The String call's search copies a text in steps ({@code SimdEscaper.byteSteps()}: a short first
 * step, then chunks into a small per-thread buffer), so every step edge is a place where a special
 * char could be missed, found twice, or given the wrong index. Here each odd char is put at every
 * position within two vectors of each edge of 16 Ki and 20,000-char texts (the latter escaped
 * through the StringBuilder path): each special char and NUL; chars above Latin-1 whose low byte
 * looks special (the byte search sees them as specials and must look again by chars); surrogate
 * pairs whose halves sit on either side of the edge; lone surrogates. Compared with the scalar
 * escaper, through {@code escape} (same instance when clean) and {@code escapeTo}.
 */
class ChunkEdgeTest {
    /** Clean chars, among them Latin-1 high ones and '?'. */
    private static final String CLEAN = "abcxyz ?.\u00e9\u00ff\u0080\u00a6\u00bc";
    /**
     * Odd chars: specials, NUL, wide chars whose low byte is a special (U+0126 '&', U+013C '<',
     * U+013E '>', U+0122 '"', U+0127 ''', U+0100 NUL) or not (U+2019), lone surrogates.
     */
    private static final String ODD = "&<>\"'\0\u0126\u013c\u013e\u0122\u0127\u0100\u2019\ud800\udfff";

    private static String reference(String s) {
        StringBuilder sb = new StringBuilder();
        HtmlEscapes.escapeTo(s, 0, s.length(), sb);
        return sb.toString();
    }

    private static void check(String s, String what) {
        String expected = reference(s);
        String actual = SimdEscaper.INSTANCE.escape(s);
        assertEquals(expected, actual, what);
        if (expected.equals(s)) {
            assertSame(s, actual, what);
        }
        StringBuilder to = new StringBuilder("x");
        SimdEscaper.INSTANCE.escapeTo(s, to);
        assertEquals("x" + expected, to.toString(), what);
    }

    private static String clean(int n, int seed) {
        StringBuilder sb = new StringBuilder(n);
        for (int i = 0; i < n; i++) {
            sb.append(CLEAN.charAt((i * 7 + seed) % CLEAN.length()));
        }
        return sb.toString();
    }

    /** The indexes where a new copy starts in a text of n chars. */
    private static List<Integer> edges(int n) {
        int[] steps = SimdEscaper.byteSteps();
        List<Integer> edges = new ArrayList<>();
        for (int at = steps[0]; at < n; at += steps[1]) {
            edges.add(at);
        }
        return edges;
    }

    @Test
    void theStepsHaveEdgesInsideTheTexts() {
        // Guards the test itself: were the steps ever as long as the texts, nothing below would
        // straddle an edge.
        assertEquals(true, edges(16384).size() >= 2, () -> "edges " + edges(16384));
    }

    @Test
    void anOddCharAtEveryPositionAroundEachEdge() {
        int reach = 2 * 2 * SimdEscaper.lanes(); // two byte vectors
        for (int n : new int[] {16384, 20000}) {
            String base = clean(n, n);
            for (int edge : edges(n)) {
                for (int at = Math.max(0, edge - reach); at < Math.min(n, edge + reach); at++) {
                    for (int k = 0; k < ODD.length(); k++) {
                        char c = ODD.charAt(k);
                        String s = base.substring(0, at) + c + base.substring(at + 1);
                        check(s, "n " + n + " edge " + edge + " at " + at + " char U+" + Integer.toHexString(c));
                    }
                }
            }
        }
    }

    @Test
    void aWideCharBeforeAnEdgeAndASpecialAfterIt() {
        int reach = 2 * SimdEscaper.lanes();
        String base = clean(16384, 3);
        for (int edge : edges(16384)) {
            for (int d = 1; d <= reach; d += 3) {
                for (String wide : new String[] {"\u0126", "\u2019", "\u0100"}) {
                    StringBuilder sb = new StringBuilder(base);
                    sb.setCharAt(edge - d, wide.charAt(0));
                    sb.setCharAt(edge + d - 1, '<');
                    check(sb.toString(), "edge " + edge + " d " + d + " " + wide);
                }
            }
        }
    }

    @Test
    void surrogatePairsAcrossEachEdge() {
        String base = clean(16384, 5);
        for (int edge : edges(16384)) {
            for (int shift = -1; shift <= 1; shift++) {
                int at = edge - 1 + shift; // the pair's high half at at, low half at at + 1
                StringBuilder sb = new StringBuilder(base);
                sb.setCharAt(at, '\ud83d');
                sb.setCharAt(at + 1, '\ude00');
                check(sb.toString(), "pair at " + at);
                sb.setCharAt(at + 2, '&');
                check(sb.toString(), "pair at " + at + ", & after");
                sb.setCharAt(at - 1, '\0');
                check(sb.toString(), "pair at " + at + ", NUL before");
            }
        }
    }

    @Test
    void cleanTextsEndingAtAndAroundEachEdge() {
        for (int edge : edges(40000)) {
            for (int n = edge - 3; n <= edge + 3; n++) {
                String s = clean(n, n);
                check(s, "clean " + n);
                check(s.substring(0, n - 1) + "'", "last char special " + n);
                check("\0" + s.substring(1), "first char NUL " + n);
            }
        }
    }
}
