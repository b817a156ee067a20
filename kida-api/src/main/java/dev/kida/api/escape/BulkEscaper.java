package dev.kida.api.escape;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

/**
 * The common shape of an {@link Escaper} whose strength is a bulk scan: strings shorter than a
 * threshold take the scalar path of {@link HtmlEscapes} (a bulk call costs more than it saves
 * there); longer ones are searched by the backend for the first special character, returned or
 * appended as they are when there is none, and escaped by the backend from that point on.
 * Subclasses supply the two bulk steps; the contract of {@link Escaper} (same instance when
 * clean, straight into the caller's buffer) is kept here once.
 *
 * <p>{@link #escapeInto} (text straight into an output's bytes) is kept here once too: the text
 * is copied into the destination by {@link StringBytes#copy} (for a Latin-1 String one array
 * copy, the copy the output needs anyway), and then searched and rewritten there with three
 * byte steps a backend may supply with vectors: {@link #firstSpecialOrQuestion} (the one pass
 * over a clean text; {@code '?'} marks a char the output cannot take as a byte) and, for UTF-8
 * output, {@link #firstSpecialQuestionOrHigh} (the same pass, stopping at bytes 0x80-0xFF too),
 * {@link #indexOfByte}, {@link #firstQuestionOrHigh}, {@link #firstSpecialByte} and {@link #escapeBytes}. Their defaults are scalar loops, so a backend that supplies none of them
 * still escapes correctly into bytes.
 */
public abstract class BulkEscaper implements Escaper {
    private final int threshold;

    /** @param threshold the length from which the bulk steps are used */
    protected BulkEscaper(int threshold) {
        this.threshold = threshold;
    }

    /** The index of the first special character of {@code text}, or -1 when there is none. */
    protected abstract int firstSpecial(String text);

    /** Appends the escaped form of {@code text} from index {@code from}, a special character. */
    protected abstract void escapeFrom(String text, int from, StringBuilder out);

    @Override
    public final String escape(String text) {
        int n = text.length();
        int first = n < threshold ? HtmlEscapes.firstSpecial(text) : firstSpecial(text);
        if (first < 0) {
            return text;
        }
        if (n >= threshold) {
            return escaped(text, first);
        }
        StringBuilder sb = new StringBuilder(n + (n >> 3) + 16);
        sb.append(text, 0, first);
        HtmlEscapes.escapeTo(text, first, n, sb);
        return sb.toString();
    }

    /**
     * The escaped form of {@code text} (at least the threshold long), whose first special
     * character is at {@code first}. This default appends to a new StringBuilder; a backend that
     * escapes into its own char array may override it to make the String straight from that
     * array, which saves the builder's copy of the whole result.
     */
    protected String escaped(String text, int first) {
        int n = text.length();
        StringBuilder sb = new StringBuilder(n + (n >> 3) + 16);
        sb.append(text, 0, first);
        escapeFrom(text, first, sb);
        return sb.toString();
    }

    @Override
    public final void escapeTo(String text, StringBuilder out) {
        int n = text.length();
        if (n < threshold) {
            HtmlEscapes.escapeTo(text, 0, n, out);
            return;
        }
        int first = firstSpecial(text);
        if (first < 0) {
            out.append(text);
            return;
        }
        out.append(text, 0, first);
        escapeFrom(text, first, out);
    }

    /** Texts longer than this are escaped into bytes through {@link #escape}: see {@link #escapeInto}. */
    private static final int INTO_MAX = 1 << 16;

    /** Per-thread copy of the text from its first special char on, while it is escaped over itself. */
    private static final ThreadLocal<byte[][]> REST = ThreadLocal.withInitial(() -> new byte[1][0]);

    /**
     * Copies the text into {@code dst} ({@link StringBytes#copy}), finds where it stops fitting
     * one byte per char, and escapes the part before that in place: when it holds no special
     * char (most text) the copy was all the work. Otherwise the part from the first special on
     * is copied aside and escaped from there back into {@code dst}. Text shorter than the
     * threshold is escaped by {@link HtmlEscapes}; text longer than 64 Ki chars, or on a JDK
     * without {@link StringBytes}, goes through the String path ({@link Escaper#escapeInto}'s
     * default), so that no thread keeps a copy that large.
     *
     * <p>The copy is made in ISO-8859-1 for both charsets. For UTF-8 output it used to be
     * US-ASCII, and the JDK then makes a pass of its own over the String before copying (is it
     * all ASCII? {@code String.bytesCompatible}), and for a Latin-1 String holding one char
     * 0x80-0xFF it encodes the whole String into a new array. So UTF-8 output paid a copy and two
     * scans where Latin-1 output paid a copy and one (issue 13, fifth round: simd-utf8 10.4x
     * OWASP against 15.9x for simd-latin1 on clean 16 Ki text). Now the one scan also stops at a
     * byte of 0x80 or more ({@link #firstSpecialQuestionOrHigh}): where the output is UTF-8 that
     * char needs two bytes, so the chars done end there and the engine encodes the rest.
     */
    @Override
    public long escapeInto(String text, byte[] dst, int at, Charset charset) {
        int max = Escaper.maxByteChar(charset);
        int n = text.length();
        if (n < threshold) {
            return HtmlEscapes.escapeInto(text, 0, n, dst, at, max);
        }
        if (n > INTO_MAX || !StringBytes.available()) {
            return Escaper.super.escapeInto(text, dst, at, charset);
        }
        boolean ascii = max < 0xFF;
        StringBytes.copy(text, dst, at, StandardCharsets.ISO_8859_1);
        int end = at + n;
        int first;
        for (int i = at; ; ) {
            int k = ascii ? firstSpecialQuestionOrHigh(dst, i, end) : firstSpecialOrQuestion(dst, i, end);
            if (k < 0) {
                return Escaper.result(n, end); // clean: the copy was all the work
            }
            byte b = dst[k];
            if (b < 0) {
                return Escaper.result(k - at, k); // 0x80-0xFF: two bytes in UTF-8
            }
            if (b != '?') {
                first = k;
                break;
            }
            if (text.charAt(k - at) != '?') {
                return Escaper.result(k - at, k); // a char the output cannot take as a byte
            }
            i = k + 1;
        }
        int limit = end;
        for (int q = first; (q = ascii ? firstQuestionOrHigh(dst, q, end) : indexOfByte(dst, q, end, (byte) '?')) >= 0; q++) {
            if (dst[q] < 0 || text.charAt(q - at) != '?') {
                limit = q;
                break;
            }
        }
        int len = limit - first;
        byte[][] holder = REST.get();
        byte[] rest = holder[0];
        if (rest.length < len) {
            rest = holder[0] = new byte[Math.max(len, 2 * rest.length)];
        }
        System.arraycopy(dst, first, rest, 0, len);
        return Escaper.result(limit - at, escapeBytes(rest, 0, len, dst, first));
    }

    /**
     * The index of the first byte in {@code a[from, to)} that is a special char, {@code '?'}, or
     * 0x80 or more (a char UTF-8 writes in two bytes), or -1: the one pass over a clean text
     * bound for UTF-8 output. The default is a plain loop; a backend with a vector scan folds
     * the last test into its lookup at no cost.
     */
    protected int firstSpecialQuestionOrHigh(byte[] a, int from, int to) {
        for (int i = from; i < to; i++) {
            int c = a[i] & 0xFF;
            if (c >= 0x80 || c == '?' || HtmlEscapes.isSpecial((char) c)) {
                return i;
            }
        }
        return -1;
    }

    /**
     * The index of the first byte in {@code a[from, to)} that is {@code '?'} or 0x80 or more,
     * or -1: where the escaped part of a text bound for UTF-8 output may have to stop. The
     * default is a plain loop.
     */
    protected int firstQuestionOrHigh(byte[] a, int from, int to) {
        for (int i = from; i < to; i++) {
            byte b = a[i];
            if (b < 0 || b == '?') {
                return i;
            }
        }
        return -1;
    }

    /**
     * The index of the first {@code b} in {@code a[from, to)}, or -1. The default is a plain
     * loop.
     */
    protected int indexOfByte(byte[] a, int from, int to, byte b) {
        for (int i = from; i < to; i++) {
            if (a[i] == b) {
                return i;
            }
        }
        return -1;
    }

    /**
     * The index of the first byte in {@code a[from, to)} that is a special char or {@code '?'}
     * (which may stand for a char the copy could not take), or -1: the one pass over a clean
     * text. The default is {@link #firstSpecialByte} and then {@link #indexOfByte} before it;
     * a backend with a faster single scan for the seven bytes overrides it.
     */
    protected int firstSpecialOrQuestion(byte[] a, int from, int to) {
        int k = firstSpecialByte(a, from, to);
        int q = indexOfByte(a, from, k < 0 ? to : k, (byte) '?');
        return q >= 0 ? q : k;
    }

    /**
     * The index of the first byte in {@code a[from, to)} that is a special char ({@code & < > " '}
     * or NUL), or -1. The default is a plain loop.
     */
    protected int firstSpecialByte(byte[] a, int from, int to) {
        for (int i = from; i < to; i++) {
            if (HtmlEscapes.isSpecial((char) (a[i] & 0xFF))) {
                return i;
            }
        }
        return -1;
    }

    /**
     * Writes the escaped form of the bytes {@code src[from, to)} (one char each) into
     * {@code dst} from {@code at}, which has room for {@code 6 * (to - from) + 64} bytes; returns
     * the index after the last byte written. {@code src} and {@code dst} are different arrays.
     * The default is a plain loop.
     */
    protected int escapeBytes(byte[] src, int from, int to, byte[] dst, int at) {
        return HtmlEscapes.escapeBytes(src, from, to, dst, at);
    }
}
