package dev.kida.tests.backends;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

import java.util.List;
import java.util.Map;

/**
 * Random templates over the language: expressions, filters, tests, loops with loop variables,
 * conditionals, set/with scopes, captures, macros, includes, inheritance and whitespace control,
 * and Kida's block statements and variables, defs, call blocks with named and scoped slots,
 * provide/consume and push/stack.
 * Small on purpose: many short templates find more disagreements per second than a few big ones.
 */
final class RandomTemplates {
    private RandomTemplates() {
    }

    /** One case: the entry template plus the templates it may include or extend. */
    record Case(Map<String, String> files, boolean autoescape) {
        @Override
        public String toString() {
            return "autoescape=" + autoescape + " " + files;
        }
    }

    static Arbitrary<Case> cases() {
        // an include of itself would recurse until the depth limit, whose position depends on stack use
        Arbitrary<String> inc = body(1).map(b -> b.replace("{% include 'inc.html' %}", "[inc]"));
        Arbitrary<String> baseLayout = Combinators.combine(body(1), body(1), body(1))
                .as((a, b, c) -> a + "{% block head %}" + b + "{% endblock %}|{% block main %}" + c + "{% endblock %}");
        Arbitrary<String> standalone = Combinators.combine(macroDefs(), body(3)).as((m, b) -> m + b);
        Arbitrary<String> child = Combinators.combine(macroDefs(), body(2), body(2), Arbitraries.of("", "{{ super() }}"))
                .as((m, a, b, sup) -> "{% extends 'base.html' %}" + m + "{% block main %}" + a + sup
                        + "{% endblock %}{% block head %}" + b + "{% endblock %}");
        Arbitrary<String> main = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(4, standalone), net.jqwik.api.Tuple.of(1, child));
        return Combinators.combine(malformed(main), inc, baseLayout, Arbitraries.of(true, false))
                .as((m, i, b, esc) -> new Case(Map.of("main.html", m, "inc.html", i, "base.html", b), esc));
    }

    /**
     * One template in five damaged: a stretch cut out, or a fragment written in at a random place,
     * so that syntax errors, half-parsed tests and stray tags are compared too (both backends must
     * fail the same way, at the same position).
     */
    static Arbitrary<String> malformed(Arbitrary<String> source) {
        Arbitrary<String> fragment = Arbitraries.of("{%", "%}", "{{", "}}", "(", ")", "[", "]", "|", ",", "=",
                " is d ", " is ", " if ", " else ", " e ", " not ", ".", "'", "{% endif %}", "{% endfor %}",
                " ?? ", "?.", "?[", " ?| ", " |> ", "..", " for x in ",
                "{% else %}", "{% block b %}", "{% endblock %}", "{{ x.", " m.x ", "**", "~");
        Arbitrary<Double> at = Arbitraries.doubles().between(0, 1);
        Arbitrary<String> cut = Combinators.combine(source, at, Arbitraries.integers().between(1, 6))
                .as((s, where, len) -> {
                    int from = (int) (where * s.length());
                    return s.substring(0, from) + s.substring(Math.min(s.length(), from + len));
                });
        Arbitrary<String> insert = Combinators.combine(source, at, fragment)
                .as((s, where, f) -> {
                    int k = (int) (where * s.length());
                    return s.substring(0, k) + f + s.substring(k);
                });
        return Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(8, source), net.jqwik.api.Tuple.of(1, cut),
                net.jqwik.api.Tuple.of(1, insert));
    }

    private static Arbitrary<String> macroDefs() {
        return Combinators.combine(Arbitraries.of("", "{% macro m(a, b=2) %}[{{ a }}:{{ b }}]{% endmacro %}",
                "{% macro m(a) %}{% for i in range(a|int % 3) %}{{ i }}{{ a }}{% endfor %}{% endmacro %}"),
                kidaDefs()).as((m, f) -> m + f);
    }

    /** Kida defs named {@code f} (with slots, varargs, has_slot, provide) and a region {@code r}. */
    private static Arbitrary<String> kidaDefs() {
        return Arbitraries.of("",
                "{% def f(a, *rest, k=1) %}[{{ a }}|{{ rest|length }}|{{ k }}|{% slot %}|{% slot side %}]{% end %}",
                "{% def f(a) %}{% for it in xs %}{% slot row let:item=it, let:n=loop.index %}({{ it }}){% end %}{% end %}"
                        + "{{ has_slot() }}{{ consume('p', 'none') }}{% end %}",
                "{% def f(a, **kw) %}{% provide p = a %}{{ caller('side') if has_slot() }}{{ kw|length }}{% end %}{% end %}"
                        + "{% region r(x=a) %}<{{ x }}>{% end %}",
                // a def compiled with its parameters in locals (printed in place, inlined in loops),
                // and a call body whose slot nested in an if is a placeholder of f's caller
                "{% def g(a, b) %}<{{ a }}|{{ b }}>{% set t = a %}{% for y in xs %}{{ t }}{{ y }}{% end %}{% end %}"
                        + "{% def f(a) %}{% call g(a, 1) %}{% if a %}{% slot %}{% end %}{% yield side %}{% end %}"
                        + "{{ g(a, a) }}{% end %}",
                // a def calling nothing (inlined without a level of its own), given loop numbers it
                // uses as values
                "{% def g(a, b) %}[{{ b * 2 }}{{ 'o' if b is odd }}{{ b }}{{ a }}]{% end %}{% def f(a) %}{{ a }}{% end %}");
    }

    /** Uses of Kida's functions, slots and render-time context ({@code f} may be undefined: an error too). */
    private static Arbitrary<String> kidaUses(Arbitrary<String> inner) {
        Arbitrary<String> call = Combinators.combine(expr(1), inner, inner)
                .as((e, a, b) -> "{% call f(" + e + ") %}" + a + "{% slot side %}" + b + "{% end %}"
                        + "{% slot row let:item, let:n %}{{ n }}:{{ item }}{% end %}{% end %}");
        Arbitrary<String> provide = Combinators.combine(expr(1), inner)
                .as((e, a) -> "{% provide p = " + e + " %}" + a + "{{ consume('p') }}{% end %}");
        Arbitrary<String> push = inner.map(a -> "{% push 'q' %}" + a + "{% end %}[{% stack 'q' %}]");
        Arbitrary<String> plain = Arbitraries.of("{{ f(a) }}", "{{ f(s, 1, 2) }}", "{{ f(a, k=n) }}", "{{ r() }}",
                "{{ f() }}", "{{ f(1, nope=2) }}", "{% yield %}", "{{ g(x, n) }}", "{{ g(a) }}",
                "{% for x in xs %}{{ g(x, loop.index) }}{% end %}", "{% set g = f %}{{ g(a, 1) }}",
                // the def kept for the loop's later rows, unless the loop rebinds its name
                "{% for x in xs %}{{ g(loop.revindex, loop.index) }}{{ g(x, n) }}{% end %}",
                "{% for x in xs %}{{ g(x, loop.index) }}{% let g = f %}{% end %}",
                "{% for x in xs %}{{ g(x, loop.index) }}{% set g = f %}{{ g(x) }}{% end %}");
        return Arbitraries.oneOf(call, provide, push, plain);
    }

    static Arbitrary<String> body(int depth) {
        return stmt(depth).list().ofMinSize(1).ofMaxSize(4).map(parts -> String.join("", parts));
    }

    private static Arbitrary<String> stmt(int depth) {
        Arbitrary<String> text = Arbitraries.of("x", " ", "\n", "  <p>", "&", "y\n  ");
        Arbitrary<String> print = Combinators.combine(open("{{"), expr(2), close("}}"))
                .as((o, e, c) -> o + " " + e + " " + c);
        Arbitrary<String> set = Combinators.combine(Arbitraries.of("v", "w", "a"), expr(2))
                .as((n, e) -> "{% set " + n + " = " + e + " %}");
        Arbitrary<String> simple = Arbitraries.oneOf(text, print, print, set,
                Arbitraries.of("{% include 'inc.html' %}", "{{ m(a) }}", "{{ m(s, b=xs) }}", "{% do xs|length %}",
                        "{{ loop.index }}", "{% break %}", "{% continue %}"),
                kidaSimple());
        if (depth <= 0) {
            return simple;
        }
        Arbitrary<String> inner = Arbitraries.lazy(() -> body(depth - 1));
        Arbitrary<String> ifs = Combinators.combine(open("{%"), expr(2), inner, inner, Arbitraries.of(true, false))
                .as((o, e, a, b, withElse) -> o + " if " + e + " %}" + a + (withElse ? "{% else %}" + b : "")
                        + "{% endif -%}");
        Arbitrary<String> elif = Combinators.combine(expr(1), expr(1), inner, inner)
                .as((e1, e2, a, b) -> "{% if " + e1 + " %}" + a + "{% elif " + e2 + " %}" + b + "{% endif %}");
        Arbitrary<String> loop = Combinators.combine(Arbitraries.of("x", "i"), iterable(), inner, inner,
                        Arbitraries.of("", " if x", " if loop is defined", " if i is odd"), Arbitraries.of(true, false))
                .as((v, it, a, b, cond, withElse) -> "{%- for " + v + " in " + it + cond + " %}" + a
                        + "{{ loop.index }}{{ loop.last }}" + (withElse ? "{% else %}" + b : "") + "{% endfor %}");
        Arbitrary<String> pairLoop = inner.map(a -> "{% for k, val in d.items() %}{{ k }}={{ val }}" + a
                + "{% endfor %}");
        Arbitrary<String> loopObj = inner.map(a -> "{% for x in xs %}{{ loop.cycle('o', 'e') }}{{ loop.revindex }}"
                + a + "{% endfor %}");
        Arbitrary<String> with = Combinators.combine(expr(1), inner)
                .as((e, a) -> "{% with v = " + e + ", w = v %}" + a + "{{ v }}{% endwith %}");
        Arbitrary<String> capture = Combinators.combine(Arbitraries.of("{% set c %}", "{% set c | upper %}",
                        "{% filter upper %}", "{% filter trim %}"), inner)
                .as((o, a) -> o + a + (o.contains("set") ? "{% endset %}{{ c }}" : "{% endfilter %}"));
        Arbitrary<String> autoescape = Combinators.combine(Arbitraries.of("true", "false", "n > 2"), inner)
                .as((e, a) -> "{% autoescape " + e + " %}" + a + "{% endautoescape %}");
        return Arbitraries.oneOf(simple, simple, ifs, elif, loop, pairLoop, loopObj, with, capture, autoescape,
                kidaBlock(depth, inner), kidaUses(inner));
    }

    /** Kida's one-tag statements: let/export/promote, set's Kida forms, flush. */
    private static Arbitrary<String> kidaSimple() {
        Arbitrary<String> let = Combinators.combine(Arbitraries.of("let", "export", "promote"),
                        Arbitraries.of("v", "w", "a"), Arbitraries.of(" = ", " ??= "), expr(1))
                .as((kw, n, op, e) -> "{% " + kw + " " + n + op + e + " %}");
        Arbitrary<String> multi = Combinators.combine(Arbitraries.of("let", "set"), expr(1))
                .as((kw, e) -> "{% " + kw + " v = " + e + ", w = v %}");
        Arbitrary<String> unpack = Arbitraries.of("{% let a, w = xs[:2] %}", "{% let (v, w) = w, v %}",
                "{% set v ??= 'dv' %}", "{% flush %}");
        return Arbitraries.oneOf(let, multi, unpack);
    }

    /**
     * Kida's blocks, closed by {@code {% end %}} or their explicit closer: unless, while (bounded
     * by its counter), match, try, conditional with, capture, spaceless, cache, for/empty.
     */
    private static Arbitrary<String> kidaBlock(int depth, Arbitrary<String> inner) {
        Arbitrary<String> end = Arbitraries.of("{% end %}", "{%- end %}", "{% end -%}");
        String k = "k" + depth;
        Arbitrary<String> unless = Combinators.combine(expr(2), inner, inner, Arbitraries.of(true, false), end)
                .as((e, a, b, withElse, c) -> "{% unless " + e + " %}" + a + (withElse ? "{% else %}" + b : "") + c);
        Arbitrary<String> whileLoop = Combinators.combine(inner, Arbitraries.of("{% end %}", "{% endwhile %}"))
                .as((a, c) -> "{% let " + k + " = 0 %}{% while " + k + " < 3 %}{% let " + k + " = " + k + " + 1 %}"
                        + a + "{{ " + k + " }}" + c);
        Arbitrary<String> match = Combinators.combine(expr(1), inner, inner, inner,
                        Arbitraries.of("1", "'a'", "(x, _)", "[1, 2]", "none", "n + 1"), end)
                .as((e, a, b, c, pat, close) -> "{% match " + e + " %} {% case " + pat + " %}" + a
                        + "{% case q if q is number and q > 2 %}" + b + "{{ q }}{% case _ %}" + c + close);
        Arbitrary<String> valueless = Combinators.combine(expr(1), inner, inner)
                .as((e, a, b) -> "{% match %}{% case _ if " + e + " %}" + a + "{% case _ %}" + b + "{% endmatch %}");
        Arbitrary<String> attempt = Combinators.combine(inner, inner, Arbitraries.of("", " err"))
                .as((a, b, name) -> "{% try %}" + a + "{% fallback" + name + " %}" + b
                        + (name.isEmpty() ? "" : "{{ err.type }}{{ err.line }}") + "{% end %}");
        Arbitrary<String> withIf = Combinators.combine(expr(1), inner, inner, Arbitraries.of(" as q", ""),
                        Arbitraries.of("else", "empty"))
                .as((e, a, b, as, kw) -> "{% with " + e + as + " %}" + a + (as.isEmpty() ? "{{ it }}" : "{{ q }}")
                        + "{% " + kw + " %}" + b + "{% endwith %}");
        Arbitrary<String> blocks = Combinators.combine(Arbitraries.of("capture c", "spaceless", "cache 'k' ~ n"),
                        inner, end)
                .as((o, a, c) -> "{% " + o + " %}" + a + c + (o.startsWith("capture") ? "{{ c }}" : ""));
        Arbitrary<String> forEmpty = Combinators.combine(iterable(), inner, inner)
                .as((it, a, b) -> "{% for x in " + it + " %}" + a + "{% empty %}" + b + "{% end %}");
        return Arbitraries.oneOf(unless, whileLoop, match, valueless, attempt, withIf, blocks, forEmpty);
    }

    private static Arbitrary<String> open(String tag) {
        return Arbitraries.of(tag, tag, tag + "-");
    }

    private static Arbitrary<String> close(String tag) {
        return Arbitraries.of(tag, tag, "-" + tag);
    }

    private static Arbitrary<String> iterable() {
        return Arbitraries.of("xs", "range(n)", "s", "[]", "d", "ys", "missing", "n", "xs|reverse", "[a, s]");
    }

    static Arbitrary<String> expr(int depth) {
        Arbitrary<String> atom = Arbitraries.of("n", "a", "s", "xs", "d", "ys", "z", "missing", "v", "x", "i",
                "1", "0", "-2", "7", "2.5", "'<b>'", "'q'", "true", "none", "d.k", "d['k']", "xs[0]", "xs[1:]",
                "d.nope", "loop.index", "loop.first", "c", "(1, 2)", "{'k': a}");
        if (depth <= 0) {
            return atom;
        }
        Arbitrary<String> sub = Arbitraries.lazy(() -> expr(depth - 1));
        Arbitrary<String> binary = Combinators.combine(sub, Arbitraries.of("+", "-", "*", "//", "%", "~", "==", "!=",
                "<", ">=", "and", "or", "in", "not in"), sub).as((l, op, r) -> "(" + l + " " + op + " " + r + ")");
        Arbitrary<String> filter = Combinators.combine(sub, Arbitraries.of("upper", "length", "default('dflt')",
                "join(',')", "first", "e", "safe", "int", "string", "title", "replace('a', '&')", "abs",
                "sort", "list", "trim", "round")).as((e, f) -> e + "|" + f);
        Arbitrary<String> test = Combinators.combine(sub, Arbitraries.of("defined", "undefined", "odd", "none",
                "string", "number", "sameas 1", "divisibleby(2)", "in [1, 2]")).as((e, t) -> e + " is " + t);
        Arbitrary<String> unary = sub.map(e -> "not " + e);
        Arbitrary<String> cond = Combinators.combine(sub, sub, sub, Arbitraries.of(true, false))
                .as((a, b, c, withElse) -> "(" + a + " if " + b + (withElse ? " else " + c : "") + ")");
        Arbitrary<String> list = Combinators.combine(sub, sub).as((a, b) -> "[" + a + ", " + b + "]");
        Arbitrary<String> call = sub.map(e -> "m(" + e + ")");
        return Arbitraries.oneOf(atom, atom, binary, filter, test, unary, cond, list, call, kidaExpr(sub));
    }

    /** Kida's expression forms: ??, optional access, ?|, pipelines, ranges, list comprehensions. */
    private static Arbitrary<String> kidaExpr(Arbitrary<String> sub) {
        Arbitrary<String> nullish = Combinators.combine(sub, sub).as((l, r) -> "(" + l + " ?? " + r + ")");
        // optional reads usually end in a fallback, as templates write them
        Arbitrary<String> optional = Combinators.combine(sub, Arbitraries.of("?.k", "?['k']", "?.nope", "?.nope.x",
                "?[0]", "?[9]", "?.upper()", "?.k?.x"), Arbitraries.of(true, true, false))
                .as((e, access, fallback) -> fallback ? "((" + e + ")" + access + " ?? 'u')" : "(" + e + ")" + access);
        Arbitrary<String> optionalFilter = Combinators.combine(sub, Arbitraries.of(" ?| upper", " ?| string",
                " |> upper |> length", " ?|> string ?|> upper", " |> default('p')", " ?| string | upper",
                " ?| length"))
                .as((e, f) -> e + f);
        // mostly valid ranges (an error anywhere hides the rest of the output), now and then a bad one
        Arbitrary<String> range = Combinators.combine(Arbitraries.of("1", "0", "n", "(0 - n)", "1", "z"),
                Arbitraries.of("..", "..."), Arbitraries.of("n", "3", "0", "n", "1"),
                Arbitraries.of("", "", " by 2", " by -1"))
                .as((from, op, to, by) -> "(" + from + op + to + by + ")");
        Arbitrary<String> badRange = Arbitraries.of("(1..2.5)", "(a..3)", "(1..3 by 0)", "(missing..2)");
        Arbitrary<String> comprehension = Combinators.combine(sub, Arbitraries.of("x in xs", "x in (1..n)",
                "x in s", "(k, x) in d.items()", "x in ys", "x in xs"), Arbitraries.of("", " if x", " if x > 1"))
                .as((e, from, cond) -> "[" + e + " for " + from + cond + "]");
        return Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(3, nullish), net.jqwik.api.Tuple.of(2, optional),
                net.jqwik.api.Tuple.of(2, optionalFilter), net.jqwik.api.Tuple.of(2, range),
                net.jqwik.api.Tuple.of(1, badRange), net.jqwik.api.Tuple.of(2, comprehension),
                net.jqwik.api.Tuple.of(2, Arbitraries.of("nv?.k", "nv ?? 'd'", "nv?.a.b", "missing?.k ?? d?.k",
                        "(nv ?| upper)", "[x for x in nv ?? []]", "missing.a.b ?? 'm'")));
    }

    /** The render context every case sees. */
    static Map<String, Object> context() {
        Map<String, Object> context = new java.util.HashMap<>(Map.of("n", 3L, "a", "<a&b>", "s", "hi",
                "xs", List.of(1L, 2L, 3L), "ys", List.of(), "d", Map.of("k", "v<"), "z", 0L));
        context.put("nv", null);
        return context;
    }
}
