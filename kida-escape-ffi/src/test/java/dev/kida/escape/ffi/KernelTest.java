package dev.kida.escape.ffi;

import dev.kida.api.escape.HtmlEscapes;
import org.junit.jupiter.api.Test;

import java.lang.foreign.MemorySegment;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Every C kernel family this CPU has (the dispatcher picks only one, so the others would go
 * untested) agrees with a plain Java loop, at every length around the vector widths.
 */
class KernelTest {
    private static final String[] NAMES = {"sse2", "avx2", "avx512bw"};

    @Test
    void everyKernelScansAndEscapesLikeJava() {
        // Whether the library must load here is kida-tests' BackendAvailabilityTest's concern.
        assumeTrue(NativeKernels.availability().available(), NativeKernels.availability().reason());
        SplittableRandom r = new SplittableRandom(42);
        int tested = 0;
        for (int kernel = 0; kernel < NAMES.length; kernel++) {
            for (int len = 0; len <= 300; len++) {
                for (int round = 0; round < 6; round++) {
                    char[] in = text(r, len, round);
                    char[] out = new char[len * 6 + 32];
                    long at = NativeKernels.scanWith(kernel, MemorySegment.ofArray(in), len);
                    if (at == -2) {
                        continue; // this CPU lacks the family
                    }
                    tested++;
                    assertEquals(firstSpecial(in), at, NAMES[kernel] + " scan, length " + len);
                    byte[] low = lowBytes(in);
                    assertEquals(firstSpecialByte(low), NativeKernels.scan8With(kernel, MemorySegment.ofArray(low), len),
                            NAMES[kernel] + " byte scan, length " + len);
                    long n = NativeKernels.escapeWith(kernel, MemorySegment.ofArray(in), len,
                            MemorySegment.ofArray(out));
                    assertEquals(escape(in), new String(out, 0, (int) n), NAMES[kernel] + " escape, length " + len);
                }
            }
        }
        assertTrue(tested > 0);
    }

    /**
     * The byte kernels of escapeInto: the scan for a special or '?' (VBMI and two-scan families)
     * and the byte escape (AVX-512 and run-copying), on bytes of every value, at every length
     * around the vector widths and from offsets into the arrays.
     */
    @Test
    void everyByteKernelScansAndEscapesLikeJava() {
        assumeTrue(NativeKernels.availability().available(), NativeKernels.availability().reason());
        SplittableRandom r = new SplittableRandom(7);
        int tested = 0;
        for (int len = 0; len <= 700; len += len < 300 ? 1 : 37) {
            for (int round = 0; round < 6; round++) {
                int from = r.nextInt(70); // every alignment of the first byte (the VBMI scans align their loads)
                byte[] in = new byte[from + len];
                for (int i = from; i < in.length; i++) {
                    int roll = r.nextInt(64);
                    // Rounds 1-5: ever more of the seven bytes; odd rounds: ASCII elsewhere, so the
                    // first high byte (UTF-8 scans) is not always in the first vector.
                    in[i] = round > 0 && roll < round * 3 ? (byte) "&<>\"'\0?".charAt(r.nextInt(7))
                            : (byte) (round % 2 == 1 && roll != 63 ? r.nextInt(128) : r.nextInt(256));
                }
                int expectedQ = -1;
                for (int i = from; i < in.length && expectedQ < 0; i++) {
                    if ("&<>\"'\0?".indexOf((char) (in[i] & 0xFF)) >= 0) {
                        expectedQ = i;
                    }
                }
                int expectedS = -1;
                for (int i = from; i < in.length && expectedS < 0; i++) {
                    if ("&<>\"'\0".indexOf((char) (in[i] & 0xFF)) >= 0) {
                        expectedS = i - from;
                    }
                }
                for (int kernel = 0; kernel <= 3; kernel++) {
                    long k = NativeKernels.scan8With(kernel, MemorySegment.ofArray(in).asSlice(from), len);
                    if (k != -2) {
                        tested++;
                        assertEquals(expectedS, k, "scan8 kernel " + kernel + ", length " + len + " from " + from);
                    }
                }
                for (int kernel = 0; kernel <= 3; kernel++) {
                    long q = NativeKernels.scan8qWith(kernel, MemorySegment.ofArray(in), from, in.length);
                    if (q != -2) {
                        tested++;
                        assertEquals(expectedQ, q, "scan8q kernel " + kernel + ", length " + len);
                    }
                }
                // UTF-8 output: the same scan stops at a byte of 0x80 or more too.
                int expectedQh = -1;
                int expectedFindQh = -1;
                for (int i = from; i < in.length; i++) {
                    boolean high = in[i] < 0;
                    if (expectedQh < 0 && (high || "&<>\"'\0?".indexOf((char) (in[i] & 0xFF)) >= 0)) {
                        expectedQh = i;
                    }
                    if (expectedFindQh < 0 && (high || in[i] == '?')) {
                        expectedFindQh = i;
                    }
                }
                for (int kernel = 0; kernel <= 3; kernel++) {
                    long q = NativeKernels.scan8qhWith(kernel, MemorySegment.ofArray(in), from, in.length);
                    if (q != -2) {
                        tested++;
                        assertEquals(expectedQh, q, "scan8qh kernel " + kernel + ", length " + len);
                    }
                }
                assertEquals(expectedFindQh, NativeKernels.find8qh(MemorySegment.ofArray(in), from, in.length),
                        "find8qh, length " + len);
                char[] chars = new char[len];
                for (int i = 0; i < len; i++) {
                    chars[i] = (char) (in[from + i] & 0xFF);
                }
                String expected = escape(chars);
                for (int kernel = 0; kernel <= 2; kernel++) {
                    int at = r.nextInt(3);
                    byte[] out = new byte[at + 6 * len + 64];
                    long end = NativeKernels.escape8With(kernel, MemorySegment.ofArray(in), from, in.length,
                            MemorySegment.ofArray(out), at);
                    if (end != -2) {
                        tested++;
                        assertEquals(expected, new String(out, at, (int) end - at, java.nio.charset.StandardCharsets.ISO_8859_1),
                                "escape8 kernel " + kernel + ", length " + len);
                    }
                }
            }
        }
        assertTrue(tested > 0);
    }

    /** Round 0 clean; the others with specials, NUL and surrogates at a rate that grows. */
    private static char[] text(SplittableRandom r, int len, int round) {
        char[] a = new char[len];
        for (int i = 0; i < len; i++) {
            int roll = r.nextInt(64);
            if (round > 0 && roll < round * 4) {
                a[i] = "&<>\"'\0".charAt(r.nextInt(6));
            } else if (roll < 40) {
                a[i] = (char) ('a' + r.nextInt(26));
            } else {
                // Any code unit but the six, including ones whose low byte looks special.
                char c;
                do {
                    c = (char) r.nextInt(0x10000);
                } while (HtmlEscapes.isSpecial(c));
                a[i] = c;
            }
        }
        return a;
    }

    private static int firstSpecial(char[] a) {
        for (int i = 0; i < a.length; i++) {
            if ("&<>\"'\0".indexOf(a[i]) >= 0) {
                return i;
            }
        }
        return -1;
    }

    private static byte[] lowBytes(char[] a) {
        byte[] b = new byte[a.length];
        for (int i = 0; i < a.length; i++) {
            b[i] = (byte) a[i];
        }
        return b;
    }

    private static int firstSpecialByte(byte[] a) {
        for (int i = 0; i < a.length; i++) {
            if ("&<>\"'\0".indexOf((char) (a[i] & 0xFF)) >= 0) {
                return i;
            }
        }
        return -1;
    }

    private static String escape(char[] a) {
        StringBuilder sb = new StringBuilder();
        for (char c : a) {
            if (c == 0) {
                continue;
            }
            int k = "&<>\"'".indexOf(c);
            sb.append(k < 0 ? String.valueOf(c) : new String[] {"&amp;", "&lt;", "&gt;", "&quot;", "&#39;"}[k]);
        }
        return sb.toString();
    }
}
