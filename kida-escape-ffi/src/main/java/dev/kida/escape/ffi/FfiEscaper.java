package dev.kida.escape.ffi;

import dev.kida.api.escape.HtmlEscapes;
import dev.kida.api.escape.BulkEscaper;

import java.lang.foreign.MemorySegment;

/**
 * The native escaper. Strings shorter than {@link #NATIVE_THRESHOLD} stay in Java: a downcall
 * costs more than scanning them. Longer ones are copied chunk by chunk with
 * {@link String#getChars} into a per-thread char array (the one copy the public String API
 * allows) and handed to C as a heap segment, read in place; the C kernel writes the escaped chunk
 * into a second per-thread array, appended to the output in one go.
 *
 * <p>The heap segments over the per-thread arrays are made once per thread, so a call allocates
 * nothing on the Java heap unless it has to build an escaped String, and nothing natively ever.
 */
final class FfiEscaper extends BulkEscaper {
    /**
     * Shorter strings are scanned in Java. Measured (best-of timing, clean text, JDK 25, AVX-512):
     * with the threshold at 0 the native path ran 1.2 chars/ns at 32 chars against 1.8 in Java,
     * and 3.4 against 1.7 at 64 chars. A later CPU-time run (EscaperRatios, 2026-12-03, both
     * clean and 2%-special text) still had the native path behind the java backend at 48 chars
     * (0.89x, 0.86x) and ahead from 64 (1.15x, 1.9x), so 64. The property is there to measure it
     * on other machines.
     */
    static final int NATIVE_THRESHOLD = Integer.getInteger("kida.escaper.ffi.threshold", 64);
    /**
     * After NATIVE_THRESHOLD, which its constructor reads: declared first (as it was until issue
     * 13's third round), it was built while the threshold was still 0, so every string, however
     * short, went to C (the "ffi loses to java below 64 chars" measurements were that).
     */
    static final FfiEscaper INSTANCE = new FfiEscaper();
    /** Chars per native call. */
    static final int CHUNK = 8192;
    /**
     * Chars copied as bytes and scanned per step by {@link #firstSpecial(String, Scratch)} after
     * the first step: as in the simd backend, the rest of a text up to 17 Ki chars in one copy
     * and one downcall (it was two 8 Ki steps, and so two calls, for a 16 Ki text).
     */
    static final int BYTE_CHUNK = 16384;
    /**
     * The first step is short: text with specials mostly has one early (see the simd backend).
     * But a downcall costs ~15 ns, so text up to {@link #ONE_STEP} chars is copied and scanned in
     * one step: measured (CPU time, clean 1,500 chars, against OWASP) 7.4x with the 1 Ki first
     * step against 10.0x in one step, while 2%-special text of 1,500 and 4,096 chars gained
     * nothing measurable from the short step.
     */
    static final int FIRST_STEP = 1024;
    /** Texts up to this length are scanned in one step. */
    static final int ONE_STEP = 4096;

    private static final ThreadLocal<Scratch> SCRATCH = ThreadLocal.withInitial(Scratch::new);

    /** Per-thread buffers and the segments over them; the output has room for 6n + 32 chars. */
    static final class Scratch {
        final char[] in = new char[CHUNK];
        final char[] out = new char[CHUNK * 6 + 32];
        final byte[] bytes = new byte[BYTE_CHUNK];
        final MemorySegment bytesSegment = MemorySegment.ofArray(bytes);
        final MemorySegment inSegment = MemorySegment.ofArray(in);
        final MemorySegment outSegment = MemorySegment.ofArray(out);
        /** Where {@link #escaped} builds a result; grown on demand, at most ~8 * DIRECT_MAX chars. */
        char[] result = new char[0];
        MemorySegment resultSegment = MemorySegment.ofArray(result);

        /** The last arrays handed to the byte steps and the segments over them (an output's buffer changes only when it grows). */
        byte[] lastA = new byte[0];
        MemorySegment lastASegment = MemorySegment.ofArray(lastA);
        byte[] lastB = new byte[0];
        MemorySegment lastBSegment = MemorySegment.ofArray(lastB);

        MemorySegment segmentA(byte[] a) {
            if (a != lastA) {
                lastA = a;
                lastASegment = MemorySegment.ofArray(a);
            }
            return lastASegment;
        }

        MemorySegment segmentB(byte[] b) {
            if (b != lastB) {
                lastB = b;
                lastBSegment = MemorySegment.ofArray(b);
            }
            return lastBSegment;
        }

        char[] result(int capacity) {
            if (result.length < capacity) {
                result = java.util.Arrays.copyOf(result, Math.max(capacity, 2 * result.length));
                resultSegment = MemorySegment.ofArray(result);
            }
            return result;
        }
    }

    /** The longest text escaped through {@link Scratch#result} rather than a StringBuilder. */
    private static final int DIRECT_MAX = 2 * CHUNK;

    private FfiEscaper() {
        super(NATIVE_THRESHOLD);
    }

    @Override
    protected int firstSpecial(String text) {
        return firstSpecial(text, SCRATCH.get());
    }

    @Override
    protected void escapeFrom(String text, int from, StringBuilder out) {
        escapeFrom(text, from, out, SCRATCH.get());
    }

    /**
     * The index of the first special char, or -1. The search starts on the low bytes of the
     * chars ({@link String#getBytes(int, int, byte[], int)}): for a Latin-1 String that copy is a
     * plain array copy of half the bytes {@link String#getChars} writes, and C scans twice the
     * chars per vector. The low byte of a special char is itself, so none is missed; a wider char
     * whose low byte looks special (U+0126 ends in '&') proves the String wide, and the rest is
     * searched char by char.
     */
    @SuppressWarnings("deprecation") // getBytes(int, int, byte[], int): exactly the low bytes wanted
    private static int firstSpecial(String s, Scratch scratch) {
        int n = s.length();
        for (int start = 0, step = n <= ONE_STEP ? n : FIRST_STEP; start < n; start += step, step = BYTE_CHUNK) {
            int len = Math.min(step, n - start);
            s.getBytes(start, start + len, scratch.bytes, 0);
            long at = NativeKernels.scan8(scratch.bytesSegment, len);
            if (at >= 0) {
                int i = start + (int) at;
                return HtmlEscapes.isSpecial(s.charAt(i)) ? i : firstSpecialChars(s, i + 1, scratch);
            }
        }
        return -1;
    }

    private static int firstSpecialChars(String s, int from, Scratch scratch) {
        int n = s.length();
        for (int start = from; start < n; start += CHUNK) {
            int len = Math.min(CHUNK, n - start);
            s.getChars(start, start + len, scratch.in, 0);
            long at = NativeKernels.scan(scratch.inSegment, len);
            if (at >= 0) {
                return start + (int) at;
            }
        }
        return -1;
    }

    /**
     * Escapes into a per-thread char array and makes the String from it: one compressing copy
     * instead of a StringBuilder's two (append, then {@code toString}); see the simd backend's
     * profile finding. Texts longer than {@link #DIRECT_MAX} take the builder, so that no thread
     * keeps a large array.
     */
    @Override
    protected String escaped(String s, int first) {
        int n = s.length();
        if (n > DIRECT_MAX) {
            return super.escaped(s, first);
        }
        Scratch scratch = SCRATCH.get();
        char[] res = scratch.result(first);
        s.getChars(0, first, res, 0);
        int j = first;
        for (int start = first; start < n; start += CHUNK) {
            int len = Math.min(CHUNK, n - start);
            s.getChars(start, start + len, scratch.in, 0);
            res = scratch.result(j + 6 * len + 32);
            j += (int) NativeKernels.escape(scratch.inSegment, len, scratch.resultSegment.asSlice(2L * j));
        }
        return new String(res, 0, j);
    }

    // The byte steps of escapeInto (see BulkEscaper): the output's own array goes to C as a heap
    // segment (critical downcall), so the text is copied once, by StringBytes, and never again
    // for a clean text. Each step is one call over the whole range: escapeInto is used only for
    // text of at least NATIVE_THRESHOLD chars.

    @Override
    protected int indexOfByte(byte[] a, int from, int to, byte b) {
        if (to - from < NATIVE_THRESHOLD) {
            return super.indexOfByte(a, from, to, b);
        }
        return (int) NativeKernels.find8(SCRATCH.get().segmentA(a), from, to, b);
    }

    @Override
    protected int firstSpecialOrQuestion(byte[] a, int from, int to) {
        if (to - from < NATIVE_THRESHOLD) {
            return super.firstSpecialOrQuestion(a, from, to);
        }
        return (int) NativeKernels.scan8q(SCRATCH.get().segmentA(a), from, to);
    }

    @Override
    protected int firstSpecialQuestionOrHigh(byte[] a, int from, int to) {
        if (to - from < NATIVE_THRESHOLD) {
            return super.firstSpecialQuestionOrHigh(a, from, to);
        }
        return (int) NativeKernels.scan8qh(SCRATCH.get().segmentA(a), from, to);
    }

    @Override
    protected int firstQuestionOrHigh(byte[] a, int from, int to) {
        if (to - from < NATIVE_THRESHOLD) {
            return super.firstQuestionOrHigh(a, from, to);
        }
        return (int) NativeKernels.find8qh(SCRATCH.get().segmentA(a), from, to);
    }

    @Override
    protected int firstSpecialByte(byte[] a, int from, int to) {
        if (to - from < NATIVE_THRESHOLD) {
            return super.firstSpecialByte(a, from, to);
        }
        return (int) NativeKernels.scan8Range(SCRATCH.get().segmentA(a), from, to);
    }

    @Override
    protected int escapeBytes(byte[] src, int from, int to, byte[] dst, int at) {
        if (to - from < NATIVE_THRESHOLD) {
            return super.escapeBytes(src, from, to, dst, at);
        }
        Scratch scratch = SCRATCH.get();
        return (int) NativeKernels.escape8(scratch.segmentB(src), from, to, scratch.segmentA(dst), at);
    }

    private static void escapeFrom(String s, int from, StringBuilder out, Scratch scratch) {
        int n = s.length();
        for (int start = from; start < n; start += CHUNK) {
            int len = Math.min(CHUNK, n - start);
            s.getChars(start, start + len, scratch.in, 0);
            int written = (int) NativeKernels.escape(scratch.inSegment, len, scratch.outSegment);
            out.append(scratch.out, 0, written);
        }
    }
}
