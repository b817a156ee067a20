"""The error kind a conformance case expects, named from the exception Jinja2 3.1.6 raised.

Shared by the case generators (gen_*_cases.py) and the differential fuzzer, so that every corpus
classifies errors by one rule: the kinds the Java harness compares (syntax, undefined, type,
notfound, runtime).
"""


def kind_of(exc):
    name = type(exc).__name__
    if name in ("TemplateSyntaxError", "TemplateAssertionError"):
        return "syntax"
    if name == "UndefinedError":
        return "undefined"
    if name == "TypeError":
        return "type"
    if name in ("TemplateNotFound", "TemplatesNotFound"):
        return "notfound"
    return "runtime"
