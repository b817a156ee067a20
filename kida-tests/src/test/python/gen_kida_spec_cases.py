#!/usr/bin/env python3
"""Writes conformance/kida-extra-spec.json: Kida cases beyond the visible corpus, one or more per
category of kida-visible.json, whose expected results are stated by /work/shared/kida-semantics.md
(the specification, observed from Kida 0.12) or, for what Kida shares with Jinja2, by Jinja2 3.1.6.
Each case carries a "why" naming the rule it checks. Nothing here is recorded from an engine: the
expectations are the rules' own consequences, so a failing case means the engine or the case is
wrong and must be looked at, not re-recorded.

Run: python3 kida-tests/src/test/python/gen_kida_spec_cases.py (from the repository root).
"""
import json
import os

OPTIONS = {"autoescape": True, "trim_blocks": False, "lstrip_blocks": False, "keep_trailing_newline": True}
cases = []


def case(cid, why, main, expect=None, error=None, context=None, files=None, **extra):
    c = {"id": "kida-spec/" + cid, "why": why, "files": {"main.html": main, **(files or {})},
         "entry": "main.html", "context": context or {}, "options": OPTIONS}
    if error:
        c["expect_error"] = error
    else:
        c["expect"] = expect
    c.update(extra)
    cases.append(c)


S1 = "section 1 (block structure)"
# -- {% end %} and closers
case("end-001", S1 + ": end closes the innermost block of any kind",
     "{% for x in [1, 2] %}{{ x }}{% end %}|{% with a = 1 %}{{ a }}{% end %}|{% filter upper %}ab{% end %}", "12|1|AB")
case("end-002", S1 + ": explicit closers and end mix freely",
     "{% if true %}{% for x in [1] %}{{ x }}{% endfor %}{% end %}{% unless false %}u{% endunless %}", "1u")
case("end-003", S1 + ": an end inside raw is text", "{% raw %}{% end %}{% endraw %}", "{% end %}")
case("end-004", S1 + ": a closer for another block", "{% for x in [1] %}{% endif %}", error="syntax")
case("end-005", S1 + ": an end with nothing open", "a{% end %}", error="syntax")
case("end-006", S1 + ": a block left open", "{% if true %}x", error="syntax")
case("end-007", S1 + ": a continuation outside its block", "{% elif x %}", error="syntax")
case("end-008", S1 + ": break outside a loop", "{% break %}", error="syntax")
case("end-009", S1 + ": try without fallback", "{% try %}x{% end %}", error="syntax")
case("end-010", "section 2: unless takes no elif", "{% unless a %}x{% elif b %}y{% end %}", error="syntax")
case("end-011", "section 4: def only at top level or in a def", "{% if true %}{% def f() %}{% end %}{% end %}",
     error="syntax")
case("end-012", "section 10: a second template declaration", "{% template a: int %}{% template b: int %}",
     error="syntax")

S2 = "section 2 (control flow)"
case("unless-001", S2 + ": unless c is if not (c), with else",
     "{% unless items %}none{% else %}{{ items|length }}{% end %}|{% unless more %}none{% else %}{{ more|length }}{% end %}",
     "none|2", context={"items": [], "more": [1, 2]})
case("forempty-001", S2 + ": empty renders for an empty string, mapping and range",
     "{% for c in '' %}{{ c }}{% empty %}S{% end %}{% for k in {} %}{{ k }}{% empty %}M{% end %}"
     "{% for i in range(0) %}{{ i }}{% empty %}R{% end %}", "SMR")
case("forempty-002", S2 + ": unpacking targets, and empty not taken when there are items",
     "{% for a, b in [(1, 2), (3, 4)] %}{{ a + b }}{% empty %}E{% end %}", "37")
case("while-001", S2 + ": the condition is re-evaluated, let changes it",
     "{% let n = 3 %}{% while n > 0 %}{{ n }}{% let n = n - 1 %}{% end %}|{{ n }}", "321|0")
case("while-002", S2 + ": continue in while",
     "{% let i = 0 %}{% while i < 5 %}{% let i = i + 1 %}{% if i is even %}{% continue %}{% end %}{{ i }}{% end %}",
     "135")
case("while-003", S2 + ": break and continue in for, without an extension",
     "{% for x in [1, 2, 3, 4] %}{% if x == 2 %}{% continue %}{% end %}{% if x == 4 %}{% break %}{% end %}{{ x }}{% end %}",
     "13")

S3 = "section 3 (variables)"
case("let-001", S3 + ": several bindings run left to right", "{% let a = 1, b = a + 1 %}{{ a }}{{ b }}", "12")
case("let-002", S3 + ": unpacking and swapping", "{% let a, b = [1, 2] %}{% let a, b = b, a %}{{ a }}{{ b }}", "21")
case("let-003", S3 + ": let in a loop binds in template scope",
     "{% for x in [1, 2] %}{% let last = x %}{% end %}{{ last }}", "2")
case("let-004", S3 + ": ??= keeps falsy values and replaces None",
     "{% let v = 0 %}{% let v ??= 5 %}{% let w = none %}{% let w ??= 5 %}{% let u ??= 'u' %}{{ v }}{{ w }}{{ u }}", "05u")
case("let-005", S3 + ": let inside a def does not escape the call",
     "{% def f() %}{% let z = 1 %}{{ z }}{% end %}{{ f() }}{{ z is defined }}", "1False")
case("let-006", S3 + ": export and promote are let",
     "{% for x in [1, 2, 3] %}{% export total = (total ?? 0) + x %}{% promote first ??= x %}{% end %}{{ total }}/{{ first }}",
     "6/1")

S7 = "section 7 (match)"
case("match-001", S7 + ": the first matching literal", "{% match 3 %}{% case 1 %}one{% case 3 %}three{% case 3 %}again{% end %}",
     "three")
case("match-002", S7 + ": no case matches, no output", "{% match 9 %}{% case 1 %}a{% end %}|", "|")
case("match-003", S7 + ": a capture name with a guard",
     "{% match n %}{% case x if x > 5 %}big {{ x }}{% case _ %}small{% end %}", "big 7", context={"n": 7})
case("match-004", S7 + ": tuple patterns with literals and names",
     "{% match p %}{% case (0, 0) %}origin{% case (x, 0) %}x-axis {{ x }}{% case _ %}other{% end %}", "x-axis 3",
     context={"p": [3, 0]})
case("match-005", S7 + ": names bound by a case are not visible after the match",
     "{% match 1 %}{% case v %}{{ v }}{% end %}|{{ v is defined }}", "1|False")
case("match-006", S7 + ": valueless match is an if chain",
     "{% match %}{% case _ if n > 1 %}gt{% case _ %}le{% end %}", "le", context={"n": 1})
case("match-007", S7 + ": an undefined subject", "{% match nope %}{% case _ %}x{% end %}", error="undefined")
case("match-008", S7 + ": a list literal is compared with ==",
     "{% match xs %}{% case [1, 2] %}pair{% case _ %}no{% end %}", "pair", context={"xs": [1, 2]})

S8 = "section 8 (try/fallback)"
case("try-001", S8 + ": no error, the body's output", "{% try %}ok{% fallback %}f{% end %}", "ok")
case("try-002", S8 + ": division by zero is not caught", "{% try %}{{ 1 / 0 }}{% fallback %}f{% end %}", error="runtime")
case("try-003", S8 + ": err.type of an undefined error", "{% try %}{{ x.y }}{% fallback e %}{{ e.type }}{% end %}",
     "UndefinedError")
case("try-004", S8 + ": a type error is caught", "{% try %}a{{ 1 + 'a' }}{% fallback e %}{{ e.type }}{% end %}",
     "TypeError")
case("try-005", S8 + ": an error in the fallback passes through",
     "{% try %}{{ x.y }}{% fallback %}{{ z.w }}{% end %}", error="undefined")

S6 = "section 6 (with)"
case("with-001", S6 + ": a falsy value takes the else branch", "{% with 0 as q %}yes{% else %}no{% end %}", "no")
case("with-002", S6 + ": several values must all be truthy", "{% with 'a', '' as x, y %}both{% empty %}not{% end %}", "not")
case("with-003", S6 + ": without as, the value is it", "{% with [1, 2] %}{{ it|length }}{% end %}", "2")
case("with-004", S6 + ": the binding does not survive the block", "{% with 5 as q %}{{ q }}{% end %}{{ q is defined }}",
     "5False")

S5 = "section 5 (output shaping)"
case("capture-001", S5 + ": capture binds the rendered text", "{% capture t %}a{{ 1 + 1 }}{% end %}[{{ t }}]", "[a2]")
case("capture-002", S5 + ": a capture inside a loop binds in template scope",
     "{% for i in [1] %}{% capture c %}x{{ i }}{% end %}{% end %}{{ c }}", "x1")
case("spaceless-001", S5 + ": whitespace between > and < goes, text keeps its spaces",
     "{% spaceless %}<a> <b> x </b>\n</a>{% end %}|", "<a><b> x </b></a>|")
case("cache-001", S5 + ": a first render outputs the body", "{% cache 'k' %}v{{ 1 }}{% end %}", "v1")
case("flush-001", S5 + ": flush renders nothing", "a{% flush %}b", "ab")

S4 = "section 4 (def, call, slots, yield)"
case("def-001", S4 + ": the body reads template variables at call time",
     "{% def who() %}{{ name }}{% end %}{% let name = 'a' %}{{ who() }}{% let name = 'b' %}{{ who() }}", "ab")
case("def-002", S4 + ": *args is a tuple, **kwargs a dict",
     "{% def f(*a, **kw) %}{{ a|length }}{{ kw.x ?? '-' }}{% end %}{{ f() }}|{{ f(1, 2, x=3) }}", "0-|23")
case("def-003", S4 + ": too many positional arguments", "{% def f(a) %}{% end %}{{ f(1, 2) }}", error="type")
case("def-004", S4 + ": an unknown keyword", "{% def f(a) %}{% end %}{{ f(b=1) }}", error="type")
case("def-005", S4 + ": the result is Markup, the body escapes",
     "{% def b(x) %}<b>{{ x }}</b>{% end %}{{ b('<') }}", "<b>&lt;</b>")
case("def-006", S4 + ": a call before the definition is undefined", "{{ f() }}{% def f() %}x{% end %}", error="undefined")
case("def-007", S4 + ": recursion",
     "{% def fact(n) %}{% if n <= 1 %}1{% else %}{{ n }}*{{ fact(n - 1) }}{% end %}{% end %}{{ fact(3) }}", "3*2*1")
case("def-008", S4 + ": the body does not see the caller's loop variables",
     "{% def f() %}{{ i }}{% end %}{% for i in [1] %}{{ f() }}{% end %}", error="undefined")
case("def-009", S4 + ": a def per row in a loop, rows through a parameter",
     "{% def row(n, x) %}<tr><td>{{ n }}</td><td>{{ x.name ?? '?' }}</td></tr>{% end %}"
     "{% for x in rows %}{{ row(loop.index, x) }}{% end %}",
     "<tr><td>1</td><td>a&amp;b</td></tr><tr><td>2</td><td>?</td></tr>", context={"rows": [{"name": "a&b"}, {}]})
case("slots-001", S4 + ": yield renders the enclosing def's caller in a nested call",
     "{% def shell() %}<s>{{ caller() }}</s>{% end %}{% def page(t) %}{% call shell() %}<h1>{{ t }}</h1>{% yield %}{% end %}"
     "{% end %}{% call page('T') %}body{% end %}", "<s><h1>T</h1>body</s>")
case("slots-002", S4 + ": placeholders render nothing without call",
     "{% def c() %}[{% slot %}|{% slot x %}|{% yield %}]{% end %}{{ c() }}", "[||]")
case("slots-003", S4 + ": caller is undefined without call", "{% def c() %}{{ caller() }}{% end %}{{ c() }}",
     error="undefined")
case("slots-004", S4 + ": caller('name'), the default slot, and a missing slot",
     "{% def dlg() %}[{{ caller('title') }}|{{ caller() }}|{{ caller('buttons') }}]{% end %}"
     "{% call dlg() %}{% slot title %}t{% end %}d{% end %}", "[t|d|]")
case("slots-005", S4 + ": has_slot", "{% def w() %}{{ has_slot() }}{% end %}{{ w() }}{% call w() %}x{% end %}", "FalseTrue")
case("slots-006", S4 + ": caller() may be called repeatedly, with the caller's loop variables",
     "{% def twice() %}{{ caller() }}{{ caller() }}{% end %}{% for i in [1, 2] %}{% call twice() %}{{ i }}{% end %}{% end %}",
     "1122")

S9 = "section 9 (provide, push)"
case("provide-001", S9 + ": consume's default is None", "{{ consume('k') }}|{{ consume('k', 3) }}", "None|3")
case("provide-002", S9 + ": nested provides shadow and are restored",
     "{% provide v = 'a' %}{{ consume('v') }}{% provide v = 'b' %}{{ consume('v') }}{% end %}{{ consume('v') }}{% end %}",
     "aba")
case("provide-003", S9 + ": an included template sees the value",
     "{% provide t = 'v' %}{% include 'inc.html' %}{% end %}", "<v>", files={"inc.html": "<{{ consume('t') }}>"})
case("provide-004", S9 + ": a recursive chain",
     "{% def nest(n) %}{% provide d = consume('d', 0) + 1 %}<{{ consume('d') }}>{% if n > 1 %}{{ nest(n - 1) }}"
     "{% else %}x{% end %}</{{ consume('d') }}>{% end %}{% end %}{{ nest(3) }}", "<1><2><3>x</3></2></1>")
case("stack-001", S9 + ": pushes in render order, an unknown stack is empty",
     "{% push 'a' %}1{% end %}{% push 'a' %}2{% end %}[{% stack 'a' %}][{% stack 'b' %}]", "[12][]")
case("stack-002", S9 + ": pushes from defs count",
     "{% def add(n) %}{% push 'js' %}<i>{{ n }}</i>{% end %}{% end %}{{ add(1) }}{% for n in [2] %}{{ add(n) }}{% end %}"
     "|{% stack 'js' %}", "|<i>1</i><i>2</i>")

S11 = "section 11 (expressions)"
case("nullish-001", S11 + ": ?? keeps falsy values, chains, binds looser than filters",
     "[{{ none ?? 'd' }}][{{ x ?? y ?? 'z' }}][{{ 0 ?? 1 }}][{{ name ?? 'anonymous'|upper }}]", "[d][z][0][ANONYMOUS]")
case("optional-001", S11 + ": optional access of None prints as empty, a missing key is None",
     "[{{ u?.name }}][{{ d?.missing ?? 'm' }}][{{ d?['k'] }}]", "[][m][v]", context={"u": None, "d": {"k": "v"}})
case("pipeline-001", S11 + ": |> applies filters left to right", "{{ 'ab' |> upper |> replace('A', 'x') }}", "xB")
case("pipeline-002", S11 + ": | and |> do not mix", "{{ 'a' | upper |> lower }}", error="syntax")
case("range-001", S11 + ": inclusive, exclusive, by, in, reversed bounds",
     "{{ (1..5)|list }}{{ (1...5)|list }}{{ (10..1 by -3)|list }}{{ 3 in 1..5 }}{{ (5..1)|list }}",
     "[1, 2, 3, 4, 5][1, 2, 3, 4][10, 7, 4, 1]True[]")
case("range-002", S11 + ": a non-integer bound", "{{ (1..2.5)|list }}", error="type")
case("listcomp-001", S11 + ": a condition and tuple targets",
     "{{ [x * 2 for x in [1, 2, 3] if x > 1] }}{{ [a + b for a, b in [(1, 2), (3, 4)]] }}", "[4, 6][3, 7]")
case("strings-001", S11 + ": escapes in string literals", "{{ 'a\\tb' }}|{{ '\\u00e9' }}", "a\tb|\u00e9")

S10 = "section 10 (template structure)"
case("region-001", S10 + ": a region outputs nothing where it stands; defaults at call time",
     "{% region r(x, y='d') %}<{{ x }}{{ y }}>{% end %}a{{ r(1) }}{{ r(2, y='e') }}", "a<1d><2e>")
case("region-002", S10 + ": render_block of a region takes its parameters from the context",
     "{% region row(item) %}<{{ item }}>{% end %}", "<5>", context={"item": 5}, block="row")
case("fragment-001", S10 + ": a full render skips a fragment", "{% fragment f %}F{% end %}x", "x")
case("fragment-002", S10 + ": render_block renders it", "{% fragment f %}F{% end %}x", "F", block="f")
case("template-001", S10 + ": a declaration renders nothing", "{% template user: dict %}{{ user.name }}", "u",
     context={"user": {"name": "u"}})
case("globals-001", S10 + ": globals bindings are visible to the template",
     "{% globals %}{% let g = 2 %}{% def h() %}H{% end %}{% end %}{{ g }}{{ h() }}", "2H")
case("embed-001", S10 + ": embed overrides the listed blocks only",
     "{% embed 'card.html' %}{% block b %}X{% end %}{% end %}", "<c>T|X</c>",
     files={"card.html": "<c>{% block t %}T{% endblock %}|{% block b %}B{% endblock %}</c>"})
case("embed-002", S10 + ": a missing template", "{% embed 'nope.html' %}{% end %}", error="notfound")

S12 = "section 12 (render APIs)"
case("listblocks-001", S12 + ": blocks, fragments and regions, not defs, sorted",
     "{% block b %}{% endblock %}{% fragment a %}{% end %}{% region c() %}{% end %}{% def d() %}{% end %}", "a\nb\nc",
     list_blocks=True)
case("withblocks-001", S12 + ": an override is inserted unescaped", "<{% block a %}x{% endblock %}>", "<<i>>",
     block_overrides={"a": "<i>"})

case("combo-001", "sections 4, 7, 11: a def with match and ??",
     "{% def badge(s) %}{% match s %}{% case 'ok' %}+{% case _ %}{{ s ?? '?' }}{% end %}{% end %}{{ badge('ok') }}{{ badge(none) }}",
     "+?")
case("whitespace-001", S1 + ": whitespace control on Kida tags", "{% if true -%}\n  x\n{%- end %}|{% let a = 1 -%}  \n{{ a }}",
     "x|1")

out = os.path.join(os.path.dirname(__file__), "..", "resources", "conformance", "kida-extra-spec.json")
with open(out, "w", encoding="utf-8") as f:
    json.dump({"format": 1, "cases": cases}, f, ensure_ascii=False, indent=1, sort_keys=True)
    f.write("\n")
print(len(cases), "cases ->", os.path.normpath(out))
