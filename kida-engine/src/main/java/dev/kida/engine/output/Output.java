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

    /**
     * Appends static template text, given both as a String and as its UTF-8 encoding. The text has
     * no surrogate chars (the compiler appends such text with {@link #append}), so it is ASCII
     * exactly when its encoding is as long as it is.
     */
    public abstract void appendStatic(String text, byte[] utf8);

    /** Appends static template text in both its forms ({@link #appendStatic(String, byte[])}). */
    public final void appendStatic(PreEncodedText text) {
        appendStatic(text.text(), text.utf8());
    }

    /** Appends text HTML-escaped. */
    public abstract void appendEscaped(String text, Escaper escaper);

    /** Appends a whole number in decimal, as Python's {@code str()} writes it. */
    public abstract void appendLong(long value);

    /**
     * Appends a float as Python's {@code str()} writes it. Its characters (digits, {@code . - + e},
     * {@code inf}, {@code nan}) never need HTML escaping.
     */
    public abstract void appendDouble(double value);

    /**
     * A streaming boundary ({@code {% flush %}}): an output that streams hands on what it holds;
     * in-memory outputs have nothing to do.
     */
    public void flush() {
    }

    /**
     * How much the render has written so far (chars, or bytes for a byte sink), including the
     * chunks a streamed render has already handed on ({@link #handedOn()}): for the output limit,
     * which bounds what one render writes, not only what it holds.
     */
    public final long written() {
        return handedOn + buffered();
    }

    /** How much this output holds now. */
    protected abstract long buffered();

    /** What earlier chunks of a streamed render handed on; zero for an output that is not streamed. */
    private long handedOn;

    /**
     * Empties the output after a stream handed its content on: unlike {@link #clear()} (which
     * readies a buffer for reuse), what was handed on still counts in {@link #written()}.
     */
    public final void handedOn() {
        handedOn += buffered();
        clear();
    }

    /** Empties the output for reuse. */
    public abstract void clear();

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
        // Kept tiny so that it inlines at every print site of compiled code; the JIT's inlining
        // budget per template method is better spent on the escaping of strings.
        if (value instanceof String s) {
            appendEscaped(s, escaper);
        } else {
            printOtherEscaped(value, escaper);
        }
    }

    /** Appends a number the way {@code str()} prints it, without making the string; false for any other value. */
    private boolean appendNumber(Object value) {
        if (value instanceof Long l) {
            appendLong(l);
        } else if (value instanceof Integer i) {
            appendLong(i);
        } else if (value instanceof Double d) {
            appendDouble(d);
        } else {
            return false;
        }
        return true;
    }

    private void printOtherEscaped(Object value, Escaper escaper) {
        if (appendNumber(value)) {
            return;
        }
        if (value instanceof HtmlSafe safe) {
            append(safe.toHtml());
        } else {
            appendEscaped(Values.str(value), escaper);
        }
    }

    /** {@link #print} with autoescape off. */
    public final void printRaw(Object value) {
        if (value instanceof String s) {
            append(s);
        } else {
            printOtherRaw(value);
        }
    }

    private void printOtherRaw(Object value) {
        if (!appendNumber(value)) {
            append(Values.str(value));
        }
    }
}
