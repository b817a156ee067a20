package dev.kida.escape.simd;

import dev.kida.api.escape.HtmlEscapes;
import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

/**
 * The String call ({@code escape(String)}) against the scalar escaper, on the two paths of
 * {@code SimdEscaper.escaped}: Latin-1 text as bytes, and text with a char above Latin-1 by chars,
 * including such a char after the head that is probed (the bytes path then stops at it), before
 * the first special, as a surrogate pair (one {@code '?'} in the copy, so the bytes after it shift),
 * and beside real {@code '?'} chars.
 */
class StringPathTest {
    private static final String SPECIALS = "&<>\"'\0";
    /** Clean chars, among them Latin-1 high ones and '?' (the copy's mark for a wide char). */
    private static final String CLEAN = "abcxyz ?.\u00e9\u00ff\u0080\u00a6\u00bc";
    private static final String[] WIDE = {"\u0126", "\u013c", "\u2019", "\u4e2d", "\ud83d\ude00", "\ud800", "\udfff"};

    private static String reference(String s) {
        StringBuilder sb = new StringBuilder();
        HtmlEscapes.escapeTo(s, 0, s.length(), sb);
        return sb.toString();
    }

    private static void check(String s) {
        String expected = reference(s);
        String actual = SimdEscaper.INSTANCE.escape(s);
        assertEquals(expected, actual, () -> "length " + s.length());
        if (expected.equals(s)) {
            assertSame(s, actual);
        }
    }

    private static StringBuilder clean(SplittableRandom r, int n) {
        StringBuilder sb = new StringBuilder(n);
        for (int i = 0; i < n; i++) {
            sb.append(CLEAN.charAt(r.nextInt(CLEAN.length())));
        }
        return sb;
    }

    @Test
    void aSpecialAtEveryPositionOfLatin1TextAroundTheVectorBoundaries() {
        SplittableRandom r = new SplittableRandom(13);
        int lanes = 2 * SimdEscaper.lanes();
        for (int n : new int[] {2 * SimdEscaper.lanes(), lanes + 1, 3 * lanes - 1, 4 * lanes + 5}) {
            for (int at = 0; at < n; at++) {
                for (int k = 0; k < SPECIALS.length(); k++) {
                    StringBuilder sb = clean(r, n);
                    sb.setCharAt(at, SPECIALS.charAt(k));
                    check(sb.toString());
                    sb.setCharAt(n - 1 - (at * 7) % n, SPECIALS.charAt((k + 1) % SPECIALS.length()));
                    check(sb.toString());
                }
            }
        }
    }

    @Test
    void denseAndSparseLatin1TextOfManyLengths() {
        SplittableRandom r = new SplittableRandom(17);
        for (int n : new int[] {64, 100, 1023, 1024, 1025, 4095, 4097, 16383, 16384, 16385, 40000}) {
            for (double rate : new double[] {0.0, 0.02, 0.25, 1.0}) {
                StringBuilder sb = clean(r, n);
                for (int i = 0; i < n; i++) {
                    if (r.nextDouble() < rate) {
                        sb.setCharAt(i, SPECIALS.charAt(r.nextInt(SPECIALS.length())));
                    }
                }
                check(sb.toString());
            }
        }
    }

    @Test
    void aWideCharAnywhereBeforeOrAfterTheFirstSpecial() {
        SplittableRandom r = new SplittableRandom(19);
        for (int n : new int[] {70, 300, 5000, 16384}) {
            int[] wideAt = {0, 5, 31, 32, 33, n / 3, n / 2, n - 3, n - 2};
            int[] specialAt = {1, 40, n / 4, n / 2 + 1, n - 1};
            for (int w : wideAt) {
                for (int sp : specialAt) {
                    for (String wide : WIDE) {
                        StringBuilder sb = clean(r, n);
                        for (int i = 0; i < n; i += 1 + r.nextInt(50)) {
                            if (i > sp) {
                                sb.setCharAt(i, SPECIALS.charAt(r.nextInt(SPECIALS.length())));
                            }
                        }
                        sb.setCharAt(sp, '&');
                        sb.replace(w, w + wide.length(), wide);
                        sb.setLength(n);
                        check(sb.toString());
                        // a '?' of the text just before and after the wide char
                        if (w > 0 && w + wide.length() < n) {
                            sb.setCharAt(w - 1, '?');
                            sb.setCharAt(w + wide.length(), '?');
                            check(sb.toString());
                        }
                    }
                }
            }
        }
    }
}
