package dev.kida.engine.lexer;

import dev.kida.api.TemplateSyntaxException;
import java.math.BigInteger;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Splits normalised template source into tokens, the way Jinja2 3.1's lexer does with the default
 * delimiters: text, {@code {{ }}}, {@code {% %}}, {@code {# #}}, {@code raw} blocks, whitespace
 * control with {@code -} and {@code +}, and the trim_blocks and lstrip_blocks options. Comments
 * and whitespace inside tags produce no tokens; raw content becomes a DATA token. The list ends
 * with an EOF token.
 */
public final class Lexer {
    /**
     * Jinja2's number literals. Compiled at the first number a template holds, not with the
     * lexer: many templates hold none, and two regexes compiled in a fresh JVM's interpreter cost
     * every start ~0.25 ms (docs/performance.md, "Cold start", session 20).
     */
    private static final class Numbers {
        static final Pattern FLOAT = Pattern.compile(
                "(?:[0-9]+_)*[0-9]+(?:(?:\\.(?:[0-9]+_)*[0-9]+)?[eE][+\\-]?(?:[0-9]+_)*[0-9]+"
                        + "|\\.(?:[0-9]+_)*[0-9]+)");
        static final Pattern INTEGER = Pattern.compile(
                // each group repeats once per underscore, not once per digit: Java's regex engine
                // recurses per repetition of a group, and a literal of some thousand digits would
                // overflow the stack
                "0[bB]_?[01]+(?:_[01]+)*|0[oO]_?[0-7]+(?:_[0-7]+)*|0[xX]_?[0-9a-fA-F]+(?:_[0-9a-fA-F]+)*"
                        + "|[1-9][0-9]*(?:_[0-9]+)*|0+(?:_0+)*");
    }
    private static final BigInteger LONG_MIN = BigInteger.valueOf(Long.MIN_VALUE);
    private static final BigInteger LONG_MAX = BigInteger.valueOf(Long.MAX_VALUE);

    private enum TagKind { VARIABLE, BLOCK, COMMENT, RAW }

    private final SourceText source;
    private final String src;
    private final LexerOptions options;
    private final List<Token> tokens = new ArrayList<>();
    private final Deque<Character> openBrackets = new ArrayDeque<>();
    /** Made at the template's first number (see {@link Numbers}). */
    private Matcher floatMatcher;
    private Matcher integerMatcher;
    private int pos;
    /** Lexing a line statement: its end is the end of the line. */
    private boolean lineStatement;
    /** What a line break of template data becomes. */
    private final String newline;

    private Lexer(SourceText source, LexerOptions options) {
        this.source = source;
        this.src = source.text();
        this.options = options;
        this.newline = options.syntax().newlineSequence();
    }

    /** Tokenizes already-normalised source (see {@link SourceText#normalise}). */
    public static List<Token> tokenize(SourceText source, LexerOptions options) {
        Lexer lexer = new Lexer(source, options);
        lexer.run();
        return lexer.tokens;
    }

    /**
     * Like {@link #tokenize(SourceText, LexerOptions)}, but a lexical error does not throw: the
     * tokens before it are returned, followed by an ERROR token holding the exception. The parser
     * throws it only when it reaches that point, so an earlier syntax error wins, as in Jinja2
     * whose lexer runs lazily.
     */
    public static List<Token> tokenizeLeniently(SourceText source, LexerOptions options) {
        Lexer lexer = new Lexer(source, options);
        try {
            lexer.run();
        } catch (TemplateSyntaxException e) {
            lexer.tokens.add(new Token(TokenType.ERROR, e, e.line(), e.column()));
        }
        return lexer.tokens;
    }

    /** Convenience for tests and tools: normalises, then tokenizes. */
    public static List<Token> tokenize(String rawSource, String name, LexerOptions options) {
        String text = SourceText.normalise(rawSource, options.keepTrailingNewline());
        return tokenize(new SourceText(name, text), options);
    }

    private void run() {
        if (options.syntax().defaultDelimiters()) {
            runDefault();
        } else {
            runGeneric();
        }
        addEof();
    }

    /**
     * Jinja2's lexer for other delimiters or line prefixes, rule by rule: the root expression
     * finds the next tag start, the text before it is stripped by the tag's sign or lstrip_blocks,
     * and the tag is lexed to its end string.
     */
    private void runGeneric() {
        Syntax syntax = options.syntax();
        DelimiterPatterns p = DelimiterPatterns.of(syntax, options.trimBlocks());
        Matcher root = p.root.matcher(src);
        // ^ must mean a line start, not wherever the region starts; lookbehind sees before it
        root.useAnchoringBounds(false).useTransparentBounds(true);
        int n = src.length();
        while (pos < n) {
            root.region(pos, n);
            if (!root.lookingAt()) {
                emit(TokenType.DATA, src.substring(pos), pos);
                pos = n;
                break;
            }
            int textStart = pos;
            int tag = root.end(1);
            DelimiterPatterns.Kind kind = null;
            boolean raw = root.start(2) >= 0;
            String sign = raw ? root.group(3) : null;
            for (int i = 0; !raw && i < p.kinds.size(); i++) {
                if (root.start(4 + 2 * i) >= 0) {
                    kind = p.kinds.get(i);
                    sign = root.group(5 + 2 * i);
                    break;
                }
            }
            int stop = stripText(textStart, tag, sign, kind != DelimiterPatterns.Kind.VARIABLE);
            if (stop > textStart) {
                emit(TokenType.DATA, src.substring(textStart, stop), textStart);
            }
            pos = root.end();
            if (raw) {
                lexGenericRaw(p, tag);
                continue;
            }
            switch (kind) {
                case VARIABLE -> {
                    emit(TokenType.VARIABLE_BEGIN, "", tag);
                    lexTag(TokenType.VARIABLE_END);
                }
                case BLOCK -> {
                    emit(TokenType.BLOCK_BEGIN, "", tag);
                    lexTag(TokenType.BLOCK_END);
                }
                case LINE_STATEMENT -> {
                    emit(TokenType.BLOCK_BEGIN, "", tag);
                    lineStatement = true;
                    try {
                        lexTag(TokenType.BLOCK_END);
                    } finally {
                        lineStatement = false;
                    }
                }
                case COMMENT -> {
                    Matcher end = p.commentEnd.matcher(src).region(pos, n);
                    if (!end.lookingAt()) {
                        throw source.error("Missing end of comment tag", source.posOf(tag));
                    }
                    pos = end.end();
                }
                case LINE_COMMENT -> {
                    int nl = src.indexOf('\n', pos);
                    pos = nl < 0 ? n : nl;
                }
            }
        }
    }

    /** Jinja2's OptionalLStrip: where the text before a tag ends once the tag's sign or lstrip_blocks applied. */
    private int stripText(int start, int end, String sign, boolean lstripApplies) {
        if ("-".equals(sign)) {
            int stop = end;
            while (stop > start && isSpace(src.charAt(stop - 1))) {
                stop--;
            }
            return stop;
        }
        if (!"+".equals(sign) && lstripApplies && options.lstripBlocks()) {
            int lineStart = src.lastIndexOf('\n', end - 1) + 1;
            boolean startsLine = lineStart > start || start == 0 || src.charAt(start - 1) == '\n';
            int from = Math.max(lineStart, start);
            if (startsLine && onlySpacesAndTabs(from, end)) {
                return from;
            }
        }
        return end;
    }

    private boolean onlySpacesAndTabs(int from, int to) {
        for (int i = from; i < to; i++) {
            char c = src.charAt(i);
            if (c != ' ' && c != '\t') {
                return false;
            }
        }
        return true;
    }

    private void lexGenericRaw(DelimiterPatterns p, int tag) {
        Matcher end = p.rawEnd.matcher(src).region(pos, src.length());
        if (!end.lookingAt()) {
            throw source.error("Missing end of raw directive", source.posOf(tag));
        }
        int stop = stripText(pos, end.end(1), end.group(3), true);
        if (stop > pos) {
            emit(TokenType.DATA, src.substring(pos, stop), pos);
        }
        pos = end.end();
    }

    private void runDefault() {
        int n = src.length();
        while (pos < n) {
            int tag = findTagStart(pos);
            if (tag < 0) {
                emit(TokenType.DATA, src.substring(pos), pos);
                pos = n;
                break;
            }
            int rawBodyStart = src.charAt(tag + 1) == '%' ? matchRawBegin(tag) : -1;
            TagKind kind = rawBodyStart >= 0 ? TagKind.RAW : switch (src.charAt(tag + 1)) {
                case '{' -> TagKind.VARIABLE;
                case '%' -> TagKind.BLOCK;
                default -> TagKind.COMMENT;
            };
            char sign = signAt(tag + 2);
            emitText(pos, tag, sign, kind != TagKind.VARIABLE);
            int afterOpen = tag + 2 + (sign != 0 ? 1 : 0);
            switch (kind) {
                case VARIABLE -> {
                    emit(TokenType.VARIABLE_BEGIN, "", tag);
                    pos = afterOpen;
                    lexTag(TokenType.VARIABLE_END);
                }
                case BLOCK -> {
                    emit(TokenType.BLOCK_BEGIN, "", tag);
                    pos = afterOpen;
                    lexTag(TokenType.BLOCK_END);
                }
                case COMMENT -> skipComment(tag, afterOpen);
                case RAW -> lexRawBody(tag, rawBodyStart);
            }
        }
    }

    private void addEof() {
        int end = src.length();
        Token last = tokens.isEmpty() ? null : tokens.getLast();
        var endPos = source.posOf(end);
        if (last != null && last.line() != endPos.line()) {
            // Jinja2 reports the end of the template on the line of the last token.
            tokens.add(new Token(TokenType.EOF, "", last.line(), last.column()));
        } else {
            tokens.add(new Token(TokenType.EOF, "", endPos.line(), endPos.column()));
        }
    }

    private int findTagStart(int from) {
        int i = src.indexOf('{', from);
        while (i >= 0 && i + 1 < src.length()) {
            char next = src.charAt(i + 1);
            if (next == '{' || next == '%' || next == '#') {
                return i;
            }
            i = src.indexOf('{', i + 1);
        }
        return -1;
    }

    private char signAt(int i) {
        if (i < src.length() && (src.charAt(i) == '-' || src.charAt(i) == '+')) {
            return src.charAt(i);
        }
        return 0;
    }

    /** If {@code {% raw %}} starts at {@code tag}, the offset after it, else -1. */
    private int matchRawBegin(int tag) {
        int i = tag + 2 + (signAt(tag + 2) != 0 ? 1 : 0);
        i = skipSpace(i);
        if (!src.startsWith("raw", i)) {
            return -1;
        }
        i = skipSpace(i + 3);
        if (src.startsWith("-%}", i)) {
            return skipSpace(i + 3);
        }
        return src.startsWith("%}", i) ? i + 2 : -1;
    }

    /**
     * Emits the text between {@code start} and a tag at {@code end}, applying the tag's whitespace
     * control: {@code -} strips all whitespace before the tag; otherwise lstrip_blocks removes the
     * spaces before a block or comment tag that starts a line, unless the tag says {@code +}.
     */
    private void emitText(int start, int end, char sign, boolean lstripApplies) {
        int stop = end;
        if (sign == '-') {
            while (stop > start && isSpace(src.charAt(stop - 1))) {
                stop--;
            }
        } else if (sign != '+' && lstripApplies && options.lstripBlocks()) {
            int lineStart = src.lastIndexOf('\n', end - 1) + 1;
            boolean startsLine = lineStart > start || start == 0 || src.charAt(start - 1) == '\n';
            int from = Math.max(lineStart, start);
            if (startsLine && allSpace(from, end)) {
                stop = from;
            }
        }
        if (stop > start) {
            emit(TokenType.DATA, src.substring(start, stop), start);
        }
    }

    private boolean allSpace(int from, int to) {
        for (int i = from; i < to; i++) {
            if (!isSpace(src.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    private void skipComment(int tag, int from) {
        int close = src.indexOf("#}", from);
        if (close < 0) {
            throw source.error("Missing end of comment tag", source.posOf(tag));
        }
        char before = close > from ? src.charAt(close - 1) : 0;
        if (before == '-') {
            pos = skipSpace(close + 2);
        } else if (before == '+') {
            pos = close + 2;
        } else {
            pos = trimNewline(close + 2);
        }
    }

    private void lexRawBody(int tag, int bodyStart) {
        int i = bodyStart;
        while (true) {
            int open = src.indexOf("{%", i);
            if (open < 0) {
                throw source.error("Missing end of raw directive", source.posOf(tag));
            }
            char sign = signAt(open + 2);
            int j = skipSpace(open + 2 + (sign != 0 ? 1 : 0));
            if (src.startsWith("endraw", j)) {
                j = skipSpace(j + 6);
                int after = -1;
                if (src.startsWith("+%}", j)) {
                    after = j + 3;
                } else if (src.startsWith("-%}", j)) {
                    after = skipSpace(j + 3);
                } else if (src.startsWith("%}", j)) {
                    after = trimNewline(j + 2);
                }
                if (after >= 0) {
                    emitText(bodyStart, open, sign, true);
                    pos = after;
                    return;
                }
            }
            i = open + 2;
        }
    }

    private int trimNewline(int i) {
        return options.trimBlocks() && i < src.length() && src.charAt(i) == '\n' ? i + 1 : i;
    }

    private int skipSpace(int i) {
        while (i < src.length() && isSpace(src.charAt(i))) {
            i++;
        }
        return i;
    }

    /** Python's notion of whitespace ({@code str.isspace}, regex {@code \s}). */
    static boolean isSpace(char c) {
        return Character.isWhitespace(c) || Character.isSpaceChar(c) || c == '\u0085';
    }

    /** Lexes the inside of a {@code {{ }}} or {@code {% %}} up to and including its end. */
    private void lexTag(TokenType endType) {
        int n = src.length();
        openBrackets.clear();
        while (pos < n) {
            if (openBrackets.isEmpty() && matchTagEnd(endType)) {
                return;
            }
            char c = src.charAt(pos);
            if (isSpace(c)) {
                pos++;
            } else if (!lexNumber() && !lexName() && !lexString() && !lexOperator()) {
                throw source.error("unexpected char " + pyRepr(c) + " at " + pos, source.posOf(pos));
            }
        }
        if (lineStatement && openBrackets.isEmpty()) {
            // a line statement on the last line ends with the template
            emit(endType, "", pos);
        }
    }

    private boolean matchTagEnd(TokenType endType) {
        if (!options.syntax().defaultDelimiters()) {
            return matchGenericTagEnd(endType);
        }
        int start = pos;
        if (endType == TokenType.BLOCK_END) {
            if (src.startsWith("+%}", pos)) {
                pos += 3;
            } else if (src.startsWith("-%}", pos)) {
                pos = skipSpace(pos + 3);
            } else if (src.startsWith("%}", pos)) {
                pos = trimNewline(pos + 2);
            } else {
                return false;
            }
        } else if (src.startsWith("-}}", pos)) {
            pos = skipSpace(pos + 3);
        } else if (src.startsWith("}}", pos)) {
            pos += 2;
        } else {
            return false;
        }
        emit(endType, "", start);
        return true;
    }

    private boolean matchGenericTagEnd(TokenType endType) {
        int start = pos;
        Syntax s = options.syntax();
        if (lineStatement) {
            // Jinja2's \s*(\n|$): white space up to the last newline of the run, or the end
            int i = pos;
            int lastNewline = -1;
            while (i < src.length() && isSpace(src.charAt(i))) {
                if (src.charAt(i) == '\n') {
                    lastNewline = i;
                }
                i++;
            }
            if (i == src.length()) {
                pos = i;
            } else if (lastNewline >= 0) {
                pos = lastNewline + 1;
            } else {
                return false;
            }
        } else if (endType == TokenType.BLOCK_END) {
            String end = s.blockEnd();
            if (src.startsWith("+" + end, pos)) {
                pos += end.length() + 1;
            } else if (src.startsWith("-" + end, pos)) {
                pos = skipSpace(pos + end.length() + 1);
            } else if (src.startsWith(end, pos)) {
                pos = trimNewline(pos + end.length());
            } else {
                return false;
            }
        } else {
            String end = s.variableEnd();
            if (src.startsWith("-" + end, pos)) {
                pos = skipSpace(pos + end.length() + 1);
            } else if (src.startsWith(end, pos)) {
                pos += end.length();
            } else {
                return false;
            }
        }
        emit(endType, "", start);
        return true;
    }

    private boolean lexNumber() {
        char c = src.charAt(pos);
        if (c < '0' || c > '9') {
            return false;
        }
        // a number after an attribute dot is an index (x.0.1); after Kida's '..' it is a range end
        boolean afterDot = pos > 0 && src.charAt(pos - 1) == '.' && !(pos > 1 && src.charAt(pos - 2) == '.');
        if (floatMatcher == null) {
            floatMatcher = Numbers.FLOAT.matcher(src);
            integerMatcher = Numbers.INTEGER.matcher(src);
        }
        if (!afterDot) {
            floatMatcher.region(pos, src.length());
            if (floatMatcher.lookingAt()) {
                String text = floatMatcher.group().replace("_", "");
                emit(TokenType.FLOAT, Double.parseDouble(text), pos);
                pos = floatMatcher.end();
                return true;
            }
        }
        integerMatcher.region(pos, src.length());
        if (!integerMatcher.lookingAt()) {
            return false;
        }
        emit(TokenType.INTEGER, integerValue(integerMatcher.group().replace("_", "")), pos);
        pos = integerMatcher.end();
        return true;
    }

    private static Object integerValue(String text) {
        int radix = 10;
        String digits = text;
        if (text.length() > 1 && text.charAt(0) == '0') {
            switch (Character.toLowerCase(text.charAt(1))) {
                case 'b' -> radix = 2;
                case 'o' -> radix = 8;
                case 'x' -> radix = 16;
                default -> radix = 10;
            }
            if (radix != 10) {
                digits = text.substring(2);
            }
        }
        BigInteger value = new BigInteger(digits, radix);
        if (value.compareTo(LONG_MIN) >= 0 && value.compareTo(LONG_MAX) <= 0) {
            return value.longValue();
        }
        return value;
    }

    private boolean lexName() {
        int cp = src.codePointAt(pos);
        if (!(cp == '_' || Character.isUnicodeIdentifierStart(cp))) {
            return false;
        }
        int i = pos + Character.charCount(cp);
        while (i < src.length()) {
            int next = src.codePointAt(i);
            if (!Character.isUnicodeIdentifierPart(next) || Character.isIdentifierIgnorable(next)) {
                break;
            }
            i += Character.charCount(next);
        }
        emit(TokenType.NAME, src.substring(pos, i), pos);
        pos = i;
        return true;
    }

    private boolean lexString() {
        char quote = src.charAt(pos);
        if (quote != '\'' && quote != '"') {
            return false;
        }
        int i = pos + 1;
        while (i < src.length()) {
            char c = src.charAt(i);
            if (c == '\\') {
                i += 2;
            } else if (c == quote) {
                String value;
                try {
                    value = StringLiterals.unescape(newlines(src.substring(pos + 1, i)));
                } catch (StringLiterals.BadEscape e) {
                    throw source.error(e.getMessage(), source.posOf(pos));
                }
                emit(TokenType.STRING, value, pos);
                pos = i + 1;
                return true;
            } else {
                i++;
            }
        }
        return false;
    }

    private boolean lexOperator() {
        TokenType type = operatorAt(pos);
        if (type == null) {
            return false;
        }
        String symbol = type.description();
        switch (type) {
            case LBRACE -> openBrackets.push('}');
            case LPAREN -> openBrackets.push(')');
            case LBRACKET, OPT_LBRACKET -> openBrackets.push(']');
            case RBRACE, RPAREN, RBRACKET -> {
                if (openBrackets.isEmpty()) {
                    throw source.error("unexpected '" + symbol + "'", source.posOf(pos));
                }
                char expected = openBrackets.pop();
                if (expected != symbol.charAt(0)) {
                    throw source.error("unexpected '" + symbol + "', expected '" + expected + "'",
                            source.posOf(pos));
                }
            }
            default -> { }
        }
        emit(type, symbol, pos);
        pos += symbol.length();
        return true;
    }

    private TokenType operatorAt(int i) {
        char c = src.charAt(i);
        char next = i + 1 < src.length() ? src.charAt(i + 1) : 0;
        char third = i + 2 < src.length() ? src.charAt(i + 2) : 0;
        return switch (c) {
            case '+' -> TokenType.ADD;
            case '-' -> TokenType.SUB;
            case '/' -> next == '/' ? TokenType.FLOORDIV : TokenType.DIV;
            case '*' -> next == '*' ? TokenType.POW : TokenType.MUL;
            case '%' -> TokenType.MOD;
            case '~' -> TokenType.TILDE;
            case '[' -> TokenType.LBRACKET;
            case ']' -> TokenType.RBRACKET;
            case '(' -> TokenType.LPAREN;
            case ')' -> TokenType.RPAREN;
            case '{' -> TokenType.LBRACE;
            case '}' -> TokenType.RBRACE;
            case '=' -> next == '=' ? TokenType.EQ : TokenType.ASSIGN;
            case '!' -> next == '=' ? TokenType.NE : null;
            case '>' -> next == '=' ? TokenType.GTEQ : TokenType.GT;
            case '<' -> next == '=' ? TokenType.LTEQ : TokenType.LT;
            case '.' -> next != '.' ? TokenType.DOT
                    : third == '.' ? TokenType.RANGE_EXCLUSIVE : TokenType.RANGE_INCLUSIVE;
            case ':' -> TokenType.COLON;
            case '|' -> next == '>' ? TokenType.PIPELINE : TokenType.PIPE;
            case '?' -> switch (next) {
                case '?' -> third == '=' ? TokenType.NULLISH_ASSIGN : TokenType.NULLISH;
                case '.' -> TokenType.OPT_DOT;
                case '[' -> TokenType.OPT_LBRACKET;
                case '|' -> third == '>' ? TokenType.OPT_PIPELINE : TokenType.OPT_PIPE;
                default -> null;
            };
            case ',' -> TokenType.COMMA;
            case ';' -> TokenType.SEMICOLON;
            default -> null;
        };
    }

    /** Line breaks as the newline sequence says (Jinja2 does this to data and string literals). */
    private String newlines(String text) {
        return newline.equals("\n") ? text : text.replace("\n", newline);
    }

    private void emit(TokenType type, Object value, int offset) {
        if (type == TokenType.DATA) {
            value = newlines((String) value);
        }
        var p = source.posOf(offset);
        tokens.add(new Token(type, value, p.line(), p.column()));
    }

    /** A character as Python's {@code repr} shows it, for Jinja2-style messages. */
    private static String pyRepr(char c) {
        return switch (c) {
            case '\'' -> "\"'\"";
            case '\\' -> "'\\\\'";
            case '\t' -> "'\\t'";
            default -> "'" + c + "'";
        };
    }
}
