package dev.kida.engine.filters;

import dev.kida.api.RuntimeErrorKind;
import dev.kida.api.Arguments;
import dev.kida.api.CallContext;
import dev.kida.api.TemplateRuntimeException;
import dev.kida.engine.runtime.text.PyChars;
import dev.kida.engine.runtime.text.StrOperations;
import dev.kida.engine.runtime.Values;

import java.util.ArrayList;
import java.util.List;

/**
 * The {@code wordwrap} filter: every line wrapped like Python's {@code textwrap.wrap} with
 * expand_tabs and replace_whitespace off, the pieces joined by {@code wrapstring}.
 */
final class TextWrap {
    private TextWrap() {
    }

    static Object filter(CallContext ctx, Object v, Arguments a) {
        a.check("wordwrap", "width", "break_long_words", "wrapstring", "break_on_hyphens");
        Object widthObj = a.get(0, "width", 79L);
        boolean breakLong = ctx.truthy(a.get(1, "break_long_words", true));
        Object wrapObj = a.get(2, "wrapstring", null);
        boolean breakOnHyphens = ctx.truthy(a.get(3, "break_on_hyphens", true));
        // In Jinja2's order: wrapstring.join, then s.splitlines(), then the width, which textwrap
        // only looks at for a line to wrap
        if (wrapObj instanceof dev.kida.engine.runtime.value.Undefined u) {
            throw u.fail();
        }
        if (wrapObj != null && !(wrapObj instanceof String || wrapObj instanceof dev.kida.api.Markup)) {
            throw new TemplateRuntimeException(RuntimeErrorKind.ATTRIBUTE_ERROR,
                    "'" + Values.typeName(wrapObj) + "' object has no attribute 'join'");
        }
        String wrapstring = wrapObj == null ? "\n" : wrapObj.toString();
        if (v instanceof dev.kida.engine.runtime.value.Undefined u) {
            throw u.fail();
        }
        if (!(v instanceof String || v instanceof dev.kida.api.Markup)) {
            throw new TemplateRuntimeException(RuntimeErrorKind.ATTRIBUTE_ERROR,
                    "'" + Values.typeName(v) + "' object has no attribute 'splitlines'");
        }
        String s = v.toString();
        if (s.isEmpty()) {
            return "";
        }
        int width = Texts.intArg(widthObj, "wordwrap");
        if (width <= 0) {
            throw new TemplateRuntimeException(RuntimeErrorKind.VALUE_ERROR,
                    "invalid width " + width + " (must be > 0)");
        }
        // a line ends only where the next word does not fit, so two lines hold at least width chars
        dev.kida.engine.runtime.value.Budget.string(s.length() + (2L * s.length() / width + 2) * wrapstring.length());
        List<String> out = new ArrayList<>();
        for (Object line : StrOperations.splitlines(s, false)) {
            out.add(String.join(wrapstring, wrap((String) line, width, breakLong, breakOnHyphens)));
        }
        return String.join(wrapstring, out);
    }

    private static int len(String s) {
        return s.codePointCount(0, s.length());
    }

    private static boolean isBlank(String s) {
        return s.codePoints().allMatch(PyChars::isSpace);
    }

    /** textwrap.wrap(text, width) with drop_whitespace, no indents. */
    static List<String> wrap(String text, int width, boolean breakLong, boolean breakOnHyphens) {
        List<String> chunks = split(text, breakOnHyphens);
        List<String> lines = new ArrayList<>();
        int next = 0;
        while (next < chunks.size()) {
            List<String> cur = new ArrayList<>();
            int curLen = 0;
            if (isBlank(chunks.get(next)) && !lines.isEmpty()) {
                next++;
            }
            while (next < chunks.size()) {
                int l = len(chunks.get(next));
                if (curLen + l <= width) {
                    cur.add(chunks.get(next++));
                    curLen += l;
                } else {
                    break;
                }
            }
            if (next < chunks.size() && len(chunks.get(next)) > width) {
                // as textwrap: a full line leaves no space, so an empty piece is cut off the long
                // word (and then dropped as whitespace, which keeps the line's trailing space)
                int spaceLeft = width < 1 ? 1 : width - curLen;
                String chunk = chunks.get(next);
                if (breakLong) {
                    int end = spaceLeft;
                    if (breakOnHyphens && len(chunk) > spaceLeft) {
                        String head = chunk.substring(0, chunk.offsetByCodePoints(0, spaceLeft));
                        int hyphen = head.lastIndexOf('-');
                        if (hyphen > 0 && head.substring(0, hyphen).chars().anyMatch(c -> c != '-')) {
                            end = head.codePointCount(0, hyphen) + 1;
                        }
                    }
                    int cut = chunk.offsetByCodePoints(0, end);
                    cur.add(chunk.substring(0, cut));
                    chunks.set(next, chunk.substring(cut));
                } else if (cur.isEmpty()) {
                    cur.add(chunks.get(next++));
                }
            }
            if (!cur.isEmpty() && isBlank(cur.get(cur.size() - 1))) {
                cur.remove(cur.size() - 1);
            }
            if (!cur.isEmpty()) {
                lines.add(String.join("", cur));
            }
        }
        return lines;
    }

    /** Splits into whitespace runs and words; with hyphen breaking, "look-ahead" gives "look-", "ahead". */
    static List<String> split(String text, boolean breakOnHyphens) {
        List<String> chunks = new ArrayList<>();
        int i = 0;
        while (i < text.length()) {
            int start = i;
            boolean space = isSplitSpace(text.codePointAt(i));
            while (i < text.length() && isSplitSpace(text.codePointAt(i)) == space) {
                i += Character.charCount(text.codePointAt(i));
            }
            String piece = text.substring(start, i);
            if (space || !breakOnHyphens) {
                chunks.add(piece);
            } else {
                splitHyphens(piece, chunks);
            }
        }
        return chunks;
    }

    /**
     * textwrap splits words at ASCII whitespace only (its {@code _whitespace}); other Unicode
     * spaces such as NBSP stay inside words, though a chunk of them still counts as blank.
     */
    private static boolean isSplitSpace(int cp) {
        return cp == ' ' || cp == '\t' || cp == '\n' || cp == 0x0b || cp == 0x0c || cp == '\r';
    }

    private static boolean isLetter(String s, int i) {
        return i >= 0 && i < s.length() && Character.isLetter(s.charAt(i));
    }

    /** Breaks after a hyphen preceded by two letters (or letter-letter-) and followed by letters. */
    private static void splitHyphens(String word, List<String> chunks) {
        int start = 0;
        for (int i = 1; i < word.length() - 1; i++) {
            if (word.charAt(i) != '-') {
                continue;
            }
            boolean before = (isLetter(word, i - 1) && isLetter(word, i - 2))
                    || (isLetter(word, i - 1) && i >= 3 && word.charAt(i - 2) == '-' && isLetter(word, i - 3));
            boolean after = isLetter(word, i + 1)
                    && (isLetter(word, i + 2) || (i + 2 < word.length() && word.charAt(i + 2) == '-' && isLetter(word, i + 3)));
            if (before && after) {
                chunks.add(word.substring(start, i + 1));
                start = i + 1;
            }
        }
        chunks.add(word.substring(start));
    }
}
