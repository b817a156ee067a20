#!/usr/bin/env python3
"""Differential fuzzing of Kida against the real Jinja2 3.1.6 (MarkupSafe 3.0.3).

Generates random but meaningful templates from a small grammar that mixes the language's features
(expressions with every operator and literal kind, filter chains, tests, loops, set/with/namespace,
macros and call blocks, include/import/inheritance over a small file set, whitespace control and
the trim/lstrip/keep_trailing_newline options, autoescape with Markup values), renders each with
Jinja2 (StrictUndefined) and writes the cases in the conformance corpus format.

    python3 fuzz_differential.py --seed 1 --count 2000 --out /tmp/fuzz.json
    java -cp <test classpath> dev.kida.tests.fuzz.FuzzRunner /tmp/fuzz.json   # prints mismatches

The corpus file jinja2-extra-fuzz.json was assembled from such runs (cases that exposed bugs plus
a random sample); expectations always come from Jinja2, never written by hand.
"""
import argparse
import json
import random
import signal
import sys

import jinja2
from jinja2 import DictLoader, Environment, StrictUndefined

from jinja_kinds import kind_of

assert jinja2.__version__ == "3.1.6", jinja2.__version__

# outputs that show Python internals, which no Java engine reproduces
UNREPRODUCIBLE = (" object at 0x", "<generator", "<function", "<bound method", "<built-in", "<class ",
                  "<jinja2.", "<markupsafe", "<Macro", "<dict_", "<method", "<slot wrapper", "<range_iterator",
                  "odict", "<itertools", "<map object", "<filter object", "<zip object", "<reversed",
                  "<list_iterator", "<str_iterator", "<enumerate", "<built", "range(")


class Timeout(Exception):
    pass


def _alarm(signum, frame):
    raise Timeout()


LAZY_FILTERS = ("map", "select", "reject", "selectattr", "rejectattr", "batch", "slice", "items", "unique",
                "reverse")


class _OtherRepr:
    """Wraps a generator from a lazy filter with a different repr, to see whether output depends on it."""

    def __init__(self, it):
        self.it = iter(it) if not isinstance(it, (str, list)) else it

    def __iter__(self):
        return iter(self.it)

    def __next__(self):
        return next(self.it)

    def __repr__(self):
        return "<some other repr of a different length>"

    __str__ = __repr__


def _outcome(files, entry, ctx, options, other_repr):
    env = Environment(loader=DictLoader(files), undefined=StrictUndefined, **options)
    if other_repr:
        for name in LAZY_FILTERS:
            orig = env.filters[name]

            def wrapped(*a, _orig=orig, **k):
                rv = _orig(*a, **k)
                return rv if isinstance(rv, (str, list)) else _OtherRepr(rv)
            for attr in ("jinja_pass_arg",):
                if hasattr(orig, attr):
                    setattr(wrapped, attr, getattr(orig, attr))
            env.filters[name] = wrapped
    try:
        return env.get_template(entry).render(ctx)
    except Exception as e:  # noqa: BLE001
        return "error:" + kind_of(e)


def render(files, entry, ctx, options):
    """Jinja2's outcome as a corpus entry, or None when the case is not reproducible."""
    res = _render(files, entry, ctx, options)
    if res is not None and "expect" in res:
        # an output that changes when generator objects print differently shows an address
        try:
            signal.setitimer(signal.ITIMER_REAL, 0.5)
            if _outcome(files, entry, ctx, options, True).replace("&#34;", "&quot;") != res["expect"]:
                return None
        except (Timeout, RecursionError):
            return None
        finally:
            signal.setitimer(signal.ITIMER_REAL, 0)
    return res


def _render(files, entry, ctx, options):
    env = Environment(loader=DictLoader(files), undefined=StrictUndefined, **options)
    signal.signal(signal.SIGALRM, _alarm)
    signal.setitimer(signal.ITIMER_REAL, 0.5)
    try:
        for name in files:
            try:
                env.get_template(name)
            except jinja2.TemplateSyntaxError:
                pass
            except Exception:  # noqa: BLE001
                # Jinja2's constant folder evaluated part of the template at compile time and
                # raised: a quirk of its optimizer, not language behaviour
                return None
        out = env.get_template(entry).render(ctx)
    except (Timeout, RecursionError, MemoryError, OverflowError):
        return None
    except Exception as e:  # noqa: BLE001 - every Jinja2 error is data here
        msg = str(e)
        if "object at 0x" in msg:
            pass
        return {"expect_error": kind_of(e)}
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
    if len(out) > 20000 or any(u in out for u in UNREPRODUCIBLE):
        return None
    low = out.lower()
    if " at 0x" in low or "generator" in low or "iterator" in low or "#34;" in out.replace("&#34;", ""):
        return None  # an address or a repr, possibly escaped or transformed
    if "\x00" in out:
        return None  # Kida removes NUL when escaping, by design
    return {"expect": out.replace("&#34;", "&quot;")}


# ------------------------------------------------------------------ values
WORDS = ["alice", "Bob", "carol", "dave", "x", "", "hello world", "Ünïcödé", "日本語", "a,b,c", "  pad  ",
         "<b>bold</b>", "a & b", "it's", 'say "hi"', "tab\tsep", "line1\nline2", "CamelCase", "snake_case",
         "http://example.com/?a=1&b=2", "mail@example.org", "ß", "ǆ", "İstanbul", "😀 emoji", "42", "-3.5",
         "1e3", "True", "None", "%s", "{{ x }}", "ÀÉÎ", "straße", "ﬁ", "\u00a0nbsp", "a-b_c d"]


def rand_int(r):
    return r.choice([0, 1, 2, 3, -1, -7, 10, 42, 100, 255, 1000, -1000, 12345678901234567890, 2 ** 63,
                     -2 ** 63, 2 ** 31, r.randint(-50, 50)])


def rand_float(r):
    return r.choice([0.0, -0.0, 0.5, 1.5, 2.5, -2.5, 3.14159, 1e-5, 1e16, 1e20, 123.456, 0.1, 1 / 3, 2.0,
                     1e100, -1e-7, 1234567.0, 0.30000000000000004, r.uniform(-100, 100)])


def rand_scalar(r):
    k = r.random()
    if k < 0.3:
        return rand_int(r)
    if k < 0.45:
        return rand_float(r)
    if k < 0.85:
        return r.choice(WORDS)
    if k < 0.93:
        return r.choice([True, False])
    return None


def rand_value(r, depth=0):
    k = r.random()
    if depth > 2 or k < 0.6:
        return rand_scalar(r)
    if k < 0.8:
        return [rand_value(r, depth + 1) for _ in range(r.randint(0, 4))]
    return {r.choice(["a", "b", "c", "name", "k", "v", "items", "x", "ü"]): rand_value(r, depth + 1)
            for _ in range(r.randint(0, 3))}


def rand_context(r):
    users = [{"name": r.choice(["alice", "Bob", "carol", "dave", "Émile"]), "age": r.choice([25, 31, 35, 40]),
              "city": r.choice(["Paris", "berlin", "Berlin", "Zürich"]), "active": r.choice([True, False])}
             for _ in range(r.randint(0, 5))]
    if users and r.random() < 0.3:
        users[0]["nick"] = "bobby"
    ctx = {
        "a": rand_int(r), "b": rand_int(r), "f": rand_float(r), "s": r.choice(WORDS), "w": r.choice(WORDS),
        "h": r.choice(["<b>x</b>", "a & b", "\"q\" 'p'", "<script>alert(1)</script>", "plain"]),
        "n": None, "t": True, "no": False,
        "l": [rand_int(r) for _ in range(r.randint(0, 6))],
        "ls": [r.choice(WORDS) for _ in range(r.randint(0, 5))],
        "lf": [rand_float(r) for _ in range(r.randint(0, 4))],
        "mixed": [rand_scalar(r) for _ in range(r.randint(0, 4))],
        "d": {k: rand_scalar(r) for k in r.sample(["a", "b", "c", "z", "B", "é", "items", "keys"], r.randint(0, 5))},
        "nested": rand_value(r, 0),
        "users": users,
        "big": r.choice([2 ** 64, -(2 ** 70), 10 ** 30, 99999999999999999999]),
    }
    if r.random() < 0.2:
        # swap a type to provoke type errors and odd coercions
        key = r.choice(["a", "s", "l", "d", "f"])
        ctx[key] = rand_value(r)
    return ctx


VARS = ["a", "b", "f", "s", "w", "h", "n", "t", "no", "l", "ls", "lf", "mixed", "d", "nested", "users", "big"]

# ------------------------------------------------------------------ expressions
STR_LITS = ["'abc'", "''", "'a b c'", "\"dq\"", "'it\\'s'", "'a\\nb'", "'tab\\there'", "'\\u00e9t\\u00e9'",
            "'ü'", "'日本'", "'<i>&</i>'", "'%s=%d'", "'%05.2f'", "'{}-{}'", "'x'", "'  sp  '", "'A,B,c'",
            "'\\\\'", "'\\x41'", "'\"'", "'Hello World'", "'one two three four five six'", "'42'", "'3.5'",
            "'\\N{BULLET}'", "r'\\n'", "'a' 'b'", "'\\U0001F600'", "'mIxEd'", "'0x1F'"]
NUM_LITS = ["0", "1", "2", "3", "-1", "42", "1_000", "0x1F", "0o17", "0b101", "12345678901234567890",
            "1.5", "0.1", "2.0", "1e3", "1E-3", "-2.5", "3.14159", "1e20", "0.0", "10", "7", "100", "1_0.5",
            "123456789.125", "1e16", ".5e1"]
CONST_LITS = ["true", "false", "none", "True", "False", "None"]

FILTERS = {
    "abs": [""], "attr": ["('a')", "('name')"], "batch": ["(2)", "(3, 'x')", "(1)"],
    "capitalize": [""], "center": ["(9)", "", "(3)", "(10, )"], "count": [""],
    "default": ["('dflt')", "('d', true)", "", "(0, boolean=true)"], "d": ["('z')"],
    "dictsort": ["", "(true)", "(by='value')", "(reverse=true)"], "e": [""], "escape": [""],
    "filesizeformat": ["", "(true)"], "first": [""], "float": ["", "(1.5)"], "forceescape": [""],
    "format": ["(1)", "('x', 2)", "(a=1)"], "groupby": ["('city')", "('age')", "('name', default='?')", "(0)"],
    "indent": ["", "(2)", "(2, true)", "(width='> ', first=true, blank=true)"],
    "int": ["", "(7)", "(0, 16)", "(base=2)"], "items": [""], "join": ["", "(', ')", "('-', attribute='name')", "('|')"],
    "last": [""], "length": [""], "list": [""], "lower": [""],
    "map": ["('upper')", "(attribute='name')", "('string')", "('default', 'x')", "(attribute='age', default=0)", "('int')", "('abs')"],
    "max": ["", "(attribute='age')", "(case_sensitive=true)"], "min": ["", "(attribute='age')"],
    "pprint": [""], "reject": ["('odd')", "('none')", "('string')", "", "('gt', 2)"],
    "rejectattr": ["('active')", "('age', 'gt', 30)"],
    "replace": ["('a', 'b')", "('', '-')", "('l', 'L', 1)", "('<', '>')"], "reverse": [""],
    "round": ["", "(1)", "(2, 'floor')", "(0, 'ceil')", "(-1)"], "safe": [""],
    "select": ["('odd')", "('even')", "('defined')", "", "('number')", "('lt', 3)", "('in', [1, 2, 'x'])"],
    "selectattr": ["('active')", "('age', 'ge', 30)", "('name', 'equalto', 'alice')", "('nick', 'defined')"],
    "slice": ["(2)", "(3, 0)"], "sort": ["", "(reverse=true)", "(attribute='age')", "(case_sensitive=true)", "(attribute='age,name')"],
    "string": [""], "striptags": [""], "sum": ["", "(start=10)", "(attribute='age')"], "title": [""],
    "tojson": ["", "(2)", "(indent=1)"], "trim": ["", "('x')", "(chars=' a')"],
    "truncate": ["(5)", "(9, true)", "(7, false, '..')", "(5, leeway=0)", ""],
    "unique": ["", "(case_sensitive=true)", "(attribute='city')"], "upper": [""], "urlencode": [""],
    "urlize": ["", "(10)", "(nofollow=true)", "(target='_blank')"], "wordcount": [""],
    "wordwrap": ["(5)", "(10, false)", "(4, wrapstring='|')", "(3, true, '\\n', false)"],
    "xmlattr": ["", "(false)"], "list|join": [""], "string|length": [""],
}
TESTS = {
    "boolean": [""], "callable": [""], "defined": [""], "divisibleby": ["(3)", "(2)"], "eq": ["(1)", "('x')"],
    "equalto": ["(2)"], "escaped": [""], "even": [""], "false": [""], "filter": [""], "float": [""],
    "ge": ["(2)"], "gt": ["(0)"], "in": ["([1, 2, 3])", "('abc')", "(d)"], "integer": [""], "iterable": [""],
    "le": ["(5)"], "lower": [""], "lt": ["(3)"], "mapping": [""], "ne": ["(0)"], "none": [""],
    "number": [""], "odd": [""], "sameas": ["(none)", "(true)"], "sequence": [""], "string": [""],
    "test": [""], "true": [""], "undefined": [""], "upper": [""], "==": ["(1)"], "<": ["(5)"],
    ">=": ["(1)"], "!=": ["('a')"],
}
METHODS = {
    "str": ["upper()", "lower()", "split()", "split(',')", "strip()", "title()", "capitalize()",
            "startswith('a')", "endswith('c')", "replace('a', 'o')", "find('b')", "count('a')",
            "join(['x', 'y'])", "format(1, 2)", "center(7, '*')", "zfill(5)", "isdigit()", "rsplit(' ', 1)",
            "splitlines()", "partition(' ')", "ljust(6)", "lstrip('a')", "swapcase()", "casefold()",
            "isalpha()", "index('a')", "encode is defined"],
    "list": ["index(1)", "count(1)", "copy()"],
    "dict": ["items()", "keys()", "values()", "get('a')", "get('zz', 'dv')", "copy()"],
}
BINOPS = ["+", "-", "*", "/", "//", "%", "**", "~", "and", "or", "==", "!=", "<", ">", "<=", ">=", "in",
          "not in"]


class Gen:
    def __init__(self, r, names=()):
        self.r = r
        self.names = list(names)  # extra names in scope (loop vars, set vars)

    def var(self):
        r = self.r
        if self.names and r.random() < 0.4:
            return r.choice(self.names)
        if r.random() < 0.02:
            return r.choice(["missing", "undefined_name", "loop"])
        return r.choice(VARS)

    def literal(self):
        r = self.r
        k = r.random()
        if k < 0.35:
            return r.choice(NUM_LITS)
        if k < 0.7:
            return r.choice(STR_LITS)
        if k < 0.8:
            return r.choice(CONST_LITS)
        if k < 0.9:
            return "[" + ", ".join(self.expr(2) for _ in range(r.randint(0, 3))) + "]"
        if k < 0.95:
            n = r.randint(0, 3)
            items = [self.expr(2) for _ in range(n)]
            return "(" + ", ".join(items) + ("," if n == 1 else "") + ")"
        return "{" + ", ".join("%s: %s" % (r.choice(STR_LITS[:6] + NUM_LITS[:3]), self.expr(2))
                               for _ in range(r.randint(0, 3))) + "}"

    def atom(self, depth):
        r = self.r
        k = r.random()
        if k < 0.45:
            return self.var()
        if k < 0.85:
            return self.literal()
        if k < 0.9:
            return r.choice(["range(%d)" % r.randint(0, 5), "range(1, 10, 3)", "range(5, 0, -2)",
                             "dict(a=1, b='x')", "namespace(x=1).x", "cycler('a', 'b').next()",
                             "joiner(',')()", "range(a)|list" if False else "range(3)|list"])
        return "(" + self.expr(depth + 1) + ")"

    def postfix(self, e, depth):
        r = self.r
        k = r.random()
        if k < 0.3:
            return "%s[%s]" % (e, r.choice(["0", "1", "-1", "'a'", "'name'", "a", "10"]))
        if k < 0.5:
            return "%s[%s]" % (e, r.choice(["1:", ":2", "::-1", "1:3", "-2:", "::2", ":", "a:b", "10:"]))
        if k < 0.7:
            return "%s.%s" % (e, r.choice(["a", "name", "0", "b", "age", "items", "keys", "x", "real"]))
        if k < 0.9:
            kind = r.choice(list(METHODS))
            return "%s.%s" % (e, r.choice(METHODS[kind]))
        return "%s(%s)" % (e, "")

    def filtered(self, e):
        r = self.r
        for _ in range(r.randint(1, 3)):
            name = r.choice(list(FILTERS))
            e = "%s|%s%s" % (e, name, r.choice(FILTERS[name]))
        return e

    def tested(self, e):
        r = self.r
        name = r.choice(list(TESTS))
        return "%s is %s%s%s" % (e, "not " if r.random() < 0.3 else "", name, r.choice(TESTS[name]))

    def expr(self, depth=0):
        r = self.r
        if depth > 3:
            return self.atom(depth)
        k = r.random()
        if k < 0.25:
            e = self.atom(depth)
            if r.random() < 0.3:
                e = self.postfix(e, depth)
            return e
        if k < 0.45:
            return "%s %s %s" % (self.expr(depth + 1), r.choice(BINOPS), self.expr(depth + 1))
        if k < 0.65:
            return self.filtered(self.atom(depth))
        if k < 0.75:
            return self.tested(self.atom(depth))
        if k < 0.82:
            return "%s if %s else %s" % (self.expr(depth + 1), self.expr(depth + 1), self.expr(depth + 1)) \
                if r.random() < 0.8 else "%s if %s" % (self.expr(depth + 1), self.expr(depth + 1))
        if k < 0.88:
            return "%s%s" % (r.choice(["-", "not ", "+", "- -"]), self.atom(depth))
        if k < 0.94:
            return "%s %s %s %s %s" % (self.atom(depth), r.choice(["<", "<=", "=="]), self.atom(depth),
                                       r.choice(["<", "<=", "!="]), self.atom(depth))
        return "%s|%s" % (self.postfix(self.atom(depth), depth), r.choice(["string", "list", "length", "e", "tojson"]))


# ------------------------------------------------------------------ statements
class StmtGen:
    def __init__(self, r, macros=()):
        self.r = r
        self.macros = list(macros)

    def ws(self, tag):
        """Adds random whitespace-control markers to a statement tag '{% ... %}'."""
        r = self.r
        left = r.choice(["", "", "", "-", "+"])
        right = r.choice(["", "", "", "-", "+"])
        if right == "+":
            right = ""  # '+%}' is not valid at the end (only lstrip disabling at the start)
        return "{%" + left + " " + tag + " " + right + "%}"

    def text(self):
        r = self.r
        return r.choice(["", " ", "\n", "  \n", "\n  ", "x", " - ", "<p>", "</p>\n", "\t", "a\n\n", "\n    ", ";", "|",
                         "\r\n", "{#c#}", "{# c\n #}", "  {#- c -#}  ", "{{ '{{' }}", "%", "#", "}}"])

    def output(self, g):
        r = self.r
        left = r.choice(["", "", "-"])
        right = r.choice(["", "", "-"])
        return "{{" + left + " " + g.expr() + " " + right + "}}"

    def body(self, g, depth, n=None):
        r = self.r
        parts = []
        for _ in range(n if n is not None else r.randint(1, 4)):
            parts.append(self.text())
            parts.append(self.node(g, depth))
        parts.append(self.text())
        return "".join(parts)

    def node(self, g, depth):
        r = self.r
        if depth > 2:
            return self.output(g)
        k = r.random()
        if k < 0.3:
            return self.output(g)
        if k < 0.42:
            s = self.ws("if " + g.expr(1)) + self.body(g, depth + 1)
            for _ in range(r.randint(0, 2)):
                s += self.ws("elif " + g.expr(1)) + self.body(g, depth + 1)
            if r.random() < 0.5:
                s += self.ws("else") + self.body(g, depth + 1)
            return s + self.ws("endif")
        if k < 0.6:
            v = r.choice(["i", "x", "item", "k, v", "u", "(p, q)", "c"])
            it = r.choice(["l", "ls", "users", "d", "d.items()", "d|dictsort", "range(3)", "'abc'", "mixed",
                           "nested", "users|groupby('city')", "l|batch(2)", "[]", "ls|reverse", "lf",
                           "[[1, 2], [3, 4]]", "s", "a", "n", g.expr(2)])
            cond = (" if " + g.expr(2)) if r.random() < 0.2 else ""
            rec = " recursive" if r.random() < 0.05 else ""
            names = [x.strip(" ()") for x in v.split(",")]
            inner = Gen(r, g.names + names + ["loop.index", "loop.index0", "loop.first", "loop.last",
                                              "loop.length", "loop.revindex", "loop.revindex0", "loop.depth",
                                              "loop.previtem", "loop.nextitem", "loop.cycle('o', 'e')",
                                              "loop.changed(%s)" % names[0]])
            s = self.ws("for %s in %s%s%s" % (v, it, cond, rec)) + self.body(inner, depth + 1)
            if rec and r.random() < 0.7:
                s += "{{ loop(%s) if %s is iterable and %s is not string else '' }}" % (names[0], names[0], names[0])
            if r.random() < 0.3:
                s += self.ws("else") + self.body(g, depth + 1)
            return s + self.ws("endfor")
        if k < 0.7:
            name = r.choice(["x", "y", "s", "a", "acc"])
            g.names.append(name)
            if r.random() < 0.2:
                return self.ws("set %s, z = %s, %s" % (name, g.expr(2), g.expr(2)))
            if r.random() < 0.2:
                return self.ws("set %s%s" % (name, r.choice(["", "|upper", "|trim|e", "|length"]))) + \
                    self.body(g, depth + 1, 1) + self.ws("endset")
            return self.ws("set %s = %s" % (name, g.expr(1)))
        if k < 0.76:
            inner = Gen(r, g.names + ["wv"])
            return self.ws("with wv = %s" % g.expr(1)) + self.body(inner, depth + 1) + self.ws("endwith")
        if k < 0.8:
            return (self.ws("set ns = namespace(c=0, s='')") +
                    self.ws("for i in %s" % r.choice(["l", "ls", "range(4)", "users"])) +
                    self.ws("set ns.c = ns.c + 1") + self.ws("set ns.s = ns.s ~ i") + self.ws("endfor") +
                    "{{ ns.c }}:{{ ns.s }}")
        if k < 0.88 and self.macros:
            name, params = r.choice(self.macros)
            args = [g.expr(2) for _ in range(r.randint(0, len(params) + 1))]
            if r.random() < 0.3 and params:
                args.append("%s=%s" % (r.choice(params), g.expr(2)))
            if r.random() < 0.3:
                return (self.ws("call(cx) %s(%s)" % (name, ", ".join(args))) + "[{{ cx }}]" +
                        self.body(g, depth + 1, 1) + self.ws("endcall"))
            return "{{ %s(%s) }}" % (name, ", ".join(args))
        if k < 0.93:
            return (self.ws("filter %s" % r.choice(["upper", "trim", "e", "indent(2)", "center(20)", "replace('a', '@')",
                                                   "title|striptags", "wordcount", "length", "list|join('.')"])) +
                    self.body(g, depth + 1) + self.ws("endfilter"))
        if k < 0.96:
            return self.ws("raw") + r.choice(["{{ x }}", " {% if %} ", "\n{#", "a"]) + self.ws("endraw")
        return "{# " + r.choice(["c", "{{ x }}", "\n"]) + " #}"


MACRO_LIB = [
    ("m0", [], "{% macro m0() %}M0{{ varargs }}{{ kwargs }}{% endmacro %}"),
    ("m1", ["x"], "{% macro m1(x) %}<{{ x }}>{% if caller is defined %}{{ caller(x) }}{% endif %}{% endmacro %}"),
    ("m2", ["x", "y"], "{% macro m2(x, y='dy') %}{{ x }}+{{ y }}|{{ varargs|length }}{% endmacro %}"),
    ("m3", ["a", "b"], "{% macro m3(a=1, b=a * 2) -%}\n  [{{ a }},{{ b }},{{ kwargs|dictsort }}]\n{%- endmacro %}"),
    ("m4", ["v"], "{% macro m4(v) %}{{ v|e }}{{ caller() if caller else '' }}{% endmacro %}"),
]


def gen_expr_case(r):
    g = Gen(r)
    n = r.randint(1, 4)
    tpl = "|".join("{{ %s }}" % g.expr() for _ in range(n))
    return {"main.html": tpl}, "main.html"


def gen_stmt_case(r):
    macros = r.sample(MACRO_LIB, r.randint(0, 3))
    sg = StmtGen(r, [(m[0], m[1]) for m in macros])
    g = Gen(r)
    tpl = "".join(m[2] for m in macros) + sg.body(g, 0, r.randint(1, 5))
    return {"main.html": tpl}, "main.html"


def gen_structure_case(r):
    g = Gen(r)
    sg = StmtGen(r)
    files = {
        "base.html": "<h>{% block head %}H{{ a }}{% endblock %}</h>\n{% block body %}B{% block inner %}I{% endblock %}{% endblock %}\n"
                     + r.choice(["", "{% block foot %}F{% endblock %}", "{{ self.head() }}", "{% set bv = 'base' %}"]),
        "mid.html": "{% extends 'base.html' %}{% block head %}M{{ super() }}{% endblock %}",
        "inc.html": "[inc {{ a }} {{ s }}{% if x is defined %} x={{ x }}{% endif %}]",
        "lib.html": "{% macro hello(n) %}Hello {{ n }}!{% endmacro %}{% macro ctx() %}{{ a }}{% endmacro %}"
                    "{% set value = 42 %}{% set _hidden = 1 %}",
        "loop.html": "{% for i in l %}{% block it scoped %}<{{ i }}>{% endblock %}{% endfor %}",
        "ws.html": "  line\n{% if true %}\n  in\n{% endif %}\n",
    }
    k = r.random()
    if k < 0.4:
        parent = r.choice(["base.html", "mid.html", "loop.html", "'base.html' if t else 'mid.html'", "missing.html"])
        if not parent.startswith("'"):
            parent = "'%s'" % parent
        blocks = []
        for b in r.sample(["head", "body", "inner", "foot", "it"], r.randint(0, 3)):
            content = sg.body(g, 1, r.randint(0, 2))
            if r.random() < 0.4:
                content += "{{ super() }}"
            blocks.append("{%% block %s %%}%s{%% endblock %%}" % (b, content))
        main = r.choice(["", "junk ", "{% set x = 1 %}"]) + "{%% extends %s %%}" % parent + "".join(blocks)
    elif k < 0.7:
        inc = r.choice(["'inc.html'", "'ws.html'", "['missing.html', 'inc.html']", "'missing.html'",
                        "'missing.html' ignore missing", "'inc.html' without context", "'inc.html' with context",
                        "'lib.html'", "'base.html'"])
        main = sg.body(g, 1, 1) + r.choice(["", "{% set x = 'X' %}"]) + "{%% include %s %%}" % inc + sg.body(g, 1, 1)
        if r.random() < 0.3:
            main = "{%% for x in ls %%}{%% include %s %%}{%% endfor %%}" % inc
    else:
        imp = r.choice(["{% import 'lib.html' as lib %}{{ lib.hello(s) }}|{{ lib.value }}|{{ lib.ctx() }}",
                        "{% from 'lib.html' import hello, value %}{{ hello(a) }}{{ value }}",
                        "{% from 'lib.html' import hello as hi with context %}{{ hi(w) }}",
                        "{% from 'lib.html' import ctx %}{{ ctx() }}",
                        "{% from 'lib.html' import ctx with context %}{{ ctx() }}",
                        "{% import 'lib.html' as lib with context %}{{ lib.ctx() }}",
                        "{% from 'lib.html' import _hidden %}",
                        "{% from 'lib.html' import nothere %}{{ nothere }}",
                        "{% import 'lib.html' as lib %}{{ lib.nothere }}",
                        "{% import 'nope.html' as lib %}",
                        "{% import 'lib.html' as lib %}{{ lib._hidden is defined }}{{ lib.hello }}"])
        main = imp + sg.body(g, 1, r.randint(0, 2))
    files["main.html"] = main
    return files, "main.html"


def gen_ws_case(r):
    sg = StmtGen(r)
    g = Gen(r)
    lines = []
    for _ in range(r.randint(2, 6)):
        indent = r.choice(["", "  ", "\t", "    "])
        k = r.random()
        if k < 0.3:
            lines.append(indent + sg.ws(r.choice(["if t", "if no", "for i in l", "for c in 'ab'", "set q = 1"])))
        elif k < 0.5:
            lines.append(indent + sg.ws(r.choice(["endif", "endfor", "else"])))
        elif k < 0.7:
            lines.append(indent + sg.output(g) + r.choice(["", " ", "  "]))
        elif k < 0.8:
            lines.append(indent + r.choice(["{# c #}", "{#- c -#}", "{#+ c #}"]))
        else:
            lines.append(indent + r.choice(["text", "", "  x  "]))
    # balance the blocks crudely so most templates parse
    tpl = "\n".join(lines) + r.choice(["", "\n", "\n\n", "  \n"])
    opens = sum(tpl.count(x) for x in (" if t", " if no", " for i", " for c"))
    closes = tpl.count("endif") + tpl.count("endfor")
    if opens > closes and r.random() < 0.9:
        stack = []
        import re
        for m in re.finditer(r"\{%[-+]? (if|for|endif|endfor)\b", tpl):
            w = m.group(1)
            if w in ("if", "for"):
                stack.append(w)
            elif stack and stack[-1] == w[3:]:
                stack.pop()
        tpl += "".join("\n{%% end%s %%}" % w for w in reversed(stack))
    return {"main.html": tpl}, "main.html"


def gen_autoescape_case(r):
    g = Gen(r)
    exprs = [r.choice(["h", "h|safe", "h|e", "h|e|e", "(h|safe) ~ h", "h ~ (h|safe)", "(h|safe) + h",
                       "'<x>'|safe + h", "[h, h|safe]|join", "[h, h|safe]|join(h|safe)", "h|safe|upper", "h|forceescape",
                       "'%s<br>'|safe|format(h)", "'%s<br>'|format(h)", "h|safe|replace('b', '<b>')",
                       "h|replace('b', '<b>'|safe)", "(h|safe)[1:]", "h|safe|length", "h|striptags",
                       "h|urlize", "h|tojson", "h|xmlattr" if False else "{'k': h}|xmlattr", "h|safe is escaped",
                       "h|e is escaped", "h is escaped", "m4(h)", "h|safe|indent(2)", "h|truncate(4)",
                       "h|safe|truncate(4)", "h|wordwrap(3)", "h|center(12)", "(h|safe).upper()", "h|safe|title",
                       "h|safe|capitalize", "(h|safe) % h" if False else "h|safe|trim", "h|pprint", "[h]",
                       "{'a': h|safe}", "h|safe|string", "h|string|safe", "h|list|first", "(h|safe)|first",
                       g.expr(1)]) for _ in range(r.randint(1, 4))]
    body = "|".join("{{ %s }}" % e for e in exprs)
    if r.random() < 0.3:
        body += "{% set sv %}<i>{{ h }}</i>{% endset %}{{ sv }}|{{ sv|e }}|{{ sv is escaped }}"
    if r.random() < 0.2:
        # (not upper: Jinja2 writes '"' as &#34;, which upper leaves alone and the corpus rewrites)
        body += "{% filter " + r.choice(["trim", "replace('b', 'B')"]) + " %}{{ h }}<b>{% endfilter %}"
    if r.random() < 0.2:
        body = "{% autoescape " + r.choice(["false", "true"]) + " %}" + body + "{% endautoescape %}{{ h }}"
    tpl = MACRO_LIB[4][2] + body
    return {"main.html": tpl}, "main.html"


GENERATORS = [("expr", gen_expr_case, 4), ("stmt", gen_stmt_case, 3), ("struct", gen_structure_case, 2),
              ("ws", gen_ws_case, 2), ("escape", gen_autoescape_case, 2)]


def generate(seed, count):
    r = random.Random(seed)
    weighted = [g for g in GENERATORS for _ in range(g[2])]
    cases = []
    attempts = 0
    while len(cases) < count and attempts < count * 5:
        attempts += 1
        cat, fn, _ = r.choice(weighted)
        files, entry = fn(r)
        ctx = json.loads(json.dumps(rand_context(r), sort_keys=True))
        if cat in ("ws",):
            options = {"autoescape": False, "trim_blocks": r.random() < 0.5, "lstrip_blocks": r.random() < 0.5,
                       "keep_trailing_newline": r.random() < 0.5}
        else:
            options = {"autoescape": cat == "escape" or r.random() < 0.3, "trim_blocks": r.random() < 0.15,
                       "lstrip_blocks": r.random() < 0.15, "keep_trailing_newline": r.random() < 0.15}
        if any("&#34;" in t for t in files.values()):
            continue
        res = render(files, entry, ctx, options)
        if res is None:
            continue
        if "expect_error" in res and r.random() < 0.7:
            continue  # keep most cases succeeding: outputs say more than error kinds
        c = {"id": "fuzz/%s-s%d-%05d" % (cat, seed, len(cases)), "files": files, "entry": entry, "context": ctx,
             "options": options}
        c.update(res)
        cases.append(c)
    return cases


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--count", type=int, default=1000)
    ap.add_argument("--out", required=True)
    args = ap.parse_args()
    cases = generate(args.seed, args.count)
    with open(args.out, "w", encoding="utf-8") as f:
        json.dump({"format": 1, "cases": cases}, f, ensure_ascii=False, indent=1, sort_keys=True)
        f.write("\n")
    errs = sum(1 for c in cases if "expect_error" in c)
    print("wrote %d cases (%d errors) to %s" % (len(cases), errs, args.out), file=sys.stderr)


if __name__ == "__main__":
    main()
