#!/usr/bin/env python3
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Fail when a required translation misses, leaves empty or garbles a term.

Usage: check_translations.py I18N_DIR

Every msgid of I18N_DIR/csr_management.pot must appear in each required .po
file with a non-empty, non-fuzzy msgstr carrying the same placeholders.
"""

import re
import sys
from pathlib import Path

REQUIRED_LANGUAGES = ("es", "pt_BR", "fr")
PLACEHOLDER = re.compile(r"%\([a-z_]+\)[sdfr]|%[sdfr]|\{[a-z_]*\}")
ESCAPES = {"n": "\n", "t": "\t", '"': '"', "\\": "\\"}


def _unquote(text):
    body = text.strip()[1:-1]
    return re.sub(r"\\(.)", lambda m: ESCAPES.get(m.group(1), m.group(1)), body)


def parse_po(path):
    """Map (msgctxt, msgid) to (msgstr, fuzzy) for every entry of a .po/.pot."""
    entries, entry, key, fuzzy = {}, {}, None, False

    def flush():
        nonlocal entry, fuzzy
        if "msgid" in entry and entry["msgid"]:
            entries[(entry.get("msgctxt", ""), entry["msgid"])] = (
                entry.get("msgstr", ""),
                fuzzy,
            )
        entry, fuzzy = {}, False

    for line in Path(path).read_text(encoding="utf-8").splitlines():
        if not line.strip():
            flush()
            key = None
        elif line.startswith("#,") and "fuzzy" in line:
            fuzzy = True
        elif line.startswith("#"):
            continue
        elif line.startswith('"') and key:
            entry[key] += _unquote(line)
        else:
            key, _sep, rest = line.partition(" ")
            if key in entry:  # a new entry started without a blank line
                saved = fuzzy
                flush()
                fuzzy = saved
            entry[key] = _unquote(rest)
    flush()
    return entries


def problems_of(template, translation):
    for key, _ in template.items():
        msgid = key[1]
        if key not in translation:
            yield f"missing: {msgid[:70]!r}"
            continue
        msgstr, fuzzy = translation[key]
        if not msgstr.strip():
            yield f"empty: {msgid[:70]!r}"
        elif fuzzy:
            yield f"fuzzy: {msgid[:70]!r}"
        elif sorted(PLACEHOLDER.findall(msgid)) != sorted(PLACEHOLDER.findall(msgstr)):
            yield f"placeholders differ: {msgid[:70]!r}"


def main(i18n_dir):
    i18n = Path(i18n_dir)
    pot = i18n / "csr_management.pot"
    if not pot.exists():
        print(f"{pot}: missing template")
        return 1
    template = parse_po(pot)
    failed = False
    for lang in REQUIRED_LANGUAGES:
        po = i18n / f"{lang}.po"
        if not po.exists():
            print(f"{po}: missing translation file")
            failed = True
            continue
        found = list(problems_of(template, parse_po(po)))
        for problem in found:
            print(f"{po.name}: {problem}")
        print(
            f"{po.name}: {len(template) - len(found)}/{len(template)} terms translated"
        )
        failed = failed or bool(found)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1] if len(sys.argv) > 1 else "i18n"))
