package dev.kida.engine.escape;

import dev.kida.api.escape.Escaper;

/** The pure-Java HTML escaper: a scalar scan for the first special character, then a copy loop. */
public final class JavaEscaper implements Escaper {
    public static final JavaEscaper INSTANCE = new JavaEscaper();

    private JavaEscaper() {
    }

    @Override
    public String escape(String text) {
        int first = firstSpecial(text);
        if (first < 0) {
            return text;
        }
        StringBuilder sb = new StringBuilder(text.length() + 16);
        sb.append(text, 0, first);
        escapeFrom(text, first, sb);
        return sb.toString();
    }

    @Override
    public void escapeTo(String text, StringBuilder out) {
        int first = firstSpecial(text);
        if (first < 0) {
            out.append(text);
            return;
        }
        out.append(text, 0, first);
        escapeFrom(text, first, out);
    }

    private static int firstSpecial(String s) {
        for (int i = 0, n = s.length(); i < n; i++) {
            char c = s.charAt(i);
            if (c <= '>' && isSpecial(c)) {
                return i;
            }
        }
        return -1;
    }

    private static boolean isSpecial(char c) {
        return c == '&' || c == '<' || c == '>' || c == '"' || c == '\'' || c == '\0';
    }

    private static void escapeFrom(String s, int from, StringBuilder out) {
        int run = from;
        for (int i = from, n = s.length(); i < n; i++) {
            char c = s.charAt(i);
            if (c > '>') {
                continue;
            }
            String rep = switch (c) {
                case '&' -> "&amp;";
                case '<' -> "&lt;";
                case '>' -> "&gt;";
                case '"' -> "&quot;";
                case '\'' -> "&#39;";
                case '\0' -> "";
                default -> null;
            };
            if (rep != null) {
                out.append(s, run, i).append(rep);
                run = i + 1;
            }
        }
        out.append(s, run, s.length());
    }
}
