package dev.kida.escape.simd;

import dev.kida.api.escape.HtmlEscapes;
import dev.kida.api.escape.BulkEscaper;
import dev.kida.api.escape.Escaper;
import dev.kida.api.escape.StringBytes;
import jdk.incubator.vector.ByteVector;
import jdk.incubator.vector.ShortVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

import java.nio.charset.StandardCharsets;

/**
 * The Vector API escaper. A String's chars are not reachable by the Vector API, so each chunk is
 * first copied with {@link String#getChars} into a per-thread char array (an intrinsic: for a
 * Latin-1 string it widens bytes to chars many at a time), then scanned {@code ShortVector} by
 * {@code ShortVector}. Working on UTF-16 code units keeps surrogates, paired or not, untouched:
 * none of them equals a special character.
 *
 * <p>The escape loop stores each loaded vector whole into the output before looking at its
 * mask; on a clean vector that store is the copy; at each special character the replacement is
 * written and the rest of the vector stored again after it (see {@link #escapeChunk}).
 */
final class SimdEscaper extends BulkEscaper {
    private static final VectorSpecies<Short> SPECIES = ShortVector.SPECIES_PREFERRED;
    private static final int LANES = SPECIES.length();
    private static final VectorSpecies<Byte> BYTE_SPECIES = ByteVector.SPECIES_PREFERRED;
    private static final int BYTE_LANES = BYTE_SPECIES.length();
    /** Below this length the scalar loop wins: no buffer, no vector setup. */
    private static final int SHORT = 2 * LANES;
    /**
     * After SHORT, which its constructor reads: declared first (as it was until issue 13's third
     * round), it was built while SHORT was still 0, so even one-char strings took the vector path.
     */
    static final SimdEscaper INSTANCE = new SimdEscaper();
    /** Chars copied and scanned per step: a chunk and its output stay in the L1/L2 cache. */
    private static final int CHUNK = 4096;
    /**
     * Chars copied as bytes and scanned per step by {@link #firstSpecial(String, Scratch)} after
     * the first step of {@link #FIRST_STEP}. Small enough that the copy is written to, and
     * scanned from, the L1 cache while the text itself stays there too (16 Ki of text plus a
     * 16 Ki copy fill a 32 KiB L1), large enough that the copy runs with the JDK's widest
     * stores (its arraycopy stub takes 64-byte stores only from 4 KiB, {@code AVX3Threshold}).
     * Measured (issue 13, seventh round; CPU time, best of 15 x 2,000, 16 Ki clean chars, copy
     * and scan alone, with the compare-mask lookup): one step 303-325 ns, 8 Ki steps 308, 4 Ki
     * 294-311, 2 Ki 312, 1 Ki 415. (With the older XOR-MIN lookup, in the fourth round, one
     * step had measured fastest: 340 ns against 385 for 4 Ki steps.) Eighth round, whole calls
     * in alternating JVMs: 8 Ki steps 306-381 ns against 319-375, the rest in one step 368-391:
     * no gain beyond the spread below, so 4 Ki stays.
     *
     * <p>That spread is the copy's: the JDK's stub runs ~15% faster (145 against up to 175 ns
     * per 16 Ki) when this buffer lies at one of two places (of eight) modulo 64 against the
     * String's own array, which no public API shows or chooses (heap arrays are 8-byte aligned
     * and move in a GC). The scan is not sensitive to it (issue 13, eighth round, in
     * docs/performance.md; {@code EscaperParts} times the copy at four offsets).
     */
    private static final int BYTE_CHUNK = 4096;
    /**
     * The first step is short: text with specials mostly has one early, and then copying the
     * whole text first (~170 ns per 16 Ki) is wasted.
     */
    private static final int FIRST_STEP = 1024;

    private static final ThreadLocal<Scratch> SCRATCH = ThreadLocal.withInitial(Scratch::new);

    /** Per-thread buffers: the input chunk, and the output with room for a whole-vector store. */
    private static final class Scratch {
        final char[] in = new char[CHUNK];
        final byte[] bytes = new byte[BYTE_CHUNK];
        final char[] out = new char[CHUNK * 6 + LANES];
        /** Where {@link #escaped} builds a result; grown on demand, at most ~8 * DIRECT_MAX chars. */
        char[] result = new char[0];
        /** {@link #escapedLatin1}'s copy of the text and its output; grown on demand, at most DIRECT_MAX + 1 and 6 * DIRECT_MAX + 64 bytes. */
        byte[] latinIn = new byte[0];
        byte[] latinOut = new byte[0];

        byte[] latinIn(int capacity) {
            if (latinIn.length < capacity) {
                latinIn = new byte[Math.max(capacity, Math.min(2 * latinIn.length, DIRECT_MAX + 1))];
            }
            return latinIn;
        }

        byte[] latinOut(int capacity) {
            if (latinOut.length < capacity) {
                latinOut = new byte[Math.max(capacity, Math.min(2 * latinOut.length, 6 * DIRECT_MAX + 64))];
            }
            return latinOut;
        }

        char[] result(int capacity) {
            if (result.length < capacity) {
                result = java.util.Arrays.copyOf(result, Math.max(capacity, 2 * result.length));
            }
            return result;
        }
    }

    /** The longest text escaped through {@link Scratch#result} rather than a StringBuilder. */
    private static final int DIRECT_MAX = 4 * CHUNK;
    /**
     * Chars at the head of a text looked at before it is escaped as bytes: one above Latin-1
     * among them sends the text to the char path at once (see {@link #escapedLatin1}).
     */
    private static final int WIDE_PROBE = 32;

    private SimdEscaper() {
        super(SHORT);
    }

    static int lanes() {
        return LANES;
    }

    /** Where {@link #firstSpecial(String, Scratch)} starts a new copy: for the chunk-edge tests. */
    static int[] byteSteps() {
        return new int[] {FIRST_STEP, BYTE_CHUNK};
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
     *
     * <p>The copy is this call's floor. Sampled in JMH (issue 13, ninth round:
     * kida-bench/escape-profile.sh), a clean 16 Ki text spends ~40% of the call in the JDK's
     * arraycopy stub that {@code getBytes} ends in and the rest in the scan, which runs at the
     * speed of a loop that only loads and compares; the String's own array is not reachable
     * without {@code --add-opens}. So the engine does not come here to print: its outputs hand
     * the backend their own byte arrays ({@code escapeInto}), where the copy is the output's write
     * and nothing is copied twice.
     */
    @SuppressWarnings("deprecation") // getBytes(int, int, byte[], int): exactly the low bytes wanted
    private static int firstSpecial(String s, Scratch scratch) {
        int n = s.length();
        byte[] bytes = scratch.bytes;
        for (int start = 0, step = FIRST_STEP; start < n; start += step, step = BYTE_CHUNK) {
            int len = Math.min(step, n - start);
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
            out.append(scratch.out, 0, escapeChunk(scratch.in, len, scratch.out, 0));
        }
    }

    /**
     * Escapes into a per-thread char array and makes the String from it: one compressing copy
     * instead of a StringBuilder's two (append, then toString). Profile finding (2%-special
     * prose, 16 Ki chars, best of 200 rounds): of 6.2 us per call, 0.8 went to appending the
     * escaped chunks and 1.2 to {@code toString}. Texts longer than {@link #DIRECT_MAX} take the
     * builder, so that no thread keeps a large array.
     */
    @Override
    protected String escaped(String s, int first) {
        int n = s.length();
        if (n > DIRECT_MAX) {
            return super.escaped(s, first);
        }
        Scratch scratch = SCRATCH.get();
        if (StringBytes.available() && !wideHead(s)) {
            String r = escapedLatin1(s, first, scratch);
            if (r != null) {
                return r;
            }
        }
        char[] res = scratch.result(first + 6 * Math.min(CHUNK, n - first) + LANES);
        s.getChars(0, first, res, 0);
        int j = first;
        for (int start = first; start < n; start += CHUNK) {
            int len = Math.min(CHUNK, n - start);
            s.getChars(start, start + len, scratch.in, 0);
            res = scratch.result(j + 6 * len + LANES);
            j = escapeChunk(scratch.in, len, res, j);
        }
        return new String(res, 0, j);
    }

    /** Whether one of the first {@link #WIDE_PROBE} chars of {@code s} is above Latin-1. */
    private static boolean wideHead(String s) {
        for (int i = 0, end = Math.min(s.length(), WIDE_PROBE); i < end; i++) {
            if (s.charAt(i) > 0xFF) {
                return true;
            }
        }
        return false;
    }

    /**
     * {@link #escaped} for a text whose head is Latin-1, as bytes: {@link StringBytes#copy}
     * (for a String held in Latin-1 one array copy of its own bytes), {@link #escapeBytes} from
     * the first special, and {@code new String(bytes, ISO_8859_1)} (one more array copy; the
     * String keeps them as they are). Profile finding (issue 13, sixth round, 2%-special text of
     * 16 Ki chars): the char path widened the text into chars ({@code getChars}), escaped 32
     * chars a vector and compressed the result back ({@code new String(char[])}), 2.4 chars/ns
     * against 4.3 for the same escape into an output's bytes, 64 bytes a vector.
     *
     * <p>A text held in UTF-16 is not copied raw: the JDK encodes it into a new array, and every
     * char above Latin-1 becomes {@code '?'} (an earlier version that took every String this way
     * made Cyrillic/CJK text 10x slower). {@link #wideHead} keeps most such texts out. For one
     * whose first wide char comes later, a {@code '?'} byte that is not a {@code '?'} of the text
     * shows it, and this returns null: the text is escaped by chars from its first special, as
     * before, and the copy was wasted. Measured (CPU time, 16 Ki chars, 2% specials, one U+2019
     * at char 100 or 8,192, under load; the char path alone 6.1-7.9 us): starting over 8.2-9.8
     * us; escaping the rest by chars after the bytes part, through a StringBuilder, 11-12 us,
     * and widening the bytes part into the char result and going on from there 8.7-18 us.
     */
    private String escapedLatin1(String s, int first, Scratch scratch) {
        int n = s.length();
        byte[] in = scratch.latinIn(n + 1); // StringBytes.copy writes a zero byte after the text
        StringBytes.copy(s, in, 0, StandardCharsets.ISO_8859_1);
        // From 0, not from first: the scan that found first looked at the low bytes of the chars,
        // so a wide char may come before it.
        for (int q = 0; (q = indexOfByte(in, q, n, (byte) '?')) >= 0; q++) {
            if (s.charAt(q) != '?') {
                return null; // a char above Latin-1: the String is held in UTF-16
            }
        }
        byte[] out = scratch.latinOut(Escaper.room(n));
        System.arraycopy(in, 0, out, 0, first);
        int j = escapeBytes(in, first, n, out, first);
        return new String(out, 0, j, StandardCharsets.ISO_8859_1);
    }

    /** Short lanes: XOR with this and the unsigned order becomes the signed one. */
    private static final short BIAS16 = (short) 0x8000;
    /** Byte lanes: XOR with this and the unsigned order becomes the signed one. */
    private static final byte BIAS8 = (byte) 0x80;

    /**
     * Bit k set where lane k of the vector of {@code a} at {@code i} holds {@code & < > " '} or
     * NUL. See {@link #specialBytes} for how.
     */
    private static long specialChars(char[] a, int i) {
        ShortVector v = ShortVector.fromCharArray(SPECIES, a, i);
        return v.or((short) 1).lanewise(VectorOperators.XOR, (short) ('\'' ^ BIAS16))
                .min(v.or((short) 2).lanewise(VectorOperators.XOR, (short) ('>' ^ BIAS16)))
                .min(v.lanewise(VectorOperators.XOR, (short) ('"' ^ BIAS16)))
                .min(v.lanewise(VectorOperators.XOR, BIAS16))
                .eq(BIAS16)
                .toLong();
    }

    /**
     * The lookup tables of {@link #lookupBytes}, one row per low nibble, repeated to fill a
     * vector: row {@code n} holds the byte among the ones searched whose low nibble is
     * {@code n}, or else a byte whose low nibble is not {@code n} (so no byte matches it). The
     * seven bytes {@code NUL " & ' < > ?} end in the nibbles 0, 2, 6, 7, C, E, F: no two share a
     * row, which is what makes one lookup enough.
     */
    private static final ByteVector SPECIAL_ROWS = nibbleRows("\0\"&'<>");
    private static final ByteVector SPECIAL_OR_QUESTION_ROWS = nibbleRows("\0\"&'<>?");
    /** Keeps a lookup index inside the table, as JDK 21 requires (JDK 24 and later wrap it alike). */
    private static final byte ROW_INDEX = (byte) (BYTE_LANES - 1);

    private static ByteVector nibbleRows(String bytes) {
        byte[] rows = new byte[BYTE_LANES];
        for (int i = 0; i < rows.length; i++) {
            int nibble = i & 15;
            int b = (nibble + 1) & 15; // any byte ending in another nibble never matches
            for (char c : bytes.toCharArray()) {
                if ((c & 15) == nibble) {
                    b = c;
                }
            }
            rows[i] = (byte) b;
        }
        return ByteVector.fromArray(BYTE_SPECIES, rows, 0);
    }

    /**
     * Bit k set where lane k of the vector of {@code a} at {@code i} holds one of the bytes of
     * {@code rows} (see {@link #SPECIAL_ROWS}); for several vectors from {@code i}, where lane k
     * of any of them does.
     *
     * <p>Each byte looks up the row of its low nibble ({@code selectFrom}, one byte permute:
     * {@code vpermb} with AVX-512 VBMI) and is compared with it: equal exactly where the byte is
     * the one searched for that nibble. Each compare's mask goes to a {@code long} and the longs
     * are OR-ed (for several vectors the bits say only whether some lane of some vector matched;
     * the callers then test vector by vector).
     *
     * <p>Measured (issue 13, seventh round; CPU time, best of 15 x 2,000, 16 Ki clean bytes, JDK
     * 25, 512-bit vectors, AMD EPYC, under load): this form 142-157 ns, against 177-188 ns for
     * the one before it (XOR with the row, signed MIN over four vectors with rows biased by
     * 0x80, one compare: five vector operations a vector where this has three and a mask move)
     * and 91-140 ns for a loop doing nothing but load and MIN (the floor of any scan). Before
     * that (fourth round) 336 ns for four XOR-and-MIN terms a vector ({@code (b | 1) ^ '\''},
     * {@code (b | 2) ^ '>'}, {@code b ^ '"'}, {@code b}) plus 93 ns for a separate {@code '?'}
     * scan. OR-ing the four compare masks as {@code VectorMask}s before one {@code toLong}
     * measured slower (209 ns) than OR-ing the longs; eight vectors per test, slower (202 ns).
     * Eighth round (three JVMs): this form 140-143 ns, a loop that only compares each vector
     * with zero (no lookup at all) 139-140, so the lookup itself costs nothing measurable and
     * the scan is at the floor of a load and a compare a vector; the masks OR-ed as
     * {@code VectorMask}s with one {@code anyTrue} 185; four lookups XOR-ed, MIN-ed and compared
     * once 154-167; two vectors per test 148-150 against 154-155, no gain in the whole call.
     *
     * <p>No vector crosses a method boundary here or in the callers (array and index in, bits
     * out). Profile finding (-XX:+PrintInlining): a helper taking and returning a ByteVector was
     * not always inlined ("callee is too large", "NodeCountInliningCutoff"), and where it was not,
     * every vector was boxed: clean 16 Ki text ran at 6.5 instead of 20 chars/ns.
     */
    private static long lookupBytes(ByteVector rows, byte[] a, int i, int vectors) {
        long m = 0;
        for (int u = 0; u < vectors; u++) {
            ByteVector v = ByteVector.fromArray(BYTE_SPECIES, a, i + u * BYTE_LANES);
            m |= v.and(ROW_INDEX).selectFrom(rows).eq(v).toLong();
        }
        return m;
    }

    /**
     * {@link #lookupBytes} for UTF-8 output: bit k set where lane k of any of the vectors from
     * {@code i} holds {@code NUL " & ' < > ?} or a byte of 0x80 or more, with five operations a
     * vector (load, AND, permute, XOR, MIN) where {@link #lookupBytes} has four (load, AND,
     * permute, compare) and a mask move; a compare would need a second one here for the high
     * bytes, and this form was not measured against that. Each row holds an ASCII byte, so the XOR of
     * an ASCII byte with its row is 0 on a match and 1-0x7F otherwise, and the XOR of a byte of
     * 0x80 or more is negative. The signed least of them is at most 0 exactly where a lane
     * matched or was high; the high bit, which the biased scan has to ignore, is the test here.
     */
    private static long lookupBytesOrHigh(byte[] a, int i, int vectors) {
        ByteVector d = ByteVector.broadcast(BYTE_SPECIES, Byte.MAX_VALUE);
        for (int u = 0; u < vectors; u++) {
            ByteVector v = ByteVector.fromArray(BYTE_SPECIES, a, i + u * BYTE_LANES);
            d = d.min(v.and(ROW_INDEX).selectFrom(SPECIAL_OR_QUESTION_ROWS).lanewise(VectorOperators.XOR, v));
        }
        return d.lt((byte) 1).toLong();
    }

    /**
     * The index of the first byte in {@code a[from, to)} that is special, {@code '?'} or 0x80 or
     * more, or -1: {@link #scanBytes(ByteVector, byte[], int, int)} with {@link #lookupBytesOrHigh}.
     */
    static int scanBytesOrHigh(byte[] a, int from, int to) {
        int i = from;
        for (int bound = to - 4 * BYTE_LANES; i <= bound; i += 4 * BYTE_LANES) {
            if (lookupBytesOrHigh(a, i, 4) != 0) {
                break; // the loop below finds which lane
            }
        }
        for (int bound = to - BYTE_LANES; i <= bound; i += BYTE_LANES) {
            long m = lookupBytesOrHigh(a, i, 1);
            if (m != 0) {
                return i + Long.numberOfTrailingZeros(m);
            }
        }
        if (i < to && to - from >= BYTE_LANES) {
            int last = to - BYTE_LANES; // overlapping, as in scanBytes
            long m = lookupBytesOrHigh(a, last, 1);
            return m != 0 ? last + Long.numberOfTrailingZeros(m) : -1;
        }
        for (; i < to; i++) {
            byte b = a[i];
            if (b < 0 || b == '&' || b == '<' || b == '>' || b == '"' || b == '\'' || b == 0 || b == '?') {
                return i;
            }
        }
        return -1;
    }

    @Override
    protected int firstSpecialQuestionOrHigh(byte[] a, int from, int to) {
        return scanBytesOrHigh(a, from, to);
    }

    /**
     * The first {@code '?'} or byte of 0x80 or more: as {@link #indexOfByte}, unbiased, so that
     * the signed least of {@code b ^ '?'} is at most 0 exactly where a lane is {@code '?'} or high.
     */
    @Override
    protected int firstQuestionOrHigh(byte[] a, int from, int to) {
        int i = from;
        for (int bound = to - 4 * BYTE_LANES; i <= bound; i += 4 * BYTE_LANES) {
            ByteVector d = ByteVector.fromArray(BYTE_SPECIES, a, i).lanewise(VectorOperators.XOR, (byte) '?')
                    .min(ByteVector.fromArray(BYTE_SPECIES, a, i + BYTE_LANES).lanewise(VectorOperators.XOR, (byte) '?'))
                    .min(ByteVector.fromArray(BYTE_SPECIES, a, i + 2 * BYTE_LANES).lanewise(VectorOperators.XOR, (byte) '?'))
                    .min(ByteVector.fromArray(BYTE_SPECIES, a, i + 3 * BYTE_LANES).lanewise(VectorOperators.XOR, (byte) '?'));
            if (d.lt((byte) 1).anyTrue()) {
                break;
            }
        }
        for (int bound = to - BYTE_LANES; i <= bound; i += BYTE_LANES) {
            long m = ByteVector.fromArray(BYTE_SPECIES, a, i).lanewise(VectorOperators.XOR, (byte) '?').lt((byte) 1).toLong();
            if (m != 0) {
                return i + Long.numberOfTrailingZeros(m);
            }
        }
        for (; i < to; i++) {
            if (a[i] < 0 || a[i] == '?') {
                return i;
            }
        }
        return -1;
    }

    /**
     * Bit k set where lane k of the vector at {@code i} holds {@code & < > " '} or NUL, for the
     * escape loop ({@link #escapeBytes}), which needs the mask of each vector at once: the
     * least of four biased XORs ({@code '&' | 1 == '\'' | 1} and {@code '<' | 2 == '>' | 2}, so
     * two cover four chars), compared once. The scans use the table lookup of
     * {@link #lookupBytes} instead; in the escape loop it measured no faster (typical text, 2%
     * specials, best of 25 x 1,000 under load: 1,504-1,851 ns against 1,704-1,985 per 16 Ki, the
     * order changing from run to run), so the loop kept this form.
     */
    private static long specialBytes(byte[] a, int i) {
        ByteVector v = ByteVector.fromArray(BYTE_SPECIES, a, i);
        return v.or((byte) 1).lanewise(VectorOperators.XOR, (byte) ('\'' ^ BIAS8))
                .min(v.or((byte) 2).lanewise(VectorOperators.XOR, (byte) ('>' ^ BIAS8)))
                .min(v.lanewise(VectorOperators.XOR, (byte) ('"' ^ BIAS8)))
                .min(v.lanewise(VectorOperators.XOR, BIAS8))
                .eq(BIAS8)
                .toLong();
    }

    /** The index of the first byte in {@code a[0, len)} that looks special, or -1. */
    static int scanBytes(byte[] a, int len) {
        return scanBytes(a, 0, len);
    }

    /** The index of the first byte in {@code a[from, to)} that looks special, or -1. */
    static int scanBytes(byte[] a, int from, int to) {
        return scanBytes(SPECIAL_ROWS, a, from, to);
    }

    /** The index of the first byte in {@code a[from, to)} that is special or {@code '?'}, or -1. */
    static int scanBytesOrQuestion(byte[] a, int from, int to) {
        return scanBytes(SPECIAL_OR_QUESTION_ROWS, a, from, to);
    }

    /** The index of the first byte in {@code a[from, to)} that {@code rows} holds, or -1. */
    private static int scanBytes(ByteVector rows, byte[] a, int from, int to) {
        int i = from;
        for (int bound = to - 4 * BYTE_LANES; i <= bound; i += 4 * BYTE_LANES) {
            if (lookupBytes(rows, a, i, 4) != 0) {
                break; // the loop below finds which lane
            }
        }
        for (int bound = to - BYTE_LANES; i <= bound; i += BYTE_LANES) {
            long m = lookupBytes(rows, a, i, 1);
            if (m != 0) {
                return i + Long.numberOfTrailingZeros(m);
            }
        }
        if (i < to && to - from >= BYTE_LANES) {
            // One overlapping vector ends exactly at to; the lanes before i are known clean.
            // Measured: with a byte loop for the tail instead, clean 96-char strings ran at 1.7
            // chars/ns against 3.8 for the java backend (63 tail bytes one by one).
            int last = to - BYTE_LANES;
            long m = lookupBytes(rows, a, last, 1);
            return m != 0 ? last + Long.numberOfTrailingZeros(m) : -1;
        }
        boolean question = rows == SPECIAL_OR_QUESTION_ROWS;
        for (; i < to; i++) {
            byte b = a[i];
            if (b == '&' || b == '<' || b == '>' || b == '"' || b == '\'' || b == 0 || (question && b == '?')) {
                return i;
            }
        }
        return -1;
    }

    /**
     * One pass for the seven bytes (see {@link #SPECIAL_OR_QUESTION_ROWS}): the lookup costs
     * the same with {@code '?'} in its table as without, so the separate {@code '?'} scan of the
     * default is saved.
     */
    @Override
    protected int firstSpecialOrQuestion(byte[] a, int from, int to) {
        return scanBytesOrQuestion(a, from, to);
    }

    @Override
    protected int firstSpecialByte(byte[] a, int from, int to) {
        return scanBytes(a, from, to);
    }

    /**
     * The index of the first {@code b} in {@code a[from, to)}, or -1: four vectors per test
     * (their XORs with {@code b} folded by an unsigned minimum, biased as in {@link #specialBytes}).
     */
    @Override
    protected int indexOfByte(byte[] a, int from, int to, byte b) {
        int i = from;
        byte key = (byte) (b ^ BIAS8);
        for (int bound = to - 4 * BYTE_LANES; i <= bound; i += 4 * BYTE_LANES) {
            ByteVector d = ByteVector.fromArray(BYTE_SPECIES, a, i).lanewise(VectorOperators.XOR, key)
                    .min(ByteVector.fromArray(BYTE_SPECIES, a, i + BYTE_LANES).lanewise(VectorOperators.XOR, key))
                    .min(ByteVector.fromArray(BYTE_SPECIES, a, i + 2 * BYTE_LANES).lanewise(VectorOperators.XOR, key))
                    .min(ByteVector.fromArray(BYTE_SPECIES, a, i + 3 * BYTE_LANES).lanewise(VectorOperators.XOR, key));
            if (d.eq(BIAS8).anyTrue()) {
                break;
            }
        }
        for (int bound = to - BYTE_LANES; i <= bound; i += BYTE_LANES) {
            long m = ByteVector.fromArray(BYTE_SPECIES, a, i).eq(b).toLong();
            if (m != 0) {
                return i + Long.numberOfTrailingZeros(m);
            }
        }
        for (; i < to; i++) {
            if (a[i] == b) {
                return i;
            }
        }
        return -1;
    }

    /** Row {@code c} (8 bytes) holds the replacement of special character {@code c}. */
    private static final byte[] REPLACEMENT_BYTES = new byte[64 * 8];
    private static final VectorSpecies<Byte> EIGHT_BYTES = ByteVector.SPECIES_64;

    static {
        for (char c = 0; c < 64; c++) {
            if (HtmlEscapes.isSpecial(c)) {
                byte[] r = HtmlEscapes.replacement(c).getBytes(java.nio.charset.StandardCharsets.US_ASCII);
                System.arraycopy(r, 0, REPLACEMENT_BYTES, c * 8, r.length);
            }
        }
    }

    /**
     * {@link #escapeChunk} on bytes: the output of {@code escapeInto}, where a byte vector holds
     * twice the chars of a char vector. Each vector is stored whole; at each special its
     * replacement is written from its 8-byte table row and the vector stored again, masked to the
     * lanes after the special.
     */
    @Override
    protected int escapeBytes(byte[] src, int from, int to, byte[] dst, int at) {
        int i = from;
        int j = at;
        for (int bound = to - BYTE_LANES; i <= bound; i += BYTE_LANES) {
            ByteVector v = ByteVector.fromArray(BYTE_SPECIES, src, i);
            v.intoArray(dst, j);
            long m = specialBytes(src, i);
            while (m != 0) {
                int k = Long.numberOfTrailingZeros(m);
                int c = src[i + k];
                ByteVector.fromArray(EIGHT_BYTES, REPLACEMENT_BYTES, c << 3).intoArray(dst, j + k);
                j += GROWTH[c];
                // j may be at - 1 here (a NUL in lane 0): the masked store writes only lanes after k.
                v.intoArray(dst, j, VectorMask.fromLong(BYTE_SPECIES, -2L << k));
                m &= m - 1;
            }
            j += BYTE_LANES;
        }
        return HtmlEscapes.escapeBytes(src, i, to, dst, j);
    }

    /** The index of the first special character in {@code a[0, len)}, or -1. */
    static int scan(char[] a, int len) {
        int i = 0;
        for (int bound = len - LANES; i <= bound; i += LANES) {
            long m = specialChars(a, i);
            if (m != 0) {
                return i + Long.numberOfTrailingZeros(m);
            }
        }
        if (i < len) {
            if (len >= LANES) {
                // One overlapping vector ends exactly at len; the lanes before i are known clean.
                int last = len - LANES;
                long m = specialChars(a, last);
                return m != 0 ? last + Long.numberOfTrailingZeros(m) : -1;
            }
            for (; i < len; i++) {
                if (HtmlEscapes.isSpecial(a[i])) {
                    return i;
                }
            }
        }
        return -1;
    }

    /** Row {@code c} (8 chars) holds the replacement of special character {@code c}. */
    private static final char[] REPLACEMENTS = new char[64 * 8];
    /** The length of the replacement of {@code c < 64}, minus one (-1 for NUL, which is dropped). */
    private static final int[] GROWTH = new int[64];
    private static final VectorSpecies<Short> EIGHT = ShortVector.SPECIES_128;

    static {
        for (char c = 0; c < 64; c++) {
            if (HtmlEscapes.isSpecial(c)) {
                String r = HtmlEscapes.replacement(c);
                r.getChars(0, r.length(), REPLACEMENTS, c * 8);
                GROWTH[c] = r.length() - 1;
            }
        }
    }

    /**
     * Writes the escaped form of {@code in[0, len)} to {@code out} from {@code at} (room for
     * {@code 6 * len + LANES} chars from there); returns where it ends.
     *
     * <p>Each vector is stored whole. At each special char of it (lowest lane first), the
     * replacement is written from its table row (one 8-char store, whatever the char) and the
     * vector is stored again, masked to the lanes after the special, shifted so that they follow
     * the replacement. The vector is never reloaded and no branch depends on which char is
     * special. Profile finding (2%-special prose, 16 Ki chars): the previous loop restarted the
     * vector after each special and chose the replacement with a switch, and spent ~25 ns per
     * special, mostly in mispredicted branches.
     */
    static int escapeChunk(char[] in, int len, char[] out, int at) {
        int i = 0;
        int j = at;
        for (int bound = len - LANES; i <= bound; i += LANES) {
            ShortVector v = ShortVector.fromCharArray(SPECIES, in, i);
            v.intoCharArray(out, j);
            long m = specialChars(in, i);
            while (m != 0) {
                int k = Long.numberOfTrailingZeros(m);
                int c = in[i + k];
                ShortVector.fromCharArray(EIGHT, REPLACEMENTS, c << 3).intoCharArray(out, j + k);
                j += GROWTH[c];
                // j may be at - 1 here (a NUL in lane 0 of the first vector): a masked store checks
                // only the lanes it writes, all of which land at or after at.
                v.intoCharArray(out, j, VectorMask.fromLong(SPECIES, -2L << k));
                m &= m - 1;
            }
            j += LANES;
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
