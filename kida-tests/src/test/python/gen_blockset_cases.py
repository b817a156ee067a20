"""Generates jinja2-extra-blockset.json: a block `set` whose body names its own target.

Jinja2 decides at compile time whether that name is a not-yet-assigned local of the scope
(undefined inside the body), an alias of an enclosing template variable, or, in a branch of an
`if` that not every branch assigns, an ordinary lookup that reaches the context. Needs python3
with Jinja2 3.1.6; the build only reads the JSON.
"""
import json
import pathlib

from jinja2 import DictLoader, Environment, StrictUndefined, TemplateSyntaxError, UndefinedError

BODIES = [
    "{% set a %}[{{ a }}]{% endset %}{{ a }}",
    "{% set a = 5 %}{% set a %}[{{ a }}]{% endset %}{{ a }}",
    "{% for i in [1, 2] %}{% set a %}[{{ a }}{{ i }}]{% endset %}{{ a }}{% endfor %}",
    "{% set a = 5 %}{% for i in [1] %}{% set a %}[{{ a }}]{% endset %}{{ a }}{% endfor %}|{{ a }}",
    "{% for i in [1] %}{% set a = 2 %}{% set a %}[{{ a }}]{% endset %}{{ a }}{% endfor %}",
    "{% if true %}{% set a %}[{{ a }}]{% endset %}{% endif %}{{ a }}",
    "{% if true %}{% set a %}[{{ a }}]{% endset %}{% else %}{% set a = 0 %}{% endif %}{{ a }}",
    "{% set a = 3 %}{% if true %}{% set a %}<{{ a }}>{% endset %}{% endif %}{{ a }}",
    "{% macro m() %}{% set a %}[{{ a }}]{% endset %}{{ a }}{% endmacro %}{{ m() }}",
    "{% set a = 7 %}{% macro m() %}{% set a %}[{{ a }}]{% endset %}{{ a }}{% endmacro %}{{ m() }}",
    "{% with %}{% set a %}[{{ a }}]{% endset %}{{ a }}{% endwith %}",
    "{% with a = 4 %}{% set a %}[{{ a }}]{% endset %}{{ a }}{% endwith %}",
    "{% set b %}[{{ a }}]{% endset %}{{ b }}",
    "{% set a | upper %}x{{ b }}{% endset %}{{ a }}",
    "{% set a %}{% for x in [1, 2] %}{{ x }}{% endfor %}{% endset %}{{ a }}-{{ a }}",
]

CONTEXTS = [{"a": 1, "b": "q"}, {"b": "q"}]


def kind(e):
    if isinstance(e, TemplateSyntaxError):
        return "syntax"
    if isinstance(e, UndefinedError):
        return "undefined"
    if isinstance(e, TypeError):
        return "type"
    return "runtime"


def main():
    cases = []
    n = 0
    for body in BODIES:
        for context in CONTEXTS:
            n += 1
            env = Environment(loader=DictLoader({"main.html": body}), undefined=StrictUndefined,
                              autoescape=False)
            case = {"id": f"set/blockself-{n:03d}", "files": {"main.html": body}, "entry": "main.html",
                    "context": context,
                    "options": {"autoescape": False, "trim_blocks": False, "lstrip_blocks": False,
                                "keep_trailing_newline": False}}
            try:
                case["expect"] = env.get_template("main.html").render(context)
            except Exception as e:  # the kind is what the corpus records
                case["expect_error"] = kind(e)
            cases.append(case)
    out = pathlib.Path(__file__).resolve().parents[1] / "resources/conformance/jinja2-extra-blockset.json"
    out.write_text(json.dumps({"format": 1, "cases": cases}, indent=1, sort_keys=True, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
