package dev.kida.tests.escape;

/**
 * The escaping rule written as plainly as possible, one char at a time: the oracle every backend
 * is compared with. {@code & < > " '} become {@code &amp; &lt; &gt; &quot; &#39;}, NUL is
 * removed, every other UTF-16 code unit (surrogates too, paired or not) is copied.
 */
final class ReferenceEscaper {
    private ReferenceEscaper() {
    }

    static String escape(String s) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> sb.append("&amp;");
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '"' -> sb.append("&quot;");
                case '\'' -> sb.append("&#39;");
                case '\0' -> { }
                default -> sb.append(c);
            }
        }
        return sb.toString();
    }

    /** Whether escaping changes {@code s} at all. */
    static boolean needsEscaping(String s) {
        for (int i = 0; i < s.length(); i++) {
            switch (s.charAt(i)) {
                case '&', '<', '>', '"', '\'', '\0' -> {
                    return true;
                }
                default -> { }
            }
        }
        return false;
    }
}
