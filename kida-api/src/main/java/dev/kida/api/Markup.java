package dev.kida.api;

import java.util.Objects;

/**
 * A string of HTML that must not be escaped again: the result of {@code |safe}, {@code |escape},
 * macro and {@code caller()} output, and block {@code set} under autoescape. Equal to another
 * {@code Markup} with the same text; compares unequal to a plain String, as in MarkupSafe only
 * by content, so templates that compare {@code Markup} to a string use {@link #toString()}.
 */
public final class Markup implements HtmlSafe, CharSequence, Comparable<Markup> {
    private final String html;

    private Markup(String html) {
        this.html = Objects.requireNonNull(html, "html");
    }

    /** Wraps text the caller vouches for as safe HTML. */
    public static Markup of(String html) {
        return new Markup(html);
    }

    @Override
    public String toHtml() {
        return html;
    }

    @Override
    public String toString() {
        return html;
    }

    @Override
    public int length() {
        return html.length();
    }

    @Override
    public char charAt(int index) {
        return html.charAt(index);
    }

    @Override
    public CharSequence subSequence(int start, int end) {
        return html.subSequence(start, end);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Markup m && m.html.equals(html);
    }

    @Override
    public int hashCode() {
        return html.hashCode();
    }

    @Override
    public int compareTo(Markup o) {
        return html.compareTo(o.html);
    }
}
