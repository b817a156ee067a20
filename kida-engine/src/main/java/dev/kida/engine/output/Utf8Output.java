package dev.kida.engine.output;

import dev.kida.api.escape.Escaper;
import dev.kida.api.escape.HtmlEscapes;
import dev.kida.engine.runtime.value.FloatFormat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Output as UTF-8 bytes in a growable buffer. Static text is copied from its pre-encoded bytes;
 * dynamic text is encoded as it is appended (ASCII directly, the rest through the JDK encoder).
 * The buffer is written to a stream only at the end, so a failed render writes nothing.
 */
public final class Utf8Output extends Output {
    private byte[] buf;
    private int len;
    private StringBuilder scratch;

    /** An empty buffer of the given initial capacity in bytes. */
    public Utf8Output(int capacity) {
        this.buf = new byte[Math.max(capacity, 16)];
    }

    private void ensure(int extra) {
        if (len + extra > buf.length) {
            buf = Arrays.copyOf(buf, Math.max(buf.length * 2, len + extra));
        }
    }

    @Override
    public void append(String text) {
        int n = text.length();
        ensure(n);
        byte[] b = buf;
        int at = len;
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            if (c >= 0x80) {
                len = at;
                appendEncoded(text, i);
                return;
            }
            b[at++] = (byte) c;
        }
        len = at;
    }

    private void appendEncoded(String text, int from) {
        byte[] bytes = text.substring(from).getBytes(StandardCharsets.UTF_8);
        appendBytes(bytes);
    }

    private void appendBytes(byte[] bytes) {
        ensure(bytes.length);
        System.arraycopy(bytes, 0, buf, len, bytes.length);
        len += bytes.length;
    }

    @Override
    public void appendStatic(String text, byte[] utf8) {
        appendBytes(utf8);
    }

    @Override
    public void appendEscaped(String text, Escaper escaper) {
        int n = text.length();
        if (n >= DIRECT) {
            appendEscapedLong(text, escaper);
            return;
        }
        // Short text (most printed values: names, cities, numbers as text) is escaped straight
        // into the output's bytes while it is ASCII: no scratch buffer to fill and copy again
        // char by char. Issue 13's profile of byte output had the escaper writing into the
        // scratch StringBuilder and appendAscii re-reading it as the two largest items. As in
        // StringOutput, the clean prefix (usually the whole value) is found by a scan and copied
        // in one getBytes array copy (its chars are ASCII, so the low bytes are the UTF-8).
        int clean = 0;
        while (clean < n) {
            char c = text.charAt(clean);
            if (c < 64 ? HtmlEscapes.isSpecial(c) : c >= 0x80) {
                break;
            }
            clean++;
        }
        ensure(MAX_REPLACEMENT * n);
        copyAscii(text, clean);
        if (clean == n) {
            return;
        }
        byte[] b = buf;
        int at = len;
        for (int i = clean; i < n; i++) {
            char c = text.charAt(i);
            if (c >= 0x80) {
                len = at;
                appendEscapedRest(text, i);
                return;
            }
            if (HtmlEscapes.isSpecial(c)) {
                byte[] r = REPLACEMENTS[c];
                for (byte x : r) {
                    b[at++] = x;
                }
            } else {
                b[at++] = (byte) c;
            }
        }
        len = at;
    }

    /**
     * Long text: the backend escapes its ASCII part straight into the buffer
     * ({@link Escaper#escapeInto}, see {@link StringOutput}); from the first non-ASCII char on, the
     * rest is escaped into the scratch builder and encoded.
     */
    private void appendEscapedLong(String text, Escaper escaper) {
        int n = text.length();
        if (n <= StringOutput.INTO_MAX) {
            ensure(Escaper.room(n));
            long r = escaper.escapeInto(text, buf, len, StandardCharsets.UTF_8);
            len = Escaper.bytesEnd(r);
            int done = Escaper.charsDone(r);
            if (done == n) {
                return;
            }
            text = done == 0 ? text : text.substring(done);
        }
        StringBuilder sb = scratch();
        escaper.escapeTo(text, sb);
        appendAscii(sb);
    }

    /** Copies the first {@code n} chars of {@code text}, all ASCII, as bytes (room is ensured). */
    @SuppressWarnings("deprecation") // the low-byte copy is what we want: every char is below 0x80
    private void copyAscii(String text, int n) {
        text.getBytes(0, n, buf, len);
        len += n;
    }

    /** Escapes and appends {@code text} from {@code from}, the first non-ASCII char, through the encoder. */
    private void appendEscapedRest(String text, int from) {
        StringBuilder sb = scratch();
        HtmlEscapes.escapeTo(text, from, text.length(), sb);
        appendAscii(sb);
    }

    /** Below this length text is escaped here, from this length on by the escaper backend's bulk scan. */
    static final int DIRECT = 64;
    /** The longest replacement, {@code &quot;}, in bytes. */
    private static final int MAX_REPLACEMENT = 6;
    /** The ASCII bytes of the replacement of each special char (indexed by the char, all below 64). */
    private static final byte[][] REPLACEMENTS = new byte[64][];

    static {
        for (char c : new char[] {'&', '<', '>', '"', '\'', '\0'}) {
            REPLACEMENTS[c] = HtmlEscapes.replacement(c).getBytes(StandardCharsets.US_ASCII);
        }
    }

    /** An empty scratch buffer. */
    private StringBuilder scratch() {
        StringBuilder sb = scratch;
        if (sb == null) {
            sb = scratch = new StringBuilder(64);
        }
        sb.setLength(0);
        return sb;
    }

    /** Appends the scratch text: byte by byte while it is ASCII, the rest through the encoder. */
    private void appendAscii(StringBuilder sb) {
        int n = sb.length();
        ensure(n);
        for (int i = 0; i < n; i++) {
            char c = sb.charAt(i);
            if (c >= 0x80) {
                appendEncoded(sb.substring(i), 0);
                return;
            }
            buf[len++] = (byte) c;
        }
    }

    @Override
    public void appendLong(long value) {
        append(Long.toString(value));
    }

    @Override
    public void appendDouble(double value) {
        StringBuilder sb = scratch();
        FloatFormat.appendRepr(sb, value);
        appendAscii(sb);
    }

    @Override
    protected long buffered() {
        return len;
    }

    /** Number of bytes written so far. */
    public int size() {
        return len;
    }

    /** Empties the buffer for reuse (see {@link #handedOn()} for a streamed chunk). */
    @Override
    public void clear() {
        len = 0;
    }

    /** Writes the buffer to {@code out}. */
    public void writeTo(OutputStream out) throws IOException {
        out.write(buf, 0, len);
    }

    @Override
    public String toString() {
        return new String(buf, 0, len, StandardCharsets.UTF_8);
    }
}
