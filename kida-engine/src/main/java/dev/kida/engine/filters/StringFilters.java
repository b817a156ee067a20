package dev.kida.engine.filters;

import dev.kida.engine.runtime.value.Budget;

import dev.kida.api.RuntimeErrorKind;
import dev.kida.api.Arguments;
import dev.kida.api.CallContext;
import dev.kida.api.Filter;
import dev.kida.api.HtmlSafe;
import dev.kida.api.Markup;
import dev.kida.api.TemplateTypeException;
import dev.kida.api.TemplateRuntimeException;
import dev.kida.engine.runtime.html.Html;
import dev.kida.engine.runtime.text.PercentFormat;
import dev.kida.engine.runtime.text.PyChars;
import dev.kida.engine.runtime.value.PyNumbers;
import dev.kida.engine.runtime.value.PySlice;
import dev.kida.engine.runtime.text.StrOperations;
import dev.kida.engine.runtime.value.Tuple;
import dev.kida.engine.runtime.value.Undefined;
import dev.kida.engine.runtime.Values;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Filters over text: case, trimming, truncation, replacement, formatting, indentation. */
final class StringFilters {
    private StringFilters() {
    }

    static void register(Map<String, Filter> m) {
        m.put("upper", (ctx, v, a) -> {
            a.check("upper");
            return Texts.map(v, StrOperations::upper);
        });
        m.put("lower", (ctx, v, a) -> {
            a.check("lower");
            return Texts.map(v, StrOperations::lower);
        });
        m.put("capitalize", (ctx, v, a) -> {
            a.check("capitalize");
            return Texts.map(v, StrOperations::capitalize);
        });
        m.put("title", (ctx, v, a) -> {
            a.check("title");
            return title(Values.str(Texts.softStr(v)));
        });
        m.put("trim", (ctx, v, a) -> {
            a.check("trim", "chars");
            Object chars = a.get(0, "chars", null);
            String c = chars == null ? null : Texts.strArg(chars, "strip arg");
            return Texts.map(v, s -> StrOperations.strip(s, c, true, true));
        });
        m.put("center", (ctx, v, a) -> {
            a.check("center", "width");
            int width = Texts.intArg(a.get(0, "width", 80L), "center");
            return Texts.map(v, s -> StrOperations.pad(s, width, " ", '^'));
        });
        m.put("string", (ctx, v, a) -> {
            a.check("string");
            return Texts.softStr(v);
        });
        m.put("wordcount", (ctx, v, a) -> {
            a.check("wordcount");
            return (long) wordcount(Values.str(Texts.softStr(v)));
        });
        m.put("truncate", StringFilters::truncate);
        m.put("replace", StringFilters::replace);
        m.put("format", StringFilters::format);
        m.put("indent", StringFilters::indent);
        m.put("filesizeformat", StringFilters::filesizeformat);
    }

    /** Jinja2's title: upper-cases the first letter after spaces, hyphens and opening brackets. */
    static String title(String s) {
        StringBuilder out = new StringBuilder();
        int i = 0;
        int n = s.length();
        while (i < n) {
            int start = i;
            boolean sep = isTitleSeparator(s.codePointAt(i));
            while (i < n && isTitleSeparator(s.codePointAt(i)) == sep) {
                i += Character.charCount(s.codePointAt(i));
            }
            String item = s.substring(start, i);
            if (sep) {
                out.append(item);
            } else {
                int first = item.codePointAt(0);
                int len = Character.charCount(first);
                out.append(StrOperations.upper(item.substring(0, len))).append(StrOperations.lower(item.substring(len)));
            }
        }
        return out.toString();
    }

    private static boolean isTitleSeparator(int cp) {
        return cp == '-' || cp == '(' || cp == '{' || cp == '[' || cp == '<' || PyChars.isSpace(cp);
    }

    /** Python's {@code len(re.findall(r"\w+", s))}. */
    static int wordcount(String s) {
        int count = 0;
        boolean inWord = false;
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            i += Character.charCount(cp);
            boolean word = isWordChar(cp);
            if (word && !inWord) {
                count++;
            }
            inWord = word;
        }
        return count;
    }

    /** Python's {@code \w} in Unicode mode. */
    static boolean isWordChar(int cp) {
        return cp == '_' || PyChars.isAlnum(cp);
    }

    private static Object truncate(CallContext ctx, Object v, Arguments a) {
        a.check("truncate", "length", "killwords", "end", "leeway");
        int length = Texts.intArg(a.get(0, "length", 255L), "truncate");
        boolean killwords = ctx.truthy(a.get(1, "killwords", false));
        Object endObj = a.get(2, "end", "...");
        Object leewayObj = a.get(3, "leeway", null);
        int leeway = leewayObj == null ? 5 : Texts.intArg(leewayObj, "truncate");
        if (v instanceof Undefined u) {
            // len() of a lenient undefined is 0: short enough to come back unchanged
            u.length();
            return u;
        }
        if (endObj instanceof Undefined u) {
            throw u.fail();
        }
        // Jinja2 asserts length >= len(end) first, and adds end to the cut string only to truncate
        boolean textEnd = endObj instanceof String || endObj instanceof Markup;
        if (!textEnd && !(endObj instanceof java.util.Collection<?> || endObj instanceof java.util.Map<?, ?>)) {
            throw new TemplateTypeException("object of type '" + Values.typeName(endObj) + "' has no len()");
        }
        String end = textEnd ? endObj.toString() : null;
        int endLen = textEnd ? StrOperations.length(end) : (int) Values.length(endObj);
        if (length < endLen) {
            throw new TemplateRuntimeException(RuntimeErrorKind.ASSERTION_ERROR,
                    "expected length >= " + endLen + ", got " + length);
        }
        if (leeway < 0) {
            throw new TemplateRuntimeException(RuntimeErrorKind.ASSERTION_ERROR, "expected leeway >= 0, got " + leeway);
        }
        if (!(v instanceof String) && !(v instanceof Markup)) {
            // Python measures the value itself: numbers have no len(), short lists pass unchanged
            if (Values.length(v) <= length + leeway) {
                return v;
            }
            throw new dev.kida.api.TemplateTypeException("can only concatenate " + Values.typeName(v)
                    + " (not \"str\") to " + Values.typeName(v));
        }
        String s = v.toString();
        if (StrOperations.length(s) <= length + leeway) {
            return v;
        }
        if (!textEnd) {
            throw new TemplateTypeException("can only concatenate str (not \"" + Values.typeName(endObj) + "\") to str");
        }
        String cut = PySlice.slice(s, null, (long) (length - endLen), null);
        String result;
        if (killwords) {
            result = cut;
        } else {
            int space = cut.lastIndexOf(' ');
            result = space < 0 ? cut : cut.substring(0, space);
        }
        if (v instanceof Markup) {
            return Markup.of(result + (endObj instanceof HtmlSafe h ? h.toHtml() : ctx.escape(end).toHtml()));
        }
        return result + end;
    }

    private static Object replace(CallContext ctx, Object v, Arguments a) {
        a.check("replace", "old", "new", "count");
        Object old = a.require(0, "old");
        Object repl = a.require(1, "new");
        Object countObj = a.get(2, "count", null);
        long count = countObj == null ? -1 : Texts.intArg(countObj, "replace");
        if (!ctx.autoescape()) {
            return StrOperations.replace(Values.str(v), Values.str(old), Values.str(repl), count);
        }
        boolean oldSafe = old instanceof HtmlSafe;
        boolean newSafe = repl instanceof HtmlSafe;
        Object s;
        if (oldSafe || (newSafe && !(v instanceof HtmlSafe))) {
            s = ctx.escape(v);
        } else {
            s = Texts.softStr(v);
        }
        if (s instanceof Markup m) {
            // MarkupSafe's Markup.replace escapes the replacement only, not what it looks for
            return Markup.of(StrOperations.replace(m.toString(), Html.text(old), ctx.escape(repl).toHtml(), count));
        }
        return StrOperations.replace((String) s, Values.str(old), Values.str(repl), count);
    }

    private static Object format(CallContext ctx, Object v, Arguments a) {
        if (!a.positional().isEmpty() && !a.keywords().isEmpty()) {
            throw new TemplateRuntimeException("can't handle positional and keyword arguments at the same time");
        }
        Object args = a.keywords().isEmpty() ? Tuple.copyOf(a.positional()) : a.keywords();
        Object s = Texts.softStr(v);
        return Values.mod(s, args);
    }

    private static Object indent(CallContext ctx, Object v, Arguments a) {
        a.check("indent", "width", "first", "blank");
        Object widthObj = a.get(0, "width", 4L);
        boolean first = ctx.truthy(a.get(1, "first", false));
        boolean blank = ctx.truthy(a.get(2, "blank", false));
        String indention;
        if (widthObj instanceof String || widthObj instanceof Markup) {
            indention = widthObj.toString();
        } else {
            int width = Math.max(0, Texts.intArg(widthObj, "indent"));
            Budget.string(width);
            indention = " ".repeat(width);
        }
        if (v instanceof Undefined u) {
            throw u.fail();
        }
        if (v instanceof List<?> && !(v instanceof Tuple || v instanceof dev.kida.engine.runtime.value.Range
                || v instanceof dev.kida.engine.runtime.value.DictView)) {
            // Jinja2 appends "\n" to the value, which a list takes (extending itself), then calls
            // splitlines(), which it has not
            throw new TemplateRuntimeException(RuntimeErrorKind.ATTRIBUTE_ERROR,
                    "'list' object has no attribute 'splitlines'");
        }
        if (!(v instanceof String || v instanceof Markup)) {
            // Jinja2 appends "\n" to the value: a TypeError for anything but a string
            throw new TemplateTypeException("unsupported operand type(s) for +=: '" + Values.typeName(v) + "' and 'str'");
        }
        // for a Markup value Jinja2 3.1.6 wraps the indention in Markup too: it is not escaped
        boolean markup = v instanceof Markup;
        String s = (markup ? v.toString() : Values.str(v)) + "\n";
        List<Object> lines = StrOperations.splitlines(s, false);
        StringBuilder rv = new StringBuilder();
        if (blank) {
            for (int i = 0; i < lines.size(); i++) {
                if (i > 0) {
                    rv.append('\n').append(indention);
                }
                rv.append(lines.get(i));
            }
        } else {
            rv.append(lines.get(0));
            List<Object> rest = new ArrayList<>(lines.subList(1, lines.size()));
            if (!rest.isEmpty()) {
                rv.append('\n');
                for (int i = 0; i < rest.size(); i++) {
                    if (i > 0) {
                        rv.append('\n');
                    }
                    String line = (String) rest.get(i);
                    if (!line.isEmpty()) {
                        rv.append(indention);
                    }
                    rv.append(line);
                }
            }
        }
        String out = first ? indention + rv : rv.toString();
        return markup ? Markup.of(out) : out;
    }

    private static Object filesizeformat(CallContext ctx, Object v, Arguments a) {
        a.check("filesizeformat", "binary");
        boolean binary = ctx.truthy(a.get(0, "binary", false));
        double bytes = NumberFilters.toFloat(v);
        int base = binary ? 1024 : 1000;
        String[] prefixes = binary
                ? new String[]{"KiB", "MiB", "GiB", "TiB", "PiB", "EiB", "ZiB", "YiB"}
                : new String[]{"kB", "MB", "GB", "TB", "PB", "EB", "ZB", "YB"};
        if (bytes == 1) {
            return "1 Byte";
        }
        if (bytes < base) {
            return Values.str(NumberFilters.truncateToInt(bytes)) + " Bytes";
        }
        double unit = 0;
        String prefix = null;
        for (int i = 0; i < prefixes.length; i++) {
            unit = Math.pow(base, i + 2);
            prefix = prefixes[i];
            if (bytes < unit) {
                break;
            }
        }
        return PercentFormat.format("%.1f", base * bytes / unit) + " " + prefix;
    }

    static boolean isNumber(Object v) {
        return PyNumbers.isNumber(v);
    }
}
