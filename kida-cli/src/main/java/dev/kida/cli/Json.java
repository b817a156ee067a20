package dev.kida.cli;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A strict JSON reader (RFC 8259) that turns a document into the plain Java values a template
 * context is made of: objects become {@link LinkedHashMap} (in document order), arrays
 * {@link ArrayList}, strings {@link String}, integers {@link Long} (or {@link BigInteger} when they
 * do not fit), numbers with a fraction or an exponent {@link Double}, {@code true}/{@code false}
 * {@link Boolean}, and {@code null} null.
 *
 * <p>Strict means: no comments, no trailing commas, no single quotes, no leading zeros or
 * {@code +} signs, no raw control characters in strings, no duplicate keys in one object (a
 * duplicate is almost always a mistake in a hand-written data file), nothing after the value.
 * A leading byte order mark is skipped.
 */
public final class Json {
    /** Deeper nesting is refused rather than risking a stack overflow. */
    static final int MAX_DEPTH = 1000;

    private final String text;
    private int pos;
    private int depth;

    private Json(String text) {
        this.text = text;
        this.pos = !text.isEmpty() && text.charAt(0) == '\uFEFF' ? 1 : 0;
    }

    /**
     * Parses a whole document.
     *
     * @throws JsonException with the line and column of the first mistake
     */
    public static Object parse(String text) throws JsonException {
        Json reader = new Json(text);
        reader.skipWhitespace();
        Object value = reader.value();
        reader.skipWhitespace();
        if (reader.pos < text.length()) {
            throw reader.error("unexpected " + reader.describeHere() + " after the end of the JSON value");
        }
        return value;
    }

    private Object value() throws JsonException {
        if (pos >= text.length()) {
            throw error("unexpected end of input, expected a value");
        }
        char c = text.charAt(pos);
        return switch (c) {
            case '{' -> object();
            case '[' -> array();
            case '"' -> string();
            case 't' -> literal("true", Boolean.TRUE);
            case 'f' -> literal("false", Boolean.FALSE);
            case 'n' -> literal("null", null);
            default -> {
                if (c == '-' || (c >= '0' && c <= '9')) {
                    yield number();
                }
                throw error("unexpected " + describeHere() + ", expected a value");
            }
        };
    }

    private Map<String, Object> object() throws JsonException {
        int start = pos;
        enter();
        pos++; // '{'
        Map<String, Object> map = new LinkedHashMap<>();
        skipWhitespace();
        if (peek() == '}') {
            pos++;
            depth--;
            return map;
        }
        while (true) {
            skipWhitespace();
            if (peek() != '"') {
                throw error("expected a string key, found " + describeHere());
            }
            int keyPos = pos;
            String key = string();
            skipWhitespace();
            expect(':', "':' after an object key");
            skipWhitespace();
            Object value = value();
            if (map.containsKey(key)) {
                throw errorAt(keyPos, "duplicate key \"" + key + "\"");
            }
            map.put(key, value);
            skipWhitespace();
            if (peek() == ',') {
                pos++;
                skipWhitespace();
                if (peek() == '}') {
                    throw error("trailing comma before '}'");
                }
                continue;
            }
            if (peek() == '}') {
                pos++;
                depth--;
                return map;
            }
            if (pos >= text.length()) {
                throw errorAt(start, "object is not closed: missing '}'");
            }
            throw error("expected ',' or '}' in object, found " + describeHere());
        }
    }

    private List<Object> array() throws JsonException {
        int start = pos;
        enter();
        pos++; // '['
        List<Object> list = new ArrayList<>();
        skipWhitespace();
        if (peek() == ']') {
            pos++;
            depth--;
            return list;
        }
        while (true) {
            skipWhitespace();
            list.add(value());
            skipWhitespace();
            if (peek() == ',') {
                pos++;
                skipWhitespace();
                if (peek() == ']') {
                    throw error("trailing comma before ']'");
                }
                continue;
            }
            if (peek() == ']') {
                pos++;
                depth--;
                return list;
            }
            if (pos >= text.length()) {
                throw errorAt(start, "array is not closed: missing ']'");
            }
            throw error("expected ',' or ']' in array, found " + describeHere());
        }
    }

    private String string() throws JsonException {
        int start = pos;
        pos++; // opening quote
        StringBuilder sb = null;
        int runStart = pos;
        while (true) {
            if (pos >= text.length()) {
                throw errorAt(start, "string is not closed: missing '\"'");
            }
            char c = text.charAt(pos);
            if (c == '"') {
                String result = sb == null ? text.substring(runStart, pos)
                        : sb.append(text, runStart, pos).toString();
                pos++;
                return result;
            }
            if (c < 0x20) {
                throw error("control character U+" + hex4(c) + " must be escaped in a string");
            }
            if (c != '\\') {
                pos++;
                continue;
            }
            if (sb == null) {
                sb = new StringBuilder();
            }
            sb.append(text, runStart, pos);
            escape(sb);
            runStart = pos;
        }
    }

    private void escape(StringBuilder sb) throws JsonException {
        int start = pos;
        pos++; // backslash
        if (pos >= text.length()) {
            throw errorAt(start, "unfinished escape sequence");
        }
        char e = text.charAt(pos++);
        switch (e) {
            case '"' -> sb.append('"');
            case '\\' -> sb.append('\\');
            case '/' -> sb.append('/');
            case 'b' -> sb.append('\b');
            case 'f' -> sb.append('\f');
            case 'n' -> sb.append('\n');
            case 'r' -> sb.append('\r');
            case 't' -> sb.append('\t');
            // Surrogates arrive as two \\u escapes; appending each unit as it comes rebuilds the
            // pair, and an unpaired one is kept as is, as Python's json module does.
            case 'u' -> sb.append(hexUnit(start));
            default -> throw errorAt(start, "invalid escape sequence '\\" + printable(e) + "'");
        }
    }

    private char hexUnit(int escapeStart) throws JsonException {
        if (pos + 4 > text.length()) {
            throw errorAt(escapeStart, "\\u must be followed by four hex digits");
        }
        int value = 0;
        for (int i = 0; i < 4; i++) {
            int digit = hexDigit(text.charAt(pos + i));
            if (digit < 0) {
                throw errorAt(escapeStart, "\\u must be followed by four hex digits");
            }
            value = value * 16 + digit;
        }
        pos += 4;
        return (char) value;
    }

    private Object number() throws JsonException {
        int start = pos;
        if (peek() == '-') {
            pos++;
        }
        if (peek() == '0') {
            pos++;
            if (isDigit(peek())) {
                throw errorAt(start, "numbers may not have leading zeros");
            }
        } else if (isDigit(peek())) {
            while (isDigit(peek())) {
                pos++;
            }
        } else {
            throw errorAt(start, "'-' must be followed by a digit");
        }
        boolean integral = true;
        if (peek() == '.') {
            integral = false;
            pos++;
            if (!isDigit(peek())) {
                throw error("expected a digit after the decimal point");
            }
            while (isDigit(peek())) {
                pos++;
            }
        }
        if (peek() == 'e' || peek() == 'E') {
            integral = false;
            pos++;
            if (peek() == '+' || peek() == '-') {
                pos++;
            }
            if (!isDigit(peek())) {
                throw error("expected a digit in the exponent");
            }
            while (isDigit(peek())) {
                pos++;
            }
        }
        String literal = text.substring(start, pos);
        if (!integral) {
            return Double.parseDouble(literal);
        }
        if (literal.length() <= 18) {
            return Long.parseLong(literal);
        }
        BigInteger big = new BigInteger(literal);
        return big.bitLength() < 64 ? (Object) big.longValue() : big;
    }

    private Object literal(String word, Object value) throws JsonException {
        if (!text.startsWith(word, pos)) {
            throw error("unexpected " + describeHere() + ", expected a value");
        }
        pos += word.length();
        return value;
    }

    private void enter() throws JsonException {
        if (++depth > MAX_DEPTH) {
            throw error("nesting deeper than " + MAX_DEPTH + " levels");
        }
    }

    private void expect(char c, String what) throws JsonException {
        if (peek() != c) {
            throw error("expected " + what + ", found " + describeHere());
        }
        pos++;
    }

    private void skipWhitespace() {
        while (pos < text.length()) {
            char c = text.charAt(pos);
            if (c != ' ' && c != '\t' && c != '\n' && c != '\r') {
                return;
            }
            pos++;
        }
    }

    private int peek() {
        return pos < text.length() ? text.charAt(pos) : -1;
    }

    private static int hexDigit(char c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        if (c >= 'a' && c <= 'f') {
            return c - 'a' + 10;
        }
        if (c >= 'A' && c <= 'F') {
            return c - 'A' + 10;
        }
        return -1;
    }

    private static boolean isDigit(int c) {
        return c >= '0' && c <= '9';
    }

    private String describeHere() {
        if (pos >= text.length()) {
            return "end of input";
        }
        return "'" + printable(text.codePointAt(pos)) + "'";
    }

    private static String printable(int cp) {
        return cp < 0x20 || cp == 0x7f ? "U+" + hex4(cp) : Character.toString(cp);
    }

    private static String hex4(int c) {
        String hex = Integer.toHexString(c).toUpperCase(java.util.Locale.ROOT);
        return "0".repeat(Math.max(0, 4 - hex.length())) + hex;
    }

    private JsonException error(String detail) {
        return errorAt(pos, detail);
    }

    /** Locates {@code index}: lines end at LF, CR or CRLF; columns count code points. */
    private JsonException errorAt(int index, String detail) {
        int line = 1;
        int lineStart = 0;
        for (int i = 0; i < index && i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n' || (c == '\r' && (i + 1 >= text.length() || text.charAt(i + 1) != '\n'))) {
                line++;
                lineStart = i + 1;
            }
        }
        int end = Math.min(index, text.length());
        int column = text.codePointCount(lineStart, Math.max(lineStart, end)) + 1;
        return new JsonException(detail, line, column);
    }
}
