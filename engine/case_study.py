# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The text of a case study written from a verified improvement action.

A case study follows the library's template: Problem, Practice, Cost, Result
and Indicator evidence, each a heading with its paragraphs. The sentences are
written (and translated) by the caller; this module assembles them into safe
HTML and, for an anonymised case study, replaces names with stand-ins.
"""

import re
from html import escape


def scrub(text, stand_ins):
    """Replace every name of ``stand_ins`` (``{name: stand-in}``) in ``text``,
    whatever its case, the longest names first so that "Ana María Pérez" is
    not left as "<stand-in> Pérez" by a shorter "Ana María".

    >>> scrub("Ana María Pérez and ana maría fixed it at ACME SAS.",
    ...       {"Ana María": "a colleague", "Ana María Pérez": "the manager",
    ...        "ACME SAS": "a manufacturer"})
    'the manager and a colleague fixed it at a manufacturer.'
    >>> scrub("Nothing to hide", {"": "x", "  ": "y"})
    'Nothing to hide'
    """
    names = sorted((n for n in stand_ins if n.strip()), key=len, reverse=True)
    if not (names and text):
        return text
    pattern = re.compile("|".join(re.escape(n) for n in names), re.IGNORECASE)
    lowered = {n.lower(): stand_ins[n] for n in names}
    return pattern.sub(lambda match: lowered[match.group(0).lower()], text)


def render(sections):
    """HTML of ``[(heading, [paragraph, ...]), ...]``; empty paragraphs are
    left out, a section without any keeps its heading with a dash.

    >>> render([("Problem", ["Water <120 m3>", ""]), ("Cost", [])])
    '<h3>Problem</h3><p>Water &lt;120 m3&gt;</p><h3>Cost</h3><p>-</p>'
    """
    parts = []
    for heading, paragraphs in sections:
        parts.append(f"<h3>{escape(heading)}</h3>")
        kept = [p for p in paragraphs if p and p.strip()] or ["-"]
        parts += [f"<p>{escape(p)}</p>" for p in kept]
    return "".join(parts)
