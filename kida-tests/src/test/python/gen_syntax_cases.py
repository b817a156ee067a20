#!/usr/bin/env python3
"""Generates jinja2-extra-syntax.json: conformance cases for Jinja2's syntax settings: custom
block/variable/comment delimiters, line statements and line comments (with whitespace control,
trim_blocks, lstrip_blocks and raw), and newline_sequence. Each case carries the Environment
parameters it needs in ``options`` under Jinja2's names.

Needs python3 with Jinja2 3.1.6 and MarkupSafe 3.0.3 (the oracle). The JSON it writes is the
test data; the build does not run this script. Regenerate with:

    python3 kida-tests/src/test/python/gen_syntax_cases.py
"""
import itertools
import json
import os
import sys

import jinja2
from jinja2 import DictLoader, Environment, StrictUndefined

from jinja_kinds import kind_of

assert jinja2.__version__ == "3.1.6", jinja2.__version__

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "resources", "conformance",
                   "jinja2-extra-syntax.json")

CTX = {"seq": [1, 2, 3], "name": "<kida>", "d": {"a": 1, "b": 2}, "flag": True}

PHP = {"block_start_string": "<?", "block_end_string": "?>", "variable_start_string": "<?=",
       "variable_end_string": "?>", "comment_start_string": "<!--", "comment_end_string": "-->"}
ERB = {"block_start_string": "<%", "block_end_string": "%>", "variable_start_string": "<%=",
       "variable_end_string": "%>", "comment_start_string": "<%#", "comment_end_string": "%>"}
HTMLC = {"block_start_string": "<!--", "block_end_string": "-->", "variable_start_string": "${",
         "variable_end_string": "}", "comment_start_string": "<!--#", "comment_end_string": "-->"}
LATEX = {"block_start_string": "\\BLOCK{", "block_end_string": "}", "variable_start_string": "\\VAR{",
         "variable_end_string": "}", "comment_start_string": "\\#{", "comment_end_string": "}"}
SQUARE = {"block_start_string": "[%", "block_end_string": "%]", "variable_start_string": "[[",
          "variable_end_string": "]]", "comment_start_string": "[#", "comment_end_string": "#]"}
PARENS = {"block_start_string": "(%", "block_end_string": "%)", "variable_start_string": "((",
          "variable_end_string": "))", "comment_start_string": "(#", "comment_end_string": "#)"}

CASES = []


def case(cat, tpl, opts, ctx=None, ae=False):
    files = tpl if isinstance(tpl, dict) else {"main.html": tpl}
    CASES.append((cat, files, CTX if ctx is None else ctx, ae, opts))


def each(cat, tpls, opts_list, ae=False):
    for opts in opts_list:
        for t in tpls:
            case(cat, t, opts, ae=ae)


WS = [{}, {"trim_blocks": True}, {"lstrip_blocks": True}, {"trim_blocks": True, "lstrip_blocks": True}]


def with_ws(base):
    return [dict(base, **w) for w in WS]


# ------------------------------------------------------------------ delimiters
each("syntax/php", [
    "<!-- I'm a comment, I'm not interesting --><? for item in seq -?>\n    <?= item ?>\n<?- endfor ?>",
    "<? if flag ?>yes<? else ?>no<? endif ?>",
    "<?= name ?>|<?= name|upper ?>|<?= seq|join(',') ?>",
    "a <?- 'b' -?> c",
    "<?= {'k': 1}['k'] ?>|<?= d.a > 0 ?>",
    "<? for k, v in d|dictsort ?>\n  <?= k ?>=<?= v ?>\n<? endfor ?>\n",
    "{{ not a tag }} {% neither %} {# nor #}",
    "<? raw ?><?= kept ?><? endraw ?>",
    "  <? if flag ?>\n  x\n  <? endif ?>\n",
    "<?= 'a' ?>\n<!-- c -->\n<?= 'b' ?>\n",
    "<?+ if flag ?>\n  t<? endif +?>\n",
    "<?= missing ?>",
    "<? if ?>",
    "<!-- unclosed",
    "<? raw ?>x",
], with_ws(PHP))
each("syntax/php-escaped", ["<?= name ?>|<? autoescape false ?><?= name ?><? endautoescape ?>"], [PHP], ae=True)
each("syntax/erb", [
    "<%# I'm a comment, I'm not interesting %><% for item in seq -%>\n    <%= item %>\n<%- endfor %>",
    "<% set x = 42 %><%= x %>",
    "<% macro m(a) %>[<%= a %>]<% endmacro %><%= m(1) %><%= m('<') %>",
    "  <% for i in seq %>\n  <%= i %>\n  <% endfor %>\n",
    "<%= 10 % 3 %>|<%= '%s!'|format(name) %>",
    "<% raw -%>\n  <%= x %>\n<%- endraw %>",
], with_ws(ERB))
each("syntax/html-comments", [
    "<!--# I'm a comment, I'm not interesting --><!-- for item in seq --->\n    ${item}\n<!--- endfor -->",
    "${ {'a': 1}['a'] }|${ d|length }",
    "<!-- if flag -->y<!-- endif -->|${seq[0]}",
    "  <!-- if flag -->\n  a\n  <!-- endif -->\n",
    "${ name }<!--# note -->${ seq|sum }",
], with_ws(HTMLC))
each("syntax/latex", [
    "\\BLOCK{for i in seq}\\VAR{i}\\BLOCK{endfor}",
    "\\#{comment}\\VAR{ d['a'] }|\\VAR{ {'x': 2}['x'] }",
    "\\BLOCK{if flag-}\n  \\VAR{name}\n\\BLOCK{-endif}",
    "    \\BLOCK{for i in seq}\n    \\VAR{i}\n    \\BLOCK{endfor}\n",
], with_ws(LATEX))
each("syntax/square", [
    "[% for i in seq %][[ i ]][% endfor %]|[# c #]",
    "[[ seq[1] ]]|[[ [1, 2][0] ]]|[[ seq[0:2] ]]",
    "[% set x = [1, 2] %][[ x ]]",
    "  [% if flag %]\n  ok\n  [% endif %]\n",
    "[% raw %][[ x ]][% endraw %]",
], with_ws(SQUARE))
each("syntax/parens", [
    "(% for i in seq %)(( i ))(% endfor %)",
    "(( (1 + 2) * 3 ))|(( seq|join('(') ))",
    "(# comment #)(( name|length ))",
], [PARENS])
each("syntax/mixed", [
    "{% for i in seq %}<<i>>{% endfor %}",
    "<<name>>{{ not a var }}",
    "<< {'a': 1}['a'] >>",
], [{"variable_start_string": "<<", "variable_end_string": ">>"}])
each("syntax/mixed", [
    "{% for i in seq %}{{ i }}{% endfor %}@@ c @@|{{ 1 }}",
], [{"comment_start_string": "@@", "comment_end_string": "@@"}])

# ------------------------------------------------------------------ line statements
LS = {"line_statement_prefix": "#"}
LSC = {"line_statement_prefix": "#", "line_comment_prefix": "##"}
each("syntax/line-statements", [
    "# for item in seq\n{{ item }}\n# endfor\n",
    "# for item in seq:\n  {{ item }}\n# endfor",
    "  # if flag\n  yes\n  # endif\nafter",
    "# set x = 3\n{{ x }}",
    "text # not a statement\n# if true\nin\n# endif",
    "# for i in [1,\n  2, 3]\n{{ i }}\n# endfor\n",
    "# for k in d|dictsort\n{{ k[0] }}={{ k[1] }};\n# endfor",
    "# macro m(a)\n[{{ a }}]\n# endmacro\n{{ m(1) }}{{ m(2) }}",
    "{% for i in seq %}{{ i }}{% endfor %}\n# if flag\n!\n# endif",
    "# if flag\nA\n\n\n# endif\nB",
    "# if flag   \nA\n# endif   ",
    "# raw\n{{ x }}\n# endraw\n",
    "{% raw %}\n# if flag\n{% endraw %}",
    "#for i in seq\n{{ i }}{% if not loop.last %},{% endif %}\n#endfor",
    "# if flag\n  {{- name }}\n# endif",
    "# for i in seq\n    {{ i }}\n# endfor\n",
    "# if flag\n{{ name }}\n# endif\n",
    "#",
    "# if\n",
    "# for i in seq\nx\n",
], with_ws(LS))
each("syntax/line-comments", [
    "# for item in seq\n{{ item }} ## the item\n# endfor",
    "a ## comment\nb",
    "## whole line\nc",
    "  ## indented\nd",
    "# if flag ## trailing\nyes\n# endif",
    "{{ name }}## glued\n",
    "x##y\nz",
    "# for i in seq\n  {{ i }}  ## c\n# endfor\n",
], with_ws(LSC))
each("syntax/line-comments-only", [
    "a ## c\nb {{ name }} ## d\n",
    "{% for i in seq %}{{ i }} ## n\n{% endfor %}",
    "## all\n## lines\n",
], with_ws({"line_comment_prefix": "##"}))
each("syntax/line-statements-custom", [
    "% for i in seq\n{{ i }}\n% endfor",
    "%% for i in seq\n{{ i }}\n%% endfor",
], [{"line_statement_prefix": "%"}, {"line_statement_prefix": "%%"}])
each("syntax/line-statements-erb", [
    "% for item in seq\n<%= item %>\n% endfor\n<%# c %>end",
    "%% x\n% if flag\nt\n% endif",
], [dict(ERB, line_statement_prefix="%")])
each("syntax/line-statements-double", [
    "#: for i in seq\n{{ i }}\n#: endfor\n#:# x\n",
], [{"line_statement_prefix": "#:", "line_comment_prefix": "#:#"}, {"line_statement_prefix": "#:"}])

# ------------------------------------------------------------------ newline_sequence
NL = [{"newline_sequence": s} for s in ("\n", "\r\n", "\r")]
each("syntax/newline-sequence", [
    "a\nb\r\nc\rd",
    "{% for i in seq %}\n{{ i }}\n{% endfor %}\n",
    "{{ 'x\ny' }}|{{ 'p\\nq' }}",
    "{% raw %}\r\n{{ r }}\n{% endraw %}",
    "line1\n{# c\nc #}\nline2\n",
    "{% set t %}\na\nb{% endset %}{{ t }}",
    "{{ 'a\r\nb'|length }}",
], NL + [dict(n, keep_trailing_newline=True) for n in NL] + [dict(n, trim_blocks=True) for n in NL])


def run(files, ctx, ae, opts):
    ctx = json.loads(json.dumps(ctx, sort_keys=True))
    env = Environment(loader=DictLoader(files), undefined=StrictUndefined, autoescape=ae, **opts)
    try:
        out = env.get_template("main.html").render(ctx)
    except RecursionError:
        return None
    except Exception as e:  # noqa: BLE001 - every Jinja2 error is data here
        r = {"expect_error": kind_of(e)}
        if kind_of(e) == "syntax" and getattr(e, "lineno", None):
            r["expect_line"] = e.lineno
        return r
    return {"expect": out.replace("&#34;", "&quot;")}


def main():
    counters = {}
    out = []
    for cat, files, ctx, ae, opts in CASES:
        counters[cat] = counters.get(cat, 0) + 1
        cid = "%s-%03d" % (cat, counters[cat])
        res = run(files, ctx, ae, opts)
        if res is None:
            continue
        options = {"autoescape": ae, "keep_trailing_newline": False, "lstrip_blocks": False,
                   "trim_blocks": False}
        options.update(opts)
        c = {"context": ctx, "entry": "main.html", "files": files, "id": cid, "options": options}
        c.update(res)
        out.append(c)
    with open(OUT, "w", encoding="utf-8") as f:
        json.dump({"format": 1, "cases": out}, f, ensure_ascii=False, indent=1, sort_keys=True)
        f.write("\n")
    cats = {}
    for c in out:
        k = c["id"].rsplit("-", 1)[0]
        cats[k] = cats.get(k, 0) + 1
    print("wrote %d cases to %s %s" % (len(out), OUT, cats), file=sys.stderr)


if __name__ == "__main__":
    main()
