package dev.kida.engine.output;

import dev.kida.api.escape.Escaper;

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
        StringBuilder sb = scratch;
        if (sb == null) {
            sb = scratch = new StringBuilder(64);
        }
        sb.setLength(0);
        escaper.escapeTo(text, sb);
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

    /** Number of bytes written so far. */
    public int size() {
        return len;
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
