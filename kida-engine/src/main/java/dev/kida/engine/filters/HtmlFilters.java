package dev.kida.engine.filters;

import dev.kida.api.RuntimeErrorKind;
import dev.kida.api.Arguments;
import dev.kida.api.CallContext;
import dev.kida.api.Filter;
import dev.kida.api.HtmlSafe;
import dev.kida.api.Markup;
import dev.kida.api.TemplateRuntimeException;
import dev.kida.api.TemplateTypeException;
import dev.kida.engine.runtime.value.PyRepr;
import dev.kida.engine.runtime.value.Undefined;
import dev.kida.engine.runtime.html.HtmlEntities;
import dev.kida.engine.runtime.Values;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/** Filters about HTML and URLs: escape, forceescape, safe, striptags, urlencode, xmlattr. */
final class HtmlFilters {
    private HtmlFilters() {
    }

    static void register(Map<String, Filter> m) {
        Filter escape = (ctx, v, a) -> {
            a.check("escape");
            return ctx.escape(v);
        };
        m.put("escape", escape);
        m.put("e", escape);
        m.put("forceescape", (ctx, v, a) -> {
            a.check("forceescape");
            String text = v instanceof HtmlSafe h ? h.toHtml() : Values.str(v);
            return ctx.escape(text);
        });
        m.put(dev.kida.engine.ast.Expr.Filter.MARK_SAFE_IF_AUTOESCAPE, (ctx, v, a) -> {
            if (!ctx.autoescape()) {
                return v;
            }
            return v instanceof HtmlSafe h ? Markup.of(h.toHtml()) : Markup.of(Values.str(v));
        });
        m.put("safe", (ctx, v, a) -> {
            a.check("safe");
            if (v instanceof HtmlSafe h) {
                return Markup.of(h.toHtml());
            }
            return Markup.of(Values.str(v));
        });
        m.put("striptags", (ctx, v, a) -> {
            a.check("striptags");
            String text = v instanceof HtmlSafe h ? h.toHtml() : Values.str(v);
            return HtmlEntities.striptags(text);
        });
        m.put("urlencode", HtmlFilters::urlencode);
        m.put("xmlattr", HtmlFilters::xmlattr);
    }

    private static Object urlencode(CallContext ctx, Object v, Arguments a) {
        a.check("urlencode");
        if (v instanceof Undefined u) {
            // iterable (and empty) unless strict
            u.iterator();
            return "";
        }
        if (v instanceof String || v instanceof Markup || !isIterable(v)) {
            return quote(v, false);
        }
        Iterator<?> items = v instanceof Map<?, ?> m ? m.entrySet().iterator() : Values.iterate(v);
        StringBuilder sb = new StringBuilder();
        while (items.hasNext()) {
            Object item = items.next();
            Object key;
            Object val;
            if (item instanceof Map.Entry<?, ?> e) {
                key = e.getKey();
                val = e.getValue();
            } else {
                List<Object> pair = Values.toList(item);
                if (pair.size() != 2) {
                    throw new TemplateRuntimeException(RuntimeErrorKind.VALUE_ERROR,
                            "too many values to unpack (expected 2)");
                }
                key = pair.get(0);
                val = pair.get(1);
            }
            if (!sb.isEmpty()) {
                sb.append('&');
            }
            sb.append(quote(key, true)).append('=').append(quote(val, true));
        }
        return sb.toString();
    }

    private static boolean isIterable(Object v) {
        try {
            Values.iterate(v);
            return true;
        } catch (TemplateTypeException e) {
            return false;
        }
    }

    /** Jinja2's url_quote: UTF-8 percent-encoding; '/' kept unless for a query string, where ' ' is '+'. */
    static String quote(Object value, boolean forQuery) {
        String s = Values.str(value);
        byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
        StringBuilder sb = new StringBuilder(bytes.length);
        for (byte b : bytes) {
            int c = b & 0xff;
            boolean safe = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || c == '_' || c == '.' || c == '-' || c == '~' || (c == '/' && !forQuery);
            if (safe) {
                sb.append((char) c);
            } else if (c == ' ' && forQuery) {
                sb.append('+');
            } else {
                sb.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 15, 16)));
            }
        }
        return sb.toString();
    }

    private static Object xmlattr(CallContext ctx, Object v, Arguments a) {
        a.check("xmlattr", "autospace");
        boolean autospace = ctx.truthy(a.get(0, "autospace", true));
        if (v instanceof Undefined u) {
            throw u.fail();
        }
        if (!(v instanceof Map<?, ?> d)) {
            throw new dev.kida.api.TemplateRuntimeException(RuntimeErrorKind.ATTRIBUTE_ERROR,
                    "'" + Values.typeName(v) + "' object has no attribute 'items'");
        }
        List<String> items = new ArrayList<>();
        for (Map.Entry<?, ?> e : d.entrySet()) {
            Object value = e.getValue();
            if (value == null || value instanceof Undefined) {
                continue;
            }
            String key = Values.str(e.getKey());
            for (int i = 0; i < key.length(); i++) {
                char c = key.charAt(i);
                if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == 0x0b || c == '/'
                        || c == '>' || c == '=') {
                    throw new TemplateRuntimeException(RuntimeErrorKind.VALUE_ERROR,
                            "Invalid character in attribute name: " + PyRepr.repr(key));
                }
            }
            items.add(ctx.escape(e.getKey()).toHtml() + "=\"" + ctx.escape(value).toHtml() + "\"");
        }
        String rv = String.join(" ", items);
        if (autospace && !rv.isEmpty()) {
            rv = " " + rv;
        }
        return ctx.autoescape() ? Markup.of(rv) : rv;
    }
}
