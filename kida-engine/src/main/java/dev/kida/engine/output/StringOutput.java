package dev.kida.engine.output;

import dev.kida.api.escape.Escaper;
import dev.kida.engine.runtime.FloatFormat;

/** Output into a {@link StringBuilder}. */
public final class StringOutput extends Output {
    private final StringBuilder sb;

    /** Output into a new buffer. */
    public StringOutput() {
        this(new StringBuilder(64));
    }

    /** Output appended to {@code sb}. */
    public StringOutput(StringBuilder sb) {
        this.sb = sb;
    }

    /** The underlying buffer. */
    public StringBuilder builder() {
        return sb;
    }

    @Override
    public void append(String text) {
        sb.append(text);
    }

    @Override
    public void appendStatic(String text, byte[] utf8) {
        sb.append(text);
    }

    @Override
    public void appendEscaped(String text, Escaper escaper) {
        escaper.escapeTo(text, sb);
    }

    @Override
    public void appendLong(long value) {
        sb.append(value);
    }

    @Override
    public void appendDouble(double value) {
        FloatFormat.appendRepr(sb, value);
    }

    @Override
    public String toString() {
        return sb.toString();
    }

    @Override
    public long written() {
        return sb.length();
    }
}
