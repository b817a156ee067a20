package dev.kida.engine.output;

import dev.kida.api.escape.Escaper;
import dev.kida.api.escape.HtmlEscapes;
import dev.kida.engine.runtime.value.FloatFormat;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Output that becomes a String: Latin-1 bytes while every char written fits in a byte, a
 * {@link StringBuilder} from the first char that does not (or from the start, when rendering into
 * a caller's builder).
 *
 * <p>Why bytes (issue 13, the escape-heavy page, where escaping 6,000 short values was 73% of the
 * render's samples): a short value is scanned once for a special char, and when there is none
 * (most values) copied whole into the buffer by {@code String.getBytes(int, int, byte[], int)},
 * which for a Latin-1 String is one array copy; escaped text is stored byte by byte. Going through
 * a StringBuilder cost an {@code append(CharSequence, int, int)} per clean run (bounds checks,
 * coder checks, capacity check). Measured on the page's values, render to a String, CPU time
 * (interleaved rounds, one JVM): the Java escaper into a StringBuilder 285 µs, a hand-written
 * switch loop into a StringBuilder 266 µs, scan-then-copy into Latin-1 bytes 178 µs, no escaping
 * at all 115 µs. The String at the end is one copy of the bytes, as {@code StringBuilder.toString}
 * is.
 *
 * <p>Strings of {@link #DIRECT} chars or more go to the escaper backend (its bulk scan wins there),
 * which escapes them straight into the bytes ({@link Escaper#escapeInto}). Shorter ones are escaped here by {@link HtmlEscapes}, the rule every
 * backend implements ({@link dev.kida.api.escape.EscaperProvider#minLength()}: the engine escapes
 * short strings itself), as {@link Utf8Output} does.
 */
public final class StringOutput extends Output {
    /** Below this length text is escaped here; from it on by the escaper backend. */
    static final int DIRECT = 64;
    /**
     * The longest text escaped straight into the bytes: the buffer grows to {@link Escaper#room}
     * of it, six bytes per char.
     */
    static final int INTO_MAX = 1 << 16;
    /** The longest replacement, {@code &quot;}, in chars. */
    private static final int MAX_REPLACEMENT = 6;
    /** The replacement of each special char (all below 64) as Latin-1 bytes; null for others. */
    private static final byte[][] REPLACEMENTS = new byte[64][];

    static {
        for (char c : new char[] {'&', '<', '>', '"', '\'', '\0'}) {
            REPLACEMENTS[c] = HtmlEscapes.replacement(c).getBytes(StandardCharsets.ISO_8859_1);
        }
    }

    /** Latin-1 text so far, while {@link #wide} is null. */
    private byte[] bytes;
    private int len;
    /** All the text once a char above 0xFF was written (the bytes moved into it); else null. */
    private StringBuilder wide;
    private StringBuilder scratch;

    /** An empty output. */
    public StringOutput() {
        this.bytes = new byte[64];
    }

    /**
     * Output appended to {@code sb}, which it writes straight into (the caller's builder already
     * holds chars of any width).
     */
    public StringOutput(StringBuilder sb) {
        this.bytes = new byte[0];
        this.wide = sb;
    }

    /** Empties the output for reuse; it starts in Latin-1 bytes again, keeping its byte buffer. */
    @Override
    public void clear() {
        len = 0;
        wide = null;
    }

    /** The size of the byte buffer: what reusing this output keeps allocated. */
    public int capacity() {
        return bytes.length;
    }

    private void ensure(int extra) {
        if (len + extra > bytes.length) {
            grow(extra);
        }
    }

    private void grow(int extra) {
        bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, len + extra));
    }

    /** Moves to chars: from here on everything is appended to the builder. */
    private StringBuilder widen() {
        StringBuilder sb = new StringBuilder(Math.max(len * 2, 64));
        sb.append(new String(bytes, 0, len, StandardCharsets.ISO_8859_1));
        len = 0;
        wide = sb;
        return sb;
    }

    @Override
    public void append(String text) {
        if (wide != null) {
            wide.append(text);
            return;
        }
        int n = text.length();
        for (int i = 0; i < n; i++) {
            if (text.charAt(i) > 0xFF) {
                widen().append(text);
                return;
            }
        }
        copy(text, n);
    }

    /** Copies the first {@code n} chars of {@code text}, all Latin-1, into the bytes. */
    @SuppressWarnings("deprecation") // the low-byte copy is what we want: every char is below 0x100
    private void copy(String text, int n) {
        ensure(n);
        text.getBytes(0, n, bytes, len);
        len += n;
    }

    @Override
    public void appendStatic(String text, byte[] utf8) {
        if (wide == null && utf8.length == text.length()) {
            // ASCII: its UTF-8 bytes are its Latin-1 bytes
            ensure(utf8.length);
            System.arraycopy(utf8, 0, bytes, len, utf8.length);
            len += utf8.length;
        } else {
            append(text);
        }
    }

    @Override
    public void appendEscaped(String text, Escaper escaper) {
        int n = text.length();
        if (wide != null || n >= DIRECT) {
            appendEscapedLong(text, escaper);
            return;
        }
        int i = 0;
        while (i < n) {
            char c = text.charAt(i);
            if (c < 64 ? HtmlEscapes.isSpecial(c) : c > 0xFF) {
                break;
            }
            i++;
        }
        copy(text, i);
        if (i < n) {
            escapeRest(text, i, n);
        }
    }

    /** Escapes {@code text[from, n)}, which starts with a special or a char above 0xFF, char by char. */
    private void escapeRest(String text, int from, int n) {
        ensure(MAX_REPLACEMENT * (n - from));
        byte[] b = bytes;
        int at = len;
        for (int i = from; i < n; i++) {
            char c = text.charAt(i);
            if (c < 64) {
                byte[] r = REPLACEMENTS[c];
                if (r == null) {
                    b[at++] = (byte) c;
                } else {
                    for (byte x : r) {
                        b[at++] = x;
                    }
                }
            } else if (c <= 0xFF) {
                b[at++] = (byte) c;
            } else {
                len = at;
                HtmlEscapes.escapeTo(text, i, n, widen());
                return;
            }
        }
        len = at;
    }

    /**
     * Long text (or any text once wide): the escaper backend's bulk path. While the output is
     * Latin-1 bytes the backend escapes straight into them ({@link Escaper#escapeInto}): a
     * vector backend copies the text into the buffer once and rewrites it there, where before it
     * escaped into a scratch builder that was then copied here char by char (for a clean 16 Ki
     * text that copy loop, not the escaper, was most of the time). If the text holds a char
     * above 0xFF, what precedes it stays in the bytes and the rest goes to the builder.
     */
    private void appendEscapedLong(String text, Escaper escaper) {
        if (wide != null) {
            escaper.escapeTo(text, wide);
            return;
        }
        int n = text.length();
        if (n <= INTO_MAX) {
            ensure(Escaper.room(n));
            long r = escaper.escapeInto(text, bytes, len, StandardCharsets.ISO_8859_1);
            len = Escaper.bytesEnd(r);
            int done = Escaper.charsDone(r);
            if (done < n) {
                escaper.escapeTo(done == 0 ? text : text.substring(done), widen());
            }
            return;
        }
        StringBuilder sb = scratch();
        escaper.escapeTo(text, sb);
        appendChars(sb);
    }

    /** Appends the chars of {@code sb}: as bytes while Latin-1, the rest after widening. */
    private void appendChars(StringBuilder sb) {
        int n = sb.length();
        ensure(n);
        byte[] b = bytes;
        int at = len;
        for (int i = 0; i < n; i++) {
            char c = sb.charAt(i);
            if (c > 0xFF) {
                len = at;
                widen().append(sb, i, n);
                return;
            }
            b[at++] = (byte) c;
        }
        len = at;
    }

    private StringBuilder scratch() {
        StringBuilder sb = scratch;
        if (sb == null) {
            sb = scratch = new StringBuilder(128);
        }
        sb.setLength(0);
        return sb;
    }

    @Override
    public void appendLong(long value) {
        if (wide != null) {
            wide.append(value);
            return;
        }
        if (value == Long.MIN_VALUE) {
            copy(Long.toString(value), 20);
            return;
        }
        ensure(20);
        byte[] b = bytes;
        int at = len;
        if (value < 0) {
            b[at++] = '-';
            value = -value;
        }
        int digits = 1;
        for (long v = value; v >= 10; v /= 10) {
            digits++;
        }
        for (int i = at + digits - 1; i >= at; i--) {
            b[i] = (byte) ('0' + value % 10);
            value /= 10;
        }
        len = at + digits;
    }

    @Override
    public void appendDouble(double value) {
        if (wide != null) {
            FloatFormat.appendRepr(wide, value);
            return;
        }
        StringBuilder sb = scratch();
        FloatFormat.appendRepr(sb, value);
        appendChars(sb);
    }

    @Override
    public String toString() {
        return wide != null ? wide.toString() : new String(bytes, 0, len, StandardCharsets.ISO_8859_1);
    }

    @Override
    protected long buffered() {
        return wide != null ? wide.length() : len;
    }
}
