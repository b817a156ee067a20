package dev.kida.engine.runtime;

import dev.kida.engine.runtime.html.Html;
import dev.kida.engine.runtime.html.HtmlEntities;
import dev.kida.engine.runtime.text.PyChars;
import dev.kida.engine.runtime.text.StrOperations;
import dev.kida.engine.runtime.value.Budget;
import dev.kida.engine.runtime.value.BuiltinMethod;
import dev.kida.engine.runtime.value.PyNumbers;
import dev.kida.engine.runtime.value.PyRepr;
import dev.kida.engine.runtime.value.PySlice;
import dev.kida.engine.runtime.value.Tuple;
import dev.kida.engine.runtime.value.Undefined;
import dev.kida.api.RuntimeErrorKind;
import dev.kida.api.Arguments;
import dev.kida.api.Markup;
import dev.kida.api.TemplateRuntimeException;
import dev.kida.api.TemplateTypeException;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The methods of Python's str, callable from templates ({@code name.upper()}). On Markup they
 * behave like MarkupSafe's: string arguments are escaped and string results stay Markup.
 */
public final class StrMethods {
    private StrMethods() {
    }

    private interface StrBody {
        Object call(String self, Arguments args);
    }

    private static final Map<String, StrBody> METHODS = new HashMap<>();

    private static void def(String name, StrBody body) {
        METHODS.put(name, body);
    }

    static String strArg(Object v, String method) {
        if (v instanceof Undefined u) {
            throw u.fail();
        }
        if (v instanceof String s) {
            return s;
        }
        if (v instanceof Markup m) {
            return m.toString();
        }
        throw new TemplateTypeException(method + "() argument must be str, not " + Values.typeName(v));
    }

    static String optStr(Object v, String method) {
        return v == null ? null : strArg(v, method);
    }

    /** {@code str.index} / {@code str.rindex}: as find, but a missing substring is an error. */
    private static long indexOf(String s, Arguments a, String method, boolean fromEnd) {
        a.check(method, "sub", "start", "end");
        int at = StrOperations.find(s, strArg(a.require(0, "sub"), method), a.get(1, "start", null), a.get(2, "end", null),
                fromEnd);
        if (at < 0) {
            throw new TemplateRuntimeException(RuntimeErrorKind.VALUE_ERROR, "substring not found");
        }
        return at;
    }

    /**
     * A Python int argument of a built-in method, global or filter, which CPython takes as a C
     * ssize_t: a TypeError for what is not an int, an OverflowError for an int past 64 bits.
     */
    public static long intArg(Object v, String method) {
        if (v instanceof Undefined u) {
            throw u.fail();
        }
        if (!PyNumbers.isIntegral(v)) {
            throw new TemplateTypeException("'" + Values.typeName(v) + "' object cannot be interpreted as an integer");
        }
        if (PyNumbers.isBig(v)) {
            throw new dev.kida.api.TemplateRuntimeException(dev.kida.api.RuntimeErrorKind.OVERFLOW_ERROR,
                    "Python int too large to convert to C ssize_t");
        }
        return PyNumbers.toLong(v);
    }

    private static boolean affix(String self, Object prefixes, Object start, Object end, boolean atStart, String method) {
        int n = StrOperations.length(self);
        PySlice.Bounds b = PySlice.indices(n, start, end, null);
        if (b.start() > n || (end != null && b.stop() < b.start())) {
            return false;
        }
        int from = self.offsetByCodePoints(0, Math.min(b.start(), n));
        int to = self.offsetByCodePoints(0, Math.max(Math.min(b.stop(), n), b.start()));
        String region = self.substring(from, to);
        List<?> options = prefixes instanceof Tuple t ? t : List.of(prefixes == null ? "" : prefixes);
        if (prefixes == null) {
            throw new TemplateTypeException(method + " first arg must be str or a tuple of str, not NoneType");
        }
        for (Object o : options) {
            String p = strArg(o, method);
            if (atStart ? region.startsWith(p) : region.endsWith(p)) {
                return true;
            }
        }
        return false;
    }

    static {
        def("upper", (s, a) -> { a.check("upper"); return StrOperations.upper(s); });
        def("lower", (s, a) -> { a.check("lower"); return StrOperations.lower(s); });
        def("casefold", (s, a) -> { a.check("casefold"); return StrOperations.casefold(s); });
        def("title", (s, a) -> { a.check("title"); return StrOperations.title(s); });
        def("capitalize", (s, a) -> { a.check("capitalize"); return StrOperations.capitalize(s); });
        def("swapcase", (s, a) -> { a.check("swapcase"); return StrOperations.swapcase(s); });
        def("strip", (s, a) -> { a.check("strip", "chars"); return StrOperations.strip(s, optStr(a.get(0, "chars", null), "strip"), true, true); });
        def("lstrip", (s, a) -> { a.check("lstrip", "chars"); return StrOperations.strip(s, optStr(a.get(0, "chars", null), "lstrip"), true, false); });
        def("rstrip", (s, a) -> { a.check("rstrip", "chars"); return StrOperations.strip(s, optStr(a.get(0, "chars", null), "rstrip"), false, true); });
        def("split", (s, a) -> {
            a.check("split", "sep", "maxsplit");
            return StrOperations.split(s, optStr(a.get(0, "sep", null), "split"), (int) intArg(a.get(1, "maxsplit", -1L), "split"));
        });
        def("rsplit", (s, a) -> {
            a.check("rsplit", "sep", "maxsplit");
            return StrOperations.rsplit(s, optStr(a.get(0, "sep", null), "rsplit"), (int) intArg(a.get(1, "maxsplit", -1L), "rsplit"));
        });
        def("splitlines", (s, a) -> {
            a.check("splitlines", "keepends");
            // keepends is an int to CPython (a bool is one), not any value's truth
            return StrOperations.splitlines(s, intArg(a.get(0, "keepends", false), "splitlines") != 0);
        });
        def("startswith", (s, a) -> {
            a.check("startswith", "prefix", "start", "end");
            return affix(s, a.require(0, "prefix"), a.get(1, "start", null), a.get(2, "end", null), true, "startswith");
        });
        def("endswith", (s, a) -> {
            a.check("endswith", "suffix", "start", "end");
            return affix(s, a.require(0, "suffix"), a.get(1, "start", null), a.get(2, "end", null), false, "endswith");
        });
        def("replace", (s, a) -> {
            a.check("replace", "old", "new", "count");
            return StrOperations.replace(s, strArg(a.require(0, "old"), "replace"), strArg(a.require(1, "new"), "replace"),
                    intArg(a.get(2, "count", -1L), "replace"));
        });
        def("join", (s, a) -> {
            a.check("join", "iterable");
            StringBuilder sb = new StringBuilder();
            int i = 0;
            var it = Values.iterate(a.require(0, "iterable"));
            while (it.hasNext()) {
                Object item = it.next();
                if (!(item instanceof String) && !(item instanceof Markup)) {
                    throw new TemplateTypeException("sequence item " + i + ": expected str instance, "
                            + Values.typeName(item) + " found");
                }
                if (i++ > 0) {
                    sb.append(s);
                }
                sb.append(item);
                Budget.string(sb.length());
            }
            return sb.toString();
        });
        def("format", (s, a) -> StrFormat.format(s, a.positional(), a.keywords()));
        def("format_map", (s, a) -> {
            a.check("format_map", "mapping");
            Object m = a.require(0, "mapping");
            if (!(m instanceof Map<?, ?> map)) {
                throw new TemplateTypeException("format_map() argument must be a mapping");
            }
            Map<String, Object> kw = new java.util.LinkedHashMap<>();
            map.forEach((k, v) -> kw.put(PyRepr.str(k), v));
            return StrFormat.format(s, List.of(), kw);
        });
        def("count", (s, a) -> {
            a.check("count", "sub", "start", "end");
            String sub = strArg(a.require(0, "sub"), "count");
            String region = PySlice.slice(s, a.get(1, "start", null), a.get(2, "end", null), null);
            return (long) StrOperations.count(region, sub);
        });
        def("find", (s, a) -> {
            a.check("find", "sub", "start", "end");
            return (long) StrOperations.find(s, strArg(a.require(0, "sub"), "find"), a.get(1, "start", null), a.get(2, "end", null), false);
        });
        def("rfind", (s, a) -> {
            a.check("rfind", "sub", "start", "end");
            return (long) StrOperations.find(s, strArg(a.require(0, "sub"), "rfind"), a.get(1, "start", null), a.get(2, "end", null), true);
        });
        def("index", (s, a) -> indexOf(s, a, "index", false));
        def("rindex", (s, a) -> indexOf(s, a, "rindex", true));
        def("isdigit", (s, a) -> StrOperations.all(s, PyChars::isDigit));
        def("isdecimal", (s, a) -> StrOperations.all(s, cp -> Character.getType(cp) == Character.DECIMAL_DIGIT_NUMBER));
        def("isnumeric", (s, a) -> StrOperations.all(s, cp -> PyChars.isDigit(cp) || Character.getNumericValue(cp) >= 0 && !Character.isLetter(cp)));
        def("isalpha", (s, a) -> StrOperations.all(s, PyChars::isAlpha));
        def("isalnum", (s, a) -> StrOperations.all(s, PyChars::isAlnum));
        def("isspace", (s, a) -> StrOperations.all(s, PyChars::isSpace));
        def("isupper", (s, a) -> StrOperations.isUpper(s));
        def("islower", (s, a) -> StrOperations.isLower(s));
        def("istitle", (s, a) -> !s.isEmpty() && StrOperations.title(s).equals(s) && s.codePoints().anyMatch(PyChars::isCased));
        def("center", (s, a) -> {
            a.check("center", "width", "fillchar");
            return StrOperations.pad(s, (int) intArg(a.require(0, "width"), "center"), strArg(a.get(1, "fillchar", " "), "center"), '^');
        });
        def("ljust", (s, a) -> {
            a.check("ljust", "width", "fillchar");
            return StrOperations.pad(s, (int) intArg(a.require(0, "width"), "ljust"), strArg(a.get(1, "fillchar", " "), "ljust"), '<');
        });
        def("rjust", (s, a) -> {
            a.check("rjust", "width", "fillchar");
            return StrOperations.pad(s, (int) intArg(a.require(0, "width"), "rjust"), strArg(a.get(1, "fillchar", " "), "rjust"), '>');
        });
        def("zfill", (s, a) -> {
            a.check("zfill", "width");
            return StrOperations.zfill(s, (int) intArg(a.require(0, "width"), "zfill"));
        });
        def("partition", (s, a) -> {
            a.check("partition", "sep");
            String sep = strArg(a.require(0, "sep"), "partition");
            if (sep.isEmpty()) {
                throw new dev.kida.api.TemplateRuntimeException(dev.kida.api.RuntimeErrorKind.VALUE_ERROR,
                        "empty separator");
            }
            int at = s.indexOf(sep);
            return at < 0 ? Tuple.of(s, "", "") : Tuple.of(s.substring(0, at), sep, s.substring(at + sep.length()));
        });
        def("rpartition", (s, a) -> {
            a.check("rpartition", "sep");
            String sep = strArg(a.require(0, "sep"), "rpartition");
            if (sep.isEmpty()) {
                throw new dev.kida.api.TemplateRuntimeException(dev.kida.api.RuntimeErrorKind.VALUE_ERROR,
                        "empty separator");
            }
            int at = s.lastIndexOf(sep);
            return at < 0 ? Tuple.of("", "", s) : Tuple.of(s.substring(0, at), sep, s.substring(at + sep.length()));
        });
        def("removeprefix", (s, a) -> {
            String p = strArg(a.require(0, "prefix"), "removeprefix");
            return s.startsWith(p) ? s.substring(p.length()) : s;
        });
        def("removesuffix", (s, a) -> {
            String p = strArg(a.require(0, "suffix"), "removesuffix");
            return s.endsWith(p) && !p.isEmpty() ? s.substring(0, s.length() - p.length()) : s;
        });
    }

    /** The bound method {@code name} of a str or Markup, or null when str has no such method. */
    static BuiltinMethod lookup(Object self, String name) {
        if (self instanceof Markup m && (name.equals("striptags") || name.equals("unescape"))) {
            return new BuiltinMethod(self, name, (recv, ctx, args) -> markupOnly(m, name, args));
        }
        StrBody body = METHODS.get(name);
        if (body == null) {
            return null;
        }
        if (self instanceof Markup m) {
            return new BuiltinMethod(self, name, (recv, ctx, args) -> markupCall(m, name, body, args));
        }
        String s = (String) self;
        return new BuiltinMethod(self, name, (recv, ctx, args) -> body.call(s, args));
    }

    /** MarkupSafe's own methods {@code striptags()} and {@code unescape()}: both give a plain str. */
    private static String markupOnly(Markup self, String name, Arguments args) {
        if (!args.positional().isEmpty() || !args.keywords().isEmpty()) {
            throw new TemplateTypeException("Markup." + name + "() takes no arguments");
        }
        String html = self.toString();
        return name.equals("striptags") ? HtmlEntities.striptags(html) : HtmlEntities.unescape(html);
    }

    /** The Markup methods of MarkupSafe 3 that escape all their string arguments. */
    private static final java.util.Set<String> ESCAPING = java.util.Set.of(
            "join", "ljust", "rjust", "center", "format", "format_map");

    /**
     * MarkupSafe: string results (and lists of them) are wrapped as Markup; only the methods
     * MarkupSafe overrides to do so escape their arguments ({@code replace} only its {@code new}).
     */
    private static Object markupCall(Markup self, String name, StrBody body, Arguments args) {
        boolean escapeAll = ESCAPING.contains(name);
        List<Object> pos = new ArrayList<>();
        for (int i = 0; i < args.positional().size(); i++) {
            Object o = args.positional().get(i);
            pos.add(escapeAll || (name.equals("replace") && i == 1) ? escapeArg(o) : o);
        }
        Map<String, Object> kw = new java.util.LinkedHashMap<>();
        args.keywords().forEach((k, v) -> kw.put(k, escapeAll ? escapeArg(v) : v));
        Object result = body.call(self.toString(), new Args(pos, kw));
        return wrap(result);
    }

    private static Object escapeArg(Object o) {
        if (o instanceof String || o instanceof Markup) {
            return Html.escape(o).toString();
        }
        if (o instanceof List<?> l && !(o instanceof Tuple)) {
            List<Object> out = new ArrayList<>();
            for (Object x : l) {
                out.add(x instanceof String || x instanceof Markup ? Html.escape(x).toString() : x);
            }
            return out;
        }
        return o;
    }

    private static Object wrap(Object result) {
        if (result instanceof String s) {
            return Markup.of(s);
        }
        if (result instanceof Tuple t) {
            List<Object> out = new ArrayList<>();
            for (Object x : t) {
                out.add(wrap(x));
            }
            return Tuple.copyOf(out);
        }
        if (result instanceof List<?> l) {
            List<Object> out = new ArrayList<>();
            for (Object x : l) {
                out.add(wrap(x));
            }
            return out;
        }
        return result;
    }
}
