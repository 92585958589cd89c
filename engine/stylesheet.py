# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Keep, of a stylesheet, the rules that can style a given HTML document.

wkhtmltopdf lays the report's header and footer out again on every page,
each time with the whole stylesheet of Odoo's reports (470 kB). Given the
class names, ids and tag names the header holds, the rules whose selectors
name something the header lacks cannot style it and are left out.

The test is deliberately generous: a selector is kept unless one of its
classes, ids or tag names is missing from the document. Attribute tests,
pseudo-classes and everything inside ``:not()``, ``:is()`` or ``:has()``
are ignored, so a rule that could match is never dropped; rules keep their
order, so the cascade is unchanged. At-rules other than ``@media``,
``@supports``, ``@container`` and ``@layer`` (fonts, keyframes, pages,
imports) are kept whole.
"""

import re

GROUPING_AT_RULES = {"@media", "@supports", "@container", "@layer"}
_QUOTES = "\"'"
_OPENING = {"(": ")", "[": "]"}
_PSEUDO = re.compile(r"::?[-\w]+")
_SPECIAL = re.compile(r"[\"'/{}()\[\];,]")
_TOKEN = re.compile(r"([.#]?)(-?[_a-zA-Z][-\w]*)")


def _skip_string(css, i):
    r"""Index just after the string that opens at ``css[i]``.

    >>> _skip_string('"a\\"b"c', 0)
    6
    """
    quote = css[i]
    i += 1
    while True:
        i = min(
            (at for at in (css.find(quote, i), css.find("\\", i)) if at >= 0),
            default=len(css),
        )
        if i >= len(css) or css[i] == quote:
            return i + 1
        i += 2  # an escaped character


def _skip_comment(css, i):
    end = css.find("*/", i + 2)
    return len(css) if end < 0 else end + 2


def _significant(css, i):
    """(index, character) of each bracket, brace and separator of ``css``
    from ``i`` on, outside strings and comments.

    >>> list(_significant('a{b:"}"/*}*/}', 0))
    [(1, '{'), (12, '}')]
    """
    while True:
        found = _SPECIAL.search(css, i)
        if not found:
            return
        i = found.start()
        char = css[i]
        if char in _QUOTES:
            i = _skip_string(css, i)
        elif char == "/":
            i = _skip_comment(css, i) if css.startswith("/*", i) else i + 1
        else:
            yield i, char
            i += 1


def _find_at_top(css, i, stops):
    """Index of the first character of ``stops`` at or after ``i`` that is
    outside strings, comments, brackets and parentheses (len(css) if none).

    >>> _find_at_top('a[x="{"]{b:c}', 0, "{")
    8
    >>> _find_at_top('a/*{*/{', 0, "{")
    6
    """
    closing = []
    for at, char in _significant(css, i):
        if char in _OPENING:
            closing.append(_OPENING[char])
        elif closing and char == closing[-1]:
            closing.pop()
        elif not closing and char in stops:
            return at
    return len(css)


def _block_end(css, i):
    """Index of the ``}`` closing the block whose ``{`` is at ``css[i]``."""
    depth = 0
    for at, char in _significant(css, i):
        if char == "{":
            depth += 1
        elif char == "}":
            depth -= 1
            if not depth:
                return at
    return len(css)


def statements(css):
    """The top-level statements of ``css`` as (prelude, block) pairs; the
    block is None for a statement ended by ``;`` (``@import``, ``@charset``).

    >>> list(statements('@charset "x";a,b{c:d}@media print{e{f:g}}'))
    [('@charset "x"', None), ('a,b', 'c:d'), ('@media print', 'e{f:g}')]
    """
    i = 0
    while i < len(css):
        stop = _find_at_top(css, i, "{;")
        prelude = _strip_comments(css[i:stop]).strip()
        if stop >= len(css) or css[stop] == ";":
            if prelude:
                yield prelude, None
            i = stop + 1
            continue
        end = _block_end(css, stop)
        yield prelude, css[stop + 1 : end]
        i = end + 1


def _strip_comments(text):
    while "/*" in text:
        start = text.index("/*")
        text = text[:start] + text[_skip_comment(text, start) :]
    return text


def _split_selectors(prelude):
    parts, i = [], 0
    while i <= len(prelude):
        comma = _find_at_top(prelude, i, ",")
        parts.append(prelude[i:comma])
        i = comma + 1
    return parts


def _without_functions(selector):
    """``selector`` without its attribute tests and functional
    pseudo-classes (``:not(...)``, ``:nth-child(...)``...), which are
    ignored: leaving a test out can only widen what the selector matches.

    >>> _without_functions('td:not(.a, .b)[x="]"] > p:nth-child(2n+1)')
    'td > p'
    """
    out, i = [], 0
    while i < len(selector):
        char = selector[i]
        if char in _OPENING:
            if char == "(":
                _drop_pseudo_name(out)
            i = _find_at_top(selector, i + 1, _OPENING[char]) + 1
            continue
        out.append(char)
        i += 1
    return "".join(out)


def _drop_pseudo_name(chars):
    """Pop ``:name`` or ``::name`` off the end of ``chars``."""
    while chars and chars[-1] not in ".#: >+~,":
        chars.pop()
    while chars and chars[-1] == ":":
        chars.pop()


def may_match(selector, classes, ids, tags):
    """Whether ``selector`` may match an element of a document whose class
    names, ids and (lower-case) tag names are ``classes``, ``ids``, ``tags``.

    >>> doc = ({"header", "row"}, {"top"}, {"html", "body", "div", "img"})
    >>> may_match(".header .row > img", *doc), may_match("div.footer", *doc)
    (True, False)
    >>> may_match("#top:not(.hidden)::before", *doc), may_match("table td", *doc)
    (True, False)
    >>> may_match(":root", *doc), may_match('[dir="rtl"] .row', *doc)
    (True, True)
    >>> may_match(".fa-\\\\31 0", *doc)  # escapes are not decoded: kept
    True
    """
    if "\\" in selector or "|" in selector:
        return True
    bare = _PSEUDO.sub(" ", _without_functions(selector))
    for kind, name in _TOKEN.findall(bare):
        if kind == ".":
            found = name in classes
        elif kind == "#":
            found = name in ids
        else:
            found = name.lower() in tags
        if not found:
            return False
    return True


def subset(css, classes, ids, tags):
    """``css`` with only the rules that may style a document holding these
    class names, ids and tag names; every other statement is kept as is.

    >>> css = ('@font-face{font-family:L}.a{x:1}.b,.a>p{x:2}'
    ...        '@media print{.b{x:3}}@media screen{.a{x:4}}')
    >>> subset(css, {"a"}, set(), {"p"})
    '@font-face{font-family:L}.a{x:1}.b,.a>p{x:2}@media screen{.a{x:4}}'
    """
    kept = []
    for prelude, block in statements(css):
        if block is None:
            kept.append(prelude + ";")
        elif prelude.startswith("@"):
            name = prelude.split(None, 1)[0].split("(", 1)[0].lower()
            if name in GROUPING_AT_RULES:
                inner = subset(block, classes, ids, tags)
                if inner:
                    kept.append(f"{prelude}{{{inner}}}")
            else:
                kept.append(f"{prelude}{{{block}}}")
        elif any(
            may_match(selector, classes, ids, tags)
            for selector in _split_selectors(prelude)
        ):
            kept.append(f"{prelude}{{{block}}}")
    return "".join(kept)
