package dev.kida.engine.output;

import dev.kida.api.HtmlSafe;
import dev.kida.api.escape.Escaper;
import dev.kida.engine.runtime.Values;

/**
 * Where a render writes: a character buffer ({@link StringOutput}) or a UTF-8 byte buffer
 * ({@link Utf8Output}). Both backends write through this one type, so static text can be written
 * from its pre-encoded bytes when the destination is a byte sink, and from its String otherwise.
 * Not thread-safe: one per render (and per captured body).
 */
public abstract sealed class Output permits StringOutput, Utf8Output {

    /** Appends text as is. */
    public abstract void append(String text);

    /** Appends static template text, given both as a String and as its UTF-8 encoding. */
    public abstract void appendStatic(String text, byte[] utf8);

    /** Appends text HTML-escaped. */
    public abstract void appendEscaped(String text, Escaper escaper);

    /** Appends a whole number in decimal, as Python's {@code str()} writes it. */
    public abstract void appendLong(long value);

    /** Everything written so far, as a String. */
    @Override
    public abstract String toString();

    /**
     * Writes a value as {@code {{ }}} does: under autoescape, strings are escaped and
     * {@link HtmlSafe} values written as their HTML; otherwise Python's {@code str()}.
     */
    public final void print(Object value, boolean autoescape, Escaper escaper) {
        if (autoescape) {
            printEscaped(value, escaper);
        } else {
            printRaw(value);
        }
    }

    /** {@link #print} with autoescape on. */
    public final void printEscaped(Object value, Escaper escaper) {
        if (value instanceof String s) {
            appendEscaped(s, escaper);
        } else if (value instanceof Long l) {
            appendLong(l);
        } else if (value instanceof Integer i) {
            appendLong(i);
        } else if (value instanceof HtmlSafe safe) {
            append(safe.toHtml());
        } else {
            appendEscaped(Values.str(value), escaper);
        }
    }

    /** {@link #print} with autoescape off. */
    public final void printRaw(Object value) {
        if (value instanceof String s) {
            append(s);
        } else if (value instanceof Long l) {
            appendLong(l);
        } else if (value instanceof Integer i) {
            appendLong(i);
        } else {
            append(Values.str(value));
        }
    }
}
