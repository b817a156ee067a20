package dev.kida.engine.ast;

import java.util.List;

/**
 * A whole parsed template.
 *
 * @param name   the template's name, for messages
 * @param source the source text (after newline normalisation), for showing error lines
 * @param body   the top-level statements
 */
public record TemplateNode(String name, String source, List<Stmt> body) {
    /** The text of a 1-based source line, for error messages; null past the end. */
    public String sourceLine(int line) {
        int start = 0;
        for (int i = 1; i < line; i++) {
            int nl = source.indexOf('\n', start);
            if (nl < 0) {
                return null;
            }
            start = nl + 1;
        }
        int end = source.indexOf('\n', start);
        return source.substring(start, end < 0 ? source.length() : end);
    }
}
