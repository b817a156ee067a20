package dev.kida.engine.lexer;

import java.util.Objects;

/**
 * Jinja2's syntax settings: the six delimiter strings, the line statement and line comment
 * prefixes, and the newline sequence written for line breaks of template data.
 *
 * @param blockStart          {@code block_start_string}, {@code {%} by default
 * @param blockEnd            {@code block_end_string}, {@code %}} by default
 * @param variableStart       {@code variable_start_string}, {@code {{} by default
 * @param variableEnd         {@code variable_end_string}, {@code }}} by default
 * @param commentStart        {@code comment_start_string}, {@code {#} by default
 * @param commentEnd          {@code comment_end_string}, {@code #}} by default
 * @param lineStatementPrefix {@code line_statement_prefix}: a line starting with it (after
 *                            spaces) is a block tag up to the end of the line; null for none
 * @param lineCommentPrefix   {@code line_comment_prefix}: from it to the end of the line is a
 *                            comment; null for none
 * @param newlineSequence     {@code newline_sequence}: {@code \n} (default), {@code \r\n} or {@code \r}
 */
public record Syntax(String blockStart, String blockEnd, String variableStart, String variableEnd,
                     String commentStart, String commentEnd, String lineStatementPrefix,
                     String lineCommentPrefix, String newlineSequence) {
    /** Jinja2's defaults. */
    public static final Syntax DEFAULT = new Syntax("{%", "%}", "{{", "}}", "{#", "#}", null, null, "\n");

    /**
     * Checks the settings as Jinja2's Environment does.
     *
     * @throws IllegalArgumentException for an empty delimiter, equal start strings or another
     *                                  newline sequence
     */
    public Syntax {
        for (String d : new String[]{blockStart, blockEnd, variableStart, variableEnd, commentStart, commentEnd}) {
            if (Objects.requireNonNull(d, "delimiter").isEmpty()) {
                throw new IllegalArgumentException("delimiter strings must not be empty");
            }
        }
        if (blockStart.equals(variableStart) || blockStart.equals(commentStart) || variableStart.equals(commentStart)) {
            throw new IllegalArgumentException("block, variable and comment start strings must be different");
        }
        if (!newlineSequence.equals("\n") && !newlineSequence.equals("\r\n") && !newlineSequence.equals("\r")) {
            throw new IllegalArgumentException("newline_sequence set to unknown line ending string; use \\n, \\r\\n or \\r");
        }
        if (lineStatementPrefix != null && lineStatementPrefix.isEmpty()) {
            lineStatementPrefix = null;
        }
        if (lineCommentPrefix != null && lineCommentPrefix.isEmpty()) {
            lineCommentPrefix = null;
        }
    }

    /** Whether tags are lexed with Jinja2's default delimiters and no line prefixes. */
    public boolean defaultDelimiters() {
        return blockStart.equals("{%") && blockEnd.equals("%}") && variableStart.equals("{{")
                && variableEnd.equals("}}") && commentStart.equals("{#") && commentEnd.equals("#}")
                && lineStatementPrefix == null && lineCommentPrefix == null;
    }

    /**
     * One line of text naming every setting, control characters escaped (the newline sequence
     * itself is one): precompiled templates record it in a line-based manifest.
     */
    @Override
    public String toString() {
        return "Syntax[" + String.join(", ", "blockStart=" + escape(blockStart), "blockEnd=" + escape(blockEnd),
                "variableStart=" + escape(variableStart), "variableEnd=" + escape(variableEnd),
                "commentStart=" + escape(commentStart), "commentEnd=" + escape(commentEnd),
                "lineStatementPrefix=" + escape(lineStatementPrefix), "lineCommentPrefix=" + escape(lineCommentPrefix),
                "newlineSequence=" + escape(newlineSequence)) + "]";
    }

    private static String escape(String s) {
        if (s == null) {
            return "null";
        }
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                case '\\' -> sb.append("\\\\");
                default -> {
                    if (c < 0x20 || c == 0x7f) {
                        sb.append(String.format("\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        return sb.toString();
    }

    /** A copy with other delimiters. */
    public Syntax withDelimiters(String blockStart, String blockEnd, String variableStart, String variableEnd,
                                 String commentStart, String commentEnd) {
        return new Syntax(blockStart, blockEnd, variableStart, variableEnd, commentStart, commentEnd,
                lineStatementPrefix, lineCommentPrefix, newlineSequence);
    }
}
