package dev.kida.engine.filters;

import dev.kida.api.RuntimeErrorKind;
import dev.kida.api.Arguments;
import dev.kida.api.CallContext;
import dev.kida.api.Filter;
import dev.kida.api.HtmlSafe;
import dev.kida.api.Markup;
import dev.kida.api.TemplateRuntimeException;
import dev.kida.api.TemplateTypeException;
import dev.kida.engine.runtime.value.PyNumbers;
import dev.kida.engine.runtime.text.StrOperations;
import dev.kida.engine.runtime.value.Range;
import dev.kida.engine.runtime.value.Tuple;
import dev.kida.engine.runtime.value.Undefined;
import dev.kida.engine.runtime.Values;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The filters Kida 0.12 has beside Jinja2's (kida-semantics.md, section 15): classes, commas,
 * compact, csp_nonce, date, debug, decimal, format_number, get, pluralize, require, skip, take,
 * slug, typeof. Jinja2's own filters keep Jinja2's behaviour; these follow Kida's.
 */
final class KidaFilters {
    /** Compiled at the first use, not with the built-in filters (see NumberFilters.FloatSyntax). */
    private static final class Slug {
        static final Pattern NON_SLUG = Pattern.compile("[^a-z0-9]+");
    }

    /** Compiled at the first use, not with the built-in filters (see NumberFilters.FloatSyntax). */
    private static final class Nonce {
        static final Pattern SCRIPT_OR_STYLE = Pattern.compile("(<\\s*(?:script|style))(\\s[^>]*)?(>)",
                Pattern.CASE_INSENSITIVE);
        static final Pattern HAS_NONCE = Pattern.compile("\\bnonce\\s*=", Pattern.CASE_INSENSITIVE);
    }
    /** Made at the first message: {@code System.getLogger} starts the logging back end, which a
     * cold start that logs nothing should not pay for. */
    private static final class Log {
        static final System.Logger LOG = System.getLogger("dev.kida.engine.filters");
    }
    /** Which lenient-filter warnings were logged already (bounded: one per filter and kind of mistake). */
    private static final java.util.Set<String> WARNED = java.util.concurrent.ConcurrentHashMap.newKeySet();

    private KidaFilters() {
    }

    static void register(Map<String, Filter> m) {
        m.put("classes", KidaFilters::classes);
        m.put("commas", (ctx, v, a) -> {
            a.check("commas");
            return KidaNumbers.formatNumber(v, 0, false);
        });
        m.put("compact", KidaFilters::compact);
        m.put("csp_nonce", KidaFilters::cspNonce);
        m.put("date", (ctx, v, a) -> {
            a.check("date", "format");
            Object format = a.get(0, "format", "%Y-%m-%d");
            return Strftime.format(v, Values.str(format));
        });
        m.put("debug", KidaDebug::filter);
        m.put("decimal", (ctx, v, a) -> {
            a.check("decimal", "places", "strict");
            return KidaNumbers.decimal(v, a.get(0, "places", 2L), ctx.truthy(a.get(1, "strict", false)));
        });
        m.put("format_number", (ctx, v, a) -> {
            a.check("format_number", "decimal_places", "strict");
            return KidaNumbers.formatNumber(v, a.get(0, "decimal_places", 0L),
                    ctx.truthy(a.get(1, "strict", false)));
        });
        m.put("get", KidaFilters::get);
        m.put("pluralize", KidaFilters::pluralize);
        m.put("require", KidaFilters::require);
        m.put("skip", (ctx, v, a) -> slice("skip", v, a, true));
        m.put("take", (ctx, v, a) -> slice("take", v, a, false));
        m.put("slug", (ctx, v, a) -> {
            a.check("slug");
            if (v == null) {
                return "";
            }
            String lower = StrOperations.lower(Values.str(defined(v)));
            return trimDashes(Slug.NON_SLUG.matcher(lower).replaceAll("-"));
        });
        m.put("typeof", (ctx, v, a) -> {
            a.check("typeof");
            return typeOf(defined(v));
        });
    }

    private static Object defined(Object v) {
        if (v instanceof Undefined u) {
            throw u.fail();
        }
        return v;
    }

    /** Truthy items joined by spaces; a list or tuple item contributes its own truthy items. */
    private static Object classes(CallContext ctx, Object v, Arguments a) {
        a.check("classes");
        if (v == null) {
            return "";
        }
        defined(v);
        if (!isIterable(v)) {
            return Values.str(v);
        }
        StringBuilder out = new StringBuilder();
        Iterator<Object> it = Values.iterate(v);
        while (it.hasNext()) {
            Object item = it.next();
            if (item instanceof List<?> nested) {
                for (Object sub : nested) {
                    if (ctx.truthy(sub)) {
                        appendClass(out, sub);
                    }
                }
            } else if (ctx.truthy(item)) {
                appendClass(out, item);
            }
        }
        return out.toString();
    }

    private static void appendClass(StringBuilder out, Object item) {
        if (!out.isEmpty()) {
            out.append(' ');
        }
        out.append(Values.str(item));
    }

    /** Drops the falsy items, or only the None items with {@code truthy=false} (keyword only, as in Kida). */
    private static Object compact(CallContext ctx, Object v, Arguments a) {
        if (!a.positional().isEmpty()) {
            throw new TemplateTypeException("compact() takes no positional arguments (use truthy=false)");
        }
        a.check("compact", "truthy");
        boolean truthy = ctx.truthy(a.get(-1, "truthy", true));
        List<Object> out = new ArrayList<>();
        if (v == null) {
            return out;
        }
        Iterator<Object> it = iterateOrWarn("compact", v);
        while (it.hasNext()) {
            Object item = it.next();
            if (truthy ? ctx.truthy(item) : item != null) {
                out.add(item);
            }
        }
        return out;
    }

    /**
     * Adds {@code nonce="..."} to each {@code <script>} and {@code <style>} opening tag that has no
     * nonce yet. The nonce is escaped, so safe input stays safe; without a nonce the value is
     * returned as it is.
     */
    private static Object cspNonce(CallContext ctx, Object v, Arguments a) {
        a.check("csp_nonce", "nonce");
        Object nonce = a.get(0, "nonce", null);
        defined(v);
        if (nonce == null || !ctx.truthy(nonce)) {
            return v instanceof HtmlSafe ? v : Values.str(v);
        }
        String attr = " nonce=\"" + Values.escape(Values.str(nonce)) + "\"";
        String html = v instanceof HtmlSafe safe ? safe.toHtml() : Values.str(v);
        Matcher matcher = Nonce.SCRIPT_OR_STYLE.matcher(html);
        StringBuilder out = new StringBuilder(html.length() + 32);
        while (matcher.find()) {
            String attrs = matcher.group(2) == null ? "" : matcher.group(2);
            String replacement = Nonce.HAS_NONCE.matcher(attrs).find() ? matcher.group()
                    : matcher.group(1) + attrs + attr + matcher.group(3);
            matcher.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        matcher.appendTail(out);
        return v instanceof HtmlSafe ? Markup.of(out.toString()) : out.toString();
    }

    /** A mapping's key or an object's attribute; {@code default} when it is missing or the object is None. */
    private static Object get(CallContext ctx, Object v, Arguments a) {
        a.check("get", "key", "default");
        Object key = a.require(0, "key");
        Object dflt = a.get(1, "default", null);
        if (v == null || v instanceof Undefined) {
            return dflt;
        }
        if (v instanceof Map<?, ?> map) {
            return map.containsKey(key) ? map.get(key) : dflt;
        }
        Object value = Values.getAttr(v, Values.str(key));
        return value instanceof Undefined ? dflt : value;
    }

    /** Django's pluralize: {@code ""}/{@code suffix}, or the halves of {@code "y,ies"}. */
    private static Object pluralize(CallContext ctx, Object v, Arguments a) {
        a.check("pluralize", "suffix");
        String suffix = Values.str(a.get(0, "suffix", "s"));
        if (v == null) {
            return suffix;
        }
        defined(v);
        boolean one = countIsOne(v);
        int comma = suffix.indexOf(',');
        if (comma >= 0) {
            String singular = suffix.substring(0, comma).strip();
            String rest = suffix.substring(comma + 1);
            int next = rest.indexOf(',');
            String plural = (next >= 0 ? rest.substring(0, next) : rest).strip();
            return one ? singular : plural;
        }
        return one ? "" : suffix;
    }

    /** Python's {@code int(value) == 1}, raising as Kida does for what int() refuses. */
    private static boolean countIsOne(Object v) {
        if (PyNumbers.isIntegral(v)) {
            return PyNumbers.toBig(v).equals(java.math.BigInteger.ONE);
        }
        if (PyNumbers.isFloat(v)) {
            double d = PyNumbers.toDouble(v);
            // int() of a float: Kida turns its ValueError into its own message, not its OverflowError
            if (Double.isNaN(d)) {
                throw new TemplateRuntimeException(RuntimeErrorKind.VALUE_ERROR,
                        "pluralize expects a number, got float: " + Values.repr(v));
            }
            if (Double.isInfinite(d)) {
                throw new TemplateRuntimeException(RuntimeErrorKind.OVERFLOW_ERROR,
                        "cannot convert float infinity to integer");
            }
            return (long) d == 1;
        }
        if (v instanceof String || v instanceof Markup) {
            String s = NumberFilters.asciiDigits(v.toString().strip()).replace("_", "");
            if (s.matches("[+-]?[0-9]+")) {
                return new java.math.BigInteger(s.startsWith("+") ? s.substring(1) : s).equals(java.math.BigInteger.ONE);
            }
        }
        throw new TemplateRuntimeException(RuntimeErrorKind.VALUE_ERROR,
                "pluralize expects a number, got " + Values.typeName(v) + ": "
                + Values.repr(v) + "; use |int or pass a number");
    }

    /** The value, unless it is None: then a runtime error naming the field (or the given message). */
    private static Object require(CallContext ctx, Object v, Arguments a) {
        a.check("require", "message", "field_name");
        Object message = a.get(0, "message", null);
        Object field = a.get(1, "field_name", null);
        if (v instanceof Undefined u) {
            throw u.fail();
        }
        if (v != null) {
            return v;
        }
        String name = field == null ? "value" : Values.str(field);
        throw new TemplateRuntimeException(RuntimeErrorKind.REQUIRED_VALUE_ERROR, message != null ? Values.str(message)
                : "required value '" + name + "' is None");
    }

    /**
     * {@code skip(n)} / {@code take(n)}: a list without / of the first {@code n} items. As in Kida,
     * a value that is not a sequence or a count that is not a whole number gives an empty list
     * (with a warning in the log, once per filter and kind of mistake).
     */
    private static Object slice(String name, Object v, Arguments a, boolean skip) {
        a.check(name, "count");
        Object count = a.require(0, "count");
        List<Object> out = new ArrayList<>();
        if (v == null) {
            return out;
        }
        if (!PyNumbers.isIntegral(count) || PyNumbers.toBig(count).signum() < 0) {
            warnOnce(name + ":count", name + "() was given the count " + Values.repr(count)
                    + ", which is not a whole number of items; it returns an empty list");
            return out;
        }
        long n = PyNumbers.isBig(count) ? Long.MAX_VALUE : PyNumbers.toLong(count);
        Iterator<Object> it = iterateOrWarn(name, v);
        long i = 0;
        while (it.hasNext() && (skip || i < n)) {
            Object item = it.next();
            if (!skip || i >= n) {
                out.add(item);
            }
            i++;
        }
        return out;
    }

    /** The items of {@code v}; for a value that is not a sequence none, with a warning logged once. */
    private static Iterator<Object> iterateOrWarn(String name, Object v) {
        defined(v);
        if (!isIterable(v)) {
            warnOnce(name + ":" + Values.typeName(v), name + "() was given a " + Values.typeName(v)
                    + ", which is not a sequence; it returns an empty list (use |default([]) before it)");
            return java.util.Collections.emptyIterator();
        }
        return Values.iterate(v);
    }

    private static void warnOnce(String key, String message) {
        if (WARNED.size() < 1000 && WARNED.add(key)) {
            Log.LOG.log(System.Logger.Level.WARNING, message);
        }
    }

    private static boolean isIterable(Object v) {
        return v instanceof Iterable<?> || v instanceof Map<?, ?> || v instanceof CharSequence
                || v instanceof Iterator<?> || v != null && v.getClass().isArray();
    }

    private static String trimDashes(String s) {
        int start = 0;
        int end = s.length();
        while (start < end && s.charAt(start) == '-') {
            start++;
        }
        while (end > start && s.charAt(end - 1) == '-') {
            end--;
        }
        return s.substring(start, end);
    }

    /** Kida's generic type names: bool, int, float, list, dict, none, str, or Python's name of the type. */
    static String typeOf(Object v) {
        return switch (v) {
            case null -> "none";
            case Boolean b -> "bool";
            case Tuple t -> "tuple";
            case Range r -> "range";
            case Markup s -> "str";
            case String s -> "str";
            default -> {
                if (PyNumbers.isInt(v)) {
                    yield "int";
                }
                if (PyNumbers.isFloat(v)) {
                    yield "float";
                }
                String name = Values.typeName(v);
                yield switch (name) {
                    case "list", "dict" -> name;
                    default -> v instanceof List<?> ? "list" : v instanceof Map<?, ?> ? "dict" : name;
                };
            }
        };
    }
}
