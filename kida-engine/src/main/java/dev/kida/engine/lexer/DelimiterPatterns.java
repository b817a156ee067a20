package dev.kida.engine.lexer;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * The regular expressions Jinja2's lexer builds from non-default syntax settings: the root rule
 * that finds the next tag (longest start string first, ties by Jinja2's token name order), and
 * the end rules of comments and raw blocks. Compiled once per settings.
 */
final class DelimiterPatterns {
    enum Kind { VARIABLE, BLOCK, COMMENT, LINE_STATEMENT, LINE_COMMENT }

    private static final Map<List<Object>, DelimiterPatterns> CACHE = new ConcurrentHashMap<>();
    // Python's re.M | re.S, with \s meaning Unicode white space as in Python 3
    private static final int FLAGS = Pattern.MULTILINE | Pattern.DOTALL | Pattern.UNICODE_CHARACTER_CLASS;

    /** {@code (text)(?:raw-begin|rule0(sign)|rule1(sign)|...)}. */
    final Pattern root;
    /** The rule kinds in the order of {@link #root}'s alternatives after raw. */
    final List<Kind> kinds;
    /** {@code (text)(end)} of a comment. */
    final Pattern commentEnd;
    /** {@code (text)(block-start(sign)\s*endraw\s*block-end)}. */
    final Pattern rawEnd;

    private DelimiterPatterns(Syntax s, boolean trimBlocks) {
        String bs = Pattern.quote(s.blockStart());
        String be = Pattern.quote(s.blockEnd());
        String ce = Pattern.quote(s.commentEnd());
        String suffix = trimBlocks ? "\\n?" : "";
        record Rule(int length, String tokenName, Kind kind, String regex) { }
        List<Rule> rules = new ArrayList<>();
        rules.add(new Rule(s.commentStart().length(), "comment_begin", Kind.COMMENT, Pattern.quote(s.commentStart())));
        rules.add(new Rule(s.blockStart().length(), "block_begin", Kind.BLOCK, bs));
        rules.add(new Rule(s.variableStart().length(), "variable_begin", Kind.VARIABLE, Pattern.quote(s.variableStart())));
        if (s.lineStatementPrefix() != null) {
            rules.add(new Rule(s.lineStatementPrefix().length(), "linestatement_begin", Kind.LINE_STATEMENT,
                    "^[ \\t\\x0B]*" + Pattern.quote(s.lineStatementPrefix())));
        }
        if (s.lineCommentPrefix() != null) {
            rules.add(new Rule(s.lineCommentPrefix().length(), "linecomment_begin", Kind.LINE_COMMENT,
                    "(?:^|(?<=\\S))[^\\S\\r\\n]*" + Pattern.quote(s.lineCommentPrefix())));
        }
        // Jinja2 sorts (length, token name, regex) tuples in reverse
        rules.sort(Comparator.comparingInt(Rule::length).thenComparing(Rule::tokenName).reversed());
        StringBuilder alt = new StringBuilder("(" + bs + "(\\-|\\+|)\\s*raw\\s*(?:\\-" + be + "\\s*|" + be + "))");
        List<Kind> order = new ArrayList<>();
        for (Rule r : rules) {
            alt.append("|(").append(r.regex()).append("(\\-|\\+|))");
            order.add(r.kind());
        }
        this.root = Pattern.compile("(.*?)(?:" + alt + ")", FLAGS);
        this.kinds = List.copyOf(order);
        this.commentEnd = Pattern.compile("(.*?)((?:\\+" + ce + "|\\-" + ce + "\\s*|" + ce + suffix + "))", FLAGS);
        this.rawEnd = Pattern.compile("(.*?)((?:" + bs + "(\\-|\\+|))\\s*endraw\\s*(?:\\+" + be + "|\\-" + be
                + "\\s*|" + be + suffix + "))", FLAGS);
    }

    static DelimiterPatterns of(Syntax s, boolean trimBlocks) {
        return CACHE.computeIfAbsent(List.of(s, trimBlocks), k -> new DelimiterPatterns(s, trimBlocks));
    }
}
