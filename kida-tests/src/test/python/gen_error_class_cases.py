#!/usr/bin/env python3
"""Generates jinja2-extra-errors.json: which error Jinja2 raises (or the output it gives) where
Python's own rules decide it: float and int overflow, the digit limit between ints and strings,
str.format's fields and specs, %c, dict keys that cannot be hashed, very long numeric strings.
These errors differ in their Python class (ValueError, OverflowError, AttributeError, ...), which
Kida's try/fallback tells apart; this corpus pins the kind Jinja2 reports and the outputs around
them, kida-extra-errors.json what try makes of each class.

Needs python3 (3.11 or later: the int digit limit) with Jinja2 3.1.6 and MarkupSafe 3.0.3, the
oracle. The build only reads the JSON. Regenerate with:

    python3 kida-tests/src/test/python/gen_error_class_cases.py

Values come from the context (not literals), so that Jinja2's constant folder plays no part.
"""
import json
import os
import sys

import jinja2
from jinja2 import DictLoader, Environment, StrictUndefined

from jinja_kinds import kind_of

assert jinja2.__version__ == "3.1.6", jinja2.__version__
assert sys.version_info >= (3, 11), "the int digit limit needs Python 3.11+"

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "resources", "conformance",
                   "jinja2-extra-errors.json")

CTX = {"ten": 10, "tenf": 10.0, "three": 3, "n400": 400, "n4299": 4299, "n4300": 4300, "minus": -1,
       "big_code": 1114112, "ones": "1" * 5000, "ones4300": "1" * 4300, "empty": "", "s": "ab",
       "xs": [1, 2], "d": {"a": 1}, "nan": "nan", "inf": "inf"}

CASES = [
    # float and int overflow
    ("overflow/floatpow", "{{ tenf ** n400 }}"),
    ("overflow/floatpow", "{{ (-tenf) ** 401 }}|"),
    ("overflow/floatpow", "{{ tenf ** -n400 }}|{{ 2 ** -100000 }}|{{ (inf|float) ** 2 }}|{{ 1e308 * ten }}"),
    ("overflow/intdiv", "{{ (ten ** n400) / three }}"),
    ("overflow/intdiv", "{{ (ten ** n400) / (ten ** 399) }}"),
    ("overflow/tofloat", "{{ (ten ** n400) + 0.5 }}"),
    ("overflow/tofloat", "{{ (ten ** n400)|float }}"),
    ("overflow/tofloat", "{{ (ten ** n400) * 1.0 }}"),
    ("overflow/tofloat", "{{ (ten ** n400) < 1.5 }}|{{ (ten ** n400)|round|string|length }}"),
    # an int past 64 bits where CPython wants a C ssize_t
    ("overflow/ssize", "{{ s|center(ten ** 30) }}"),
    ("overflow/ssize", "{{ s.center(ten ** 30) }}"),
    ("overflow/ssize", "{{ s.ljust(-(ten ** 30)) }}"),
    ("overflow/ssize", "{{ s|indent(ten ** 30) }}"),
    ("overflow/ssize", "{{ s.replace('a', 'b', ten ** 30) }}"),
    ("overflow/ssize", "{{ s|replace('a', 'b', ten ** 30) }}"),
    ("overflow/ssize", "{{ s.split('a', ten ** 30) }}"),
    ("overflow/ssize", "{{ s.center(1.5) }}"),
    # the digit limit between ints and strings
    ("intdigits/str", "{{ ten ** n4300 }}"),
    ("intdigits/str", "{{ (ten ** n4299)|string|length }}|{{ (-(ten ** n4299))|string|length }}"),
    ("intdigits/str", "{{ (ten ** n4300) ~ '' }}"),
    ("intdigits/str", "{{ [ten ** n4300] }}"),
    ("intdigits/str", "{{ (ten ** n4300)|tojson }}"),
    ("intdigits/str", "{{ '%d' % (ten ** n4300) }}"),
    ("intdigits/str", "{{ '{}'.format(ten ** n4300) }}"),
    ("intdigits/str", "{{ ('%x' % (ten ** n4300))|length }}|{{ '{:b}'.format(ten ** n4300)|length }}"),
    ("intdigits/int", "{{ ones|int }}|{{ ones4300|int|string|length }}|{{ ones|int(base=16) > 0 }}"),
    ("intdigits/float", "{{ ones|float }}|{{ ('-' ~ ones)|float }}|{{ (ones ~ '.5')|float }}"),
    # str.format
    ("format/numbering", "{{ '{0}{}'.format(s) }}"),
    ("format/numbering", "{{ '{}{0}'.format(s) }}"),
    ("format/numbering", "{{ '{0:{}}'.format(s, three) }}"),
    ("format/numbering", "{{ '{:{}}|'.format(s, 5) }}{{ '{0:{1}}|'.format(s, 5) }}{{ '{a:{w}}|'.format(a=s, w=4) }}"),
    ("format/field", "{{ '{0.nope}'.format(three) }}"),
    ("format/field", "{{ '{0[5]}'.format(xs) }}"),
    ("format/field", "{{ '{0[zz]}'.format(d) }}"),
    ("format/field", "{{ '{0[a]}'.format(xs) }}"),
    ("format/field", "{{ '{0[0]}'.format(three) }}"),
    ("format/field", "{{ '{0[9]}'.format(s) }}"),
    ("format/field", "{{ '{0[1]}|{0[a]}'.format(xs, d) }}{{ '{1[a]}'.format(xs, d) }}"),
    ("format/spec", "{{ '{:+}'.format(s) }}"),
    ("format/spec", "{{ '{: }'.format(s) }}"),
    ("format/spec", "{{ '{:#}'.format(s) }}"),
    ("format/spec", "{{ '{:=5}'.format(s) }}"),
    ("format/spec", "{{ '{:,}'.format(s) }}"),
    ("format/spec", "{{ '{:_s}'.format(s) }}"),
    ("format/spec", "{{ '{:5}'.format(none) }}"),
    ("format/spec", "{{ '{:>5}'.format(xs) }}"),
    ("format/spec", "{{ '{:s}'.format(true) }}"),
    ("format/spec", "[{{ '{:05}'.format(s) }}][{{ '{:<05}'.format(s) }}][{{ '{:<05}'.format(three) }}]"
                    "[{{ '{:x<05}'.format(three) }}][{{ '{:5}'.format(true) }}][{{ '{!r:>6}'.format(xs) }}]"
                    "[{{ '{}'.format(none) }}][{{ '{:}'.format(xs) }}][{{ '{:>05}'.format(-three) }}]"),
    # %c and {:c}
    ("format/char", "{{ '%c' % minus }}"),
    ("format/char", "{{ '%c' % big_code }}"),
    ("format/char", "{{ '{:c}'.format(minus) }}"),
    ("format/char", "{{ '%c|{:c}'.format(66) % 65 }}"),
    ("format/percent", "{{ '%d' % (nan|float) }}"),
    ("format/percent", "{{ '%d' % (inf|float) }}"),
    # dict keys
    ("dictkey/unhashable", "{{ {xs: 1} }}"),
    ("dictkey/unhashable", "{{ {d: 1} }}"),
    ("dictkey/unhashable", "{{ {missing: 1} }}"),
    ("dictkey/unhashable", "{{ {(1, 2): 1, range(2): 2}|length }}"),
    ("dictkey/unhashable", "{{ [xs, xs]|unique|list }}"),
    # filter arguments as Jinja2's Python takes them
    ("filterargs/mapname", "{{ s|map(0)|list }}"),
    ("filterargs/mapname", "{{ s|map(none)|list }}"),
    ("filterargs/mapname", "{{ s|map(xs)|list }}"),
    ("filterargs/mapname", "{{ three|map(0)|list }}"),
    ("filterargs/mapname", "[{{ empty|map(0)|list }}][{{ empty|select(0)|list }}][{{ xs|select()|list }}]"),
    ("filterargs/mapname", "{{ s|select(0)|list }}"),
    ("filterargs/mapname", "{{ s|reject(none)|list }}"),
    ("filterargs/mapname", "{{ xs|selectattr('real', 0)|list }}"),
    ("filterargs/reverse", "{{ xs|sort('x') }}"),
    ("filterargs/reverse", "{{ xs|sort(none) }}"),
    ("filterargs/reverse", "{{ xs|sort(1.5) }}"),
    ("filterargs/reverse", "{{ xs|sort(1) }}|{{ xs|sort(true) }}|{{ xs|sort(0) }}|{{ d|dictsort(reverse=1) }}"),
    ("filterargs/reverse", "{{ d|dictsort(reverse='x') }}"),
    ("filterargs/reverse", "{{ s|dictsort(reverse='x') }}"),
    ("filterargs/round", "{{ 2.5|round(none) }}|{{ 3.5|round(none) }}|{{ -0.5|round(none) }}|{{ 7|round(none) }}|{{ 1.25|round(1) }}"),
    ("filterargs/round", "{{ 2.5|round(none, 'ceil') }}"),
    ("filterargs/round", "{{ (nan|float)|round(none) }}"),
    ("filterargs/round", "{{ (inf|float)|round(none) }}"),
    ("filterargs/round", "{{ s|round(none) }}"),
    ("filterargs/wordwrap", "{{ none|wordwrap(0) }}"),
    ("filterargs/wordwrap", "{{ s|wordwrap(5, true, 3) }}"),
    ("filterargs/wordwrap", "[{{ empty|wordwrap(0) }}][{{ empty|wordwrap('x') }}]"),
    ("filterargs/wordwrap", "{{ s|wordwrap('x') }}"),
    ("filterargs/wordwrap", "{{ s|wordwrap(0) }}"),
    ("filterargs/truncate", "{{ s|truncate(1, 2, 3) }}"),
    ("filterargs/truncate", "{{ s|truncate(5, false, xs) }}|{{ s|truncate(5, false, none) if false else 'n' }}"),
    ("filterargs/truncate", "{{ (s * 200)|truncate(5, false, xs, 0) }}"),
    ("filterargs/truncate", "{{ s|truncate(5, false, none) }}"),
    ("strmethod/partition", "{{ s.partition(empty) }}"),
    ("strmethod/partition", "{{ s.rpartition(empty) }}"),
    ("strmethod/splitlines", "{{ s.splitlines('x') }}"),
    ("strmethod/splitlines", "{{ s.splitlines(none) }}"),
    ("strmethod/splitlines", "{{ 'a\nb'.splitlines(1) }}|{{ 'a\nb'.splitlines(keepends=false) }}"),
    ("listmethod/index", "{{ xs.index(1, 1) }}"),
    ("listmethod/index", "{{ xs.index(2, 1) }}|{{ xs.index(2, -1) }}|{{ xs.index(1, -5, 9) }}|{{ (1, 2).index(2, 1) }}"),
    ("listmethod/index", "{{ xs.index(2, 0, 1) }}"),
    ("dictmethod/pop", "{{ d.pop(xs) }}"),
    ("dictmethod/pop", "{{ d.setdefault(xs) }}"),
    ("dictmethod/pop", "{{ {}.pop(xs) }}"),
    ("dictmethod/pop", "{{ {}.pop(xs, 'dflt') }}"),
    # str.split
    ("strmethod/split", "{{ s.split(empty) }}"),
    ("strmethod/split", "{{ s.rsplit(empty) }}"),
]


def run(tpl):
    ctx = json.loads(json.dumps(CTX, sort_keys=True))
    env = Environment(loader=DictLoader({"main.html": tpl}), undefined=StrictUndefined, autoescape=False)
    try:
        return {"expect": env.get_template("main.html").render(ctx)}
    except Exception as e:  # noqa: BLE001 - every Jinja2 error is data here
        return {"expect_error": kind_of(e)}


def main():
    counters = {}
    out = []
    for cat, tpl in CASES:
        counters[cat] = counters.get(cat, 0) + 1
        c = {"context": CTX, "entry": "main.html", "files": {"main.html": tpl},
             "id": "%s-e%03d" % (cat, counters[cat]),
             "options": {"autoescape": False, "keep_trailing_newline": False, "lstrip_blocks": False,
                         "trim_blocks": False}}
        c.update(run(tpl))
        out.append(c)
    with open(OUT, "w", encoding="utf-8") as f:
        json.dump({"format": 1, "cases": out}, f, ensure_ascii=False, indent=1, sort_keys=True)
        f.write("\n")
    print("wrote %d cases to %s" % (len(out), OUT), file=sys.stderr)


if __name__ == "__main__":
    main()
