#!/usr/bin/env python3
"""Renders a template the way `./kida render` does, with Python + Jinja2: the baseline of the
cold-start comparison in docs/performance.md (scripts/coldstart.sh runs both, paired).

    python3 scripts/jinja2-render.py page.html examples/templates examples/data.json
"""
import json
import sys

import jinja2


def main(argv):
    if len(argv) != 4:
        print("usage: jinja2-render.py ENTRY TEMPLATES_DIR DATA.json", file=sys.stderr)
        return 2
    entry, templates, data_file = argv[1:]
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(templates),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
    )
    with open(data_file, encoding="utf-8") as f:
        data = json.load(f)
    sys.stdout.write(env.get_template(entry).render(data))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
