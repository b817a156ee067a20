#!/usr/bin/env python3
"""Writes conformance/kida-extra-errors.json: Kida's error boundary ({% try %}...{% fallback %})
against errors of every Python class, and errors raised inside Kida's blocks. The expectations are
the specification's consequences (/work/shared/kida-semantics.md, section 8): try catches
UndefinedError, TypeError, TemplateRuntimeError and ValueError (Kida's handler names these
classes, so their subclasses too) and lets everything else through; err.type is the exception's
class name. Which class a shared construct raises is Jinja2's (Python's) business: when Jinja2
3.1.6 is importable, the script checks each such claim against it before writing, so a case never
rests on a guess. Nothing here is recorded from an engine.

Run: python3 kida-tests/src/test/python/gen_kida_error_cases.py (from the repository root).
"""
import json
import os
import re

OPTIONS = {"autoescape": True, "trim_blocks": False, "lstrip_blocks": False, "keep_trailing_newline": True}
CAUGHT = {"UndefinedError", "TypeError", "TemplateRuntimeError", "ValueError"}
S8 = "section 8 (try/fallback)"
cases = []


def case(cid, why, main, expect=None, error=None, context=None, files=None):
    c = {"id": cid, "why": why, "files": {"main.html": main, **(files or {})}, "entry": "main.html",
         "context": context or {}, "options": OPTIONS}
    if error:
        c["expect_error"] = error
    else:
        c["expect"] = expect
    cases.append(c)


def jinja_class(body, context):
    """The class of the exception Jinja2 raises rendering body, or None without Jinja2."""
    try:
        import jinja2
    except ImportError:
        return None
    env = jinja2.Environment(undefined=jinja2.StrictUndefined, autoescape=True)
    try:
        env.from_string(body).render(json.loads(json.dumps(context)))
    except Exception as e:  # noqa: BLE001
        return type(e).__name__
    return "no error"


def kind(cls):
    """The conformance kind of an uncaught error of this class (jinja_kinds.kind_of)."""
    return {"UndefinedError": "undefined", "TypeError": "type"}.get(cls, "runtime")


def by_class(cid, cls, body, context=None, what=""):
    """body raises cls (a construct shared with Jinja2): caught and named, or passed through."""
    context = context or {}
    seen = jinja_class(body, context)
    assert seen in (None, cls), (cid, body, seen, cls)
    why = "%s: %s raises %s, %s" % (S8, what or body, cls,
                                   "which try catches, err.type names it" if cls in CAUGHT
                                   else "which try lets through")
    main = "<p>{% try %}" + body + "{% fallback err %}[{{ err.type }}]{% end %}</p>"
    if cls in CAUGHT:
        case(cid, why, main, "<p>[" + cls + "]</p>", context=context)
    else:
        case(cid, why, main, error=kind(cls), context=context)


# -- the classes of errors Python's own rules raise
by_class("kida-try/class-001", "ValueError", "{% for a, b in pairs %}{{ a }}{% endfor %}", {"pairs": [[1, 2, 3]]},
         "unpacking three items into two loop targets")
by_class("kida-try/class-002", "ValueError", "{% set a, b = pairs[0] %}{{ a }}", {"pairs": [[1]]},
         "unpacking one item into two names")
by_class("kida-try/class-003", "ValueError", "{{ s.split(sep) }}", {"s": "ab", "sep": ""}, "str.split('')")
by_class("kida-try/class-004", "ValueError", "{{ '{0}{}'.format(s) }}", {"s": "ab"},
         "str.format mixing manual and automatic field numbers")
by_class("kida-try/class-005", "ValueError", "{{ '{:+}'.format(s) }}", {"s": "ab"}, "a sign in a string's format spec")
by_class("kida-try/class-006", "TypeError", "{{ '{:>5}'.format(xs) }}", {"xs": [1]}, "a format spec for a list")
by_class("kida-try/class-007", "AttributeError", "{{ '{0.nope}'.format(n) }}", {"n": 3},
         "a missing attribute in a str.format field")
by_class("kida-try/class-008", "IndexError", "{{ '{0[5]}'.format(xs) }}", {"xs": [1]},
         "a missing index in a str.format field")
by_class("kida-try/class-009", "KeyError", "{{ '{0[k]}'.format(d) }}", {"d": {}}, "a missing key in a str.format field")
by_class("kida-try/class-010", "OverflowError", "{{ x ** n }}", {"x": 10.0, "n": 400}, "a float power past the float range")
by_class("kida-try/class-011", "OverflowError", "{{ (10 ** n) / 3 }}", {"n": 400}, "an int quotient past the float range")
by_class("kida-try/class-012", "OverflowError", "{{ (10 ** n) + 0.5 }}", {"n": 400}, "an int too large for a float")
by_class("kida-try/class-013", "ValueError", "{{ 10 ** n }}", {"n": 4300},
         "printing an int of more than 4300 digits (Python's int/str digit limit)")
by_class("kida-try/class-014", "OverflowError", "{{ '%c' % code }}", {"code": -1}, "%c of a negative code point")
by_class("kida-try/class-015", "ValueError", "{{ '%d' % (s|float) }}", {"s": "nan"}, "%d of NaN")
by_class("kida-try/class-016", "OverflowError", "{{ '%d' % (s|float) }}", {"s": "inf"}, "%d of infinity")
by_class("kida-try/class-017", "TypeError", "{{ {xs: 1} }}", {"xs": [1]}, "a list as a dict literal's key")
by_class("kida-try/class-018", "AttributeError", "{{ s|dictsort }}", {"s": "ab"}, "dictsort of a string")
by_class("kida-try/class-019", "RuntimeError", "{{ cycler() }}", {}, "an empty cycler() (Python's RuntimeError)")
by_class("kida-try/class-020", "ValueError", "{{ {'a b': 1}|xmlattr }}", {}, "xmlattr of a key with a space")
by_class("kida-try/class-021", "ValueError", "{{ s|wordwrap(0) }}", {"s": "ab"}, "wordwrap to width 0")
by_class("kida-try/class-022", "ValueError", "{{ [1, 2].index(n) }}", {"n": 5}, "list.index of a missing item")
by_class("kida-try/class-023", "IndexError", "{{ xs.pop(n) }}", {"xs": [1], "n": 4}, "list.pop past the end")
by_class("kida-try/class-024", "TypeError", "{{ [1, 'a']|sort }}", {}, "sorting an int against a string")

by_class("kida-try/class-027", "TemplateRuntimeError", "{{ s|map(0)|list }}", {"s": "ab"},
         "map given a filter name that is not a string (no filter of that name)")
by_class("kida-try/class-028", "AttributeError", "{{ v|wordwrap(0) }}", {"v": None},
         "wordwrap of None (s.splitlines() before the width is looked at)")
by_class("kida-try/class-029", "ValueError", "{{ s.partition(sep) }}", {"s": "ab", "sep": ""}, "str.partition('')")
by_class("kida-try/class-030", "TypeError", "{{ d.pop(xs) }}", {"d": {"a": 1}, "xs": [1]}, "dict.pop of a list key")
by_class("kida-try/class-031", "TypeError", "{{ xs|sort('x') }}", {"xs": [2, 1]}, "sort with a string for reverse")
by_class("kida-try/class-032", "OverflowError", "{{ s.center(10 ** 30) }}", {"s": "ab"}, "str.center past a C ssize_t")

case("kida-try/class-025", S8 + ": a float string of 5000 digits is infinity, no error at all",
     "{% try %}{{ s|float }}{% fallback %}F{% end %}", "inf", context={"s": "1" * 5000})
case("kida-try/class-026", S8 + ": the int filter of a 5000-digit string (past Python's digit limit) gives its default",
     "{% try %}{{ s|int(7) }}{% fallback %}F{% end %}", "7", context={"s": "1" * 5000})

# -- Kida's own errors
case("kida-try/require-001", S8 + " and section 15: require raises Kida's RequiredValueError, a "
     "TemplateRuntimeError subclass, so try catches it and err.type names the subclass",
     "{% try %}{{ user.email|require(field_name='email') }}{% fallback err %}{{ err.type }}{% end %}",
     "RequiredValueError", context={"user": {"email": None}})
case("kida-try/errkeys-001", S8 + ": err is the mapping Kida builds: message, type, template, line, in that order",
     "{% try %}{{ nope }}{% fallback err %}{% for k in err %}{{ k }};{% endfor %}{{ err|length }}{% end %}",
     "message;type;template;line;4")
case("kida-errors/consume-001", "section 9: consume(key, default=None) is a Python function: an unknown "
     "keyword is a TypeError", "{{ consume('k', fallback=1) }}", error="type")
case("kida-errors/consume-002", "section 9: consume takes the default by name too",
     "{% provide k = 1 %}{{ consume('k', default=2) }}{% end %}|{{ consume(key='k', default=2) }}", "1|2")

# -- errors raised inside Kida's blocks, caught by an enclosing try
case("kida-try/blocks-001", S8 + ": an error in a slot body rendered by a def inside the try is caught",
     "{% def card() %}<div>{% slot body %}</div>{% end %}"
     "{% try %}{% call card() %}{% slot body %}{{ '{0}{}'.format(1) }}{% end %}{% end %}"
     "{% fallback err %}{{ err.type }}{% end %}", "ValueError")
case("kida-try/blocks-002", S8 + ": a provide left by an error is undone: the fallback sees the outer value",
     "{% provide k = 'outer' %}{% try %}{% provide k = 'inner' %}{{ nope }}{% end %}"
     "{% fallback %}{{ consume('k') }}{% end %}{% end %}", "outer")
case("kida-try/blocks-003", S8 + " and section 5: a cache body that raised stores nothing",
     "{% try %}{% cache 'k' %}A{{ nope }}{% end %}{% fallback %}F{% end %}|{% cache 'k' %}B{% end %}", "F|B")
case("kida-try/blocks-004", S8 + " and section 7: a match guard raising a type error is caught",
     "{% try %}{% match n %}{% case 1 if n + 'a' %}one{% end %}{% fallback err %}{{ err.type }}{% end %}",
     "TypeError", context={"n": 1})
case("kida-try/blocks-005", S8 + " and section 10: a region's default that is undefined is caught at the call",
     "{% region r(a=missing) %}[{{ a }}]{% end %}{% try %}{{ r() }}{% fallback err %}{{ err.type }}{% end %}",
     "UndefinedError")
case("kida-try/blocks-006", S8 + ": an error in an inner fallback is caught by the outer try",
     "{% try %}a{% try %}{{ x }}{% fallback %}{{ '{:=3}'.format('b') }}{% end %}{% fallback err %}{{ err.type }}{% end %}",
     "ValueError")
case("kida-try/blocks-007", S8 + ": an error the inner try lets through reaches the outer one, which lets it through too",
     "{% try %}{% try %}{{ xs.pop(3) }}{% fallback %}in{% end %}{% fallback %}out{% end %}", error="runtime",
     context={"xs": []})
case("kida-try/line-001", S8 + ": err.template and err.line name the template and line the error is raised in",
     "{% try %}{% include 'w.html' %}{% fallback err %}{{ err.template }}:{{ err.line }}:{{ err.type }}{% end %}",
     "w.html:3:ValueError", files={"w.html": "a\nb\n{{ '{}{0}'.format(1) }}"})

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "resources", "conformance",
                   "kida-extra-errors.json")
ids = [c["id"] for c in cases]
assert len(ids) == len(set(ids)), "duplicate ids"
assert all(re.match(r"^kida-(try|errors)/[a-z]+-\d{3}$", i) for i in ids), ids
with open(OUT, "w", encoding="utf-8") as f:
    json.dump({"format": 1, "cases": cases}, f, ensure_ascii=False, indent=1, sort_keys=True)
    f.write("\n")
print("wrote %d cases to %s" % (len(cases), OUT))
