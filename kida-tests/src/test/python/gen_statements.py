#!/usr/bin/env python3
"""Generates jinja2-extra-statements.json: conformance cases for statements and template structure.

Needs python3 with Jinja2 3.1.6 and MarkupSafe 3.0.3 (the oracle). CI reads only the JSON:
    python3 kida-tests/src/test/python/gen_statements.py
writes kida-tests/src/test/resources/conformance/jinja2-extra-statements.json.

Each case is rendered by the real Jinja2 with StrictUndefined over a loader of the case's files;
errors are mapped to the corpus' kinds, and where Jinja2 knows the template line of an error it is
stored as "expect_line" (innermost template frame for runtime errors, lineno for syntax errors).
"""
import json
import os
import sys

import jinja2
import markupsafe

assert jinja2.__version__ == "3.1.6", jinja2.__version__

OUT = os.path.join(os.path.dirname(__file__), "..", "resources", "conformance", "jinja2-extra-statements.json")

USERS = [{"active": True, "age": 31, "city": "Paris", "email": "alice@example.com", "name": "alice"},
         {"active": False, "age": 25, "city": "berlin", "name": "Bob", "nick": "bobby"},
         {"active": True, "age": 35, "city": "Paris", "name": "carol"},
         {"active": True, "age": 25, "city": "Berlin", "name": "dave"}]
TREE = [{"children": [{"children": [{"children": [], "name": "a1"},
                                    {"children": [{"children": [], "name": "a2x"}], "name": "a2"}], "name": "a"},
                      {"children": [], "name": "b"}], "name": "root"},
        {"children": [], "name": "solo"}]
PRODUCTS = [{"price": 1.5, "qty": 10, "tags": ["office", "cheap"], "title": "Pen"},
            {"price": 120, "qty": 1, "tags": ["office", "furniture"], "title": "Desk"},
            {"price": 7, "qty": 4, "tags": [], "title": "Mug"}]

INHERIT_FILES = {
    "alt.html": "ALT:{% block body %}{% endblock %}",
    "base.html": "<title>{% block title %}Default{% endblock %}</title><body>{% block body %}BODY{% endblock %}</body>",
    "l1.html": "1{% block b %}L1{% endblock %}",
    "l2.html": "{% extends 'l1.html' %}{% block b %}L2({{ super() }}){% endblock %}",
    "l3.html": "{% extends 'l2.html' %}{% block b %}L3({{ super() }}){% endblock %}",
    "loopbase.html": "{% for i in items %}{% block item scoped %}{{ i }}{% endblock %}{% endfor %}",
    "mac.html": "{% macro em(x) %}<em>{{ x }}</em>{% endmacro %}",
    "mid.html": "{% extends 'base.html' %}{% block title %}Mid-{{ super() }}{% endblock %}",
    "multi.html": "<h1>{% block head %}{% endblock %}</h1>\n<main>\n{% block main %}{% endblock %}\n</main>\n",
    "nested.html": "{% block outer %}<{% block inner %}i{% endblock %}>{% endblock %}",
    "noscope.html": "{% for i in items %}{% block item %}{{ i is defined }}{% endblock %}{% endfor %}",
    "part.html": "<{{ v }}>",
    "req.html": "[{% block content required %}{% endblock %}]",
    "selfref.html": "{% block t %}T{% endblock %}|{{ self.t() }}|{{ self.t() }}",
    "setbase.html": "{% set x = 'base-x' %}[{% block b %}{{ x }}{% endblock %}]",
    "pages/child.html": "{% extends 'base.html' %}{% block title %}{% endblock %}",
}
INCLUDE_FILES = {
    "a.html": "A({% include 'b.html' %})",
    "b.html": "B({% include 'c.html' %})",
    "c.html": "C:{{ title }}",
    "esc.html": "<p>{{ title }}</p>",
    "found.html": "found",
    "header.html": "<h1>{{ title }}</h1>",
    "nl.html": "P\n",
    "probe.html": "{{ title is defined }}",
    "row.html": "<li>{{ item }}</li>",
    "setter.html": "{% set y = 'inner' %}[{{ y }}]",
}
IMPORT_FILES = {
    "ctxmacros.html": "{% macro who() %}{{ user is defined and user or 'nobody' }}{% endmacro %}",
    "forms.html": "{% macro input(name, value='', type='text') %}<input type=\"{{ type }}\" name=\"{{ name }}\" value=\"{{ value|e }}\">{% endmacro %}{% macro label(text) %}<label>{{ text }}</label>{% endmacro %}{% macro field(name) %}{{ label(name|title) }}{{ input(name) }}{% endmacro %}{% set version = '1.2' %}THIS TEXT IS NEVER RENDERED BY IMPORT",
    "lib/util.html": "{% macro dbl(x) %}{{ x * 2 }}{% endmacro %}{% macro _hidden() %}h{% endmacro %}{% set answer = 42 %}",
}
DEEP_FILES = {"e0.html": "<{% block b %}e0{% endblock %}>"}
for _i in range(1, 7):
    DEEP_FILES["e%d.html" % _i] = "{%% extends 'e%d.html' %%}{%% block b %%}e%d{{ super() }}{%% endblock %%}" % (_i - 1, _i)

CASES = []
_counters = {}


def case(cat, main, ctx=None, files=None, entry="main.html", **opts):
    n = _counters.get(cat, 0) + 1
    _counters[cat] = n
    all_files = dict(files or {})
    if main is not None:
        all_files["main.html"] = main
    options = {"autoescape": opts.get("autoescape", False), "trim_blocks": opts.get("trim", False),
               "lstrip_blocks": opts.get("lstrip", False), "keep_trailing_newline": opts.get("keep", False)}
    # the JSON is written with sorted keys: render with the context exactly as the test will read it
    ctx = json.loads(json.dumps(ctx or {}, sort_keys=True))
    CASES.append({"id": "%s-s%03d" % (cat, n), "files": all_files, "entry": entry, "context": ctx,
                  "options": options})


def kind_of(e):
    if isinstance(e, (jinja2.TemplateSyntaxError, jinja2.TemplateAssertionError)):
        return "syntax"
    if isinstance(e, jinja2.UndefinedError):
        return "undefined"
    if isinstance(e, (jinja2.TemplateNotFound, jinja2.TemplatesNotFound)):
        return "notfound"
    if isinstance(e, TypeError):
        return "type"
    return "runtime"


def error_line(e, files):
    if isinstance(e, jinja2.TemplateSyntaxError):
        return e.lineno
    line = None
    tb = e.__traceback__
    while tb is not None:
        if tb.tb_frame.f_code.co_filename in files:
            line = tb.tb_lineno
        tb = tb.tb_next
    return line


def run(c):
    files = c["files"]
    env = jinja2.Environment(
        loader=jinja2.FunctionLoader(lambda n: (files[n], n, lambda: True) if n in files else None),
        undefined=jinja2.StrictUndefined,
        autoescape=c["options"]["autoescape"], trim_blocks=c["options"]["trim_blocks"],
        lstrip_blocks=c["options"]["lstrip_blocks"], keep_trailing_newline=c["options"]["keep_trailing_newline"])
    try:
        out = env.get_template(c["entry"]).render(c["context"])
        if " at 0x" in out:
            return False  # a Python object address: not reproducible
        c["expect"] = out.replace("&#34;", "&quot;")
    except RecursionError:
        return False
    except Exception as e:  # noqa: BLE001 - every error kind is an outcome
        c["expect_error"] = kind_of(e)
        line = error_line(e, files)
        if line:
            c["expect_line"] = line
    return True


# ---------------------------------------------------------------- inherit/extends
def inherit():
    C = "inherit/extends"
    F = INHERIT_FILES
    for m, ctx in [
        ("{% extends 'base.html' %}", {}),
        ("{% extends 'base.html' %}{% block body %}B{% endblock %}", {}),
        ("{% extends 'base.html' %}{% block body %}[{{ super() }}]{% endblock %}{% block title %}{{ super() }}!{% endblock %}", {}),
        ("{% extends 'mid.html' %}", {}),
        ("{% extends 'mid.html' %}{% block title %}Top-{{ super() }}{% endblock %}", {}),
        ("{% extends 'mid.html' %}{% block title %}X{{ super.super() }}{% endblock %}", {}),
        ("{% extends 'l3.html' %}{% block b %}{{ super.super.super() }}{% endblock %}", {}),
        ("{% extends 'l2.html' %}{% block b %}{{ super() }}|{{ super() }}{% endblock %}", {}),
        ("{% extends 'l1.html' %}{% block b %}{{ super.super() }}{% endblock %}", {}),
        ("{% extends 'l1.html' %}{% block b %}{{ super.super }}{% endblock %}", {}),
        ("{% extends 'base.html' %}{% block title %}{{ self.body() }}{% endblock %}{% block body %}BB{% endblock %}", {}),
        ("{% extends 'selfref.html' %}{% block t %}U{% endblock %}", {}),
        ("{% extends 'selfref.html' %}", {}),
        ("{% extends 'loopbase.html' %}{% block item %}<{{ i }}>{% endblock %}", {"items": [1, 2, 3]}),
        ("{% extends 'loopbase.html' %}{% block item %}<{{ super() }}>{% endblock %}", {"items": ["a", "b"]}),
        ("{% extends 'loopbase.html' %}", {"items": [1, 2]}),
        ("{% extends 'noscope.html' %}", {"items": [1, 2]}),
        ("{% extends 'noscope.html' %}{% block item %}{{ i }}{% endblock %}", {"items": [1, 2]}),
        ("{% extends 'noscope.html' %}{% block item %}[{{ items|length }}]{% endblock %}", {"items": [1, 2]}),
        ("{% extends 'req.html' %}", {}),
        ("{% extends 'req.html' %}{% block content %}C{% endblock %}", {}),
        ("{% extends 'req.html' %}{% block content %}{% endblock %}", {}),
        ("{% extends 'nested.html' %}{% block inner %}J{{ super() }}{% endblock %}", {}),
        ("{% extends 'nested.html' %}{% block outer %}O{% endblock %}{% block inner %}never{% endblock %}", {}),
        ("{% extends 'nested.html' %}{% block outer %}{{ super() }}{{ self.inner() }}{% endblock %}", {}),
        ("{% extends 'setbase.html' %}", {}),
        ("{% extends 'setbase.html' %}{% block b %}{{ x }}!{% endblock %}", {}),
        ("{% extends 'setbase.html' %}{% set x = 'child-x' %}", {}),
        ("{% extends 'setbase.html' %}{% set x = 'child-x' %}{% block b %}{{ x }}{% endblock %}", {}),
        ("{% set y = 'Y' %}{% extends 'base.html' %}{% block body %}{{ y }}{% endblock %}", {}),
        ("{% extends 'base.html' %}{% set y = 'Y' %}{% block body %}{{ y }}{% endblock %}", {}),
        ("{% extends 'base.html' %}{% block body %}{% set z = 1 %}{{ z }}{% endblock %}{% block title %}{{ z is defined }}{% endblock %}", {}),
        ("{% extends 'base.html' %}{% import 'mac.html' as m %}{% block body %}{{ m.em('x') }}{% endblock %}", {}),
        ("{% extends 'base.html' %}{% from 'mac.html' import em %}{% block body %}{{ em('y') }}{% endblock %}", {}),
        ("{% extends 'base.html' %}{% block body %}{% include 'part.html' %}{% endblock %}", {"v": "V"}),
        ("{% extends 'base.html' %}{% block body %}{% for v in [1, 2] %}{% include 'part.html' %}{% endfor %}{% endblock %}", {}),
        ("{% extends 'multi.html' %}{% block head %}H{% endblock %}{% block main %}M{% endblock %}", {}),
        ("{% extends 'multi.html' %}", {}),
        ("{% extends 'multi.html' %}{% block main %}\n  body\n{% endblock %}", {}),
        ("{% extends 'pages/child.html' %}{% block body %}deep{% endblock %}", {}),
        ("{% extends 'pages/child.html' %}{% block title %}{{ super() }}restored{% endblock %}", {}),
        ("{% extends layout %}", {"layout": "base.html"}),
        ("{% extends layout %}{% block b %}x{{ super() }}{% endblock %}", {"layout": "l2.html"}),
        ("{% extends layouts[1] %}{% block body %}!{% endblock %}", {"layouts": ["base.html", "alt.html"]}),
        ("{% extends 'alt' ~ '.html' %}{% block body %}concat{% endblock %}", {}),
        ("{% if alt %}{% extends 'alt.html' %}{% else %}{% extends 'base.html' %}{% endif %}{% block body %}D{% endblock %}", {"alt": True}),
        ("{% if alt %}{% extends 'alt.html' %}{% else %}{% extends 'base.html' %}{% endif %}{% block body %}D{% endblock %}", {"alt": False}),
        ("{% if alt %}{% extends 'alt.html' %}{% endif %}{% block body %}D{% endblock %}", {"alt": False}),
        ("{% if alt %}{% extends 'alt.html' %}{% endif %}{% block body %}D{% endblock %}", {"alt": True}),
        ("before{% extends 'alt.html' %}after{% block body %}B{% endblock %}", {}),
        ("{{ 'out' }}{% extends 'alt.html' %}{% block body %}B{% endblock %}", {}),
        ("{% extends 'alt.html' %}{% extends 'base.html' %}", {}),
        ("{% extends 'missing.html' %}", {}),
        ("{% extends 'base.html' %}{% block body %}1{% endblock %}{% block body %}2{% endblock %}", {}),
        ("{% block a %}A{% endblock %}{% block a %}B{% endblock %}", {}),
        ("{% block a %}A{% endblock a %}|{% block b %}B{% endblock b %}", {}),
        ("{% block a %}A{% endblock b %}", {}),
        ("{% block a %}<{% block b %}B{% endblock %}>{% endblock %}|{{ self.b() }}", {}),
        ("{% block a %}{{ super() }}{% endblock %}", {}),
        ("{% block title %}direct{% endblock %}", {}),
        ("{% for i in [1, 2] %}{% block x %}{{ i is defined }}{% endblock %}{% endfor %}", {}),
        ("{% for i in [1, 2] %}{% block x scoped %}{{ i }}{% endblock %}{% endfor %}", {}),
        ("{% set g = 'G' %}{% block x %}{{ g }}{% endblock %}", {}),
        ("{% with w = 'W' %}{% block x %}{{ w is defined }}{% endblock %}{% endwith %}", {}),
        ("{% with w = 'W' %}{% block x scoped %}{{ w }}{% endblock %}{% endwith %}", {}),
        ("{% macro m() %}{% block x %}{% endblock %}{% endmacro %}", {}),
        ("{% block x required %}{% endblock %}", {}),
        ("{% extends 'base.html' %}{% block body required %}{% endblock %}", {}),
        ("{% block x required %}text{% endblock %}", {}),
        ("{% block x scoped required %}{% endblock %}", {}),
        ("{% extends 'base.html' %}{% block title %}{{ title|upper }}{% endblock %}", {"title": "ctx"}),
        ("{% extends 'base.html' %}{% block title %}{% for u in users %}{{ loop.index }}{% endfor %}{% endblock %}", {"users": USERS}),
        ("{% extends 'base.html' %}{% macro m() %}mm{% endmacro %}{% block body %}{{ m() }}{% endblock %}", {}),
        ("{% extends 'base.html' %}{% block body %}{% block extra %}E{% endblock %}{% endblock %}", {}),
        ("{% extends 'base.html' %}{% block title %}{{ self.title is defined }}{% endblock %}", {}),
        ("{% extends 'base.html' %}{% block body %}{{ super }}{% endblock %}", {}),
        ("{% extends 'l3.html' %}{% block b %}{{ self.b is defined }}{% endblock %}", {}),
        ("{% extends none %}", {}),
        ("{% extends 42 %}", {}),
        ("{% extends missing %}", {}),
        ("{% extends ['nope.html', 'alt.html'] %}{% block body %}L{% endblock %}", {}),
        ("{% extends 'base.html' %}\n\n{% block body %}\nX\n{% endblock %}\n", {}),
        ("{% extends 'base.html' %}{% block body %}{{ varied }}{% endblock %}", {}),
        ("{% extends 'base.html' %}{% block body %}{{ 1/0 }}{% endblock %}", {}),
        ("{% extends 'base.html' %}{{ notrendered.x }}{% block body %}ok{% endblock %}", {}),
        ("{% extends 'alt.html' %}{% block body %}{% call outer() %}c{% endcall %}{% endblock %}{% macro outer() %}[{{ caller() }}]{% endmacro %}", {}),
    ]:
        case(C, m, ctx, F)
    # templates of their own
    case(C, "{% extends 'b2.html' %}{% block x %}{{ super() }}+{{ v }}{% endblock %}", {"v": 1},
         {"b2.html": "{% for v in [7, 8] %}{% block x scoped %}{{ v }}{% endblock %}{% endfor %}"})
    case(C, "{% extends 'b2.html' %}{% block x %}{{ loop.index }}{% endblock %}", {},
         {"b2.html": "{% for v in [7, 8] %}{% block x scoped %}{{ v }}{% endblock %}{% endfor %}"})
    case(C, "{% extends 'b2.html' %}{% block x %}{{ loop.index }}{% endblock %}", {},
         {"b2.html": "{% for v in [7, 8] %}{% block x %}{{ v }}{% endblock %}{% endfor %}"})
    case(C, "{% extends 'b2.html' %}{% block c %}child{% endblock %}", {},
         {"b2.html": "{% macro m() %}[{{ self.c() }}]{% endmacro %}{% block c %}base{% endblock %}{{ m() }}"})
    case(C, "{% extends 'b2.html' %}{% block c %}{{ super() }}+{% endblock %}", {},
         {"b2.html": "{% block c %}{% for i in range(2) %}{{ i }}{% endfor %}{% endblock %}"})
    case(C, "{% extends 'b2.html' %}", {"t": "<x>"},
         {"b2.html": "{% block c %}{{ t }}{% endblock %}|{{ t }}"}, autoescape=True)
    case(C, "{% extends 'b2.html' %}{% block c %}{{ t }}{% endblock %}", {"t": "<x>"},
         {"b2.html": "{% block c %}{% endblock %}"}, autoescape=True)
    case(C, "{% extends 'b2.html' %}{% block c %}\n  child\n{% endblock %}", {},
         {"b2.html": "<div>\n  {% block c %}\n  base\n  {% endblock %}\n</div>\n"}, trim=True, lstrip=True)
    case(C, "{% extends 'b2.html' %}{% block c %}\n  child\n{% endblock %}", {},
         {"b2.html": "<div>\n  {% block c %}\n  base\n  {% endblock %}\n</div>\n"}, keep=True)
    case(C, "{% extends 'b2.html' %}{% block c -%}\n  child\n{%- endblock %}", {},
         {"b2.html": "<{% block c %}{% endblock %}>"})
    case(C, "{% extends 'b2.html' %}{% block c %}{% set n = n + 1 %}{{ n }}{% endblock %}", {"n": 1},
         {"b2.html": "{% set n = 10 %}{% block c %}{% endblock %}{{ n }}"})
    case(C, "{% extends 'b2.html' %}{% block c %}{{ n }}{% endblock %}", {"n": 1},
         {"b2.html": "{% set n = 10 %}{% block c %}{% endblock %}"})
    case(C, "{% extends 'b2.html' %}{% block c %}{{ n }}{% endblock %}", {"n": 1},
         {"b2.html": "{% for n in [5] %}{% block c %}{% endblock %}{% endfor %}"})
    case(C, None, {}, {"b2.html": "{% block c %}B{% endblock %}", "mid2.html": "{% extends 'b2.html' %}",
                        "main.html": "{% extends 'mid2.html' %}{% block c %}<{{ super() }}>{% endblock %}"})
    case(C, None, {}, {"b2.html": "{% block c %}B{% endblock %}", "mid2.html": "{% extends 'b2.html' %}{% block d %}never{% endblock %}",
                        "main.html": "{% extends 'mid2.html' %}{% block d %}D{% endblock %}"})
    case(C, None, {}, {"b2.html": "{% block c %}B{% block d %}d{% endblock %}{% endblock %}", "mid2.html": "{% extends 'b2.html' %}{% block c %}M{{ super() }}{% endblock %}",
                        "main.html": "{% extends 'mid2.html' %}{% block d %}D{% endblock %}"})
    case(C, None, {}, {"b2.html": "[{% block c %}{% endblock %}]", "main.html": "{% include 'child2.html' %}|{% include 'child2.html' %}",
                        "child2.html": "{% extends 'b2.html' %}{% block c %}in{% endblock %}"})
    case(C, None, {"k": "v"}, {"b2.html": "{{ k }}{% block c %}{% endblock %}", "main.html": "{% extends 'b2.html' %}{% block c %}:{{ k }}{% endblock %}"})


# ---------------------------------------------------------------- include/basic
def include():
    C = "include/basic"
    F = INCLUDE_FILES
    for m, ctx in [
        ("{% include 'header.html' %}", {"title": "T"}),
        ("{% include 'header.html' %}", {}),
        ("{% include 'esc.html' %}", {"title": "<b>"}),
        ("{% include 'a.html' %}", {"title": "deep"}),
        ("{% include 'probe.html' without context %}", {"title": "T"}),
        ("{% include 'probe.html' %}", {}),
        ("{% set title = 'local' %}{% include 'header.html' %}", {}),
        ("{% set title = 'local' %}{% include 'header.html' without context %}", {}),
        ("{% for title in ['x', 'y'] %}{% include 'header.html' %}{% endfor %}", {}),
        ("{% for item in xs %}{% include 'row.html' without context %}{% endfor %}", {"xs": [1]}),
        ("{% with item = 'w' %}{% include 'row.html' %}{% endwith %}", {}),
        ("{% macro m(item) %}{% include 'row.html' %}{% endmacro %}{{ m('arg') }}", {}),
        ("{% include 'missing.html' %}", {}),
        ("{% include 'missing.html' ignore missing %}|", {}),
        ("{% include 'found.html' ignore missing %}", {}),
        ("{% include ['missing.html', 'other.html'] %}", {}),
        ("{% include ['missing.html', 'other.html'] ignore missing %}E", {}),
        ("{% include ['found.html', 'nl.html'] %}", {}),
        ("{% include names %}", {"names": ["x.html", "found.html"]}),
        ("{% include names %}", {"names": []}),
        ("{% include partial ignore missing %}ok", {"partial": "nope.html"}),
        ("{% include partial %}", {}),
        ("{% include none %}", {}),
        ("{% include 'setter.html' %}{% include 'setter.html' %}", {}),
        ("{% set y = 'outer' %}{% include 'setter.html' %}{{ y }}", {}),
        ("{% include 'nl.html' %}{% include 'nl.html' %}", {}),
        ("{% include 'nl.html' %}", {}),
        ("{% include 'found.html' ignore missing with context %}", {}),
        ("{% include 'probe.html' ignore missing without context %}", {"title": 1}),
        ("{% include 'found' ~ '.html' %}", {}),
        ("{% for t in ['found.html', 'nl.html'] %}{% include t %};{% endfor %}", {}),
        ("{% for item in xs %}{% if loop.first %}{% include 'row.html' %}{% endif %}{% endfor %}", {"xs": ["f", "g"]}),
        ("{% for x in xs %}{% set item = x * 2 %}{% include 'row.html' %}{% endfor %}", {"xs": [1, 2]}),
        ("<{% include 'header.html' %}>", {"title": "<&>"}),
        ("{% include 'esc.html' %}", {"title": "<b>"}),
        ("{% filter upper %}{% include 'header.html' %}{% endfilter %}", {"title": "t"}),
        ("{% set x %}{% include 'found.html' %}{% endset %}[{{ x }}]", {}),
        ("{% include 'found.html' with context %}{% include 'found.html' without context %}", {}),
        ("{% include %}", {}),
        ("{% include 'found.html' with %}", {}),
        ("{% include 'found.html' ignore %}", {}),
        ("{% for item in xs %}{% include 'row.html' %}{% else %}none{% endfor %}", {"xs": []}),
        ("{% for title in ['1', '2'] %}{% include 'a.html' %}{% endfor %}", {}),
    ]:
        auto = m.startswith("<{") or m == "{% include 'esc.html' %}" and "title" in ctx and ctx["title"] == "<b>" and False
        case(C, m, ctx, F, autoescape=auto)
    case(C, "{% include 'esc.html' %}", {"title": "<b>"}, F, autoescape=True)
    case(C, "{% include 'inc.html' %}|{{ counter }}", {"counter": 0},
         {"inc.html": "{% set counter = counter + 1 %}{{ counter }}"})
    case(C, "{% include 'inc.html' %}", {},
         {"inc.html": "{% macro m() %}M{% endmacro %}{{ m() }}"})
    case(C, "{% include 'inc.html' %}{{ m is defined }}", {},
         {"inc.html": "{% macro m() %}M{% endmacro %}"})
    case(C, "{% include 'inc.html' %}", {"v": "<i>"},
         {"inc.html": "{% autoescape false %}{{ v }}{% endautoescape %}{{ v }}"}, autoescape=True)
    case(C, "A\n{% include 'inc.html' %}\nB", {},
         {"inc.html": "  line\n"}, trim=True, lstrip=True)
    case(C, "A\n{% include 'inc.html' %}\nB", {},
         {"inc.html": "x\n\n"}, keep=True)
    case(C, "{% include 'inc.html' %}", {},
         {"inc.html": "{% extends 'b.html' %}{% block c %}inc{% endblock %}", "b.html": "<{% block c %}{% endblock %}>"})
    case(C, "{% include 'inc.html' %}", {},
         {"inc.html": "{% include 'inc.html' if false else 'leaf.html' %}", "leaf.html": "leaf"})
    case(C, "{% include 'inc.html' %}", {},
         {"inc.html": "{{ 1 + }}"})
    case(C, "{% include 'inc.html' %}", {},
         {"inc.html": "ok\n{{ nope }}"})
    case(C, "{% include 'inc.html' %}", {"items": [1, 2]},
         {"inc.html": "{% for i in items %}{{ loop.index }}{% endfor %}"})
    case(C, "{% for i in [1, 2] %}{% include 'inc.html' %}{% endfor %}", {},
         {"inc.html": "{{ loop.index }}:{{ i }};"})
    case(C, "{% for a in [1] %}{% for b in [2] %}{% include 'inc.html' %}{% endfor %}{% endfor %}", {},
         {"inc.html": "{{ a }}{{ b }}{{ loop.depth }}"})
    case(C, "{% set ns = namespace(v=1) %}{% include 'inc.html' %}{{ ns.v }}", {},
         {"inc.html": "{% set ns.v = 2 %}"})


# ---------------------------------------------------------------- import/macro
def imports():
    C = "import/macro"
    F = IMPORT_FILES
    for m, ctx in [
        ("{% import 'forms.html' as f %}{{ f.label('x') }}", {}),
        ("{% import 'forms.html' as f %}{{ f.input('n') }}", {}),
        ("{% from 'forms.html' import input, label %}{{ label('L') }}{{ input('i', 'v') }}", {}),
        ("{% from 'forms.html' import input as inp, label as lab %}{{ lab('a') }}{{ inp('b') }}", {}),
        ("{% from 'forms.html' import label as l, version %}{{ l(version) }}", {}),
        ("{% from 'forms.html' import missing %}", {}),
        ("{% from 'forms.html' import missing %}{{ missing }}", {}),
        ("{% from 'forms.html' import missing %}{{ missing is defined }}", {}),
        ("{% import 'forms.html' as f %}{{ f.missing }}", {}),
        ("{% import 'forms.html' as f %}{{ f.missing is defined }}|{{ f.label is defined }}", {}),
        ("{% import 'lib/util.html' as u %}{{ u.dbl(21) }}|{{ u.answer }}", {}),
        ("{% import 'lib/util.html' as u %}{{ u._hidden() }}", {}),
        ("{% import 'lib/util.html' as u %}{{ u._hidden is defined }}", {}),
        ("{% from 'lib/util.html' import _hidden %}", {}),
        ("{% from 'lib/util.html' import dbl, _hidden as h %}", {}),
        ("{% from 'lib/util.html' import dbl %}{{ dbl('ab') }}", {}),
        ("{% from 'lib/util.html' import answer %}{{ answer + 1 }}", {}),
        ("{% import 'ctxmacros.html' as c %}{{ c.who() }}", {"user": "ann"}),
        ("{% import 'ctxmacros.html' as c with context %}{{ c.who() }}", {"user": "ann"}),
        ("{% import 'ctxmacros.html' as c without context %}{{ c.who() }}", {"user": "ann"}),
        ("{% from 'ctxmacros.html' import who %}{{ who() }}", {"user": "ann"}),
        ("{% from 'ctxmacros.html' import who without context %}{{ who() }}", {"user": "ann"}),
        ("{% set user = 'local' %}{% from 'ctxmacros.html' import who with context %}{{ who() }}", {}),
        ("{% set user = 'local' %}{% import 'ctxmacros.html' as c with context %}{{ c.who() }}", {"user": "ctx"}),
        ("{% import 'missing.html' as m %}", {}),
        ("{% from 'missing.html' import x %}", {}),
        ("{% import lib as u %}{{ u.answer }}", {"lib": "lib/util.html"}),
        ("{% import 'forms.html' as f %}{{ f }}", {}),
        ("{% import 'forms.html' as f %}{{ f.label }}", {}),
        ("{% import 'forms.html' as f %}{{ f.label.name }}|{{ f.input.arguments }}", {}),
        ("{% from 'forms.html' import input %}{{ input.name }}|{{ input.arguments }}|{{ input.catch_kwargs }}|{{ input.catch_varargs }}|{{ input.caller }}", {}),
        ("{% import 'forms.html' as f %}{{ f.input('n', type='password') }}", {}),
        ("{% import 'forms.html' as f %}{{ f.input('n', 'v', 'hidden', 'extra') }}", {}),
        ("{% import 'forms.html' as f %}{{ f.input('n', bogus=1) }}", {}),
        ("{% import 'forms.html' as f %}{{ f.input() }}", {}),
        ("{% import 'forms.html' as f %}{{ f.input('a', name='b') }}", {}),
        ("{% import 'forms.html' as f %}{% import 'forms.html' as g %}{{ f.version == g.version }}", {}),
        ("{% for i in [1, 2] %}{% import 'lib/util.html' as u %}{{ u.dbl(i) }}{% endfor %}", {}),
        ("{% if true %}{% from 'lib/util.html' import dbl %}{% endif %}{{ dbl(2) }}", {}),
        ("{% macro w() %}{% from 'lib/util.html' import dbl %}{{ dbl(5) }}{% endmacro %}{{ w() }}", {}),
        ("{% from 'forms.html' import input, %}{{ input('x') }}", {}),
        ("{% from 'forms.html' import (input) %}", {}),
        ("{% from 'forms.html' import %}", {}),
        ("{% import 'forms.html' %}", {}),
        ("{% import 'forms.html' as %}", {}),
        ("{% from 'forms.html' import input as %}", {}),
        ("{% import 'forms.html' as f %}{% call f.label('x') %}ignored{% endcall %}", {}),
        ("{% import 'forms.html' as f %}{{ f.field('user name') }}", {}),
        ("{% from 'forms.html' import field %}{{ field('q') }}", {}),
    ]:
        case(C, m, ctx, F)
    case(C, "{% import 'forms.html' as f %}{{ f.input('q', '\"<&>') }}", {}, F, autoescape=True)
    case(C, "{% import 'forms.html' as f %}{{ f.label('<b>') }}", {}, F, autoescape=True)
    case(C, "{% import 'forms.html' as f %}{{ f.label('<b>') }}", {}, F, autoescape=False)
    case(C, "{% from 'm.html' import a %}{{ a() }}", {},
         {"m.html": "{% macro a() %}A{{ b() }}{% endmacro %}{% macro b() %}B{% endmacro %}"})
    case(C, "{% from 'm.html' import a %}{{ a() }}", {"g": "ctx"},
         {"m.html": "{% set g = 'mod' %}{% macro a() %}{{ g }}{% endmacro %}"})
    case(C, "{% from 'm.html' import a with context %}{{ a() }}", {"g": "ctx"},
         {"m.html": "{% macro a() %}{{ g }}{% endmacro %}"})
    case(C, "{% import 'm.html' as m %}{{ m.count }}", {},
         {"m.html": "{% set count = 0 %}{% for i in range(3) %}{% set count = count + i %}{% endfor %}"})
    case(C, "{% import 'm.html' as m %}{{ m.ns.v }}", {},
         {"m.html": "{% set ns = namespace(v=0) %}{% for i in range(3) %}{% set ns.v = ns.v + i %}{% endfor %}"})
    case(C, "{% import 'm.html' as m %}{{ m.x }}", {},
         {"m.html": "{% if true %}{% set x = 'cond' %}{% endif %}"})
    case(C, "{% import 'm.html' as m %}{{ m.y is defined }}", {},
         {"m.html": "{% for i in [1] %}{% set y = i %}{% endfor %}"})
    case(C, "{% import 'm.html' as m %}{{ m.z }}", {},
         {"m.html": "{% set z %}block {{ 1 + 1 }}{% endset %}"})
    case(C, "{% import 'm.html' as m %}[{{ m.a() }}]", {},
         {"m.html": "{% macro a() %}\n  text\n{% endmacro %}"}, trim=True, lstrip=True)
    case(C, "{% import 'm.html' as m %}{{ m.x }}", {},
         {"m.html": "{% extends 'b.html' %}{% set x = 1 %}", "b.html": "{% set x = 2 %}"})
    case(C, "{% import 'm.html' as m %}{{ m.a() }}", {},
         {"m.html": "{% import 'n.html' as n %}{% macro a() %}{{ n.b() }}{% endmacro %}", "n.html": "{% macro b() %}nb{% endmacro %}"})
    case(C, "{% import 'm.html' as m %}{{ m.n.b() }}", {},
         {"m.html": "{% import 'n.html' as n %}", "n.html": "{% macro b() %}nb{% endmacro %}"})
    case(C, "{% import 'm.html' as m %}ok", {},
         {"m.html": "{{ undefined_here }}"})
    case(C, "{% import 'm.html' as m %}ok", {},
         {"m.html": "{% include 'gone.html' %}"})
    case(C, "{% import 'm.html' as m %}{{ m.f() }}", {},
         {"m.html": "{% macro f() %}{{ caller is defined }}{% endmacro %}"})


# ---------------------------------------------------------------- macros/macro
def macros():
    C = "macros/macro"
    for m, ctx in [
        ("{% macro m(a, b=a, c=b ~ '!') %}{{ a }}{{ b }}{{ c }}{% endmacro %}{{ m(1) }}|{{ m(1, 2) }}|{{ m(1, c=0) }}", {}),
        ("{% macro m(a=1, b) %}{% endmacro %}", {}),
        ("{% macro m(a, a) %}{% endmacro %}", {}),
        ("{% macro m(a) %}{{ varargs }}|{{ kwargs }}{% endmacro %}{{ m(1, 2, 3, x=4) }}", {}),
        ("{% macro m() %}{{ varargs|join(',') }}{% endmacro %}{{ m(1, 2) }}|{{ m() }}", {}),
        ("{% macro m() %}{{ kwargs|dictsort }}{% endmacro %}{{ m(b=2, a=1) }}", {}),
        ("{% macro m(a) %}{{ a }}{% endmacro %}{{ m(1, b=2) }}", {}),
        ("{% macro m(a) %}{{ a }}{{ kwargs }}{% endmacro %}{{ m(1, b=2) }}", {}),
        ("{% macro m(a) %}{{ a }}{% endmacro %}{{ m() }}", {}),
        ("{% macro m(a) %}{{ a is defined }}{% endmacro %}{{ m() }}", {}),
        ("{% macro m(a) %}{% if a is defined %}{{ a }}{% else %}none{% endif %}{% endmacro %}{{ m() }}|{{ m(0) }}", {}),
        ("{% macro m(a) %}{{ a }}{% endmacro %}{{ m(a=1, a=2) }}", {}),
        ("{% macro m(a) %}{{ a }}{% endmacro %}{{ m(1, a=2) }}", {}),
        ("{% macro m(a, b) %}{{ a }}{{ b }}{{ varargs }}{% endmacro %}{{ m(*[1, 2, 3]) }}", {}),
        ("{% macro m(a, b) %}{{ a }}{{ b }}{% endmacro %}{{ m(**{'b': 2, 'a': 1}) }}", {}),
        ("{% macro m(a, b) %}{{ a }}{{ b }}{% endmacro %}{{ m(1, **{'b': 2}) }}", {}),
        ("{% macro fact(n) %}{% if n <= 1 %}1{% else %}{{ n * fact(n - 1)|int }}{% endif %}{% endmacro %}{{ fact(6) }}", {}),
        ("{% macro count(n) %}{{ n }}{% if n > 0 %},{{ count(n - 1) }}{% endif %}{% endmacro %}{{ count(5) }}", {}),
        ("{% macro outer() %}{% macro inner() %}in{% endmacro %}[{{ inner() }}]{% endmacro %}{{ outer() }}", {}),
        ("{% macro outer() %}{% macro inner() %}in{% endmacro %}{% endmacro %}{{ outer() }}{{ inner is defined }}", {}),
        ("{% macro outer(x) %}{% macro inner() %}{{ x }}{% endmacro %}{{ inner() }}{% endmacro %}{{ outer(7) }}", {}),
        ("{% macro m() %}{{ x }}{% endmacro %}{% set x = 'late' %}{{ m() }}", {}),
        ("{% macro m() %}{{ x }}{% endmacro %}{{ m() }}{% set x = 'late' %}", {}),
        ("{% macro m() %}{{ x }}{% endmacro %}{% for x in [1, 2] %}{{ m() }}{% endfor %}", {"x": "g"}),
        ("{% for x in [1, 2] %}{% macro m() %}{{ x }}{% endmacro %}{{ m() }}{% endfor %}", {}),
        ("{% macro m() %}{% set x = 'in' %}{{ x }}{% endmacro %}{% set x = 'out' %}{{ m() }}{{ x }}", {}),
        ("{% macro m() %}{{ m.name }}{% endmacro %}{{ m() }}|{{ m.name }}|{{ m.arguments }}", {}),
        ("{% macro m(a, b=1) %}{% endmacro %}{{ m.arguments }}|{{ m.catch_kwargs }}|{{ m.catch_varargs }}|{{ m.caller }}", {}),
        ("{% macro m() %}{{ varargs }}{{ kwargs }}{% endmacro %}{{ m.catch_kwargs }}{{ m.catch_varargs }}", {}),
        ("{% macro m() %}{{ caller() }}{% endmacro %}{{ m.caller }}", {}),
        ("{% macro m() %}{% endmacro %}{{ m }}", {}),
        ("{% macro m() %}x{% endmacro %}{{ m()|length }}|{{ m() ~ m() }}|{{ m()|upper }}", {}),
        ("{% macro m() %}<b>{% endmacro %}{{ m() }}|{{ m()|e }}|{{ m()|safe }}", {}),
        ("{% macro m(t) %}{{ t }}{% endmacro %}{{ m('<i>') }}|{{ m('<i>'|safe) }}", {}),
        ("{% macro m(t) %}<p>{{ t }}</p>{% endmacro %}{{ m('a&b') }}{% set s = m('<') %}{{ s }}", {}),
        ("{% macro m() %}{{ caller() }}{% endmacro %}{{ m() }}", {}),
        ("{% macro m() %}{{ caller is defined }}{% endmacro %}{{ m() }}", {}),
        ("{% macro m(a) %}{{ a }}{% endmacro %}{{ m }}", {}),
        ("{% macro m(a) -%}\n  {{ a }}\n{%- endmacro %}[{{ m(1) }}]", {}),
        ("{% macro m(a) %}\n  {{ a }}\n{% endmacro %}[{{ m(1) }}]", {}),
        ("{% macro m() %}{% endmacro %}[{{ m() }}]", {}),
        ("{% macro m() %}{{ 1/0 }}{% endmacro %}{{ m() }}", {}),
        ("{% macro m() %}ok{% endmacro %}{{ m(1) }}", {}),
        ("{% macro m() %}{{ varargs }}{% endmacro %}{{ m(x=1) }}", {}),
        ("{% macro m(a, b=2) %}{{ a }}{{ b }}{% endmacro %}{{ m(b=1) }}", {}),
        ("{% macro %}{% endmacro %}", {}),
        ("{% macro m( %}{% endmacro %}", {}),
        ("{% macro m() %}", {}),
        ("{% macro m(1) %}{% endmacro %}", {}),
        ("{% macro m(a.b) %}{% endmacro %}", {}),
        ("{% macro m() %}{% endmacro m %}", {}),
        ("{% macro m() %}{% endmacro n %}", {}),
        ("{% macro m(x) %}{{ x }}{% endmacro %}{{ m(x=[1, 2]|sum) }}", {}),
        ("{% macro m(x) %}{% for i in x %}{{ loop.index }}{% endfor %}{% endmacro %}{% for y in [1] %}{{ m([7, 8]) }}{{ loop.index }}{% endfor %}", {}),
        ("{% macro m() %}{{ loop.index }}{% endmacro %}{% for y in [1] %}{{ m() }}{% endfor %}", {}),
        ("{% macro m(n) %}{{ n }}{% endmacro %}{{ [1, 2]|map('string')|join }}{% set f = m %}{{ f(3) }}", {}),
        ("{% macro m(v) %}{{ v }}{% endmacro %}{% set ms = [m] %}{{ ms[0]('x') }}", {}),
        ("{% macro m(caller) %}{{ caller }}{% endmacro %}{{ m(1) }}", {}),
        ("{% macro m() %}{{ kwargs.a }}{% endmacro %}{{ m(a=1) }}", {}),
        ("{% macro m(a, b) %}{{ a }}-{{ b }}{% endmacro %}{{ m(b=2, a=1) }}", {}),
        ("{% macro a() %}A{{ b() }}{% endmacro %}{% macro b() %}B{% endmacro %}{{ a() }}", {}),
        ("{% macro m(users) %}{% for u in users if u.active %}{{ u.name }} {% endfor %}{% endmacro %}{{ m(users) }}", {"users": USERS}),
        ("{% set x = 1 %}{% macro m(x=x + 1) %}{{ x }}{% endmacro %}{{ m() }}", {}),
        ("{% macro m(x=y) %}{{ x }}{% endmacro %}{{ m() }}", {"y": "ctx"}),
        ("{% macro m(x=y) %}{{ x }}{% endmacro %}{{ m(1) }}", {}),
        ("{% macro m(x=y) %}{{ x }}{% endmacro %}{{ m() }}", {}),
    ]:
        case(C, m, ctx)
    for m in ["{% macro m(t) %}<p>{{ t }}</p>{% endmacro %}{{ m('a&b') }}|{{ m(m('<')) }}",
              "{% macro m() %}<b>{% endmacro %}{{ m() }}|{{ m()|e }}|{{ m()|upper }}|{{ m() ~ '<' }}",
              "{% macro m() %}{{ varargs|join('<') }}{% endmacro %}{{ m('&', '>') }}",
              "{% macro m() %}{{ caller() }}{% endmacro %}{% call m() %}<{{ '&' }}>{% endcall %}",
              "{% macro m() %}x{% endmacro %}{% set s = m() %}{{ s }}|{{ s|length }}|{{ s is string }}",
              "{% macro m() %}{{ kwargs }}{% endmacro %}{{ m(a='<') }}"]:
        case(C, m, {}, autoescape=True)


# ---------------------------------------------------------------- call/block
def calls():
    C = "call/block"
    for m, ctx in [
        ("{% macro m() %}[{{ caller() }}]{% endmacro %}{% call m() %}x{% endcall %}", {}),
        ("{% macro m() %}[{{ caller() }}{{ caller() }}]{% endmacro %}{% call m() %}x{% endcall %}", {}),
        ("{% macro m(n) %}{% for i in range(n) %}{{ caller(i) }}{% endfor %}{% endmacro %}{% call(i) m(3) %}<{{ i }}>{% endcall %}", {}),
        ("{% macro m() %}{{ caller(1, 2) }}{% endmacro %}{% call(a, b) m() %}{{ a + b }}{% endcall %}", {}),
        ("{% macro m() %}{{ caller(1) }}{% endmacro %}{% call(a, b=5) m() %}{{ a }}{{ b }}{% endcall %}", {}),
        ("{% macro m() %}{{ caller(b=2, a=1) }}{% endmacro %}{% call(a, b) m() %}{{ a }}{{ b }}{% endcall %}", {}),
        ("{% macro m() %}{{ caller() }}{% endmacro %}{% call(a) m() %}{{ a }}{% endcall %}", {}),
        ("{% macro m() %}{{ caller(1, 2) }}{% endmacro %}{% call(a) m() %}{{ a }}{% endcall %}", {}),
        ("{% macro m() %}{{ caller(1) }}{% endmacro %}{% call m() %}{{ varargs }}{% endcall %}", {}),
        ("{% macro m() %}{{ caller(x=1) }}{% endmacro %}{% call m() %}{{ kwargs }}{% endcall %}", {}),
        ("{% macro m(t) %}{{ t }}:{{ caller() }}{% endmacro %}{% set v = 'V' %}{% call m('T') %}{{ v }}{% endcall %}", {}),
        ("{% macro m() %}{% set v = 'in' %}{{ caller() }}{% endmacro %}{% set v = 'out' %}{% call m() %}{{ v }}{% endcall %}", {}),
        ("{% macro m() %}{{ caller() }}{% endmacro %}{% for i in [1, 2] %}{% call m() %}{{ i }}{{ loop.index }}{% endcall %}{% endfor %}", {}),
        ("{% macro m() %}{{ caller()|upper }}{% endmacro %}{% call m() %}low{% endcall %}", {}),
        ("{% macro m() %}{{ caller()|length }}{% endmacro %}{% call m() %}<&>{% endcall %}", {}),
        ("{% macro m() %}{{ caller.name }}|{{ caller.arguments }}{% endmacro %}{% call(a, b) m() %}{% endcall %}", {}),
        ("{% macro m() %}{{ m.caller }}{% endmacro %}{% call m() %}{% endcall %}", {}),
        ("{% macro m() %}{{ varargs }}{% endmacro %}{% call m(1) %}{% endcall %}", {}),
        ("{% macro m() %}{% endmacro %}{% call m(1) %}{% endcall %}", {}),
        ("{% macro m(a) %}{{ a }}{% endmacro %}{% call m(1) %}body{% endcall %}", {}),
        ("{% call nothing() %}{% endcall %}", {}),
        ("{% call m %}{% endcall %}", {}),
        ("{% macro m() %}{{ caller() }}{% endmacro %}{% call m() %}a{% endcall m %}", {}),
        ("{% macro m() %}{{ caller() }}{% endmacro %}{% call m() %}a", {}),
        ("{% macro m() %}{{ caller() }}{% endmacro %}{% call m() %}{% set q = 1 %}{{ q }}{% endcall %}{{ q is defined }}", {}),
        ("{% macro tree(items) %}{% for i in items %}{{ caller(i) }}{% if i.children %}({{ tree(i.children, caller=caller) }}){% endif %}{% endfor %}{% endmacro %}{% call(n) tree(tree_data) %}{{ n.name }} {% endcall %}", {"tree_data": TREE}),
        ("{% macro m() %}{{ caller() }}{% endmacro %}{% macro n() %}{% call m() %}N{{ caller() }}{% endcall %}{% endmacro %}{% call n() %}inner{% endcall %}", {}),
        ("{% macro m() %}{{ caller(caller) }}{% endmacro %}{% call(c) m() %}{{ c.name }}{% endcall %}", {}),
        ("{% macro m() %}{{ caller() }}{% endmacro %}{% call m() -%}\n  trimmed\n{%- endcall %}", {}),
        ("{% macro m() %}{{ caller() }}{% endmacro %}{% call m() %}\n  kept\n{% endcall %}", {}),
        ("{% macro m() %}{{ caller() }}{% endmacro %}{% call(x) m() %}{{ x }}{% endcall %}", {}),
        ("{% macro dl(d) %}{% for k, v in d|dictsort %}{{ caller(k, v) }}{% endfor %}{% endmacro %}{% call(k, v) dl(d) %}{{ k }}={{ v }};{% endcall %}", {"d": {"b": 2, "a": 1}}),
        ("{% macro m() %}{{ caller() }}{% endmacro %}{% call m() %}{% call m() %}{% call m() %}3{% endcall %}{% endcall %}{% endcall %}", {}),
        ("{% macro m(x) %}{{ caller(x * 2) }}{% endmacro %}{% call(y) m(2) %}{% call(z) m(y) %}{{ z }}{% endcall %}{% endcall %}", {}),
    ]:
        case(C, m, ctx)
    for m in ["{% macro m() %}<div>{{ caller() }}</div>{% endmacro %}{% call m() %}<&>{{ '<&>' }}{% endcall %}",
              "{% macro m() %}{{ caller()|e }}{% endmacro %}{% call m() %}<b>{% endcall %}",
              "{% macro m(t) %}{{ caller(t) }}{% endmacro %}{% call(v) m('<') %}[{{ v }}]{% endcall %}"]:
        case(C, m, {}, autoescape=True)
    case(C, "{% macro m() %}\n{{ caller() }}\n{% endmacro %}\n{% call m() %}\n  body\n{% endcall %}\n", {}, trim=True, lstrip=True)


# ---------------------------------------------------------------- filterblock/filter
def filterblocks():
    C = "filterblock/filter"
    for m, ctx in [
        ("{% filter lower %}ABC{% endfilter %}", {}),
        ("{% filter title %}{% for w in ['a b', 'c'] %}{{ w }} {% endfor %}{% endfilter %}", {}),
        ("{% filter replace('a', 'o')|upper %}banana{% endfilter %}", {}),
        ("{% filter indent(2) %}a\nb\nc{% endfilter %}", {}),
        ("{% filter indent(2, true) %}a\nb{% endfilter %}", {}),
        ("{% filter truncate(9) %}hello wonderful world{% endfilter %}", {}),
        ("{% filter length %}abcd{% endfilter %}", {}),
        ("{% filter wordcount %}one two three{% endfilter %}", {}),
        ("{% filter list %}ab{% endfilter %}", {}),
        ("{% filter e %}<b>{% endfilter %}", {}),
        ("{% filter upper %}{% filter replace('x', 'y') %}xax{% endfilter %}z{% endfilter %}", {}),
        ("{% filter upper %}{% set v = 'in' %}{{ v }}{% endfilter %}{{ v is defined }}", {}),
        ("{% for i in [1, 2] %}{% filter upper %}i{{ i }}{% endfilter %}{% endfor %}", {}),
        ("{% filter nofilter %}x{% endfilter %}", {}),
        ("{% filter %}x{% endfilter %}", {}),
        ("{% filter upper %}x", {}),
        ("{% filter upper %}x{% endfilter upper %}", {}),
        ("{% filter int %}42{% endfilter %}", {}),
        ("{% filter int + 1 %}42{% endfilter %}", {}),
        ("{% filter float %}2.5{% endfilter %}", {}),
        ("{% filter center(7, '*') %}x{% endfilter %}", {}),
        ("{% filter format('a') %}%s!{% endfilter %}", {}),
        ("{% filter striptags %}<p>a  <b>b</b></p>{% endfilter %}", {}),
        ("{% filter trim|title %}  hi there  {% endfilter %}", {}),
        ("{% filter join('-') %}abc{% endfilter %}", {}),
        ("{% filter reverse %}abc{% endfilter %}", {}),
        ("{% filter first %}abc{% endfilter %}", {}),
        ("{% filter default('d') %}{% endfilter %}", {}),
        ("{% filter wordwrap(5) %}aaa bbb ccc{% endfilter %}", {}),
        ("{% filter upper %}{{ missing }}{% endfilter %}", {}),
        ("{% macro m() %}mac{% endmacro %}{% filter upper %}{{ m() }}{% endfilter %}", {}),
        ("{% filter upper -%}\n  x\n{%- endfilter %}", {}),
        ("{% filter replace(old, new) %}aXa{% endfilter %}", {"old": "X", "new": "Y"}),
        ("{% filter urlencode %}a b&c{% endfilter %}", {}),
    ]:
        case(C, m, ctx)
    for m in ["{% filter upper %}<b>{{ '<i>' }}</b>{% endfilter %}",
              "{% filter e %}<b>{{ '<i>' }}{% endfilter %}",
              "{% filter replace('b', 'x') %}<b>{{ '<b>' }}{% endfilter %}",
              "{% filter striptags %}<p>{{ '<x>' }}</p>{% endfilter %}",
              "{% filter safe %}{{ '<x>' }}<y>{% endfilter %}",
              "{% filter length %}{{ '<' }}{% endfilter %}"]:
        case(C, m, {}, autoescape=True)


# ---------------------------------------------------------------- set/assign
def sets():
    C = "set/assign"
    for m, ctx in [
        ("{% set a, b = 1, 2 %}{{ a }}{{ b }}", {}),
        ("{% set a, b = [3, 4] %}{{ a }}{{ b }}", {}),
        ("{% set (a, b), c = (1, 2), 3 %}{{ a }}{{ b }}{{ c }}", {}),
        ("{% set a, b = 'xy' %}{{ a }}|{{ b }}", {}),
        ("{% set a, b = [1, 2, 3] %}", {}),
        ("{% set a, b = [1] %}", {}),
        ("{% set a, b = 5 %}", {}),
        ("{% set a, = [9] %}{{ a }}", {}),
        ("{% set a = b = 1 %}", {}),
        ("{% set a = 1, 2 %}{{ a }}", {}),
        ("{% set a = (1,) %}{{ a }}|{{ a|length }}", {}),
        ("{% set x %}block {{ 1 + 1 }}{% endset %}[{{ x }}]", {}),
        ("{% set x | upper %}shout{% endset %}{{ x }}", {}),
        ("{% set x | replace('a', 'b') | upper %}banana{% endset %}{{ x }}", {}),
        ("{% set x | trim %}  pad  {% endset %}[{{ x }}]", {}),
        ("{% set x | length %}abcd{% endset %}{{ x + 1 }}", {}),
        ("{% set x %}{% for i in range(3) %}{{ i }}{% endfor %}{% endset %}{{ x }}|{{ x|length }}", {}),
        ("{% set x %}a{% endset %}{% set x %}{{ x }}b{% endset %}{{ x }}", {}),
        ("{% set x %}\n  kept\n{% endset %}[{{ x }}]", {}),
        ("{% set x -%}\n  trimmed\n{%- endset %}[{{ x }}]", {}),
        ("{% set x %}unclosed", {}),
        ("{% set x %}a{% endset x %}", {}),
        ("{% set %}", {}),
        ("{% set 1 = 2 %}", {}),
        ("{% set x = %}", {}),
        ("{% set x.y = 1 %}", {}),
        ("{% set x['y'] = 1 %}", {}),
        ("{% set x + 1 %}", {}),
        ("{% set ns = namespace() %}{% set ns.a = 1 %}{{ ns.a }}", {}),
        ("{% set ns = namespace(a=1, b=2) %}{{ ns.a }}{{ ns.b }}{{ ns.c is defined }}", {}),
        ("{% set ns = namespace({'a': 1}, b=2) %}{{ ns.a }}{{ ns.b }}", {}),
        ("{% set ns = namespace(a=1) %}{% with %}{% set ns.a = 2 %}{% endwith %}{{ ns.a }}", {}),
        ("{% set ns = namespace(a=1) %}{% macro m() %}{% set ns.a = 5 %}{% endmacro %}{{ m() }}{{ ns.a }}", {}),
        ("{% set ns = namespace(items=[]) %}{% for i in range(3) %}{% set ns.items = ns.items + [i] %}{% endfor %}{{ ns.items }}", {}),
        ("{% set d = {} %}{% set d.x = 1 %}", {}),
        ("{% set d = {'k': 1} %}{% set d.k = 2 %}", {}),
        ("{% set ns.a = 1 %}", {}),
        ("{% set ns = namespace() %}{% set ns.a, ns.b = 1, 2 %}{{ ns.a }}{{ ns.b }}", {}),
        ("{% set ns = namespace(x=1) %}{{ ns.x }}|{% set ns.x = ns.x * 10 %}{{ ns.x }}", {}),
        ("{% set ns = namespace(c=0) %}{% for u in users if u.active %}{% set ns.c = ns.c + 1 %}{% endfor %}{{ ns.c }}", {"users": USERS}),
        ("{% set total = 0 %}{% for p in products %}{% set total = total + p.qty %}{% endfor %}{{ total }}", {"products": PRODUCTS}),
        ("{% set x = 1 %}{% if true %}{% set x = 2 %}{% endif %}{{ x }}", {}),
        ("{% set x = 1 %}{% for i in [1] %}{{ x }}{% set x = 2 %}{{ x }}{% endfor %}{{ x }}", {}),
        ("{% for i in [1] %}{% set x = 2 %}{% endfor %}{{ x is defined }}", {}),
        ("{% set x = x %}", {}),
        ("{% set x = x + 1 %}{{ x }}", {"x": 1}),
        ("{{ x }}{% set x = 'shadow' %}{{ x }}", {"x": "ctx"}),
        ("{% set users = users|selectattr('active')|list %}{{ users|length }}", {"users": USERS}),
        ("{% set f = 'upper' %}{{ 'x'|attr(f) is defined }}", {}),
        ("{% set t = (1, 2) %}{% set a, b = t %}{{ b }}{{ a }}", {}),
        ("{% set a, b = b, a %}{{ a }}{{ b }}", {"a": 1, "b": 2}),
        ("{% set x = [1, 2] %}{% set y = x %}{{ x is sameas y }}", {}),
        ("{% set x = none %}{{ x }}|{{ x is none }}", {}),
        ("{% set s = 'a' ~ 1 ~ none %}{{ s }}", {}),
        ("{% set loop = 1 %}{{ loop }}", {}),
        ("{% set true = 1 %}", {}),
        ("{% set none = 1 %}", {}),
        ("{% set x = 1 %}{% set x = x + 1 %}{% set x = x * 3 %}{{ x }}", {}),
        ("{% set a = {'k': [1, {'n': 'deep'}]} %}{{ a.k[1].n }}", {}),
        ("{% set x %}{% set inner = 1 %}{{ inner }}{% endset %}{{ x }}{{ inner is defined }}", {}),
        ("{% set k, v = ('key', 'val') %}{{ k }}={{ v }}", {}),
        ("{% set x = 5 %}{% macro m() %}{{ x }}{% endmacro %}{% set x = 6 %}{{ m() }}", {}),
        ("{% set x = 1 %}{% block b %}{% set x = 2 %}{{ x }}{% endblock %}{{ x }}", {}),
        ("{% set x %}{{ '<b>' }}{% endset %}{{ x }}", {}),
    ]:
        case(C, m, ctx)
    for m in ["{% set x %}<b>{{ '<i>' }}</b>{% endset %}{{ x }}|{{ x|length }}",
              "{% set x | upper %}<b>{{ '<i>' }}{% endset %}{{ x }}",
              "{% set x = '<b>' %}{{ x }}|{% set y = x|safe %}{{ y }}",
              "{% set x %}{{ '&' }}{% endset %}{{ x ~ '&' }}"]:
        case(C, m, {}, autoescape=True)


# ---------------------------------------------------------------- with/scope
def withs():
    C = "with/scope"
    for m, ctx in [
        ("{% with %}{% set x = 1 %}{{ x }}{% endwith %}{{ x is defined }}", {}),
        ("{% with a = 1 %}{% with b = a + 1 %}{{ a }}{{ b }}{% endwith %}{{ b is defined }}{% endwith %}", {}),
        ("{% with a = 1, b = 2 %}{{ a + b }}{% endwith %}", {}),
        ("{% with a = 1 b = 2 %}{% endwith %}", {}),
        ("{% with a, b = (1, 2) %}{{ a }}{{ b }}{% endwith %}", {}),
        ("{% with a = x %}{{ a }}{% endwith %}", {"x": "ctx"}),
        ("{% set x = 'o' %}{% with x = 'i' %}{{ x }}{% endwith %}{{ x }}", {}),
        ("{% set x = 'o' %}{% with %}{% set x = 'i' %}{{ x }}{% endwith %}{{ x }}", {}),
        ("{% with a = 1 %}{% set a = 2 %}{{ a }}{% endwith %}", {}),
        ("{% with a = [1, 2] %}{% for x in a %}{{ x }}{% endfor %}{% endwith %}", {}),
        ("{% with %}x", {}),
        ("{% with a %}{% endwith %}", {}),
        ("{% with a = 1 %}{% endwith a %}", {}),
        ("{% with a = missing %}{{ a is defined }}{% endwith %}", {}),
        ("{% with a = missing %}{{ a }}{% endwith %}", {}),
        ("{% for i in [1, 2] %}{% with j = i * 10 %}{{ j }}{% endwith %}{% endfor %}", {}),
        ("{% with ns = namespace(v=1) %}{% set ns.v = 2 %}{{ ns.v }}{% endwith %}", {}),
        ("{% macro m() %}{% with x = 1 %}{{ x }}{% endwith %}{% endmacro %}{{ m() }}", {}),
        ("{% with a = 1 %}{% macro m() %}{{ a }}{% endmacro %}{{ m() }}{% endwith %}", {}),
        ("{% with x = 1 %}{% with x = x + 1 %}{{ x }}{% endwith %}{{ x }}{% endwith %}", {}),
        ("{% with a = 1, b = a %}{{ b }}{% endwith %}", {"a": "ctx"}),
        ("{% with a = 1, b = a %}{{ b }}{% endwith %}", {}),
        ("{% with %}{% endwith %}ok", {}),
        ("{% with x = '<b>' %}{{ x }}{% endwith %}", {}),
    ]:
        case(C, m, ctx)
    case(C, "{% with x = '<b>' %}{{ x }}{% endwith %}", {}, autoescape=True)


# ---------------------------------------------------------------- loops/for
def loops():
    C = "loops/for"
    for m, ctx in [
        ("{% for x in xs %}{{ loop.index }}/{{ loop.index0 }}/{{ loop.revindex }}/{{ loop.revindex0 }}/{{ loop.length }} {% endfor %}", {"xs": "abc"}),
        ("{% for x in xs %}{{ loop.first }}{{ loop.last }};{% endfor %}", {"xs": [1, 2, 3]}),
        ("{% for x in xs %}{{ loop.previtem is defined }}{{ loop.nextitem is defined }};{% endfor %}", {"xs": [1, 2]}),
        ("{% for x in xs %}{{ loop.previtem }}{% endfor %}", {"xs": [1, 2]}),
        ("{% for x in xs %}{% if not loop.first %}{{ loop.previtem }}>{% endif %}{{ x }}{% if not loop.last %}<{{ loop.nextitem }}{% endif %} {% endfor %}", {"xs": [1, 2, 3]}),
        ("{% for x in xs %}{% if loop.changed(x) %}[{{ x }}]{% endif %}{% endfor %}", {"xs": [1, 1, 2, 2, 1, 3]}),
        ("{% for u in users %}{% if loop.changed(u.age) %}{{ u.age }} {% endif %}{% endfor %}", {"users": USERS}),
        ("{% for x in xs %}{{ loop.changed(x, 1) }}{% endfor %}", {"xs": [1, 1, 2]}),
        ("{% for x in xs %}{{ loop.cycle('a', 'b', 'c') }}{% endfor %}", {"xs": range(5)}),
        ("{% for x in xs %}{{ loop.cycle() }}{% endfor %}", {"xs": [1]}),
        ("{% for x in xs %}{{ loop.depth }}{{ loop.depth0 }}{% endfor %}", {"xs": [1]}),
        ("{% for a in [1, 2] %}{% for b in [3, 4] %}{{ loop.index }}{{ loop.depth }}/{% endfor %}{{ loop.index }};{% endfor %}", {}),
        ("{% for a in [1, 2] %}{% set outer = loop %}{% for b in [3, 4] %}{{ outer.index }}{{ loop.index }} {% endfor %}{% endfor %}", {}),
        ("{% for x in [1, 2] %}{% for x in [3, 4] %}{{ x }}{% endfor %}{{ x }}{% endfor %}", {}),
        ("{% for x in [1, 2] %}{% endfor %}{{ x }}", {"x": "ctx"}),
        ("{% for x in [1, 2] %}{% endfor %}{{ x is defined }}", {}),
        ("{{ loop }}", {}),
        ("{% for x in [1] %}{% endfor %}{{ loop is defined }}", {}),
        ("{% for x in xs if x % 2 %}{{ loop.index }}:{{ x }} {% endfor %}", {"xs": list(range(7))}),
        ("{% for x in xs if x > 10 %}{{ x }}{% else %}none{% endfor %}", {"xs": [1, 2]}),
        ("{% for x in xs if x > 1 %}{{ loop.length }}{{ loop.last }} {% endfor %}", {"xs": [1, 2, 3]}),
        ("{% for k, v in d.items() %}{{ k }}={{ v }};{% endfor %}", {"d": {"b": 1, "a": 2}}),
        ("{% for k in d %}{{ k }};{% endfor %}", {"d": {"b": 1, "a": 2}}),
        ("{% for k in d.keys() %}{{ k }}{% endfor %}|{% for v in d.values() %}{{ v }}{% endfor %}", {"d": {"b": 1, "a": 2}}),
        ("{% for k, v in d|dictsort(reverse=true) %}{{ k }}{{ v }}{% endfor %}", {"d": {"b": 1, "a": 2, "c": 3}}),
        ("{% for (a, b), c in [((1, 2), 3)] %}{{ a }}{{ b }}{{ c }}{% endfor %}", {}),
        ("{% for a, b in [[1, 2], [3]] %}{{ a }}{% endfor %}", {}),
        ("{% for a, b in [1, 2] %}{% endfor %}", {}),
        ("{% for a, b in ['ab', 'cd'] %}{{ b }}{{ a }}{% endfor %}", {}),
        ("{% for x in 'héllo' %}{{ x }}.{% endfor %}", {}),
        ("{% for x in 5 %}{% endfor %}", {}),
        ("{% for x in missing %}{% endfor %}", {}),
        ("{% for x in missing %}{% else %}E{% endfor %}", {}),
        ("{% for x in [] %}{% else %}{{ x is defined }}{{ loop is defined }}{% endfor %}", {}),
        ("{% for x in [1] %}A{% else %}B{% endfor %}", {}),
        ("{% for x in range(3) %}{% if x == 1 %}{% continue %}{% endif %}{{ x }}{% endfor %}", {}),
        ("{% for x in range(3) %}{% break %}{% endfor %}", {}),
        ("{% for x in xs recursive %}{{ x.name }}{% if x.children %}({{ loop(x.children) }}){% endif %}{% endfor %}", {"xs": TREE}),
        ("{% for x in xs recursive %}{{ loop.depth }}{{ x.name }}{% if x.children %}[{{ loop(x.children) }}]{% endif %}{% endfor %}", {"xs": TREE}),
        ("{% for x in xs recursive %}{{ loop.index }}{% if x.children %}[{{ loop(x.children) }}]{% endif %}{% endfor %}", {"xs": TREE}),
        ("{% for x in xs recursive %}{{ x.name }}{% if loop.last %}.{% endif %}{{ loop(x.children) }}{% endfor %}", {"xs": TREE}),
        ("{% for x in xs recursive if x.name != 'a' %}{{ x.name }},{{ loop(x.children) }}{% endfor %}", {"xs": TREE}),
        ("{% for x in xs %}{{ loop(x.children) }}{% endfor %}", {"xs": TREE}),
        ("{% for x in xs recursive %}{% set l = loop %}{% for y in [1] %}{{ l(x.children) }}{% endfor %}{{ x.name }}{% endfor %}", {"xs": TREE}),
        ("{% for x in xs recursive %}{{ x.name }}{% else %}none{% endfor %}", {"xs": []}),
        ("{% for i in range(3) %}{{ i }}{% endfor %}{% for i in range(0) %}{{ i }}{% else %}-{% endfor %}", {}),
        ("{% for x in xs|sort(attribute='age') %}{{ x.name }} {% endfor %}", {"xs": USERS}),
        ("{% for x in xs|reverse %}{{ x }}{% endfor %}", {"xs": [1, 2, 3]}),
        ("{% for x in xs|batch(2) %}{{ x }}{% endfor %}", {"xs": [1, 2, 3]}),
        ("{% for g, items in users|groupby('city') %}{{ g }}:{{ items|map(attribute='name')|join(',') }};{% endfor %}", {"users": USERS}),
        ("{% for x in xs %}{{ loop.index }}{% endfor %}", {"xs": list(range(12))}),
        ("{% for x in xs %}{{ loop.length }}{% endfor %}", {"xs": {"a": 1, "b": 2}}),
        ("{% for x in range(3) %}{% set y = x %}{% endfor %}{{ y is defined }}", {}),
        ("{% for x in [1, 2] %}{{ x }}", {}),
        ("{% for x [1, 2] %}{% endfor %}", {}),
        ("{% for in [1] %}{% endfor %}", {}),
        ("{% for x in %}{% endfor %}", {}),
        ("{% for 1 in [1] %}{% endfor %}", {}),
        ("{% for x in [1] %}{% endfor x %}", {}),
        ("{% for x in [1] %}{% else %}{% else %}{% endfor %}", {}),
        ("{% for x in [1] %}{% elif %}{% endfor %}", {}),
        ("{% for x.y in [1] %}{% endfor %}", {}),
        ("{% for x in xs %}{{ loop.nextitem }}{% endfor %}", {"xs": [1, 2]}),
        ("{% for x in xs %}{{ loop.revindex }}{% endfor %}", {"xs": (i for i in [1])} if False else {"xs": [1, 2, 3, 4]}),
        ("{% for x in xs %}{{ loop.cycle(*xs) }}{% endfor %}", {"xs": ["p", "q", "r"]}),
        ("{% for x in xs %}{{ x }}{% if not loop.last %}, {% endif %}{% endfor %}", {"xs": ["a", "b", "c"]}),
        ("{% for x in xs %}{{ loop }}{% endfor %}", {"xs": [1]}),
        ("{% for a in [1] %}{% for b in [2] %}{% for c in [3] %}{{ a }}{{ b }}{{ c }}{{ loop.depth }}{% endfor %}{% endfor %}{% endfor %}", {}),
        ("{% for row in rows %}{% for cell in row %}{{ cell }}{% if not loop.last %},{% endif %}{% endfor %}{% if not loop.last %}\n{% endif %}{% endfor %}", {"rows": [[1, 2], [3, 4]]}),
        ("{% for x in [3, 1, 2]|sort %}{{ x }}{% endfor %}", {}),
        ("{% for i in range(2) %}{% for j in range(2) %}{% if j == 1 %}{{ loop.previtem }}{% endif %}{% endfor %}{% endfor %}", {}),
        ("{% for x in [1, 2, 3] %}{{ loop.index is divisibleby 2 }}{% endfor %}", {}),
        ("{% for x in [1, 2] %}{% set loop = 1 %}{% endfor %}", {}),
        ("{% for loop in [1, 2] %}{{ loop }}{% endfor %}", {}),
        ("{% for x in xs %}{{ loop.index0 * 10 + x }} {% endfor %}", {"xs": [1, 2, 3]}),
        ("{% for x in 'ab' %}{% for y in 'cd' %}{{ x }}{{ y }}{% if loop.last %};{% endif %}{% endfor %}{% endfor %}", {}),
        ("{% for _, v in d|dictsort %}{{ v }}{% endfor %}", {"d": {"a": 1, "b": 2}}),
        ("{% for x in xs %}{{ x.name }}{% else %}none{% endfor %}", {"xs": None}),
        ("{% for p in products %}{{ '%-5s'|format(p.title) }}|{{ (p.price * p.qty)|round(1) }}\n{% endfor %}", {"products": PRODUCTS}),
        ("{% for x in xs %}{{ x }}{% endfor %}", {"xs": {"k": "v"}}),
        ("{% for x in xs recursive %}{{ loop.depth0 }}{% if x.children %}{{ loop(x.children) }}{% endif %}{% endfor %}", {"xs": TREE}),
    ]:
        case(C, m, ctx if not isinstance(ctx.get("xs"), range) else {"xs": list(ctx["xs"])})


# ---------------------------------------------------------------- if/cond and if/chain
def ifs():
    C = "if/cond"
    for m, ctx in [
        ("{% if x %}T{% endif %}", {"x": [0]}),
        ("{% if x is defined and x %}T{% else %}F{% endif %}", {}),
        ("{% if x %}T{% endif %}", {}),
        ("{% if not x %}N{% endif %}", {"x": 0.0}),
        ("{% if x == 1 %}one{% endif %}{% if x != 1 %}not{% endif %}", {"x": 1.0}),
        ("{% if x > 1 and x < 5 or x == 9 %}in{% else %}out{% endif %}", {"x": 9}),
        ("{% if 1 < x < 5 %}chain{% endif %}", {"x": 3}),
        ("{% if x %}a{% else %}b{% else %}c{% endif %}", {}),
        ("{% if x %}a{% endif", {}),
        ("{% if %}a{% endif %}", {}),
        ("{% if true %}a", {}),
        ("{% if true %}a{% endfor %}", {}),
        ("{% if true %}a{% endif x %}", {}),
        ("{% if true %}{% else %}b{% elif false %}c{% endif %}", {}),
        ("{% if x is none %}none{% elif x is string %}str{% else %}other{% endif %}", {"x": None}),
        ("{% if users|selectattr('active')|list|length > 2 %}many{% endif %}", {"users": USERS}),
        ("{% if 'a' in 'abc' and 2 in [1, 2] and 'k' in {'k': 1} %}yes{% endif %}", {}),
        ("{% if x %}{{ x }}{% endif %}", {"x": "<b>"}),
        ("{% if (x or y) and not z %}ok{% endif %}", {"x": 0, "y": 1, "z": False}),
        ("{% if x.y %}T{% else %}F{% endif %}", {"x": {}}),
        ("{% if x['y'] is defined %}T{% else %}F{% endif %}", {"x": {}}),
        ("{% if true %}{% set v = 1 %}{% else %}{% set v = 2 %}{% endif %}{{ v }}", {}),
        ("{% if false %}{% set v = 1 %}{% endif %}{{ v is defined }}", {}),
        ("{% if x %}{% endif %}", {"x": 1}),
        ("{% if x %}1{% elif y %}2{% endif %}|", {"x": 0, "y": 0}),
        ("{% if 0 %}{{ missing }}{% endif %}ok", {}),
        ("{% if 1/0 %}{% endif %}", {}),
        ("{% if x is divisibleby(3) %}fizz{% endif %}", {"x": 9}),
        ("{% if none %}n{% elif '' %}e{% elif [] %}l{% elif {} %}d{% else %}else{% endif %}", {}),
    ]:
        case(C, m, ctx)
    C = "if/chain"
    for n in [-5, 0, 3, 42]:
        case(C, "{% if n < 0 %}neg{% elif n == 0 %}zero{% elif n < 10 %}small{% else %}big{% endif %}", {"n": n})
    for m, ctx in [
        ("{% if a %}A{% elif b %}B{% elif c %}C{% endif %}", {"a": 0, "b": 0, "c": 1}),
        ("{% if a %}A{% elif b %}B{% elif c %}C{% endif %}|", {"a": 0, "b": 0, "c": 0}),
        ("{% if a %}A{% elif missing %}M{% endif %}", {"a": 1}),
        ("{% if a %}A{% elif missing %}M{% endif %}", {"a": 0}),
        ("{% if a %}A{% elif %}M{% endif %}", {"a": 0}),
        ("{% if a %}A{% else if b %}B{% endif %}", {"a": 0, "b": 1}),
        ("{% if a %}A{% elseif b %}B{% endif %}", {"a": 0, "b": 1}),
        ("{% for i in range(6) %}{% if i % 3 == 0 %}f{% elif i % 3 == 1 %}g{% else %}h{% endif %}{% endfor %}", {}),
        ("{% if a %}{% if b %}1{% elif c %}2{% else %}3{% endif %}{% elif d %}4{% else %}5{% endif %}", {"a": 1, "b": 0, "c": 0, "d": 1}),
        ("{% if a -%}\n  A\n{%- elif b -%}\n  B\n{%- endif %}", {"a": 0, "b": 1}),
        ("{% if u.age > 30 %}{{ u.name }} old{% elif u.age > 24 %}{{ u.name }} mid{% endif %}", {"u": USERS[1]}),
    ]:
        case(C, m, ctx)


# ---------------------------------------------------------------- whitespace/ctl
def whitespace():
    C = "whitespace/ctl"
    templates = [
        "<ul>\n  {% for i in xs %}\n  <li>{{ i }}</li>\n  {% endfor %}\n</ul>\n",
        "  {% if true %}\n  yes\n  {% endif %}\n  end\n",
        "a\n  {%- if true %}\nb\n  {%+ endif %}\nc\n",
        "x {% if true -%}\n   y   \n{%- endif %} z\n",
        "{% raw %}\n  {{ x }}\n{% endraw %}\n",
        "  {% raw %}  {{ x }}  {% endraw %}  \n",
        "a {%- raw -%} {{ b }} {%- endraw -%} c",
        "  {# comment #}\nline\n",
        "a\n  {#- comment -#}\n  b\n",
        "  {#+ keep #}\n",
        "{% macro m() %}\n  M\n{% endmacro %}\n{{ m() }}\n",
        "{% block b %}\n  B\n{% endblock %}\nafter\n",
        "{% set x = 1 %}\n{{ x }}\n{% set y %}\n  Y\n{% endset %}\n[{{ y }}]\n",
        "\t{% if true %}\ttab\n\t{% endif %}\n",
        "a  {{- ' x ' -}}  b\n",
        "  {{ 'inline' }}  {% if true %}k{% endif %}  \n",
        "{% for i in xs -%}\n{{ i }}\n{%- endfor %}\n",
        "{% for i in xs %}\n\n{{ i }}\n\n{% endfor %}\n",
        "line1\r\nline2\r\n",
        "{% if true %}\r\nA\r\n{% endif %}\r\nB\r\n",
        "  {% if true %}\r\n  C\r\n  {% endif %}\r\n",
        "a\n\n\n",
        "\n",
        "",
        "{% if true %}\n{% endif %}",
        "{%- if true -%}  A  {%- endif -%}",
        "{% with %}\n  w\n{% endwith %}\n",
        "{% filter upper %}\n  f\n{% endfilter %}\n",
        "<p>\n    {%- for i in xs %}\n    {{ i }}\n    {%- endfor %}\n</p>",
        "{% for i in xs %}{{ i }}\n{% endfor %}",
        "  {%- if true %}x{% endif %}",
        "{%+ if true %}x{% endif +%}\nnext",
        "{{ 1 }}\n{{ 2 }}\n",
        "  {{- 1 }}\n",
        "text\n  {% for i in xs %}{{ i }}{% endfor %}  \ntail",
        "{% if true %}a{% endif %}   \n   {% if true %}b{% endif %}",
        "{% macro m() -%}\n  {{ caller() }}\n{%- endmacro %}\n{% call m() %}\n  C\n{% endcall %}\n",
        "{% raw -%}\n  r\n{%- endraw %}",
        "x\n{# c #}\ny\n",
        "  {% set a = 1 %}  \n{{ a }}",
    ]
    combos = [dict(), dict(trim=True), dict(lstrip=True), dict(trim=True, lstrip=True), dict(keep=True),
              dict(trim=True, lstrip=True, keep=True)]
    for i, t in enumerate(templates):
        # every template under two or three option combinations, chosen round-robin
        for k in range(3):
            opts = combos[(i + k * 2) % len(combos)]
            case(C, t, {"xs": [1, 2]}, **opts)
    case(C, "{% if true %}\n  x{% endif +%}\n", {}, trim=True)
    case(C, "{%- if true +%}\nx{% endif %}", {}, trim=True)
    case(C, "  {%+ if true -%}  y  {%- endif +%}  \n", {}, trim=True, lstrip=True)
    case(C, "a  {%+ if true %}", {})
    case(C, "{{ x }}", {"x": "a\r\nb"}, keep=True)


# ---------------------------------------------------------------- lexical/syntax
def lexical():
    C = "lexical/syntax"
    for m, ctx in [
        ("{{1+2}}|{{   1   }}|{%if true%}t{%endif%}", {}),
        ("{{\tx\t}}", {"x": 1}),
        ("{%\nif true\n%}nl{%\nendif\n%}", {}),
        ("{{ 'a\\\\b' }}|{{ 'q\\'q' }}|{{ \"d\\\"d\" }}", {}),
        ("{{ '\\x41\\u00e9\\U0001F600' }}", {}),
        ("{{ '\\101' }}|{{ '\\0'|length }}", {}),
        ("{{ 'a\\\nb' }}", {}),
        ("{{ '\\q' }}", {}),
        ("{{ r'raw\\n' }}", {}),
        ("{{ 'unterminated }}", {}),
        ("{{ \"also }}", {}),
        ("{{ 'multi\nline' }}", {}),
        ("{# {{ ignored }} {% if %} #}ok", {}),
        ("{# a #}{# b #}c", {}),
        ("{# nested {# inner #} outer #}", {}),
        ("{# multi\nline\ncomment #}x", {}),
        ("{% raw %}{% endraw %}|{% raw %}{#{% endraw %}", {}),
        ("{% raw %}{% raw %}{% endraw %}", {}),
        ("{% raw %}unterminated", {}),
        ("{% endraw %}", {}),
        ("{{ }}", {}),
        ("{% %}", {}),
        ("{% unknown %}", {}),
        ("{% endblock %}", {}),
        ("{{ x y }}", {"x": 1, "y": 2}),
        ("{{ 1 2 }}", {}),
        ("{{ (1 }}", {}),
        ("{{ [1, 2 }}", {}),
        ("{{ {'a': 1 }}", {}),
        ("{{ 1 }}}", {}),
        ("{{ '}}' }}", {}),
        ("{{ 1 +* 2 }}", {}),
        ("{{ x. }}", {"x": 1}),
        ("{{ x.1 }}", {"x": [5, 6]}),
        ("{{ x.0.1 }}", {"x": [[5, 6]]}),
        ("{{ 1_000 }}|{{ 0x1F }}|{{ 0o17 }}|{{ 0b101 }}", {}),
        ("{{ 1e3 }}|{{ 1.5e-2 }}|{{ .5 }}", {}),
        ("{{ 1. }}", {}),
        ("{{ 007 }}", {}),
        ("{{ 1__0 }}", {}),
        ("{{ x|default('a') }}{{x|default('b')}}", {}),
        ("{{ 'a' 'b' }}{{ 'c'\n'd' }}", {}),
        ("{{ @ }}", {}),
        ("{{ $x }}", {}),
        ("{{ x ! y }}", {}),
        ("{{ 'é' ~ \"ü\" }}", {}),
        ("{{ 1 if true }}", {}),
        ("{{ 1 if true else }}", {}),
        ("{{ true }}{{ True }}{{ none }}{{ None }}{{ false }}{{ False }}", {}),
        ("{{ TRUE }}", {}),
        ("{{ -1 }}|{{ +1 }}|{{ - 1 }}|{{ --1 }}", {}),
        ("{{ not not 1 }}", {}),
        ("{{ 2 ** 3 ** 2 }}|{{ -2 ** 2 }}", {}),
        ("{{ a.b.c }}", {"a": {"b": {"c": "abc"}}}),
        ("{{ a['b']['c'] }}", {"a": {"b": {"c": "abc"}}}),
        ("{{ a [ 'b' ] }}", {"a": {"b": "sp"}}),
        ("{{ a . b }}", {"a": {"b": "sp"}}),
        ("{{ x | upper | lower }}", {"x": "Mi"}),
        ("{{ x|upper() }}", {"x": "m"}),
        ("{{ f() }}", {}),
        ("{{ [1, 2, 3][::-1] }}|{{ 'abc'[1:] }}", {}),
        ("{{ (1, 2) }}|{{ (1,) }}|{{ () }}", {}),
        ("{{ [1,] }}|{{ {'a': 1,} }}", {}),
        ("{{ 1 + \n\n 2 }}", {}),
        ("{%- if true -%}x{%- endif -%}", {}),
        ("{{- 'x' -}}", {}),
        ("{{ x }", {"x": 1}),
        ("{% if true %}", {}),
        ("{% if true %}{% if true %}{% endif %}", {}),
        ("{{ 'a' }}{# unfinished", {}),
        ("{% for %}", {}),
        ("{{ x is }}", {"x": 1}),
        ("{{ x|}}", {"x": 1}),
        ("{{ x|1 }}", {"x": 1}),
        ("{{ a = 1 }}", {}),
        ("{{ 1 < }}", {}),
        ("{{ not }}", {}),
        ("{{ ) }}", {}),
        ("{{ 'a' ~ }}", {}),
        ("{{ {1: 2}[1] }}", {}),
        ("{{ {'a': 1}['a'] }}", {}),
        ("{{ x['a'] }}", {"x": {"a": "<"}}),
        ("line1\n{{ 1 +\n}}", {}),
        ("ok\n\n{% if %}", {}),
        ("{% if true %}\n{% endfor %}", {}),
        ("a\n{% for x in [1] %}\n{% endif %}", {}),
        ("{% block %}{% endblock %}", {}),
        ("{% block 1 %}{% endblock %}", {}),
        ("{% block a b %}{% endblock %}", {}),
        ("{% extends %}", {}),
        ("{% set x = 1 %}{% set x = 2", {}),
    ]:
        case(C, m, ctx)


# ---------------------------------------------------------------- errors/*
def errors():
    for m, ctx in [
        ("line1\n{{ missing }}", {}),
        ("{{ x.missing }}", {"x": {}}),
        ("{{ x.a.b }}", {"x": {"a": {}}}),
        ("{{ missing|upper }}", {}),
        ("{{ missing ~ 'x' }}", {}),
        ("{{ missing + 1 }}", {}),
        ("{% for i in missing %}{% endfor %}", {}),
        ("{% if missing %}{% endif %}", {}),
        ("{{ missing() }}", {}),
        ("{{ x() }}", {"x": {}}),
        ("{{ x.upper() }}", {"x": {}}),
        ("{{ missing[0] }}", {}),
        ("{{ x[5] }}", {"x": "abc"}),
        ("{{ x['k'] }}", {"x": {}}),
        ("{{ missing is defined }}|{{ missing is undefined }}", {}),
        ("{{ missing|default('d') }}|{{ missing|d('e', true) }}", {}),
        ("{% macro m(a) %}{{ a.b }}{% endmacro %}{{ m({}) }}", {}),
        ("{% set x = missing %}", {}),
        ("{% set x = missing %}{{ x }}", {}),
        ("{{ missing|length }}", {}),
        ("{{ 'a' in missing }}", {}),
        ("{{ missing == 1 }}", {}),
        ("{{ missing is none }}", {}),
        ("{{ missing|list }}", {}),
        ("{{ missing|string }}", {}),
        ("{{ missing|join }}", {}),
        ("{{ missing|e }}", {}),
        ("{{ not missing }}", {}),
        ("{{ missing or 1 }}", {}),
        ("{{ false and missing }}", {}),
        ("{{ true or missing }}", {}),
        ("{{ x.y }}", {"x": None}),
        ("{{ x[0] }}", {"x": None}),
        ("{{ x.y }}", {"x": 1}),
        ("{{ x.missing }}", {"x": [1]}),
    ]:
        case("errors/undefined", m, ctx)
    for m, ctx in [
        ("{{ 1 + 'a' }}", {}),
        ("{{ 'a' - 1 }}", {}),
        ("{{ [1] + 1 }}", {}),
        ("{{ {} + {} }}", {}),
        ("{{ 'a' * 'b' }}", {}),
        ("{{ 1 < 'a' }}", {}),
        ("{{ none + 1 }}", {}),
        ("{{ -'a' }}", {}),
        ("{{ 1 in 5 }}", {}),
        ("{{ 'a' in 5 }}", {}),
        ("{{ 1 in 'abc' }}", {}),
        ("{{ 5() }}", {}),
        ("{{ 'abc'() }}", {}),
        ("{{ x() }}", {"x": 1}),
        ("{% for a, b in [1] %}{% endfor %}", {}),
        ("{% for x in 1 %}{% endfor %}", {}),
        ("{% for x in true %}{% endfor %}", {}),
        ("{{ [1, 2][none] }}", {}),
        ("{{ {'a': 1}[[1]] }}", {}),
        ("{% macro m() %}{% endmacro %}{{ m(1) }}", {}),
        ("{% macro m(a) %}{% endmacro %}{{ m(b=1) }}", {}),
        ("{% macro m(a) %}{% endmacro %}{{ m(1, a=1) }}", {}),
        ("{{ range('a') }}", {}),
        ("{{ range(1, 2, 3, 4) }}", {}),
        ("{{ [1, 'a']|sort }}", {}),
        ("{{ [1, 2]|sum(start='a') }}", {}),
        ("{{ 'abc'.upper(1) }}", {}),
        ("{{ {}|attr(1) }}", {}),
        ("{{ 1|length }}", {}),
        ("{{ none|length }}", {}),
        ("{{ [1, 2]|join(1) }}", {}),
        ("{{ 3|first }}", {}),
        ("{{ 'a' ~ x + 1 }}", {"x": "b"}),
        ("{{ (1, 2) + [3] }}", {}),
        ("{{ 2 ** 'x' }}", {}),
        ("{{ 1 // 'a' }}", {}),
        ("{{ 'a' % (1, 2) }}", {}),
        ("{{ dict(1) }}", {}),
        ("{{ lipsum('x') }}", {}),
        ("{{ namespace(1) }}", {}),
        ("{% set ns = namespace() %}{{ ns() }}", {}),
        ("{{ users|map(attribute='name')|sum }}", {"users": USERS}),
        ("{{ {'a': 1}|dictsort(by='x') }}", {}),
    ]:
        case("errors/type", m, ctx)
    for m, ctx in [
        ("{{ 1 / 0 }}", {}),
        ("{{ 1 // 0 }}", {}),
        ("{{ 1 % 0 }}", {}),
        ("{{ 1.0 / 0 }}", {}),
        ("{{ 0 ** -1 }}", {}),
        ("{{ range(10000000)|list|length }}", {}) if False else ("{{ range(0, 10, 0)|list }}", {}),
        ("{{ [1]|random(1) }}", {}),
        ("{{ 'abc'|int }}|{{ 'abc'|float }}", {}),
        ("{{ x|int }}", {"x": "1.5"}),
        ("{{ 'a'|batch(0)|list }}", {}),
        ("{{ [1, 2]|slice(0)|list }}", {}),
        ("{{ {'a': 1}|dictsort(by='x') }}", {}),
        ("{{ [1, 2]|sort(attribute='x') }}", {}),
        ("{{ 'abc'|truncate(1, leeway=-1) }}", {}),
        ("{{ 'x'|indent(-1) }}", {}),
        ("{{ [1]|map('nofilter')|list }}", {}),
        ("{{ [1]|select('notest')|list }}", {}),
        ("{{ 'a'|center(1, 'xx') }}", {}),
        ("{% block x required %}{% endblock %}", {}),
        ("{% extends 'b.html' %}", {}),
        ("{{ 'abc'.format(**{}) }}{{ '{0}'.format() }}", {}),
        ("{{ '%d'|format('x') }}", {}),
        ("{{ '%s %s'|format(1) }}", {}),
        ("{{ {}.pop('x') }}", {}),
        ("{{ [].pop() }}", {}),
        ("{{ 'abc'.index('z') }}", {}),
        ("{{ [1].index(2) }}", {}),
        ("{{ 'a'|tojson(indent='x') }}", {}),
        ("{{ 1e400|int }}", {}),
        ("{{ cycler() .next() }}", {}),
        ("{% set ns = namespace() %}{{ ns.missing }}", {}),
        ("{% for x in [1] %}{{ loop.cycle() }}{% endfor %}", {}),
        ("{% for x in [1] %}{{ loop(x) }}{% endfor %}", {}),
        ("{{ self.missing() }}", {}),
        ("{% macro m() %}{{ m() }}{% endmacro %}{{ 'ok' }}", {}),
    ]:
        case("errors/runtime", m, ctx, {"b.html": "{% block c required %}{% endblock %}"})
    for m, ctx in [
        ("{% include 'nope.html' %}", {}),
        ("{% include ['a.html', 'b.html'] %}", {}),
        ("{% extends 'nope.html' %}", {}),
        ("{% import 'nope.html' as n %}", {}),
        ("{% from 'nope.html' import x %}", {}),
        ("{% include name %}", {"name": "nope.html"}),
        ("{% include 'dir/nope.html' %}", {}),
        ("{% include 'outer.html' %}", {}),
        ("ok{% if false %}{% include 'nope.html' %}{% endif %}", {}),
        ("{% for i in [1] %}{% include 'nope' ~ i ~ '.html' %}{% endfor %}", {}),
        ("{% include '' %}", {}),
        ("{% include names %}", {"names": []}),
        ("{% include names ignore missing %}ok", {"names": []}),
    ]:
        case("errors/notfound", m, ctx, {"outer.html": "a\n{% include 'inner-missing.html' %}"})
    for m, ctx in [
        ("{{ x|nofilter }}", {"x": 1}),
        ("{{ x is notest }}", {"x": 1}),
        ("{% if false %}{{ x|nofilter }}{% endif %}", {}),
        ("{% if false %}{{ x is notest }}{% endif %}", {}),
        ("{% macro m() %}{{ 1|nofilter }}{% endmacro %}", {}),
        ("{% endfor %}", {}),
        ("{% else %}", {}),
        ("{% elif true %}", {}),
        ("{% endmacro %}", {}),
        ("{% endcall %}", {}),
        ("{% endset %}", {}),
        ("{% endwith %}", {}),
        ("{% endfilter %}", {}),
        ("{% continue %}", {}),
        ("{% do 1 %}", {}),
        ("{% trans %}x{% endtrans %}", {}),
        ("{% autoescape %}{% endautoescape %}", {}),
        ("{% block a %}{% block a %}{% endblock %}{% endblock %}", {}),
        ("{% for x in y %}{% endfor", {}),
        ("{{ 'x' }\n}", {}),
        ("a\nb\n{{ 1 + }}\nc", {}),
        ("a\n{% if x %}\nb\n", {}),
        ("{{ x.__class__ }}", {"x": 1}) if False else ("{{ 1 if 2 }}{{ }}", {}),
        ("{{ f(a=1, 2) }}", {}),
        ("{{ f(**a, *b) }}", {}),
        ("{{ f(a=1, a=2) }}", {}),
        ("{{ [x for x in y] }}", {}),
        ("{{ lambda: 1 }}", {}),
        ("{{ x := 1 }}", {}),
        ("{{ 'a' if }}", {}),
        ("{% set x = 1 %}{% set x = 2 %}{% endset %}", {}),
        ("{% call %}{% endcall %}", {}),
        ("{% macro m() %}{% call(x m() %}{% endcall %}{% endmacro %}", {}),
        ("{% from 'x.html' import a.b %}", {}),
        ("{% import 'x.html' as a.b %}", {}),
        ("{% include 'x.html' with contex %}", {}),
        ("{% for x in [1] recursive recursive %}{% endfor %}", {}),
        ("{% extends 'b.html' %}{% block a %}{% endblock %}{% endblock %}", {}),
        ("{{ x is divisibleby }}", {"x": 1}),
        ("{{ x is defined(1) }}", {"x": 1}),
    ]:
        case("errors/syntax", m, ctx, {"b.html": "{% block a %}{% endblock %}", "x.html": ""})


# ---------------------------------------------------------------- stress/*
def stress():
    C = "stress/deep"
    case(C, "{% extends 'e6.html' %}", {}, DEEP_FILES)
    case(C, "{% extends 'e6.html' %}{% block b %}{{ super.super.super() }}{% endblock %}", {}, DEEP_FILES)
    case(C, "{% extends 'e3.html' %}{% block b %}[{{ super() }}|{{ self.b is defined }}]{% endblock %}", {}, DEEP_FILES)
    nest = "".join("{%% if x > %d %%}<" % i for i in range(30)) + "core" + "".join("{% endif %}>" for _ in range(30))
    case(C, nest, {"x": 100})
    case(C, nest, {"x": 15})
    fors = "".join("{%% for a%d in [1, 2] %%}" % i for i in range(8)) + "x" + "{% endfor %}" * 8
    case(C, fors + "|{{ 'ok' }}", {})
    case(C, "{{ " + "(" * 40 + "1" + ")" * 40 + " }}", {})
    case(C, "{{ " + " + ".join(str(i) for i in range(200)) + " }}", {})
    case(C, "{{ x" + "|string" * 50 + " }}", {"x": 5})
    case(C, "{{ " + "[" * 30 + "1" + "]" * 30 + " }}", {})
    macs = "".join("{%% macro m%d() %%}%d{{ m%d() }}{%% endmacro %%}" % (i, i, i + 1) for i in range(25)) + "{% macro m25() %}end{% endmacro %}{{ m0() }}"
    case(C, macs, {})
    calls = "{% macro w() %}({{ caller() }}){% endmacro %}" + "{% call w() %}" * 15 + "c" + "{% endcall %}" * 15
    case(C, calls, {})
    inc = {"i%d.html" % i: "%d{%% include 'i%d.html' %%}" % (i, i + 1) for i in range(20)}
    inc["i20.html"] = "end"
    case(C, "{% include 'i0.html' %}", {}, inc)
    case(C, "{% macro r(n) %}{% if n %}[{{ r(n - 1) }}]{% endif %}{% endmacro %}{{ r(40) }}", {})
    deep = {"v": "leaf"}
    for i in range(30):
        deep = {"c": deep}
    case(C, "{{ d" + ".c" * 30 + ".v }}", {"d": deep})
    blocks = "".join("{%% block b%d %%}<" % i for i in range(20)) + "x" + "".join("{% endblock %}>" for _ in range(20))
    case(C, blocks, {})
    case(C, "{% extends 'base2.html' %}{% block b19 %}Y{% endblock %}{% block b5 %}[{{ super() }}]{% endblock %}", {}, {"base2.html": blocks})
    case(C, "{% for x in xs recursive %}{{ x.n }}{{ loop(x.c) }}{% endfor %}", {"xs": [_chain(25)]})
    C = "stress/big"
    case(C, "{% for i in range(2000) %}{{ i % 10 }}{% endfor %}", {})
    case(C, "{% for i in range(300) %}{% for j in range(10) %}{% if (i + j) % 97 == 0 %}{{ i }}.{{ j }} {% endif %}{% endfor %}{% endfor %}", {})
    case(C, "{% set ns = namespace(t=0) %}{% for i in range(5000) %}{% set ns.t = ns.t + i %}{% endfor %}{{ ns.t }}", {})
    case(C, "{% for row in rows %}{{ loop.index }}:{{ row|join(',') }};{% endfor %}", {"rows": [[i * j for j in range(8)] for i in range(150)]})
    case(C, "{{ xs|length }}|{{ xs|sum }}|{{ xs|max }}|{{ xs|min }}|{{ xs|unique|list|length }}", {"xs": [(i * 37) % 1001 for i in range(3000)]})
    case(C, "{% macro cell(v) %}<td>{{ v }}</td>{% endmacro %}{% for i in range(200) %}<tr>{{ cell(i) }}{{ cell(i * 2) }}</tr>{% endfor %}", {})
    case(C, "{% for i in range(500) %}{% include 'p.html' %}{% endfor %}", {}, {"p.html": "{{ i }},"})
    case(C, "x" * 20000 + "{{ 1 }}" + "y" * 20000, {})
    case(C, "{% for k, v in d|dictsort %}{{ k }}={{ v }};{% endfor %}", {"d": {"k%04d" % i: i for i in range(400)}})
    case(C, "{{ s|replace('a', 'bb')|length }}|{{ s|upper|truncate(15) }}", {"s": "abc " * 3000})
    case(C, "{% for u in users * 200 %}{% if loop.changed(u.city) %}{{ u.city[0] }}{% endif %}{% endfor %}", {"users": USERS})
    case(C, "{% for i in range(1000) %}{{ '<&>' }}{% endfor %}", {}, autoescape=True)
    case(C, "{% for i in range(400) %}{{ loop.cycle('a', 'b', 'c') }}{{ loop.revindex }}{% endfor %}", {})


def _chain(n):
    node = {"n": n, "c": []}
    for i in range(n - 1, -1, -1):
        node = {"n": i, "c": [node]}
    return node


def main():
    for f in (inherit, include, imports, macros, calls, filterblocks, sets, withs, loops, ifs, whitespace, lexical,
              errors, stress):
        f()
    kept = [c for c in CASES if run(c)]
    seen = set()
    for c in kept:
        assert c["id"] not in seen, c["id"]
        seen.add(c["id"])
    with open(OUT, "w", encoding="utf-8") as out:
        json.dump({"format": 1, "cases": kept}, out, ensure_ascii=False, indent=1, sort_keys=True)
        out.write("\n")
    print("wrote %d cases to %s" % (len(kept), os.path.normpath(OUT)), file=sys.stderr)


if __name__ == "__main__":
    main()
