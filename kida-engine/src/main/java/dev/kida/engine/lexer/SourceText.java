package dev.kida.engine.lexer;

import dev.kida.api.TemplateSyntaxException;
import dev.kida.engine.ast.Pos;
import java.util.Arrays;

/**
 * A template's normalised source with its line starts, so offsets become line and column and
 * syntax errors can quote the offending line.
 */
public final class SourceText {
    private final String name;
    private final String text;
    private final int[] lineStarts;

    /**
     * @param name the template name for messages (may be null)
     * @param text the normalised source (only "\n" line breaks)
     */
    public SourceText(String name, String text) {
        this.name = name;
        this.text = text;
        // indexOf and a plain int array: a fresh JVM runs this in its interpreter for every
        // template it loads, where a boxed list and a stream cost ~0.3 ms of a cold render.
        int[] starts = new int[16];
        int lines = 1;
        for (int nl = text.indexOf('\n'); nl >= 0; nl = text.indexOf('\n', nl + 1)) {
            if (lines == starts.length) {
                starts = Arrays.copyOf(starts, lines * 2);
            }
            starts[lines++] = nl + 1;
        }
        this.lineStarts = Arrays.copyOf(starts, lines);
    }

    /**
     * Replaces "\r\n" and "\r" with "\n" and, unless {@code keepTrailingNewline}, drops one
     * newline at the very end, as Jinja2 does before lexing.
     */
    public static String normalise(String source, boolean keepTrailingNewline) {
        String unified = source.indexOf('\r') < 0 ? source
                : source.replace("\r\n", "\n").replace('\r', '\n');
        if (!keepTrailingNewline && unified.endsWith("\n")) {
            return unified.substring(0, unified.length() - 1);
        }
        return unified;
    }

    /** The template name given at construction. */
    public String name() {
        return name;
    }

    /** The normalised source. */
    public String text() {
        return text;
    }

    /** 1-based line of a character offset. */
    public int lineOf(int offset) {
        int lo = 0;
        int hi = lineStarts.length - 1;
        while (lo < hi) {
            int mid = (lo + hi + 1) >>> 1;
            if (lineStarts[mid] <= offset) {
                lo = mid;
            } else {
                hi = mid - 1;
            }
        }
        return lo + 1;
    }

    /** Line and column (both 1-based) of a character offset. */
    public Pos posOf(int offset) {
        int line = lineOf(offset);
        return new Pos(line, offset - lineStarts[line - 1] + 1);
    }

    /** The text of a 1-based line, without its newline; null when out of range. */
    public String line(int line) {
        if (line < 1 || line > lineStarts.length) {
            return null;
        }
        int start = lineStarts[line - 1];
        int end = line < lineStarts.length ? lineStarts[line] - 1 : text.length();
        return text.substring(start, end);
    }

    /** A syntax error located at the given line and column of this source. */
    public TemplateSyntaxException error(String detail, int line, int column) {
        return new TemplateSyntaxException(detail, name, line, column, line(line), null);
    }

    /** A syntax error located at the given place of this source. */
    public TemplateSyntaxException error(String detail, Pos pos) {
        return error(detail, pos.line(), pos.column());
    }
}
