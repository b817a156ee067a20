#!/usr/bin/env python3
"""Second-round differential fuzzing of Kida against Jinja2 3.1.6: the corners the first grammar
(fuzz_differential.py) rarely reaches.

Modes: whitespace control around every tag kind (with \\r\\n sources and every option), lexical
details (escapes, number forms, spacing, comments holding tags), errors of each kind with the line
Jinja2 reports, filters with keyword and unusual argument combinations, astral/combining unicode
through string filters and slicing, inheritance/include/import combinations and macro/caller edges.

    python3 fuzz_differential2.py --seed 1 --count 3000 --out /tmp/fuzz2.json [--mode ws,lex]
    java -cp <test classpath> dev.kida.tests.fuzz.FuzzRunner /tmp/fuzz2.json

Cases carry "expect_line" when Jinja2's error is located in the entry template. Expectations come
from Jinja2 only.
"""
import argparse
import json
import random
import signal
import sys

import jinja2
from jinja2 import Environment, FunctionLoader, StrictUndefined

import fuzz_differential as base

assert jinja2.__version__ == "3.1.6", jinja2.__version__


def _loader(files):
    return FunctionLoader(lambda n: (files[n], n, lambda: True) if n in files else None)


def error_line(e, entry):
    """The line Jinja2 reports for an error, when it lies in the entry template; else 0."""
    if isinstance(e, jinja2.TemplateSyntaxError):
        return e.lineno if e.name == entry and e.lineno else 0
    tb = e.__traceback__
    last = None
    while tb is not None:
        name = tb.tb_frame.f_code.co_filename
        if name.endswith(".html"):
            last = (name, tb.tb_lineno)
        tb = tb.tb_next
    return last[1] if last and last[0] == entry else 0


def render(files, entry, ctx, options):
    env = Environment(loader=_loader(files), undefined=StrictUndefined, **options)
    signal.signal(signal.SIGALRM, base._alarm)
    signal.setitimer(signal.ITIMER_REAL, 0.5)
    try:
        for name in files:
            try:
                env.get_template(name)
            except jinja2.TemplateSyntaxError:
                pass
            except Exception:  # noqa: BLE001 - constant folding raised at compile time
                return None
        out = env.get_template(entry).render(ctx)
    except (base.Timeout, RecursionError, MemoryError, OverflowError):
        return None
    except Exception as e:  # noqa: BLE001
        res = {"expect_error": base.kind_of(e)}
        line = error_line(e, entry)
        if line:
            res["expect_line"] = line
        return res
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
    if len(out) > 20000 or any(u in out for u in base.UNREPRODUCIBLE):
        return None
    low = out.lower()
    if " at 0x" in low or "generator" in low or "iterator" in low or "#34;" in out.replace("&#34;", ""):
        return None
    if "\x00" in out:
        return None
    if "&#34;" in out and any(f in t for t in files.values() for f in ("upper", "title", "capitalize", "swapcase")):
        return None  # Jinja2's &#34; passed through a case change: the corpus rewrite cannot follow
    return {"expect": out.replace("&#34;", "&quot;")}


def mark(r, tag, allow_plus=True):
    left = r.choice(["", "", "-", "+"] if allow_plus else ["", "", "-"])
    right = r.choice(["", "", "-"])
    return "{%" + left + r.choice([" ", "", "  "]) + tag + r.choice([" ", "", "  ", "\n"]) + right + "%}"


TEXTS = ["", " ", "\n", "  \n", "\n  ", "x", "\t\n", " \n \n", "a\n\n", "\n    ", "  ", "y ", "\n\n"]


def t(r):
    return r.choice(TEXTS)


# ------------------------------------------------------------------ whitespace
def ws_node(r, depth):
    k = r.randint(0, 13)
    inner = (lambda: ws_body(r, depth + 1)) if depth < 3 else (lambda: t(r) + "{{ a }}" + t(r))
    if k == 0:
        return mark(r, "raw") + r.choice(["{{ x }}", "\n {% if %}\n", "  ", "{#", "-%}", "\n"]) + mark(r, "endraw")
    if k == 1:
        return r.choice(["{# c #}", "{#- c -#}", "{#+ c #}", "{#- c #}", "{# c -#}", "{# {% if %} #}",
                         "{#\n multi\n #}", "{#+ c -#}"])
    if k == 2:
        return mark(r, "macro mm(p=1)") + inner() + mark(r, "endmacro") + t(r) + "{{ mm() }}"
    if k == 3:
        return (mark(r, "macro cm()") + "<" + "{{ caller() }}" + ">" + mark(r, "endmacro") + t(r) +
                mark(r, "call cm()") + inner() + mark(r, "endcall"))
    if k == 4:
        return mark(r, "set sb") + inner() + mark(r, "endset") + t(r) + "[{{ sb }}]"
    if k == 5:
        return mark(r, "block b%d" % r.randint(0, 999)) + inner() + mark(r, "endblock")
    if k == 6:
        return mark(r, "if t") + inner() + (mark(r, "else") + inner() if r.random() < 0.5 else "") + mark(r, "endif")
    if k == 7:
        return mark(r, "for i in l") + inner() + (mark(r, "else") + inner() if r.random() < 0.4 else "") + mark(r, "endfor")
    if k == 8:
        return mark(r, "filter upper") + inner() + mark(r, "endfilter")
    if k == 9:
        return mark(r, "with q = 1") + inner() + mark(r, "endwith")
    if k == 10:
        return mark(r, "set z = 2")
    if k == 11:
        return "{{" + r.choice(["", "-", "+"]) + " a " + r.choice(["", "-"]) + "}}"
    if k == 12:
        return mark(r, "autoescape true") + inner() + mark(r, "endautoescape")
    return t(r)


def ws_body(r, depth):
    parts = []
    for _ in range(r.randint(1, 3)):
        parts.append(t(r))
        parts.append(ws_node(r, depth))
    parts.append(t(r))
    return "".join(parts)


def gen_ws(r):
    tpl = ws_body(r, 0)
    if r.random() < 0.3:
        tpl = tpl.replace("\n", "\r\n")
    elif r.random() < 0.1:
        tpl = tpl.replace("\n", "\r")
    tpl = r.choice(["", " ", "\n", "  "]) + tpl + r.choice(["", "\n", "\n\n", "\r\n", " \n"])
    return {"main.html": tpl}, "main.html"


# ------------------------------------------------------------------ lexical
LEX_EXPRS = [
    "'a\\tb'", "'\\\\n'", "'\\''", '"\\""', "'\\u00e9'", "'\\U0001F600'", "'\\x7e'", "'\\N{SNOWMAN}'",
    "'\\101'", "'\\q'", "'a\\\nb'", "'\\a\\b\\f\\v'", "r'\\t'", "R'x'", "'''tri'''", "'a' \"b\" 'c'",
    "1_000", "1_000_000 + 1", "0x1F", "0XfF", "0o17", "0O7", "0b1010", "0B1", "1e3", "1E3", "1e-3", "2.5e+2",
    "1_0.0_1", "0.5", "00", "0_0", "1.", "1.e2", "10 // 3", "-7 // 2", "-7 % 3", "7 % -3", "2 ** 3 ** 2",
    "-2 ** 2", "(-2) ** 2", "2 ** -1", "1 / 3", "10 / 2", "3 * 'ab'", "'ab' * 3", "[1] * 2", "1_000|string",
    "0x1F|string", "1e3|string", "1e16", "1e15", "123456789012345678", "1.0e-5", "0.1 + 0.2", "1e300 * 1e10",
    "-0.0", "-0.0|string", "(0.1 * 3)|round(2)", "1 if 1 else 2", "not not 1", "1 < 2 < 3", "3 > 2 > 1 == 1",
    "'a' ~ 1 ~ none", "true and 'x'", "0 or ''", "none or false", "'b' in 'abc'", "1 in [1.0]",
    "{'a': 1}['a']", "{'a': 1}.a", "[1, 2][-1]", "'abc'[::-1]", "(1, 2) == [1, 2]", "(1,)", "()",
    "[1, 2,]", "{'a': 1,}", "a.b is undefined", "'%d%%' % 5",
    "'{0}{1}'.format(1, 'x')", "'%s' % (1, 2)", "'%(a)s' % {'a': 1}", "1 + + 1", "- - 1", "not 1 == 2",
    "(1 if t)", "range(3)|sum", "[1, [2, [3]]]|string", "{'k': [1, (2, 3)]}|string", "1.5|int", "'1_0'|int",
    "'0x1F'|int(0, 16)", "'0x1F'|int", "'0b11'|int(base=2)", "'1e3'|float", "'1_000'|float", "' 12 '|int",
    "'inf'|float", "'nan'|float|string", "1e400|string" if False else "'-0'|float", "12.0|string",
    "1e21|string", "1e-7|string", "123456789.0|string", "0.000123|string", "2**100", "-2**63", "10**20 // 3",
    "(2**64) / 2", "7.0 // 2", "7.5 % 2", "-7.5 // 2", "True + 1", "false * 3", "1 == 1.0", "1 is sameas 1.0",
]


def gen_lex(r):
    parts = []
    for _ in range(r.randint(1, 4)):
        e = r.choice(LEX_EXPRS)
        sp = r.choice([("{{", "}}"), ("{{ ", " }}"), ("{{\n", "\n}}"), ("{{\t", "  }}"), ("{{-", "-}}")])
        parts.append(sp[0] + e + sp[1])
        if r.random() < 0.3:
            parts.append(r.choice(["{# {{ x }} #}", "{# {% for %} #}", "{# #} #}", "{#}#}", "{{ '}}' }}", "{{ '{%' }}",
                                   "{{ '#}' }}", "{% set q = '%}' %}{{ q }}", "{%if t%}T{%endif%}",
                                   "{%for c in 'ab'%}{{c}}{%endfor%}", "{%- if t -%} T {%- endif -%}",
                                   "{{ 'a'\n|upper }}", "{% set\nq\n=\n1\n%}{{ q }}", "{{ {'a':{'b':1}} }}",
                                   "{{ [[]] }}", "{{ {} }}", "{{''}}", "{{ \"'\" }}", "{{ '\"' }}", "}}", "%}", "#}",
                                   "{", "{{'{'}}", "{ {", "{%raw%}{{{%endraw%}"]))
        parts.append(r.choice(["|", "\n", " ", ""]))
    return {"main.html": "".join(parts)}, "main.html"


# ------------------------------------------------------------------ errors
SYNTAX_BAD = ["{% if t %}", "{% endif %}", "{% for i in l %}", "{% endfor %}", "{{ 1 + }}", "{{ }}", "{% %}",
              "{% foo %}", "{% set 1 = 2 %}", "{% set x.y.z = 1 %}", "{{ 'abc }}", "{# open", "{% for in l %}{% endfor %}",
              "{% macro %}{% endmacro %}", "{% macro m(a=1, b) %}{% endmacro %}", "{% block %}{% endblock %}",
              "{% block b %}{% endblock c %}", "{% if t %}{% endfor %}", "{% else %}", "{% elif t %}",
              "{{ a b }}", "{{ a. }}", "{{ a[ }}", "{{ (1, }}", "{{ [1, 2 }}", "{{ {1: } }}", "{{ a|}}",
              "{{ a is }}", "{% call %}{% endcall %}", "{% filter %}{% endfilter %}", "{% with %}{% endwith %}",
              "{% extends %}", "{% include %}", "{% import 'x' %}", "{% from 'x' import %}", "{{ 1 if }}",
              "{{ a.1b }}", "{{ 1e }}", "{{ 0x }}", "{{ 1__0 }}", "{{ 1_ }}", "{% set x = 1 %}{% endset %}",
              "{% raw %}unterminated", "{% endraw %}", "{% block b %}{% block b %}{% endblock %}{% endblock %}",
              "{% for i in l %}{% else %}{% else %}{% endfor %}", "{{ a !! b }}", "{{ a = 1 }}", "{{ def }}",
              "{% set loop = 1 %}" if False else "{{ @ }}", "{{ a|nofilter }}", "{{ a is notatest }}",
              "{% break %}", "{% continue %}", "{% do 1 %}", "{{ a * * b }}", "{{ not }}", "{{ [1, 2][] }}",
              "{% macro m(x, x) %}{% endmacro %}", "{% set a, = 1 %}" if False else "{{ '\\' }}", "{{ a..b }}",
              "{% if t %}{% elif %}{% endif %}", "{% for i, in l %}{% endfor %}", "{{ x:y }}", "{{ 1 + 'a }}"]
RUNTIME_BAD = ["{{ nested.a.b.c }}", "{{ d.zz.yy }}", "{{ users[0].nope.x }}", "{{ users[9].name }}",
               "{{ missing }}", "{{ missing.attr }}", "{{ missing|length }}", "{{ missing is defined }}",
               "{{ 1 + 'a' }}", "{{ 'a' - 1 }}", "{{ 'a' * 'b' }}", "{{ [] + {} }}", "{{ l + 1 }}", "{{ 1 / 0 }}",
               "{{ 1 // 0 }}", "{{ 1 % 0 }}", "{{ 1.0 / 0 }}", "{{ -s }}", "{{ 'a' < 1 }}", "{{ none < 1 }}",
               "{{ [1] < ['a'] }}", "{{ 1 in 2 }}", "{{ 'a' in 1 }}", "{{ 1 in 'abc' }}", "{{ a() }}", "{{ s() }}",
               "{{ l.nope() }}", "{{ 'x'|round }}", "{{ 'x'|abs }}", "{{ ['a', 1]|sum }}", "{{ ['a', 1]|sort }}",
               "{{ [1, 'a']|max }}", "{{ 5|join }}", "{{ 5|first }}", "{{ none|length }}", "{{ 5|list }}",
               "{{ 'a'|batch(0)|list }}", "{{ 5|reverse }}", "{{ l|batch('x')|list }}", "{{ 'ab'|center('x') }}",
               "{{ 'ab'|truncate('x') }}", "{{ 'ab'|indent('x') }}", "{{ 'ab'|replace(1, 2) }}",
               "{{ 'ab'|wordwrap(0) }}", "{{ 'ab'|format(1) }}", "{{ '%d'|format('x') }}", "{{ '%s %s'|format(1) }}",
               "{{ d|dictsort(by='x') }}", "{{ l|map('nofilter')|list }}", "{{ l|select('notest')|list }}",
               "{{ 5|attr(1) }}", "{{ l|join(attribute='x') }}", "{{ users|sort(attribute='zz') }}",
               "{{ users|map(attribute='zz')|list }}", "{{ users|groupby('zz') }}", "{{ users|sum(attribute='name') }}",
               "{{ range(1, 2, 0)|list }}", "{{ l|slice(0)|list }}", "{{ 'x'|int(base=99) }}", "{{ s|urlize(x=1) }}",
               "{{ s|upper(1) }}", "{{ s|lower(x=1) }}", "{{ s|truncate(1, 2, 3, 4, 5) }}", "{{ dict(1) }}",
               "{{ range() }}", "{{ range('a') }}", "{{ cycler() }}", "{{ namespace(1) }}", "{{ joiner(1, 2) }}",
               "{% set ns = 1 %}{% set ns.x = 2 %}", "{% for a, b in l %}{% endfor %}", "{% for a, b in ['abc'] %}{% endfor %}",
               "{{ {}.x.y }}", "{{ (1, 2).x }}", "{{ s.nope }}", "{{ l[0:1:0] }}", "{{ l['x'] }}", "{{ 'abc'[10] }}",
               "{{ 'abc'['x'] }}", "{{ [1][1.5] }}", "{{ {'a': 1}[[]] }}", "{{ loop.index }}", "{{ caller() }}",
               "{{ varargs }}", "{{ super() }}", "{{ self.nope() }}", "{{ 1|tojson(indent='x') }}",
               "{{ {1: 2}|tojson }}", "{{ 'a'|float(default='x') + 1 }}", "{{ 2 ** 'a' }}", "{{ 'a' ~ missing }}",
               "{{ t.x }}", "{{ n.x }}", "{{ n[0] }}", "{{ n|upper }}", "{{ n + 1 }}", "{{ 1|e|int + 'a' }}"]


def gen_err(r):
    lines = []
    for _ in range(r.randint(1, 5)):
        lines.append(r.choice(["text", "", "{{ a }}", "{% set v = 1 %}", "{# c\n #}", "{% if t %}x{% endif %}",
                               "{% for i in l %}{{ i }}\n{% endfor %}", "{% raw %}\n{% endraw %}", "  ", "{{ '\n' }}"]))
    bad = r.choice(SYNTAX_BAD if r.random() < 0.4 else RUNTIME_BAD)
    pos = r.randint(0, len(lines))
    wrap = r.random()
    if wrap < 0.15:
        bad = "{% for i in [1] %}\n" + bad + "\n{% endfor %}"
    elif wrap < 0.3:
        bad = "{% macro em() %}\n" + bad + "\n{% endmacro %}{{ em() }}"
    elif wrap < 0.4:
        bad = "{% if t %}\n\n" + bad + "{% endif %}"
    elif wrap < 0.5:
        bad = "{% set sv %}\n" + bad + "{% endset %}{{ sv }}"
    elif wrap < 0.55:
        bad = "{% filter upper %}\n" + bad + "{% endfilter %}"
    lines.insert(pos, bad)
    tpl = "\n".join(lines)
    if r.random() < 0.15:
        tpl = tpl.replace("\n", "\r\n")
    return {"main.html": tpl}, "main.html"


# ------------------------------------------------------------------ filter arguments
KW_FILTERS = [
    "truncate(length=3)", "truncate(length=5, killwords=true)", "truncate(4, end='~')", "truncate(3, true, '', 0)",
    "truncate(leeway=2, length=6)", "truncate(255)", "truncate(0)", "truncate(1, true)",
    "wordwrap(width=4)", "wordwrap(5, break_long_words=false)", "wordwrap(3, wrapstring='/')",
    "wordwrap(6, break_on_hyphens=false)", "wordwrap(1)", "wordwrap(2, true, '|', true)",
    "indent(width=3)", "indent(4, first=true)", "indent(1, true, true)", "indent('--')", "indent(blank=true)",
    "indent(0)", "center(width=11)", "center(1)", "center(0)", "center(-5)",
    "default(default_value='D')", "default('D', boolean=true)", "default()", "d(none)",
    "join(d='-')", "join('')", "join(', ', 'name')", "join(attribute=0)",
    "round(precision=1)", "round(method='ceil')", "round(1, method='floor')", "round(-2)", "round(0, 'common')",
    "round(3, 'x')", "sort(false, true)", "sort(reverse=true, case_sensitive=false)", "sort(attribute='0')",
    "sort(attribute='age,-name')" if False else "sort(attribute='age,name', reverse=true)",
    "int(default=9)", "int(9, 8)", "int(base=16)", "int(base=0)", "float(default=0.5)", "float('x')",
    "replace(old='a', new='b')", "replace('a', 'b', count=0)", "replace('a', 'b', -1)", "replace('', '.', 2)",
    "format(a=1)", "filesizeformat(binary=true)", "filesizeformat(false)", "urlize(trim_url_limit=8)",
    "urlize(5, true, '_top')", "urlize(rel='x')", "urlize(extra_schemes=['ftp:'])",
    "dictsort(case_sensitive=true)", "dictsort(false, 'value')", "dictsort(by='key', reverse=true)",
    "batch(linecount=2)", "batch(2, fill_with=0)|list", "batch(3, '')|list", "slice(slices=2)|list",
    "slice(2, fill_with='f')|list", "slice(4, none)|list", "unique(attribute='name')|list",
    "unique(case_sensitive=true)|list", "map(attribute='name', default='?')|list", "map('upper')|list",
    "map('replace', 'a', 'b')|list", "map('truncate', 3)|list", "map('default', 'D')|list",
    "select('equalto', 1)|list", "select('sameas', none)|list", "reject('string')|list",
    "selectattr('name', 'in', ['alice', 'Bob'])|list", "rejectattr('age')|list", "xmlattr(autospace=false)",
    "tojson(indent=2)", "tojson(indent=none)", "pprint", "sum(start=0.5)", "sum(attribute='age', start=1)",
    "first", "last", "min(case_sensitive=true)", "max(attribute='name')", "min(attribute='name', case_sensitive=true)",
    "groupby('age', default=0)|list", "groupby(attribute='city', case_sensitive=true)|list", "items|list",
    "list", "string", "count", "wordcount", "title", "capitalize", "trim(chars='ab')", "trim('')", "striptags",
    "escape|e", "forceescape", "urlencode", "lower|upper", "reverse|list", "length", "abs",
    "attr('name')", "attr('upper')", "e|safe|e",
]
VALUES = ["s", "w", "ls", "l", "users", "d", "nested", "'Hello World, how are-you doing today?'",
          "'a-very-long-hyphenated-word here'", "'  spaced  out  '", "'<b>bold</b> &amp; text'",
          "'www.example.com and http://x.org/a?b=c'", "[3, 1, 2]", "['b', 'A', 'a', 'B']", "{'b': 2, 'A': 1, 'a': 3}",
          "12345", "1e6", "-3.75", "'1234'", "none", "true", "[]", "''", "'x\\ny\\n\\nz'", "[{'name': 'b'}, {'name': 'A'}]"]


def gen_filt(r):
    parts = []
    for _ in range(r.randint(1, 4)):
        v = r.choice(VALUES)
        chain = "|".join(r.choice(KW_FILTERS) for _ in range(r.randint(1, 2)))
        parts.append("{{ %s|%s }}" % (v, chain))
    return {"main.html": "|".join(parts)}, "main.html"


# ------------------------------------------------------------------ unicode
UNI = ["😀", "𝔘𝔫𝔦", "a😀b", "é", "e\u0301", "ﬃ", "ß", "İ", "ǅ", "Σσς", "ΌΣΟΣ", "\U0001F1EB\U0001F1F7",
       "👩‍👩‍👧", "\U00010400\U00010428", "日本語テキスト", "ŉ", "ꞵ", "\u2028x", "x\u00a0y", "Ⅻ", "١٢٣", "𝟙𝟚"]
UNI_OPS = ["|upper", "|lower", "|title", "|capitalize", "|length", "|reverse", "|list", "|first", "|last",
           "[1:]", "[:-1]", "[::-1]", "[1]", "[-1]", "[::2]", "|center(9)", "|center(9)|length", "|truncate(3, true, '')",
           "|truncate(3, true)", "|wordwrap(2)", "|wordwrap(3, true, '/')", "|replace('😀', 'x')", "|replace('', '.')",
           "|format", "|indent(1, true)", "|trim", "|urlencode", "|e", "|wordcount", "|string|length", "|int(7)",
           "|list|join('.')", "|sort|join", "|unique|join", "|batch(2)|list", "|slice(2)|list", "|tojson", "|pprint",
           ".upper()", ".swapcase()", ".casefold()", ".center(8, '😀')", ".find('b')", ".zfill(4)",
           ".split('😀')", ".isalpha()", ".islower()", ".isupper()", ".istitle()",
           "|count", "|max", "|min", "|striptags", "|xmlattr" if False else "|dictsort" if False else "|title|length",
           "|string|list|length", "|ljust(5)" if False else "|truncate(5, false, '…', 0)", "|urlize",
           "|filesizeformat" if False else ".startswith('😀')", ".count('a')", ".index('b')", ".rjust(6, '*')",
           ".ljust(6, '😀')", ".title()", ".capitalize()", ".lstrip('😀')", ".strip('a😀')", ".replace('😀', '', 1)",
           ".partition('😀')", ".rsplit('b', 1)", ".expandtabs(4)" if False else ".splitlines()"]


def gen_uni(r):
    parts = []
    for _ in range(r.randint(1, 4)):
        v = "".join(r.choice(UNI + ["a", "b", " ", "-"]) for _ in range(r.randint(1, 4)))
        lit = "'" + v + "'" if r.random() < 0.7 else "u"
        parts.append("{{ %s%s }}" % (lit, "".join(r.choice(UNI_OPS) for _ in range(r.randint(1, 2)))))
        if r.random() < 0.2:
            parts.append("{%% for c in %s %%}[{{ c }}]{%% endfor %%}" % lit)
        if r.random() < 0.1:
            parts.append("{{ '%s' %% %s }}" % (r.choice(["%5s", "%-4s|", "%.2s", "%r", "%a"]), lit))
    ctx_u = r.choice(UNI) + r.choice(UNI)
    return {"main.html": "|".join(parts)}, "main.html", {"u": ctx_u}


# ------------------------------------------------------------------ inheritance / include / import
def gen_inherit(r):
    files = {
        "base.html": r.choice([
            "<{% block a %}A{% endblock %}>{% for i in l %}{% block it scoped %}[{{ i }}]{% endblock %}{% endfor %}",
            "{% if t %}{% block a %}A{% endblock %}{% else %}{% block b %}B{% endblock %}{% endif %}",
            "{% block a %}A{% block b %}B{% endblock %}{% endblock %}|{{ self.b() }}",
            "{% for i in l %}{% block it %}{{ i is defined }}{% endblock %}{% endfor %}{% block a %}{% endblock %}",
            "{% set bv = 'BV' %}{% block a %}{{ bv }}{% endblock %}{% block b %}{{ cv is defined }}{% endblock %}",
            "{% macro bm() %}BM{% endmacro %}{% block a %}{{ bm() }}{% endblock %}",
            "\n{% block a -%}\n  A\n{%- endblock %}\n{% block b %}\nB\n{% endblock %}\n",
            "{% block a required %}{% endblock %}{% block b %}b{% endblock %}"]),
        "mid.html": "{% extends 'base.html' %}{% block a %}M({{ super() }}){% endblock %}"
                    + r.choice(["", "{% block b %}MB{{ super() }}{% endblock %}", "{% block it scoped %}m{{ i }}{% endblock %}"]),
        "inc_ext.html": "{% extends 'base.html' %}{% block a %}IE{{ a }}{% endblock %}",
        "lib.html": "{% macro m(x) %}<{{ x }}|{{ a is defined }}|{{ caller() if caller else '-' }}>{% endmacro %}"
                    "{% macro uses_ctx() %}{{ s }}{% endmacro %}{% set lv = 'LV' %}"
                    "{% macro rec(n) %}{{ n }}{% if n > 0 %}{{ rec(n - 1) }}{% endif %}{% endmacro %}",
        "inc.html": "{{ a }}{% if i is defined %}i={{ i }}{% endif %}{% if cx is defined %}cx={{ cx }}{% endif %}",
    }
    k = r.randint(0, 9)
    child_blocks = ["{% block a %}C{{ super() }}{% endblock %}", "{% block a %}{{ super() }}{{ super() }}{% endblock %}",
                    "{% block it %}<{{ i }}>{{ super() }}{% endblock %}", "{% block it scoped %}<{{ i }}>{% endblock %}",
                    "{% block b %}CB{% endblock %}", "{% block a %}{{ self.b() }}{% endblock %}",
                    "{% block a %}{% include 'inc.html' %}{% endblock %}",
                    "{% block a %}{% import 'lib.html' as lib %}{{ lib.m(1) }}{% endblock %}",
                    "{% block a %}{% set cv = 1 %}{{ cv }}{% endblock %}", "{% set cv = 'CV' %}",
                    "{% block a %}{% for q in [1, 2] %}{{ loop.index }}{% endfor %}{% endblock %}",
                    "{% block a %}{% block c %}NEWC{% endblock %}{% endblock %}", "{% block nope %}N{% endblock %}",
                    "text outside", "{% if t %}{% block b %}IFB{% endblock %}{% endif %}",
                    "{% block a %}{{ bm is defined }}{% endblock %}"]
    if k <= 2:
        main = "{%% extends '%s' %%}" % r.choice(["base.html", "mid.html", "mid.html"]) + \
               "".join(r.sample(child_blocks, r.randint(0, 3)))
    elif k == 3:
        main = "{% for i in l %}{% include 'inc_ext.html' %}{% endfor %}|{% include ['inc_ext.html'] %}"
    elif k == 4:
        main = r.choice([
            "{% macro w() %}{% import 'lib.html' as lib with context %}{{ lib.uses_ctx() }}{% endmacro %}{{ w() }}",
            "{% macro w(s) %}{% from 'lib.html' import uses_ctx with context %}{{ uses_ctx() }}{% endmacro %}{{ w('arg') }}",
            "{% macro w(s) %}{% include 'inc.html' %}{{ s }}{% endmacro %}{{ w('arg') }}",
            "{% for i in l %}{% from 'lib.html' import m %}{% call m(i) %}c{{ i }}{% endcall %}{% endfor %}",
            "{% from 'lib.html' import rec %}{{ rec(3) }}", "{% import 'lib.html' as lib %}{{ lib.lv }}{{ lib.rec(2) }}",
            "{% from 'lib.html' import m as mm, lv %}{{ mm(lv) }}", "{% set s = 'outer' %}{% import 'lib.html' as lib with context %}{{ lib.uses_ctx() }}",
            "{% set s = 'outer' %}{% import 'lib.html' as lib %}{{ lib.uses_ctx() }}",
            "{% with a = 'W' %}{% include 'inc.html' %}{% endwith %}", "{% set i = 'I' %}{% include 'inc.html' without context %}"])
    elif k == 5:
        main = r.choice([
            "{% macro outer() %}[{{ caller('o') }}]{% endmacro %}{% macro inner() %}({{ caller() }}){% endmacro %}"
            "{% call(x) outer() %}{% call inner() %}{{ x }}{% endcall %}{% endcall %}",
            "{% macro m(a, b=2) %}{{ a }}{{ b }}{{ varargs }}{{ kwargs }}{% endmacro %}{{ m(1, 2, 3, k=4) }}",
            "{% macro m() %}{{ caller(1, 2) }}{% endmacro %}{% call(a, b=5, c=6) m() %}{{ a }}{{ b }}{{ c }}{% endcall %}",
            "{% macro m() %}{{ caller() }}{% endmacro %}{% call(a) m() %}{{ a }}{% endcall %}",
            "{% macro m(caller=none) %}{{ caller is none }}{% endmacro %}{{ m() }}{% call m() %}x{% endcall %}",
            "{% macro m() %}{{ m.name }}{{ m.arguments }}{{ m.catch_kwargs }}{{ m.catch_varargs }}{{ m.caller }}{% endmacro %}{{ m() }}",
            "{% macro m(x) %}{{ x }}{% endmacro %}{{ m() }}", "{% macro m(x) %}{{ x }}{% endmacro %}{{ m(1, 2) }}",
            "{% macro m(x) %}{{ x }}{% endmacro %}{{ m(y=1) }}", "{% macro m(x) %}{{ x }}{% endmacro %}{{ m(1, x=2) }}",
            "{% macro m() %}{{ varargs }}{% endmacro %}{{ m(1, 2) }}", "{% macro m() %}{{ kwargs }}{% endmacro %}{{ m(a=1) }}",
            "{% macro m() %}{% set x = 1 %}{{ x }}{% endmacro %}{% set x = 0 %}{{ m() }}{{ x }}",
            "{% macro m() %}{{ caller() }}{% endmacro %}{% for i in l %}{% call m() %}{{ i }}{{ loop.index }}{% endcall %}{% endfor %}",
            "{% macro m(n) %}{% if n %}{{ caller(n) }}{{ m(n - 1) }}{% endif %}{% endmacro %}{% call(v) m(2) %}{{ v }}{% endcall %}",
            "{% set m2 = 1 %}{% macro m2() %}M{% endmacro %}{{ m2() }}", "{% macro m() %}{{ caller }}{% endmacro %}{{ m() }}",
            "{% macro m() -%}\n  {{ caller() }}\n{%- endmacro %}{% call m() %}\n x \n{% endcall %}",
            "{% macro m(a) %}{{ a }}{% endmacro %}{{ m(*[1]) }}" if False else "{% macro m(a, a2=a) %}{{ a2 }}{% endmacro %}{{ m(5) }}",
            "{% macro m() %}{{ caller(caller=1) }}{% endmacro %}{% call(caller) m() %}{{ caller }}{% endcall %}"])
    elif k == 6:
        main = "{% extends 'base.html' %}{% block a %}{% extends 'mid.html' %}{% endblock %}" if r.random() < 0.3 else \
            "{% if t %}{% extends 'base.html' %}{% endif %}{% block a %}X{% endblock %}"
    elif k == 7:
        main = "{%% extends %s %%}{%% block a %%}D{%% endblock %%}" % r.choice(
            ["'base.html' if no else 'mid.html'", "['nope.html', 'mid.html']", "none", "1", "l", "missing"])
    elif k == 8:
        files["l3.html"] = "{% extends 'mid.html' %}{% block a %}L3[{{ super() }}]{% endblock %}"
        files["l4.html"] = "{% extends 'l3.html' %}{% block b %}L4{{ super() }}{% endblock %}"
        main = "{% extends 'l4.html' %}" + r.choice(["", "{% block a %}T{{ super() }}{% endblock %}",
                                                     "{% block a %}{{ super.super() }}{% endblock %}" if False else
                                                     "{% block b %}{{ super() }}/{{ self.a() }}{% endblock %}"])
    else:
        main = "{% extends 'base.html' %}{% block it %}{{ loop.index is defined }}{% endblock %}" \
            if r.random() < 0.5 else "{% include 'base.html' %}{% include 'mid.html' %}"
    files["main.html"] = main
    return files, "main.html"


GENERATORS = [("ws2", gen_ws, 4), ("lex", gen_lex, 2), ("err", gen_err, 3), ("filt", gen_filt, 2),
              ("uni", gen_uni, 2), ("inh", gen_inherit, 3)]


def generate(seed, count, modes):
    r = random.Random(seed)
    weighted = [g for g in GENERATORS for _ in range(g[2]) if not modes or g[0] in modes]
    cases = []
    attempts = 0
    while len(cases) < count and attempts < count * 5:
        attempts += 1
        cat, fn, _ = r.choice(weighted)
        made = fn(r)
        files, entry = made[0], made[1]
        ctx = json.loads(json.dumps(base.rand_context(r), sort_keys=True))
        if len(made) > 2:
            ctx.update(made[2])
        options = {"autoescape": r.random() < 0.3, "trim_blocks": r.random() < 0.5,
                   "lstrip_blocks": r.random() < 0.5, "keep_trailing_newline": r.random() < 0.5}
        if any("&#34;" in t for t in files.values()):
            continue
        res = render(files, entry, ctx, options)
        if res is None:
            continue
        c = {"id": "fuzz2/%s-s%d-%05d" % (cat, seed, len(cases)), "files": files, "entry": entry, "context": ctx,
             "options": options}
        c.update(res)
        cases.append(c)
    return cases


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--count", type=int, default=1000)
    ap.add_argument("--mode", default="")
    ap.add_argument("--out", required=True)
    args = ap.parse_args()
    cases = generate(args.seed, args.count, [m for m in args.mode.split(",") if m])
    with open(args.out, "w", encoding="utf-8") as f:
        json.dump({"format": 1, "cases": cases}, f, ensure_ascii=False, indent=1, sort_keys=True)
        f.write("\n")
    errs = sum(1 for c in cases if "expect_error" in c)
    print("wrote %d cases (%d errors) to %s" % (len(cases), errs, args.out), file=sys.stderr)


if __name__ == "__main__":
    main()
