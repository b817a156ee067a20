#!/usr/bin/env python3
"""Generates jinja2-extra-i18n.json and the catalogue it uses, i18n/messages.mo: conformance
cases for Jinja2's i18n extension ({% trans %} with variables, count and pluralize, trimmed and
notrimmed, contexts; _(), gettext(), ngettext(), pgettext(), npgettext()) in old and new style,
with the catalogue installed and with null translations, with and without autoescape.

The .mo file is written by this script itself (GNU gettext's binary format: header, two tables
of (length, offset) pairs sorted by message id, then the strings), loaded back with Python's
gettext.GNUTranslations and installed in Jinja2 3.1.6, which records the expected outputs. Each
case carries options.extensions = ["jinja2.ext.i18n"], options.newstyle_gettext and, when the
catalogue is installed, options.translations = "i18n/messages.mo" (relative to the corpus file).

    python3 kida-tests/src/test/python/gen_i18n_cases.py
"""
import gettext
import io
import json
import os
import struct
import sys

import jinja2
from jinja2 import DictLoader, Environment, StrictUndefined

from jinja_kinds import kind_of

assert jinja2.__version__ == "3.1.6", jinja2.__version__

HERE = os.path.dirname(os.path.abspath(__file__))
RES = os.path.join(HERE, "..", "resources", "conformance")
OUT = os.path.join(RES, "jinja2-extra-i18n.json")
MO = os.path.join(RES, "i18n", "messages.mo")

PLURAL = "nplurals=3; plural=(n==1 ? 0 : n%10>=2 && n%10<=4 && (n%100<10 || n%100>=20) ? 1 : 2);"
HEADER = ("Project-Id-Version: kida-tests\nLanguage: xx\nMIME-Version: 1.0\n"
          "Content-Type: text/plain; charset=UTF-8\nContent-Transfer-Encoding: 8bit\n"
          "Plural-Forms: %s\n" % PLURAL)

# msgid (or (ctx, msgid) or (msgid, msgid_plural) or (ctx, msgid, msgid_plural)) -> msgstr or forms
CATALOG = {
    "": HEADER,
    "Hello World!": "Hallo Welt!",
    "Hello %(user)s!": "Hallo %(user)s!",
    "Hello %(name)s!": "Grüß dich, %(name)s!",
    "Price: 100%": "Preis: 100%",
    "Price: 100%%": "Preis: 100%% (escaped)",
    "<b>bold</b>": "<b>fett</b>",
    "%(name)s likes <em>%(thing)s</em>": "%(name)s mag <em>%(thing)s</em>",
    "Hello %(user)s, you have %(n)s messages": "Hallo %(user)s, du hast %(n)s Nachrichten",
    "one line two lines": "eine Zeile zwei Zeilen",
    "Goodbye": "Tschüss",
    "%(a)s and %(b)s": "%(b)s und %(a)s",
    "Welcome, %(user)s.": "Willkommen, %(user)s.",
    ("%(user_count)s user", "%(user_count)s users"): ["%(user_count)s Benutzer (eins)",
                                                      "%(user_count)s Benutzer (wenige)",
                                                      "%(user_count)s Benutzer (viele)"],
    ("%(num)s apple", "%(num)s apples"): ["%(num)s Apfel", "%(num)s Äpfel (2-4)", "%(num)s Äpfel"],
    ("One apple", "%(count)s apples"): ["Ein Apfel", "%(count)s Äpfel!", "%(count)s Äpfel."],
    ("%(count)s item", "%(count)s items"): ["%(count)s Ding", "%(count)s Dinge", "%(count)s Dinger"],
    ("fruit", "Apple"): "Apfel (Frucht)",
    ("company", "Apple"): "Apple Inc.",
    ("fruit", "%(num)s pear", "%(num)s pears"): ["%(num)s Birne", "%(num)s Birnen", "%(num)s Birnen!"],
    ("greeting", "Hello %(user)s!"): "Servus %(user)s!",
}


def write_mo(catalog, path):
    entries = []
    for key, value in catalog.items():
        if isinstance(key, tuple) and len(key) == 3:
            msgid = key[0] + "\x04" + key[1] + "\x00" + key[2]
        elif isinstance(key, tuple) and isinstance(value, list):
            msgid = key[0] + "\x00" + key[1]
        elif isinstance(key, tuple):
            msgid = key[0] + "\x04" + key[1]
        else:
            msgid = key
        msgstr = "\x00".join(value) if isinstance(value, list) else value
        entries.append((msgid.encode("utf-8"), msgstr.encode("utf-8")))
    entries.sort()
    n = len(entries)
    originals_at = 7 * 4
    translations_at = originals_at + 8 * n
    strings_at = translations_at + 8 * n
    ids = b""
    strs = b""
    id_table = []
    for msgid, _ in entries:
        id_table.append((len(msgid), strings_at + len(ids)))
        ids += msgid + b"\x00"
    str_table = []
    base = strings_at + len(ids)
    for _, msgstr in entries:
        str_table.append((len(msgstr), base + len(strs)))
        strs += msgstr + b"\x00"
    out = struct.pack("<7I", 0x950412de, 0, n, originals_at, translations_at, 0, 0)
    for length, offset in id_table:
        out += struct.pack("<2I", length, offset)
    for length, offset in str_table:
        out += struct.pack("<2I", length, offset)
    out += ids + strs
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "wb") as f:
        f.write(out)
    return out


CTX = {"user": "<Ann>", "name": "Bo & Co", "thing": "<tea>", "users": [1, 2, 3], "n": 5, "one": 1,
       "counts": [0, 1, 2, 3, 4, 5, 11, 12, 21, 22, 25, 101, 102, 112], "list": ["a", "b"]}

TEMPLATES = [
    # trans basics
    "{% trans %}Hello World!{% endtrans %}",
    "{% trans %}Untranslated text{% endtrans %}",
    "{% trans %}Hello {{ user }}!{% endtrans %}",
    "{% trans user=name %}Hello {{ user }}!{% endtrans %}",
    "{% trans name %}Hello {{ name }}!{% endtrans %}",
    "{% trans %}Price: 100%{% endtrans %}",
    "{% trans %}Price: 100%{{ n }}{% endtrans %}",
    "{% trans x=1 %}Price: 100%{% endtrans %}",
    "{% trans %}<b>bold</b>{% endtrans %}",
    "{% trans thing=thing %}{{ name }} likes <em>{{ thing }}</em>{% endtrans %}",
    "{% trans %}Hello {{ user }}, you have {{ n }} messages{% endtrans %}",
    "{% trans a=1, b=2 %}{{ a }} and {{ b }}{% endtrans %}",
    "{% trans b='x', a='<y>' %}{{ a }} and {{ b }}{% endtrans %}",
    "[{% trans %}{% endtrans %}]",
    "{% trans -%}\n  Goodbye\n{%- endtrans %}",
    "  {% trans %}Goodbye{% endtrans %}  ",
    "{% trans %}Goodbye{# comment #}{% endtrans %}",
    "{% trans %}Good{% raw %}bye{% endraw %}{% endtrans %}",
    "{% trans: user %}Welcome, {{ user }}.{% endtrans %}",
    # plurals
    "{% for c in counts %}{% trans count=c %}{{ count }} item{% pluralize %}{{ count }} items{% endtrans %};{% endfor %}",
    "{% for c in counts %}{% trans user_count=c %}{{ user_count }} user{% pluralize %}{{ user_count }} users{% endtrans %}|{% endfor %}",
    "{% for num in counts %}{% trans %}{{ num }} apple{% pluralize %}{{ num }} apples{% endtrans %};{% endfor %}",
    "{% trans count=users|length %}One apple{% pluralize %}{{ count }} apples{% endtrans %}",
    "{% trans count=one %}One apple{% pluralize %}{{ count }} apples{% endtrans %}",
    "{% trans count=users|length %}{{ count }} item{% pluralize count %}{{ count }} items{% endtrans %}",
    "{% trans num=n, user=user %}{{ num }} apple{% pluralize num %}{{ num }} apples{% endtrans %}",
    "{% trans n=n %}{{ n }} thing{% pluralize %}{{ n }} things{% endtrans %}",
    "{% trans count=list|count %}{{ count }} item{% pluralize %}{{ count }} items{% endtrans %}",
    "{% trans count=range(3)|list|length %}{{ count }} item{% pluralize %}{{ count }} items{% endtrans %}",
    "{% trans count=(2 + 3) %}{{ count }} item{% pluralize %}{{ count }} items{% endtrans %}",
    "{% trans count=n %}{{ count }} item{% pluralize %}{{ count }} items 100%{% endtrans %}",
    # trimmed
    "{% trans trimmed %}  one line\n   two lines  \n{% endtrans %}",
    "{% trans notrimmed %}  one line\n   two lines  \n{% endtrans %}",
    "{% trans trimmed user=user %}\n  Hello\n  {{ user }}!\n{% endtrans %}",
    "{% trans trimmed count=n %}\n  {{ count }}\n  item\n{% pluralize %}\n  {{ count }}\n  items\n{% endtrans %}",
    "{% trans trimmed=1 %}x{{ trimmed }}{% endtrans %}",
    # contexts
    '{% trans "fruit" %}Apple{% endtrans %}|{% trans "company" %}Apple{% endtrans %}|{% trans "other" %}Apple{% endtrans %}',
    '{% trans "greeting" %}Hello {{ user }}!{% endtrans %}',
    '{% for num in counts %}{% trans "fruit" %}{{ num }} pear{% pluralize %}{{ num }} pears{% endtrans %};{% endfor %}',
    # functions
    "{{ _('Hello World!') }}|{{ gettext('Hello World!') }}|{{ _('nope') }}",
    "{{ _('Hello %(user)s!')|format(user=user) }}",
    "{{ _('Hello %(user)s!') % {'user': user} }}",
    "{{ gettext('Hello %(user)s!', user=user) }}",
    "{{ _('Hello %(name)s!', name=name) }}",
    "{{ gettext('Price: 100%%') }}",
    "{{ gettext('<b>bold</b>') }}",
    "{% for c in counts %}{{ ngettext('%(num)s apple', '%(num)s apples', c) }};{% endfor %}",
    "{% for c in counts %}{{ ngettext('%(num)s apple', '%(num)s apples', c) % {'num': c} }};{% endfor %}",
    "{{ ngettext('%(count)s item', '%(count)s items', 3, count=3) }}",
    "{{ pgettext('fruit', 'Apple') }}|{{ pgettext('company', 'Apple') }}|{{ pgettext('x', 'Apple') }}",
    "{% for c in [1, 2, 5] %}{{ npgettext('fruit', '%(num)s pear', '%(num)s pears', c) }};{% endfor %}",
    "{{ pgettext('greeting', 'Hello %(user)s!', user=user) }}",
    "{% set g = _ %}{{ g('Goodbye') }}",
    "{{ _('Goodbye') ~ '!' }}|{{ _('Goodbye')|upper }}|{{ _('Goodbye')|length }}",
    "{% macro m() %}{{ _('Goodbye') }}{% endmacro %}{{ m() }}",
    "{{ _('Hello World!') is string }}",
    # errors
    "{% trans %}{{ user.name }}{% endtrans %}",
    "{% trans %}{% if x %}x{% endif %}{% endtrans %}",
    "{% trans %}a{% trans %}b{% endtrans %}{% endtrans %}",
    "{% trans %}unclosed",
    "{% trans a=1, a=2 %}{{ a }}{% endtrans %}",
    "{% trans %}a{% pluralize x %}b{% endtrans %}",
    "{% trans %}a{% pluralize %}b{% endtrans %}",
    "{% trans count=1 %}a{% pluralize %}b{% pluralize %}c{% endtrans %}",
    "{% trans a b %}x{% endtrans %}",
    "{% trans %}{{ missing }}{% endtrans %}",
    "{% trans count=missing %}{{ count }} item{% pluralize %}{{ count }} items{% endtrans %}",
    "{{ ngettext('a', 'b') }}",
    "{{ gettext() }}",
    "{% trans %}x{% endfor %}",
]


def run(tpl, ae, newstyle, translations):
    ctx = json.loads(json.dumps(CTX, sort_keys=True))
    env = Environment(loader=DictLoader({"main.html": tpl}), undefined=StrictUndefined, autoescape=ae,
                      extensions=["jinja2.ext.i18n"])
    if translations is None:
        env.install_null_translations(newstyle=newstyle)
    else:
        env.install_gettext_translations(translations, newstyle=newstyle)
    try:
        out = env.get_template("main.html").render(ctx)
    except Exception as e:  # noqa: BLE001 - every Jinja2 error is data here
        r = {"expect_error": kind_of(e)}
        if kind_of(e) == "syntax" and getattr(e, "lineno", None):
            r["expect_line"] = e.lineno
        return r
    return {"expect": out.replace("&#34;", "&quot;")}


def main():
    data = write_mo(CATALOG, MO)
    translations = gettext.GNUTranslations(io.BytesIO(data))
    assert translations.gettext("Hello World!") == "Hallo Welt!"
    out = []
    n = 0
    for newstyle in (False, True):
        for installed in (True, False):
            for ae in (False, True):
                for i, tpl in enumerate(TEMPLATES):
                    res = run(tpl, ae, newstyle, translations if installed else None)
                    cid = "i18n/%s-%s-%s-%03d" % ("newstyle" if newstyle else "oldstyle",
                                                  "catalog" if installed else "null",
                                                  "escaped" if ae else "plain", i + 1)
                    options = {"autoescape": ae, "keep_trailing_newline": False, "lstrip_blocks": False,
                               "trim_blocks": False, "extensions": ["jinja2.ext.i18n"],
                               "newstyle_gettext": newstyle}
                    if installed:
                        options["translations"] = "i18n/messages.mo"
                    c = {"context": CTX, "entry": "main.html", "files": {"main.html": tpl}, "id": cid,
                         "options": options}
                    c.update(res)
                    out.append(c)
    with open(OUT, "w", encoding="utf-8") as f:
        json.dump({"format": 1, "cases": out}, f, ensure_ascii=False, indent=1, sort_keys=True)
        f.write("\n")
    print("wrote %d cases to %s and %s" % (len(out), OUT, MO), file=sys.stderr)


if __name__ == "__main__":
    main()
