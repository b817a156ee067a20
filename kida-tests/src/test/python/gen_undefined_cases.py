#!/usr/bin/env python3
"""Generates jinja2-extra-undefined.json: conformance cases for Jinja2's four undefined kinds
(Undefined, ChainableUndefined, DebugUndefined, StrictUndefined) across printing, truth, loops,
filters, tests, comparisons, arithmetic, attribute and item access, macros, call blocks,
includes and imports. Every template is rendered once per kind; each case carries
``options.undefined`` with the Jinja2 class name.

Needs python3 with Jinja2 3.1.6 and MarkupSafe 3.0.3 (the oracle). The JSON it writes is the
test data; the build does not run this script. Regenerate with:

    python3 kida-tests/src/test/python/gen_undefined_cases.py
"""
import json
import os
import sys

import jinja2
from jinja2 import (ChainableUndefined, DebugUndefined, DictLoader, Environment, StrictUndefined,
                    Undefined)

from jinja_kinds import kind_of

assert jinja2.__version__ == "3.1.6", jinja2.__version__

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "resources", "conformance",
                   "jinja2-extra-undefined.json")

KINDS = [("Undefined", Undefined), ("ChainableUndefined", ChainableUndefined),
         ("DebugUndefined", DebugUndefined), ("StrictUndefined", StrictUndefined)]

CTX = {"d": {"a": 1, "b": {"c": "<x>"}}, "items": [1, 2, 3], "empty": [], "s": "abc", "n": 5,
       "none": None, "users": [{"name": "ann", "age": 3}, {"name": "bob"}]}

# (category, files-or-template, context, autoescape, extra options)
CASES = []


def case(cat, tpl, ctx=None, ae=False, **opts):
    files = tpl if isinstance(tpl, dict) else {"main.html": tpl}
    CASES.append((cat, files, CTX if ctx is None else ctx, ae, opts))


def many(cat, tpls, ctx=None, ae=False, **opts):
    for t in tpls:
        case(cat, t, ctx, ae, **opts)


many("undefined/print", [
    "[{{ missing }}]",
    "[{{ missing.attr }}]",
    "[{{ missing['key'] }}]",
    "[{{ missing.a.b.c }}]",
    "[{{ missing[0] }}]",
    "[{{ d.zz }}]",
    "[{{ d['zz'] }}]",
    "[{{ d.b.zz }}]",
    "[{{ d.zz.yy }}]",
    "[{{ d.zz['yy'] }}]",
    "[{{ items[7] }}]",
    "[{{ items.zz }}]",
    "[{{ s.zz }}]",
    "[{{ n.zz }}]",
    "[{{ none.zz }}]",
    "[{{ d[missing] }}]",
    "[{{ items[missing] }}]",
    "[{{ missing[1:2] }}]",
    "[{{ missing ~ 'x' }}]",
    "[{{ 'x' ~ missing ~ 'y' }}]",
    "[{{ [missing] }}]",
    "[{{ (missing,) }}]",
    "[{{ {'k': missing} }}]",
    "[{{ missing }}|{{ other }}]",
    "[{{ missing if true }}]",
    "[{{ 'a' if false }}]",
    "[{{ missing or 'fallback' }}]",
    "[{{ missing and 'x' }}]",
    "[{{ not missing }}]",
    "{{ '%s|%s'|format(missing, 1) }}",
    "{{ '{}'.format(missing) }}",
    "{{ 'a%sb' % missing }}",
    "[{{ missing() }}]",
    "[{{ missing.method() }}]",
    "[{{ d.zz() }}]",
    "[{{ -missing }}]",
    "[{{ missing|string }}]",
    "[{{ missing.x|string }}]",
])
many("undefined/print-escaped", [
    "[{{ missing }}]",
    "[{{ d.zz }}]",
    "[{{ d['<zz>'] }}]",
    "[{{ missing.a }}]",
    "[{{ missing|e }}]",
    "[{{ missing|safe }}]",
    "[{{ missing ~ '<b>' }}]",
], ae=True)
many("undefined/truth", [
    "{% if missing %}yes{% else %}no{% endif %}",
    "{% if not missing %}yes{% else %}no{% endif %}",
    "{% if missing.x %}yes{% else %}no{% endif %}",
    "{% if d.zz %}yes{% else %}no{% endif %}",
    "{% if d.zz.yy %}yes{% else %}no{% endif %}",
    "{{ missing is true }}|{{ missing is false }}|{{ missing is none }}",
    "{{ 'y' if missing else 'n' }}",
    "{{ missing|bool if missing is defined else 'skip' }}",
    "{% if missing is defined %}d{% elif missing %}t{% else %}e{% endif %}",
])
many("undefined/defined", [
    "{{ missing is defined }}|{{ missing is undefined }}",
    "{{ d.zz is defined }}|{{ d.a is defined }}|{{ d.zz is undefined }}",
    "{{ missing.x is defined }}",
    "{{ d.zz.yy is defined }}",
    "{{ missing['k'] is undefined }}",
    "{{ missing is none }}|{{ missing is string }}|{{ missing is number }}|{{ missing is mapping }}",
    "{{ missing is iterable }}|{{ missing is sequence }}|{{ missing is callable }}",
    "{{ missing is sameas missing }}",
    "{{ missing is eq missing }}|{{ missing is ne 1 }}",
    "{{ missing is lower }}",
    "{{ missing is divisibleby 2 }}",
    "{{ missing is in [1] }}",
    "{{ 1 is in missing }}",
    "{{ missing is even }}",
    "{{ missing is escaped }}",
    "{{ missing is filter }}|{{ missing is test }}",
])
many("undefined/default", [
    "{{ missing|default('dflt') }}",
    "{{ missing|d('x') }}|{{ d.zz|d('y') }}|{{ d.a|d('z') }}",
    "{{ missing.x|default('dflt') }}",
    "{{ d.zz.yy|default('dflt') }}",
    "{{ missing|default(other) }}",
    "[{{ missing|default(other)|default('two') }}]",
    "{{ missing|default('b', true) }}",
    "{{ missing|default }}|",
    "{{ (missing or none)|default('n', true) }}",
])
many("undefined/loops", [
    "{% for x in missing %}{{ x }}{% endfor %}|",
    "{% for x in missing %}{{ x }}{% else %}empty{% endfor %}",
    "{% for x in d.zz %}{{ x }}{% else %}empty{% endfor %}",
    "{% for x in missing.y %}{{ x }}{% else %}empty{% endfor %}",
    "{% for k, v in missing.items() %}{{ k }}{% else %}empty{% endfor %}",
    "{% for x in missing|list %}{{ x }}{% else %}empty{% endfor %}",
    "{% for x in items %}{{ loop.previtem }}-{{ loop.nextitem }};{% endfor %}",
    "{% for x in items %}[{{ loop.previtem is defined }}]{% endfor %}",
    "{% for x in items %}{{ loop.previtem|default('none') }};{% endfor %}",
    "{% for x in items %}{{ loop.zz }}{% endfor %}",
    "{% for u in users %}{{ u.name }}:{{ u.age }};{% endfor %}",
    "{% for u in users %}{{ u.age|default('?') }};{% endfor %}",
    "{% for u in users if u.age %}{{ u.name }};{% endfor %}",
    "{% for u in users %}{{ u.age > 1 }};{% endfor %}",
    "{% for x in items %}{{ x.zz }};{% endfor %}",
    "{% for x in items %}{{ loop.cycle(missing, 'b') }};{% endfor %}",
    "{{ missing|length }}|{{ missing|count }}",
    "{% for a, b in [(1, missing)] %}{{ a }}{{ b }}{% endfor %}",
    "{% for x in range(missing) %}{{ x }}{% endfor %}",
])
many("undefined/compare", [
    "{{ missing == missing }}",
    "{{ missing == other }}",
    "{{ missing != other }}",
    "{{ missing == none }}|{{ missing != 1 }}",
    "{{ missing == d.zz }}",
    "{{ missing < 1 }}",
    "{{ 1 > missing }}",
    "{{ missing >= missing }}",
    "{{ missing in items }}",
    "{{ 1 in missing }}",
    "{{ 'a' in missing }}",
    "{{ missing in d }}",
    "{{ missing not in 'abc' }}",
    "{{ missing in [none] }}",
    "{{ items.index(missing) if missing in items else 'no' }}",
    "{{ [missing, 1]|unique|list }}",
])
many("undefined/arith", [
    "{{ missing + 1 }}",
    "{{ 1 + missing }}",
    "{{ missing * 2 }}",
    "{{ missing - 1 }}|",
    "{{ missing / 2 }}",
    "{{ missing // 2 }}",
    "{{ missing % 2 }}",
    "{{ missing ** 2 }}",
    "{{ 'ab' * missing }}",
    "{{ [1] + missing }}",
    "{{ +missing }}",
    "{{ d.zz + 1 }}",
    "{{ missing.x + 1 }}",
])
many("undefined/filters", [
    "[{{ missing|upper }}]", "[{{ missing|lower }}]", "[{{ missing|title }}]",
    "[{{ missing|capitalize }}]", "[{{ missing|trim }}]", "[{{ missing|striptags }}]",
    "[{{ missing|escape }}]", "[{{ missing|forceescape }}]", "[{{ missing|urlencode }}]",
    "[{{ missing|replace('a', 'b') }}]", "[{{ missing|truncate(3) }}]",
    "[{{ missing|wordcount }}]", "[{{ missing|center(5) }}]", "[{{ missing|indent }}]",
    "[{{ missing|list }}]", "[{{ missing|join(',') }}]", "[{{ missing|sort }}]",
    "[{{ missing|reverse }}]", "[{{ missing|first }}]", "[{{ missing|last }}]",
    "[{{ missing|length }}]", "[{{ missing|sum }}]", "[{{ missing|min }}]", "[{{ missing|max }}]",
    "[{{ missing|int }}]", "[{{ missing|float }}]", "[{{ missing|abs }}]", "[{{ missing|round }}]",
    "[{{ missing|tojson }}]", "[{{ missing|pprint }}]", "[{{ missing|dictsort }}]",
    "[{{ missing|items|list }}]", "[{{ missing|batch(2)|list }}]", "[{{ missing|slice(2)|list }}]",
    "[{{ missing|map('upper')|list }}]", "[{{ missing|select|list }}]", "[{{ missing|unique|list }}]",
    "[{{ missing|groupby('a')|list }}]", "[{{ missing|attr('x') }}]", "[{{ missing|xmlattr }}]",
    "[{{ missing|wordwrap(3) }}]", "[{{ missing|urlize }}]", "[{{ missing|filesizeformat }}]",
    "[{{ missing|format }}]", "[{{ missing|safe }}]", "[{{ missing|random }}]",
    "[{{ missing|string|length }}]", "[{{ missing|center }}]", "[{{ missing|title|length }}]",
    "[{{ users|map(attribute='age')|list }}]",
    "[{{ users|map(attribute='age', default=0)|list }}]",
    "[{{ users|selectattr('age')|map(attribute='name')|join }}]",
    "[{{ users|rejectattr('age', 'defined')|map(attribute='name')|join }}]",
    "[{{ users|sort(attribute='age')|map(attribute='name')|join }}]",
    "[{{ users|groupby('age')|list }}]",
    "[{{ users|sum(attribute='age') }}]",
    "[{{ users|map(attribute='zz')|join(',') }}]",
    "[{{ [missing, 'a']|join('-') }}]",
    "[{{ [1, missing]|sum }}]",
    "[{{ [missing]|first }}]",
    "[{{ items|join(missing) }}]",
    "[{{ 'abc'|replace(missing, 'x') }}]",
    "[{{ s|truncate(missing) }}]",
    "[{{ d|dictsort|first|last|string }}]",
    "[{{ missing|default([])|length }}]",
])
many("undefined/macros", [
    "{% macro m(a, b) %}[{{ a }}|{{ b }}]{% endmacro %}{{ m(1) }}",
    "{% macro m(a, b) %}{{ b is defined }}{% endmacro %}{{ m(1) }}",
    "{% macro m(a, b) %}{{ b|default('dflt') }}{% endmacro %}{{ m(1) }}",
    "{% macro m(a) %}{{ a.zz }}{% endmacro %}{{ m(d) }}",
    "{% macro m(a=missing) %}[{{ a }}]{% endmacro %}{{ m() }}",
    "{% macro m() %}[{{ caller() }}]{% endmacro %}{{ m() }}",
    "{% macro m() %}{{ caller is defined }}{% endmacro %}{{ m() }}",
    "{% macro m() %}[{{ caller }}]{% endmacro %}{{ m() }}",
    "{% macro m() %}[{{ varargs }}{{ kwargs }}]{% endmacro %}{{ m() }}",
    "{% macro m(a) %}{% for x in a %}{{ x }}{% else %}none{% endfor %}{% endmacro %}{{ m() }}",
    "{% macro m(a) %}{% if a %}t{% else %}f{% endif %}{% endmacro %}{{ m() }}",
    "{% macro m(a) %}{{ a.b }}{% endmacro %}{{ m() }}",
    "{% macro m(x) %}<{{ x }}>{% endmacro %}{% call m(missing) %}body{% endcall %}",
    "{% macro m() %}{{ caller(missing) }}{% endmacro %}{% call(v) m() %}[{{ v }}]{% endcall %}",
    "{% macro m() %}{{ caller() }}{% endmacro %}{% call(v) m() %}[{{ v }}]{% endcall %}",
    "{{ missing_macro() }}",
    "{% set x = missing %}[{{ x }}]",
    "{% set x = missing.y %}[{{ x }}]",
    "{% set x %}{{ missing }}{% endset %}[{{ x }}]",
    "{% with a = missing %}[{{ a }}]{% endwith %}",
    "{% set ns = namespace() %}[{{ ns.zz }}]",
    "{% set ns = namespace(a=missing) %}[{{ ns.a }}]",
])
many("undefined/include", [
    {"main.html": "{% include 'part.html' %}", "part.html": "[{{ missing }}]"},
    {"main.html": "{% set v = missing %}{% include 'part.html' %}", "part.html": "[{{ v }}]"},
    {"main.html": "{% include 'part.html' without context %}", "part.html": "[{{ d }}]"},
    {"main.html": "{% import 'lib.html' as lib %}[{{ lib.zz }}]", "lib.html": "{% macro m() %}{% endmacro %}"},
    {"main.html": "{% import 'lib.html' as lib %}[{{ lib.m(missing) }}]",
     "lib.html": "{% macro m(a) %}<{{ a }}>{% endmacro %}"},
    {"main.html": "{% from 'lib.html' import m %}[{{ m() }}]",
     "lib.html": "{% macro m(a) %}<{{ a }}>{% endmacro %}"},
    {"main.html": "{% extends 'base.html' %}{% block b %}[{{ missing }}]{{ super() }}{% endblock %}",
     "base.html": "{% block b %}({{ d.zz }}){% endblock %}"},
    {"main.html": "{% include missing_name ignore missing %}|"},
    {"main.html": "{% extends 'base.html' %}{% block b %}{{ self.zz }}{% endblock %}",
     "base.html": "{% block b %}{% endblock %}"},
])
many("undefined/chain", [
    "[{{ missing.a.b['c'].d }}]",
    "[{{ missing.a.b is defined }}]",
    "[{{ (missing.a.b or 'x') }}]",
    "[{{ missing.a.b|default('dd') }}]",
    "[{{ missing.a|upper }}]",
    "{% for x in missing.a.b %}{{ x }}{% else %}e{% endfor %}",
    "[{{ d.zz.yy.xx }}]",
    "[{{ d.b.c.zz }}]",
    "[{{ missing.a + 1 }}]",
    "[{{ missing.a() }}]",
    "[{{ missing['a']['b'] }}]",
    "[{{ missing.a == missing.b }}]",
])


def run(files, ctx, ae, undefined):
    ctx = json.loads(json.dumps(ctx, sort_keys=True))
    env = Environment(loader=DictLoader(files), undefined=undefined, autoescape=ae)
    try:
        out = env.get_template("main.html").render(ctx)
    except RecursionError:
        return None
    except Exception as e:  # noqa: BLE001 - every Jinja2 error is data here
        return {"expect_error": kind_of(e)}
    if "0x" in out or "object at" in out:
        return None  # a Python object address: not reproducible
    return {"expect": out.replace("&#34;", "&quot;")}


def main():
    counters = {}
    out = []
    per_kind = {}
    for cat, files, ctx, ae, opts in CASES:
        counters[cat] = counters.get(cat, 0) + 1
        for kname, kcls in KINDS:
            cid = "%s-%s-%03d" % (cat, kname, counters[cat])
            res = run(files, ctx, ae, kcls)
            if res is None:
                continue
            c = {"context": ctx, "entry": "main.html", "files": files, "id": cid,
                 "options": {"autoescape": ae, "keep_trailing_newline": False, "lstrip_blocks": False,
                             "trim_blocks": False, "undefined": kname}}
            c.update(res)
            out.append(c)
            per_kind[kname] = per_kind.get(kname, 0) + 1
    with open(OUT, "w", encoding="utf-8") as f:
        json.dump({"format": 1, "cases": out}, f, ensure_ascii=False, indent=1, sort_keys=True)
        f.write("\n")
    print("wrote %d cases to %s (%s)" % (len(out), OUT, per_kind), file=sys.stderr)


if __name__ == "__main__":
    main()
