package dev.kida.engine.i18n;

import dev.kida.api.Arguments;
import dev.kida.api.CallContext;
import dev.kida.api.GlobalFunction;
import dev.kida.api.Markup;
import dev.kida.api.TemplateTypeException;
import dev.kida.api.Translations;
import dev.kida.engine.runtime.Args;
import dev.kida.engine.runtime.value.PyNumbers;
import dev.kida.engine.runtime.Values;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The globals Jinja2's i18n extension installs: {@code gettext}, {@code ngettext},
 * {@code pgettext}, {@code npgettext} over a {@link Translations}, and {@code _}, which calls
 * whatever {@code gettext} is where it is called (plus Kida's {@code _n}, which calls
 * {@code ngettext} the same way; {@link #identity} gives both when the extension is off). Old style returns the translation as a plain
 * string; new style ({@code newstyle_gettext}) also marks it safe when autoescaping and always
 * formats it with {@code %} and the keyword arguments (which Markup escapes), {@code num} and
 * {@code context} included.
 */
public final class GettextGlobals {
    private GettextGlobals() {
    }

    /** The six globals, by name. */
    public static Map<String, Object> of(Translations t, boolean newstyle) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("_", (GlobalFunction) (ctx, args) -> Values.call(ctx.resolve("gettext"), ctx, asArgs(args)));
        // Kida's plural shorthand; like _ it calls whatever ngettext is where it is called
        m.put("_n", (GlobalFunction) (ctx, args) -> Values.call(ctx.resolve("ngettext"), ctx, asArgs(args)));
        if (newstyle) {
            m.put("gettext", (GlobalFunction) (ctx, args) -> {
                List<Object> p = positional(args, "gettext", 1);
                return format(ctx, t.gettext(text(p.get(0))), new LinkedHashMap<>(args.keywords()));
            });
            m.put("ngettext", (GlobalFunction) (ctx, args) -> {
                List<Object> p = positional(args, "ngettext", 3);
                Map<String, Object> vars = new LinkedHashMap<>(args.keywords());
                vars.putIfAbsent("num", p.get(2));
                return format(ctx, t.ngettext(text(p.get(0)), text(p.get(1)), count(t, p.get(2))), vars);
            });
            m.put("pgettext", (GlobalFunction) (ctx, args) -> {
                List<Object> p = positional(args, "pgettext", 2);
                Map<String, Object> vars = new LinkedHashMap<>(args.keywords());
                vars.putIfAbsent("context", p.get(0));
                return format(ctx, t.pgettext(text(p.get(0)), text(p.get(1))), vars);
            });
            m.put("npgettext", (GlobalFunction) (ctx, args) -> {
                List<Object> p = positional(args, "npgettext", 4);
                Map<String, Object> vars = new LinkedHashMap<>(args.keywords());
                vars.putIfAbsent("context", p.get(0));
                vars.putIfAbsent("num", p.get(3));
                return format(ctx, t.npgettext(text(p.get(0)), text(p.get(1)), text(p.get(2)), count(t, p.get(3))), vars);
            });
        } else {
            m.put("gettext", (GlobalFunction) (ctx, args) -> {
                List<Object> p = plain(args, "gettext", 1);
                return t.gettext(text(p.get(0)));
            });
            m.put("ngettext", (GlobalFunction) (ctx, args) -> {
                List<Object> p = plain(args, "ngettext", 3);
                return t.ngettext(text(p.get(0)), text(p.get(1)), count(t, p.get(2)));
            });
            m.put("pgettext", (GlobalFunction) (ctx, args) -> {
                List<Object> p = plain(args, "pgettext", 2);
                return t.pgettext(text(p.get(0)), text(p.get(1)));
            });
            m.put("npgettext", (GlobalFunction) (ctx, args) -> {
                List<Object> p = plain(args, "npgettext", 4);
                return t.npgettext(text(p.get(0)), text(p.get(1)), text(p.get(2)), count(t, p.get(3)));
            });
        }
        return m;
    }

    /**
     * Kida's {@code _(message)} and {@code _n(singular, plural, n)} when no translations are
     * installed (the i18n extension off): the message itself, and {@code singular} when
     * {@code n == 1}, else {@code plural}, as plain strings (escaped on output like any string).
     * With the extension on, {@link #of} replaces both by calls to its {@code gettext} and
     * {@code ngettext}.
     */
    public static Map<String, Object> identity() {
        Translations t = Translations.none();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("_", (GlobalFunction) (ctx, args) -> t.gettext(text(exactly(args, "_", 1).get(0))));
        m.put("_n", (GlobalFunction) (ctx, args) -> {
            List<Object> p = exactly(args, "_n", 3);
            return t.ngettext(text(p.get(0)), text(p.get(1)), count(t, p.get(2)));
        });
        return m;
    }

    private static Object format(CallContext ctx, String translated, Map<String, Object> variables) {
        Object rv = ctx.autoescape() ? Markup.of(translated) : translated;
        return Values.mod(rv, variables);
    }

    private static Args asArgs(Arguments a) {
        return a instanceof Args args ? args : new Args(a.positional(), a.keywords());
    }

    private static List<Object> positional(Arguments args, String name, int n) {
        if (args.positional().size() != n) {
            throw new TemplateTypeException(name + "() takes " + (n + 1) + " positional arguments but "
                    + (args.positional().size() + 1) + " were given");
        }
        return args.positional();
    }

    private static List<Object> plain(Arguments args, String name, int n) {
        if (!args.keywords().isEmpty()) {
            throw new TemplateTypeException(name + "() got an unexpected keyword argument '"
                    + args.keywords().keySet().iterator().next() + "'");
        }
        if (args.positional().size() != n) {
            throw new TemplateTypeException(name + "() takes " + (n + 1) + " positional arguments but "
                    + (args.positional().size() + 1) + " were given");
        }
        return args.positional();
    }

    /** Exactly {@code n} positional arguments and no keyword (plain functions, no bound self to count). */
    private static List<Object> exactly(Arguments args, String name, int n) {
        if (!args.keywords().isEmpty()) {
            throw new TemplateTypeException(name + "() got an unexpected keyword argument '"
                    + args.keywords().keySet().iterator().next() + "'");
        }
        if (args.positional().size() != n) {
            throw new TemplateTypeException(name + "() takes " + n + " positional argument" + (n == 1 ? "" : "s")
                    + " but " + args.positional().size() + (args.positional().size() == 1 ? " was" : " were") + " given");
        }
        return args.positional();
    }

    private static String text(Object v) {
        return Values.str(v);
    }

    private static long count(Translations t, Object v) {
        if (t == Translations.none()) {
            // Python's NullTranslations only asks n == 1, with n's own equality
            return Values.eq(v, 1L) ? 1 : 2;
        }
        if (PyNumbers.isIntegral(v)) {
            return PyNumbers.toLong(v);
        }
        if (PyNumbers.isFloat(v)) {
            return (long) PyNumbers.toDouble(v);
        }
        throw new TemplateTypeException("Plural value must be an integer, got " + Values.typeName(v));
    }
}
