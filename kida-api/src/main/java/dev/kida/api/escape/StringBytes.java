package dev.kida.api.escape;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

/**
 * Copies a String's chars into a byte array, one byte per char, in one bulk copy where the JDK
 * allows it: the first step of {@link Escaper#escapeInto} for a backend that then scans and
 * rewrites the bytes in place.
 *
 * <p>Why not {@link String#getBytes(int, int, byte[], int)}: it keeps the low byte of every
 * char, so a char above Latin-1 is not only lost but may even look like a special one (U+0126
 * ends in {@code '&'}), and nothing tells the caller. {@code MemorySegment.setString} with
 * ISO-8859-1 or US-ASCII (JDK 22+, here over a heap segment of the destination) is, for a String
 * held in Latin-1 whose bytes fit the charset, one raw copy of the String's own array (JDK 25:
 * {@code StringSupport.copyBytes}); otherwise it encodes, and every char the charset cannot hold
 * becomes {@code '?'}. So after the copy, a {@code '?'} byte whose char is not {@code '?'}
 * marks the first char the output cannot take as a byte, and everything before it is exact.
 * With US-ASCII the JDK first checks the whole String for bytes of 0x80 or more (one more pass)
 * and encodes into a new array when it finds one, so {@link BulkEscaper} copies in ISO-8859-1
 * for UTF-8 output too and finds those bytes in its own scan.
 * The module is compiled for release 21, where the foreign memory API is a preview, so the two
 * methods are looked up reflectively; on a JDK without them {@link #available()} is false and
 * backends escape through their String path.
 */
public final class StringBytes {
    /** {@code MemorySegment.ofArray(byte[])}, as {@code (byte[])Object}; null when unavailable. */
    private static final MethodHandle OF_ARRAY;
    /** {@code MemorySegment.setString(long, String, Charset)}, as {@code (Object,long,String,Charset)void}. */
    private static final MethodHandle SET_STRING;

    static {
        MethodHandle ofArray = null;
        MethodHandle setString = null;
        try {
            Class<?> segment = Class.forName("java.lang.foreign.MemorySegment");
            MethodHandles.Lookup lookup = MethodHandles.publicLookup();
            ofArray = lookup.findStatic(segment, "ofArray", MethodType.methodType(segment, byte[].class))
                    .asType(MethodType.methodType(Object.class, byte[].class));
            setString = lookup.findVirtual(segment, "setString",
                            MethodType.methodType(void.class, long.class, String.class, Charset.class))
                    .asType(MethodType.methodType(void.class, Object.class, long.class, String.class, Charset.class));
        } catch (ReflectiveOperationException | RuntimeException e) {
            // JDK 21: the method does not exist yet (the foreign memory API is a preview there).
            ofArray = null;
            setString = null;
        }
        OF_ARRAY = ofArray;
        SET_STRING = setString;
    }

    private StringBytes() {
    }

    /** Whether {@link #copy} is available on this JDK (22 and later). */
    public static boolean available() {
        return SET_STRING != null;
    }

    /**
     * Writes the chars of {@code text} into {@code dst} from {@code at}, one byte each, in
     * {@code charset} ({@link StandardCharsets#ISO_8859_1} or {@link StandardCharsets#US_ASCII}),
     * followed by a zero byte: {@code dst} needs room for {@code text.length() + 1} bytes from
     * {@code at}. A char the charset cannot hold is written as {@code '?'} (a surrogate pair as
     * one {@code '?'}, so the bytes after it no longer line up with the chars).
     *
     * @throws IllegalStateException when not {@link #available()}
     */
    public static void copy(String text, byte[] dst, int at, Charset charset) {
        if (SET_STRING == null) {
            throw new IllegalStateException("StringBytes.copy needs JDK 22 or later");
        }
        try {
            SET_STRING.invokeExact(segment(dst), (long) at, text, charset);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable t) {
            throw new IllegalStateException(t);
        }
    }

    /** Per thread: the last array copied into and the segment over it (an output's buffer changes only as it grows). */
    private static final ThreadLocal<Object[]> LAST = ThreadLocal.withInitial(() -> new Object[2]);

    /**
     * The heap segment over {@code dst}. Kept per thread, not made per call: JMH's -prof gc
     * showed the segment (32 bytes) allocated at every call in one of the backends' call sites,
     * where escape analysis did not remove it.
     */
    private static Object segment(byte[] dst) throws Throwable {
        Object[] last = LAST.get();
        if (last[0] != dst) {
            last[1] = (Object) OF_ARRAY.invokeExact(dst);
            last[0] = dst;
        }
        return last[1];
    }

    /**
     * The index in {@code dst[from, to)} of the first {@code '?'} that does not stand for a
     * {@code '?'} of {@code text} (whose char {@code i} was copied to {@code at + i}), or
     * {@code to}: where the chars stop fitting one byte each. Scalar; backends with a faster
     * byte search use their own.
     */
    public static int firstUnmapped(String text, byte[] dst, int at, int from, int to) {
        for (int i = from; i < to; i++) {
            if (dst[i] == '?' && text.charAt(i - at) != '?') {
                return i;
            }
        }
        return to;
    }
}
