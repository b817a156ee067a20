package dev.kida.escape.simd;

import dev.kida.api.escape.HtmlEscapes;
import dev.kida.api.escape.BulkEscaper;
import jdk.incubator.vector.ByteVector;
import jdk.incubator.vector.ShortVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * The Vector API escaper. A String's chars are not reachable by the Vector API, so each chunk is
 * first copied with {@link String#getChars} into a per-thread char array (an intrinsic: for a
 * Latin-1 string it widens bytes to chars many at a time), then scanned {@code ShortVector} by
 * {@code ShortVector}. Working on UTF-16 code units keeps surrogates, paired or not, untouched:
 * none of them equals a special character.
 *
 * <p>The escape loop stores each loaded vector whole into the output before looking at its
 * mask; on a clean vector that store is the copy, and at a special character the output index
 * advances only over the clean prefix, so the next store overwrites the rest. A vector with
 * more than two specials (code-like text) is escaped char by char instead.
 */
final class SimdEscaper extends BulkEscaper {
    static final SimdEscaper INSTANCE = new SimdEscaper();

    private static final VectorSpecies<Short> SPECIES = ShortVector.SPECIES_PREFERRED;
    private static final int LANES = SPECIES.length();
    private static final VectorSpecies<Byte> BYTE_SPECIES = ByteVector.SPECIES_PREFERRED;
    private static final int BYTE_LANES = BYTE_SPECIES.length();
    /** Below this length the scalar loop wins: no buffer, no vector setup. */
    private static final int SHORT = 2 * LANES;
    /** Chars copied and scanned per step: a chunk and its output stay in the L1/L2 cache. */
    private static final int CHUNK = 4096;

    private static final ThreadLocal<Scratch> SCRATCH = ThreadLocal.withInitial(Scratch::new);

    /** Per-thread buffers: the input chunk, and the output with room for a whole-vector store. */
    private static final class Scratch {
        final char[] in = new char[CHUNK];
        final byte[] bytes = new byte[CHUNK];
        final char[] out = new char[CHUNK * 6 + LANES];
    }

    private SimdEscaper() {
        super(SHORT);
    }

    static int lanes() {
        return LANES;
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
     * The index of the first special character of {@code s}, or -1. The search starts on the
     * low bytes of the chars ({@link String#getBytes(int, int, byte[], int)}): for a Latin-1
     * String that copy is a plain array copy, half the bytes of {@link String#getChars}, and a
     * byte vector holds twice the lanes. The low byte of a special char is itself, so no special
     * is missed; a char above Latin-1 whose low byte looks special (U+0126 ends in '&') is
     * checked and proves the String wide, so the rest is searched char by char.
     */
    @SuppressWarnings("deprecation") // getBytes(int, int, byte[], int): exactly the low bytes wanted
    private static int firstSpecial(String s, Scratch scratch) {
        int n = s.length();
        byte[] bytes = scratch.bytes;
        for (int start = 0; start < n; start += CHUNK) {
            int len = Math.min(CHUNK, n - start);
            s.getBytes(start, start + len, bytes, 0);
            int at = scanBytes(bytes, len);
            if (at >= 0) {
                int i = start + at;
                return HtmlEscapes.isSpecial(s.charAt(i)) ? i : firstSpecialChars(s, i + 1, scratch.in);
            }
        }
        return -1;
    }

    /** The index of the first special character of {@code s} from {@code from}, or -1; by chars. */
    private static int firstSpecialChars(String s, int from, char[] buf) {
        int n = s.length();
        for (int start = from; start < n; start += CHUNK) {
            int len = Math.min(CHUNK, n - start);
            s.getChars(start, start + len, buf, 0);
            int at = scan(buf, len);
            if (at >= 0) {
                return start + at;
            }
        }
        return -1;
    }

    private static void escapeFrom(String s, int from, StringBuilder out, Scratch scratch) {
        int n = s.length();
        for (int start = from; start < n; start += CHUNK) {
            int len = Math.min(CHUNK, n - start);
            s.getChars(start, start + len, scratch.in, 0);
            out.append(scratch.out, 0, escapeChunk(scratch.in, len, scratch.out));
        }
    }

    /** The mask of lanes holding {@code & < > " '} or NUL. */
    private static VectorMask<Short> specials(ShortVector v) {
        // As for bytes: an unsigned minimum of XORs, one compare into a mask.
        return v.or((short) 1).lanewise(VectorOperators.XOR, (short) '\'')
                .lanewise(VectorOperators.UMIN, v.or((short) 2).lanewise(VectorOperators.XOR, (short) '>'))
                .lanewise(VectorOperators.UMIN, v.lanewise(VectorOperators.XOR, (short) '"'))
                .lanewise(VectorOperators.UMIN, v)
                .eq((short) 0);
    }

    /**
     * Zero in the lanes holding the low byte of {@code & < > " '} or NUL. Computed in the vector
     * domain (an unsigned minimum of XORs) and turned into a mask once: measured, this scans
     * about three times faster than OR-ing four compare masks, which C2 does not keep in mask
     * registers.
     */
    private static ByteVector distance(ByteVector v) {
        // '&' | 1 == '\'' | 1 == '\'', and '<' | 2 == '>' | 2 == '>': two XORs cover four chars.
        return v.or((byte) 1).lanewise(VectorOperators.XOR, (byte) '\'')
                .lanewise(VectorOperators.UMIN, v.or((byte) 2).lanewise(VectorOperators.XOR, (byte) '>'))
                .lanewise(VectorOperators.UMIN, v.lanewise(VectorOperators.XOR, (byte) '"'))
                .lanewise(VectorOperators.UMIN, v);
    }

    /** The index of the first byte in {@code a[0, len)} that looks special, or -1. */
    static int scanBytes(byte[] a, int len) {
        int i = 0;
        for (int bound = len - BYTE_LANES; i <= bound; i += BYTE_LANES) {
            VectorMask<Byte> m = distance(ByteVector.fromArray(BYTE_SPECIES, a, i)).eq((byte) 0);
            if (m.anyTrue()) {
                return i + m.firstTrue();
            }
        }
        for (; i < len; i++) {
            byte b = a[i];
            if (b == '&' || b == '<' || b == '>' || b == '"' || b == '\'' || b == 0) {
                return i;
            }
        }
        return -1;
    }

    /** The index of the first special character in {@code a[0, len)}, or -1. */
    static int scan(char[] a, int len) {
        int i = 0;
        for (int bound = len - LANES; i <= bound; i += LANES) {
            VectorMask<Short> m = specials(ShortVector.fromCharArray(SPECIES, a, i));
            if (m.anyTrue()) {
                return i + m.firstTrue();
            }
        }
        if (i < len) {
            if (len >= LANES) {
                // One overlapping vector ends exactly at len; the lanes before i are known clean.
                int last = len - LANES;
                VectorMask<Short> m = specials(ShortVector.fromCharArray(SPECIES, a, last));
                return m.anyTrue() ? last + m.firstTrue() : -1;
            }
            for (; i < len; i++) {
                if (HtmlEscapes.isSpecial(a[i])) {
                    return i;
                }
            }
        }
        return -1;
    }

    /** Writes the escaped form of {@code in[0, len)} to {@code out}; returns the length written. */
    static int escapeChunk(char[] in, int len, char[] out) {
        int i = 0;
        int j = 0;
        for (int bound = len - LANES; i <= bound; ) {
            ShortVector v = ShortVector.fromCharArray(SPECIES, in, i);
            v.intoCharArray(out, j);
            VectorMask<Short> m = specials(v);
            if (!m.anyTrue()) {
                i += LANES;
                j += LANES;
                continue;
            }
            if (m.trueCount() > 2) {
                // Dense: restarting the vector after each special costs more than a scalar pass.
                for (int end = i + LANES; i < end; i++) {
                    char c = in[i];
                    if (HtmlEscapes.isSpecial(c)) {
                        j = HtmlEscapes.writeReplacement(c, out, j);
                    } else {
                        out[j++] = c;
                    }
                }
                continue;
            }
            int k = m.firstTrue();
            i += k;
            j = HtmlEscapes.writeReplacement(in[i], out, j + k);
            i++;
        }
        for (; i < len; i++) {
            char c = in[i];
            if (HtmlEscapes.isSpecial(c)) {
                j = HtmlEscapes.writeReplacement(c, out, j);
            } else {
                out[j++] = c;
            }
        }
        return j;
    }
}
