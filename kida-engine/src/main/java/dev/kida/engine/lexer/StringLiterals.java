package dev.kida.engine.lexer;

/**
 * Decodes the body of a string literal with Python's escape rules, which Jinja2 applies to
 * template strings: unknown escapes stay as written.
 */
final class StringLiterals {
    private StringLiterals() {
    }

    /** Thrown with the part of Python's message that Jinja2 shows. */
    static final class BadEscape extends RuntimeException {
        BadEscape(String message) {
            super(message, null, false, false);
        }
    }

    static String unescape(String body) {
        int backslash = body.indexOf('\\');
        if (backslash < 0) {
            return body;
        }
        StringBuilder out = new StringBuilder(body.length());
        out.append(body, 0, backslash);
        int i = backslash;
        int n = body.length();
        while (i < n) {
            char c = body.charAt(i);
            if (c != '\\' || i + 1 >= n) {
                out.append(c);
                i++;
                continue;
            }
            char e = body.charAt(i + 1);
            i += 2;
            switch (e) {
                case '\n' -> { } // a backslash before a line break joins the lines
                case '\\' -> out.append('\\');
                case '\'' -> out.append('\'');
                case '"' -> out.append('"');
                case 'a' -> out.append('\u0007');
                case 'b' -> out.append('\b');
                case 'f' -> out.append('\f');
                case 'n' -> out.append('\n');
                case 'r' -> out.append('\r');
                case 't' -> out.append('\t');
                case 'v' -> out.append('\u000b');
                case 'x' -> i = appendHex(body, i, 2, "truncated \\xXX escape", out);
                case 'u' -> i = appendHex(body, i, 4, "truncated \\uXXXX escape", out);
                case 'U' -> i = appendHex(body, i, 8, "truncated \\UXXXXXXXX escape", out);
                case 'N' -> i = appendNamed(body, i, out);
                default -> {
                    if (e >= '0' && e <= '7') {
                        int value = e - '0';
                        int digits = 1;
                        while (digits < 3 && i < n && body.charAt(i) >= '0' && body.charAt(i) <= '7') {
                            value = value * 8 + (body.charAt(i) - '0');
                            i++;
                            digits++;
                        }
                        out.appendCodePoint(value);
                    } else {
                        out.append('\\').append(e);
                    }
                }
            }
        }
        return out.toString();
    }

    private static int appendHex(String body, int start, int count, String error, StringBuilder out) {
        if (start + count > body.length()) {
            throw new BadEscape(error);
        }
        int value = 0;
        for (int k = 0; k < count; k++) {
            int digit = Character.digit(body.charAt(start + k), 16);
            if (digit < 0 || body.charAt(start + k) > 0x7f) {
                throw new BadEscape(error);
            }
            value = value * 16 + digit;
        }
        if (value < 0 || value > Character.MAX_CODE_POINT) {
            throw new BadEscape("illegal Unicode character");
        }
        out.appendCodePoint(value);
        return start + count;
    }

    private static int appendNamed(String body, int start, StringBuilder out) {
        int close = body.indexOf('}', start);
        if (start >= body.length() || body.charAt(start) != '{' || close < 0) {
            throw new BadEscape("malformed \\N character escape");
        }
        String name = body.substring(start + 1, close);
        try {
            out.appendCodePoint(Character.codePointOf(name));
        } catch (IllegalArgumentException e) {
            throw new BadEscape("unknown Unicode character name");
        }
        return close + 1;
    }
}
