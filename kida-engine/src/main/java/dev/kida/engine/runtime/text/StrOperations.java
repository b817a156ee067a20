package dev.kida.engine.runtime.text;

import dev.kida.engine.runtime.value.Budget;
import dev.kida.engine.runtime.value.PySlice;
import dev.kida.api.TemplateTypeException;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Python's str operations on Java strings, counting in code points. */
public final class StrOperations {
    private StrOperations() {
    }

    /** len(s) in code points. */
    public static int length(String s) {
        return s.codePointCount(0, s.length());
    }

    /** str.upper(). */
    public static String upper(String s) {
        return s.toUpperCase(Locale.ROOT);
    }

    /** str.lower(). */
    public static String lower(String s) {
        if (s.indexOf('\u03a3') < 0) {
            return s.toLowerCase(Locale.ROOT);
        }
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            appendLower(sb, s, i, cp);
            i += Character.charCount(cp);
        }
        return sb.toString();
    }

    /**
     * Appends the lower case of the code point at {@code i} of {@code s}. Capital sigma becomes the
     * final form by Python's rule (a cased letter before it and none after, skipping case-ignorable
     * ones), which Java's toLowerCase judges differently next to digits and symbols.
     */
    static void appendLower(StringBuilder sb, String s, int i, int cp) {
        if (cp == 0x3a3) {
            sb.append(isFinalSigma(s, i) ? '\u03c2' : '\u03c3');
        } else {
            sb.append(new String(Character.toChars(cp)).toLowerCase(Locale.ROOT));
        }
    }

    private static boolean isFinalSigma(String s, int i) {
        int j = i;
        int c = -1;
        while (j > 0) {
            c = s.codePointBefore(j);
            j -= Character.charCount(c);
            if (!isCaseIgnorable(c)) {
                break;
            }
            c = -1;
        }
        if (c < 0 || !PyChars.isCased(c)) {
            return false;
        }
        for (j = i + 1; j < s.length(); ) {
            c = s.codePointAt(j);
            j += Character.charCount(c);
            if (!isCaseIgnorable(c)) {
                return !PyChars.isCased(c);
            }
        }
        return true;
    }

    private static boolean isCaseIgnorable(int cp) {
        return switch (Character.getType(cp)) {
            case Character.NON_SPACING_MARK, Character.ENCLOSING_MARK, Character.FORMAT,
                 Character.MODIFIER_LETTER, Character.MODIFIER_SYMBOL -> true;
            default -> cp == '\'' || cp == '.' || cp == ':' || cp == 0xb7 || cp == 0x2018 || cp == 0x2019
                    || cp == 0x2024 || cp == 0xfe52 || cp == 0xfe55 || cp == 0xff07 || cp == 0xff0e || cp == 0xff1a;
        };
    }

    /**
     * str.casefold(), approximated per code point by the full upper-case mapping lower-cased: that
     * folds {@code ß} to {@code ss} and every sigma to {@code σ}, where lower() keeps a final sigma.
     */
    public static String casefold(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        s.codePoints().forEach(cp -> sb.append(
                new String(Character.toChars(cp)).toUpperCase(Locale.ROOT).toLowerCase(Locale.ROOT)));
        return sb.toString();
    }

    /** str.capitalize(): first character title-cased, the rest lower-cased. */
    public static String capitalize(String s) {
        if (s.isEmpty()) {
            return s;
        }
        int first = s.codePointAt(0);
        StringBuilder sb = new StringBuilder(s.length()).append(titleCase(first));
        for (int i = Character.charCount(first); i < s.length(); ) {
            int cp = s.codePointAt(i);
            appendLower(sb, s, i, cp);
            i += Character.charCount(cp);
        }
        return sb.toString();
    }

    /**
     * Python's full title-case mapping of one code point: the simple title case when Unicode has
     * one, else the full upper-case expansion with its letters after the first cased one
     * lower-cased ({@code ß} gives {@code Ss}, {@code ﬁ} gives {@code Fi}).
     */
    static String titleCase(int cp) {
        if (Character.isTitleCase(cp)) {
            return new String(Character.toChars(cp));
        }
        int simple = Character.toTitleCase(cp);
        if (simple != cp) {
            return new String(Character.toChars(simple));
        }
        String upper = new String(Character.toChars(cp)).toUpperCase(Locale.ROOT);
        if (upper.codePointCount(0, upper.length()) == 1) {
            return upper;
        }
        StringBuilder sb = new StringBuilder(upper.length());
        boolean seenCased = false;
        for (int i = 0; i < upper.length(); ) {
            int c = upper.codePointAt(i);
            i += Character.charCount(c);
            sb.appendCodePoint(seenCased ? Character.toLowerCase(c) : c);
            seenCased |= PyChars.isCased(c);
        }
        return sb.toString();
    }

    /** str.title(): a cased character after an uncased one is title-cased, others lower-cased. */
    public static String title(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        boolean prevCased = false;
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            if (prevCased) {
                appendLower(sb, s, i, cp);
            } else {
                sb.append(titleCase(cp));
            }
            prevCased = PyChars.isCased(cp);
            i += Character.charCount(cp);
        }
        return sb.toString();
    }

    /** str.swapcase(). */
    public static String swapcase(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            if (Character.isUpperCase(cp)) {
                appendLower(sb, s, i, cp);
            } else {
                String c = new String(Character.toChars(cp));
                sb.append(Character.isLowerCase(cp) ? c.toUpperCase(Locale.ROOT) : c);
            }
            i += Character.charCount(cp);
        }
        return sb.toString();
    }

    private static boolean inChars(int cp, String chars) {
        return chars == null ? PyChars.isSpace(cp) : chars.indexOf(new String(Character.toChars(cp))) >= 0;
    }

    /** str.strip(chars) / lstrip / rstrip; chars null means whitespace. */
    public static String strip(String s, String chars, boolean left, boolean right) {
        int start = 0;
        int end = s.length();
        if (left) {
            while (start < end) {
                int cp = s.codePointAt(start);
                if (!inChars(cp, chars)) {
                    break;
                }
                start += Character.charCount(cp);
            }
        }
        if (right) {
            while (end > start) {
                int cp = s.codePointBefore(end);
                if (!inChars(cp, chars)) {
                    break;
                }
                end -= Character.charCount(cp);
            }
        }
        return s.substring(start, end);
    }

    /** str.split(sep, maxsplit); sep null splits on whitespace runs. */
    public static List<Object> split(String s, String sep, int maxsplit) {
        List<Object> out = new ArrayList<>();
        if (sep == null) {
            int i = 0;
            int n = s.length();
            while (true) {
                while (i < n && PyChars.isSpace(s.codePointAt(i))) {
                    i += Character.charCount(s.codePointAt(i));
                }
                if (i >= n) {
                    break;
                }
                if (maxsplit >= 0 && out.size() == maxsplit) {
                    out.add(strip(s.substring(i), null, false, true));
                    break;
                }
                int start = i;
                while (i < n && !PyChars.isSpace(s.codePointAt(i))) {
                    i += Character.charCount(s.codePointAt(i));
                }
                out.add(s.substring(start, i));
            }
            return out;
        }
        if (sep.isEmpty()) {
            throw new dev.kida.api.TemplateRuntimeException(dev.kida.api.RuntimeErrorKind.VALUE_ERROR, "empty separator");
        }
        int start = 0;
        while (maxsplit < 0 || out.size() < maxsplit) {
            int at = s.indexOf(sep, start);
            if (at < 0) {
                break;
            }
            out.add(s.substring(start, at));
            start = at + sep.length();
        }
        out.add(s.substring(start));
        return out;
    }

    /** str.rsplit(sep, maxsplit). */
    public static List<Object> rsplit(String s, String sep, int maxsplit) {
        if (maxsplit < 0) {
            return split(s, sep, maxsplit);
        }
        List<Object> out = new ArrayList<>();
        if (sep == null) {
            int end = s.length();
            while (true) {
                while (end > 0 && PyChars.isSpace(s.codePointBefore(end))) {
                    end -= Character.charCount(s.codePointBefore(end));
                }
                if (end <= 0) {
                    break;
                }
                if (out.size() == maxsplit) {
                    out.add(strip(s.substring(0, end), null, true, false));
                    break;
                }
                int stop = end;
                while (end > 0 && !PyChars.isSpace(s.codePointBefore(end))) {
                    end -= Character.charCount(s.codePointBefore(end));
                }
                out.add(s.substring(end, stop));
            }
        } else {
            if (sep.isEmpty()) {
                throw new dev.kida.api.TemplateRuntimeException(dev.kida.api.RuntimeErrorKind.VALUE_ERROR, "empty separator");
            }
            int end = s.length();
            while (out.size() < maxsplit) {
                int at = s.lastIndexOf(sep, end - sep.length());
                if (at < 0) {
                    break;
                }
                out.add(s.substring(at + sep.length(), end));
                end = at;
            }
            out.add(s.substring(0, end));
        }
        java.util.Collections.reverse(out);
        return out;
    }

    /** str.splitlines(keepends). */
    public static List<Object> splitlines(String s, boolean keepends) {
        List<Object> out = new ArrayList<>();
        int start = 0;
        int i = 0;
        while (i < s.length()) {
            int cp = s.codePointAt(i);
            if (PyChars.isLineBreak(cp)) {
                int eol = i + Character.charCount(cp);
                if (cp == '\r' && eol < s.length() && s.charAt(eol) == '\n') {
                    eol++;
                }
                out.add(s.substring(start, keepends ? eol : i));
                start = eol;
                i = eol;
            } else {
                i += Character.charCount(cp);
            }
        }
        if (start < s.length()) {
            out.add(s.substring(start));
        }
        return out;
    }

    /** str.replace(old, new, count). */
    public static String replace(String s, String old, String replacement, long count) {
        if (replacement.length() > old.length()) {
            long times = old.isEmpty() ? s.length() + 1L : occurrences(s, old);
            if (count >= 0) {
                times = Math.min(times, count);
            }
            Budget.string(s.length() + times * (replacement.length() - old.length()));
        }
        if (count < 0) {
            if (old.isEmpty()) {
                StringBuilder sb = new StringBuilder(replacement);
                s.codePoints().forEach(cp -> sb.appendCodePoint(cp).append(replacement));
                return sb.toString();
            }
            return s.replace(old, replacement);
        }
        StringBuilder sb = new StringBuilder();
        int start = 0;
        long done = 0;
        if (old.isEmpty()) {
            int i = 0;
            while (done < count && i <= s.length()) {
                sb.append(replacement);
                done++;
                if (i < s.length()) {
                    int cp = s.codePointAt(i);
                    sb.appendCodePoint(cp);
                    i += Character.charCount(cp);
                } else {
                    i++;
                }
            }
            if (i < s.length()) {
                sb.append(s, i, s.length());
            }
            return sb.toString();
        }
        while (done < count) {
            int at = s.indexOf(old, start);
            if (at < 0) {
                break;
            }
            sb.append(s, start, at).append(replacement);
            start = at + old.length();
            done++;
        }
        sb.append(s, start, s.length());
        return sb.toString();
    }

    private static long occurrences(String s, String sub) {
        long n = 0;
        for (int at = s.indexOf(sub); at >= 0; at = s.indexOf(sub, at + sub.length())) {
            n++;
        }
        return n;
    }

    /** str.center / ljust / rjust with a one-character fill; widths in code points. */
    public static String pad(String s, int width, String fill, char how) {
        if (fill.codePointCount(0, fill.length()) != 1) {
            throw new TemplateTypeException("The fill character must be exactly one character long");
        }
        int len = length(s);
        if (width <= len) {
            return s;
        }
        Budget.string((long) s.length() + (long) (width - len) * fill.length());
        int total = width - len;
        int left = switch (how) {
            case '<' -> 0;
            case '>' -> total;
            // CPython's centering puts the odd extra space on the left when the width is odd
            default -> total / 2 + (total & width & 1);
        };
        return fill.repeat(left) + s + fill.repeat(total - left);
    }

    /** str.zfill(width). */
    public static String zfill(String s, int width) {
        int len = length(s);
        if (width <= len) {
            return s;
        }
        Budget.string(width);
        String zeros = "0".repeat(width - len);
        if (!s.isEmpty() && (s.charAt(0) == '+' || s.charAt(0) == '-')) {
            return s.charAt(0) + zeros + s.substring(1);
        }
        return zeros + s;
    }

    /** Python's str.find on code point indices; -1 when absent. */
    public static int find(String s, String sub, Object start, Object end, boolean reverse) {
        int n = length(s);
        PySlice.Bounds b = PySlice.indices(n, start, end, null);
        int from = b.start();
        int to = Math.max(b.stop(), from);
        if (to - from < length(sub)) {
            return -1;
        }
        int fromOff = s.offsetByCodePoints(0, from);
        int toOff = s.offsetByCodePoints(fromOff, to - from);
        String region = s.substring(fromOff, toOff);
        int at = reverse ? region.lastIndexOf(sub) : region.indexOf(sub);
        if (at < 0) {
            return -1;
        }
        return from + region.codePointCount(0, at);
    }

    /** str.count(sub) of non-overlapping occurrences. */
    public static int count(String s, String sub) {
        if (sub.isEmpty()) {
            return length(s) + 1;
        }
        int c = 0;
        int at = 0;
        while ((at = s.indexOf(sub, at)) >= 0) {
            c++;
            at += sub.length();
        }
        return c;
    }

    /** Whether every code point satisfies the test and there is at least one. */
    public static boolean all(String s, java.util.function.IntPredicate test) {
        return !s.isEmpty() && s.codePoints().allMatch(test);
    }

    /** str.isupper(): has a cased character and no lower-case ones. */
    public static boolean isUpper(String s) {
        return s.codePoints().anyMatch(PyChars::isCased)
                && s.codePoints().noneMatch(cp -> Character.isLowerCase(cp) || Character.isTitleCase(cp));
    }

    /** str.islower(). */
    public static boolean isLower(String s) {
        return s.codePoints().anyMatch(PyChars::isCased)
                && s.codePoints().noneMatch(cp -> Character.isUpperCase(cp) || Character.isTitleCase(cp));
    }
}
