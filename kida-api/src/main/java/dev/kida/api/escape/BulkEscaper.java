package dev.kida.api.escape;

/**
 * The common shape of an {@link Escaper} whose strength is a bulk scan: strings shorter than a
 * threshold take the scalar path of {@link HtmlEscapes} (a bulk call costs more than it saves
 * there); longer ones are searched by the backend for the first special character, returned or
 * appended as they are when there is none, and escaped by the backend from that point on.
 * Subclasses supply the two bulk steps; the contract of {@link Escaper} (same instance when
 * clean, straight into the caller's buffer) is kept here once.
 */
public abstract class BulkEscaper implements Escaper {
    private final int threshold;

    /** @param threshold the length from which the bulk steps are used */
    protected BulkEscaper(int threshold) {
        this.threshold = threshold;
    }

    /** The index of the first special character of {@code text}, or -1 when there is none. */
    protected abstract int firstSpecial(String text);

    /** Appends the escaped form of {@code text} from index {@code from}, a special character. */
    protected abstract void escapeFrom(String text, int from, StringBuilder out);

    @Override
    public final String escape(String text) {
        int n = text.length();
        int first = n < threshold ? HtmlEscapes.firstSpecial(text) : firstSpecial(text);
        if (first < 0) {
            return text;
        }
        if (n >= threshold) {
            return escaped(text, first);
        }
        StringBuilder sb = new StringBuilder(n + (n >> 3) + 16);
        sb.append(text, 0, first);
        HtmlEscapes.escapeTo(text, first, n, sb);
        return sb.toString();
    }

    /**
     * The escaped form of {@code text} (at least the threshold long), whose first special
     * character is at {@code first}. This default appends to a new StringBuilder; a backend that
     * escapes into its own char array may override it to make the String straight from that
     * array, which saves the builder's copy of the whole result.
     */
    protected String escaped(String text, int first) {
        int n = text.length();
        StringBuilder sb = new StringBuilder(n + (n >> 3) + 16);
        sb.append(text, 0, first);
        escapeFrom(text, first, sb);
        return sb.toString();
    }

    @Override
    public final void escapeTo(String text, StringBuilder out) {
        int n = text.length();
        if (n < threshold) {
            HtmlEscapes.escapeTo(text, 0, n, out);
            return;
        }
        int first = firstSpecial(text);
        if (first < 0) {
            out.append(text);
            return;
        }
        out.append(text, 0, first);
        escapeFrom(text, first, out);
    }
}
