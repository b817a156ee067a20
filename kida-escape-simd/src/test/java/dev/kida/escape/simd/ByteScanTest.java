package dev.kida.escape.simd;

import dev.kida.api.escape.HtmlEscapes;
import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The byte scans (a table lookup by low nibble, see {@code SimdEscaper.lookupBytes}) against a
 * plain loop. The lookup is exact only because no two searched bytes share a low nibble and every
 * other byte differs from its row: so every one of the 256 byte values is put at every lane of the
 * first vectors, of the four-vector blocks and of the overlapping tail vector, in texts whose
 * other bytes are clean but share the nibbles of the searched ones ({@code f}, {@code l},
 * {@code n}, 0xA6, 0x06...).
 */
class ByteScanTest {
    /** Clean bytes whose low nibbles are those of NUL, " & ' < > ?: the rows the lookup must reject. */
    private static final byte[] LOOKALIKES = {'f', 'g', 'l', 'n', 'o', 'b', 'p', 'r', 'v', 'w', '|', '~', ',', '.',
        '/', '`', '@', 'P', 0x06, 0x07, 0x0C, 0x0E, 0x0F, 0x10, 0x12, 0x16, 0x17, 0x1C, 0x1E, 0x1F, 0x36, 0x37,
        (byte) 0x80, (byte) 0xA2, (byte) 0xA6, (byte) 0xA7, (byte) 0xBC, (byte) 0xBE, (byte) 0xBF, (byte) 0xC0,
        (byte) 0xE6, (byte) 0xFF};

    private static boolean special(byte b) {
        return b == '&' || b == '<' || b == '>' || b == '"' || b == '\'' || b == 0;
    }

    private static int reference(byte[] a, int from, int to, boolean question) {
        for (int i = from; i < to; i++) {
            if (special(a[i]) || (question && a[i] == '?')) {
                return i;
            }
        }
        return -1;
    }

    private static byte[] clean(SplittableRandom r, int n) {
        byte[] a = new byte[n];
        for (int i = 0; i < n; i++) {
            a[i] = LOOKALIKES[r.nextInt(LOOKALIKES.length)];
        }
        return a;
    }

    @Test
    void everyByteValueAtEveryLaneIsFoundOrPassedExactly() {
        int lanes = SimdEscaper.lanes() * 2; // byte lanes: twice the char lanes of the same width
        SplittableRandom r = new SplittableRandom(7);
        int found = 0;
        for (int length : new int[] {lanes, lanes + 1, 4 * lanes - 1, 4 * lanes + 3, 6 * lanes + lanes / 2}) {
            for (int at = 0; at < length; at++) {
                byte[] a = clean(r, length);
                assertEquals(-1, SimdEscaper.scanBytesOrQuestion(a, 0, length), "clean, length " + length);
                for (int b = 0; b < 256; b++) {
                    a[at] = (byte) b;
                    for (int from : new int[] {0, Math.min(at, 3)}) {
                        int expected = reference(a, from, length, false);
                        assertEquals(expected, SimdEscaper.scanBytes(a, from, length),
                                "byte " + b + " at " + at + " of " + length + " from " + from);
                        int expectedQ = reference(a, from, length, true);
                        assertEquals(expectedQ, SimdEscaper.scanBytesOrQuestion(a, from, length),
                                "byte " + b + " at " + at + " of " + length + " from " + from + ", with '?'");
                        if (expectedQ >= 0) {
                            found++;
                        }
                    }
                }
            }
        }
        assertTrue(found > 0);
    }

    /**
     * The UTF-8 scans ({@code lookupBytesOrHigh}: special, {@code '?'} or 0x80 and more; and the
     * search for {@code '?'} or a high byte) on ASCII lookalikes with every byte value at every
     * lane.
     */
    @Test
    void theUtf8ScansStopAtEveryHighByteAndEverySearchedByte() {
        int lanes = SimdEscaper.lanes() * 2;
        SplittableRandom r = new SplittableRandom(13);
        int found = 0;
        for (int length : new int[] {lanes, lanes + 1, 4 * lanes - 1, 4 * lanes + 3, 6 * lanes + lanes / 2}) {
            for (int at = 0; at < length; at++) {
                byte[] a = clean(r, length);
                for (int i = 0; i < length; i++) {
                    a[i] &= 0x7F; // the lookalikes' ASCII twins: 0x80 -> NUL, 0xA6 -> '&', ... or clean
                    if (special(a[i]) || a[i] == '?') {
                        a[i] = 'f';
                    }
                }
                assertEquals(-1, SimdEscaper.scanBytesOrHigh(a, 0, length), "clean, length " + length);
                for (int b = 0; b < 256; b++) {
                    a[at] = (byte) b;
                    for (int from : new int[] {0, Math.min(at, 3)}) {
                        int expected = -1;
                        int expectedQh = -1;
                        for (int i = from; i < length; i++) {
                            if (expected < 0 && (a[i] < 0 || a[i] == '?' || special(a[i]))) {
                                expected = i;
                            }
                            if (expectedQh < 0 && (a[i] < 0 || a[i] == '?')) {
                                expectedQh = i;
                            }
                        }
                        assertEquals(expected, SimdEscaper.scanBytesOrHigh(a, from, length),
                                "byte " + b + " at " + at + " of " + length + " from " + from);
                        assertEquals(expectedQh, SimdEscaper.INSTANCE.firstQuestionOrHigh(a, from, length),
                                "'?' or high: byte " + b + " at " + at + " of " + length + " from " + from);
                        if (expected >= 0) {
                            found++;
                        }
                    }
                }
            }
        }
        assertTrue(found > 0);
    }

    @Test
    void randomBytesAtEveryLengthScanLikeALoop() {
        SplittableRandom r = new SplittableRandom(11);
        for (int length = 0; length <= 600; length++) {
            for (int round = 0; round < 8; round++) {
                byte[] a = clean(r, length + 5);
                int rate = 1 + r.nextInt(400);
                for (int i = 0; i < a.length; i++) {
                    if (r.nextInt(rate) == 0) {
                        a[i] = (byte) r.nextInt(256);
                    }
                }
                int from = Math.min(length, r.nextInt(5));
                int to = length;
                assertEquals(reference(a, from, to, false), SimdEscaper.scanBytes(a, from, to),
                        "length " + length + " from " + from);
                assertEquals(reference(a, from, to, true), SimdEscaper.scanBytesOrQuestion(a, from, to),
                        "length " + length + " from " + from + ", with '?'");
            }
        }
    }

    /**
     * The String path copies the text as bytes in steps (a short first one, then long ones): a
     * special, a wide char whose low byte looks special, or a lone {@code '?'} just before, at and
     * after each step's edge is found (or passed) as the reference does.
     */
    @Test
    void theStringPathFindsTheFirstSpecialAcrossItsCopySteps() {
        char[] odd = {'&', '<', '>', '"', '\'', '\0', '?', '\u0126', '\u013c', '\u00e9'};
        int[] edges = {1024, 1024 + 16384, 1024 + 2 * 16384};
        for (int length : new int[] {1030, 17500, 40000}) {
            for (int edge : edges) {
                for (int at = edge - 66; at <= edge + 66; at++) {
                    if (at < 0 || at >= length) {
                        continue;
                    }
                    for (char c : odd) {
                        char[] a = "Lorem ipsum dolor sit amet, ".repeat(length / 28 + 1).substring(0, length).toCharArray();
                        a[at] = c;
                        String text = new String(a);
                        StringBuilder expected = new StringBuilder();
                        HtmlEscapes.escapeTo(text, 0, length, expected);
                        String escaped = SimdEscaper.INSTANCE.escape(text);
                        assertEquals(expected.toString(), escaped, "char " + (int) c + " at " + at + " of " + length);
                        if (!HtmlEscapes.isSpecial(c)) {
                            assertTrue(escaped == text, "clean text comes back as itself, char " + (int) c + " at " + at);
                        }
                    }
                }
            }
        }
    }
}
