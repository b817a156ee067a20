package dev.kida.engine.testing;

/**
 * Reading the tab-separated tables of outcomes recorded from Jinja2 (test resources): fields
 * escape backslash, newline, carriage return and tab as {@code \\ \n \r \t}.
 */
public final class RecordedTsv {
    private RecordedTsv() {
    }

    /** Undoes the escaping of one field. */
    public static String unescape(String s) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\') {
                char e = s.charAt(++i);
                out.append(switch (e) {
                    case 'n' -> '\n';
                    case 'r' -> '\r';
                    case 't' -> '\t';
                    default -> e;
                });
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
