package dev.kida.engine.runtime.html;

import dev.kida.engine.runtime.text.StrOperations;
import java.util.Map;

/**
 * Python's {@code html.unescape} for numeric character references and the commonly used named
 * entities (the full HTML5 table is not carried), and MarkupSafe's {@code striptags} built on it:
 * shared by the {@code striptags} filter and the methods of Markup values.
 */
public final class HtmlEntities {
    private HtmlEntities() {
    }

    private static final Map<String, String> NAMED = Map.ofEntries(
            Map.entry("amp", "&"), Map.entry("lt", "<"), Map.entry("gt", ">"), Map.entry("quot", "\""),
            Map.entry("apos", "'"), Map.entry("nbsp", "\u00a0"), Map.entry("copy", "\u00a9"),
            Map.entry("reg", "\u00ae"), Map.entry("trade", "\u2122"), Map.entry("hellip", "\u2026"),
            Map.entry("mdash", "\u2014"), Map.entry("ndash", "\u2013"), Map.entry("lsquo", "\u2018"),
            Map.entry("rsquo", "\u2019"), Map.entry("ldquo", "\u201c"), Map.entry("rdquo", "\u201d"),
            Map.entry("laquo", "\u00ab"), Map.entry("raquo", "\u00bb"), Map.entry("euro", "\u20ac"),
            Map.entry("pound", "\u00a3"), Map.entry("yen", "\u00a5"), Map.entry("cent", "\u00a2"),
            Map.entry("sect", "\u00a7"), Map.entry("deg", "\u00b0"), Map.entry("middot", "\u00b7"),
            Map.entry("times", "\u00d7"), Map.entry("divide", "\u00f7"), Map.entry("bull", "\u2022"),
            Map.entry("para", "\u00b6"), Map.entry("shy", "\u00ad"), Map.entry("iexcl", "\u00a1"),
            Map.entry("iquest", "\u00bf"), Map.entry("auml", "\u00e4"), Map.entry("ouml", "\u00f6"),
            Map.entry("uuml", "\u00fc"), Map.entry("Auml", "\u00c4"), Map.entry("Ouml", "\u00d6"),
            Map.entry("Uuml", "\u00dc"), Map.entry("szlig", "\u00df"), Map.entry("eacute", "\u00e9"),
            Map.entry("egrave", "\u00e8"), Map.entry("agrave", "\u00e0"), Map.entry("aacute", "\u00e1"),
            Map.entry("ccedil", "\u00e7"), Map.entry("ntilde", "\u00f1"));

    /** Replaces character references by the characters they stand for. */
    public static String unescape(String s) {
        if (s.indexOf('&') < 0) {
            return s;
        }
        StringBuilder out = new StringBuilder(s.length());
        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (c != '&') {
                out.append(c);
                i++;
                continue;
            }
            int consumed = reference(s, i, out);
            if (consumed == 0) {
                out.append('&');
                i++;
            } else {
                i += consumed;
            }
        }
        return out.toString();
    }

    private static int reference(String s, int at, StringBuilder out) {
        int i = at + 1;
        if (i < s.length() && s.charAt(i) == '#') {
            i++;
            boolean hex = i < s.length() && (s.charAt(i) == 'x' || s.charAt(i) == 'X');
            if (hex) {
                i++;
            }
            int start = i;
            while (i < s.length() && Character.digit(s.charAt(i), hex ? 16 : 10) >= 0) {
                i++;
            }
            if (i == start) {
                return 0;
            }
            long cp;
            try {
                cp = Long.parseLong(s.substring(start, i), hex ? 16 : 10);
            } catch (NumberFormatException e) {
                cp = Long.MAX_VALUE;
            }
            if (i < s.length() && s.charAt(i) == ';') {
                i++;
            }
            if (cp == 0 || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
                out.append('\uFFFD');
            } else {
                out.appendCodePoint((int) cp);
            }
            return i - at;
        }
        int start = i;
        while (i < s.length() && Character.isLetterOrDigit(s.charAt(i)) && i - start < 32) {
            i++;
        }
        String name = s.substring(start, i);
        String value = NAMED.get(name);
        if (value == null) {
            return 0;
        }
        if (i < s.length() && s.charAt(i) == ';') {
            i++;
        }
        out.append(value);
        return i - at;
    }

    /** MarkupSafe's striptags: drops comments and tags, collapses whitespace, unescapes entities. */
    public static String striptags(String value) {
        int start;
        while ((start = value.indexOf("<!--")) >= 0) {
            int end = value.indexOf("-->", start);
            if (end < 0) {
                break;
            }
            value = value.substring(0, start) + value.substring(end + 3);
        }
        while ((start = value.indexOf('<')) >= 0) {
            int end = value.indexOf('>', start);
            if (end < 0) {
                break;
            }
            value = value.substring(0, start) + value.substring(end + 1);
        }
        StringBuilder sb = new StringBuilder();
        for (Object w : StrOperations.split(value, null, -1)) {
            if (!sb.isEmpty()) {
                sb.append(' ');
            }
            sb.append(w);
        }
        return unescape(sb.toString());
    }
}
