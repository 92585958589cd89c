# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Keep, of a stylesheet, the rules that can style a given HTML document.

wkhtmltopdf lays the report's header and footer out again on every page,
each time with the whole stylesheet of Odoo's reports (470 kB). Given the
class names, ids and tag names the header holds, the rules whose selectors
name something the header lacks cannot style it and are left out.

The test is deliberately generous: a selector is kept unless one of its
classes, ids or tag names is missing from the document. Attribute tests,
pseudo-classes and everything inside ``:not()``, ``:is()`` or ``:has()``
are ignored, a selector with an escape or a namespace is kept, and so is a
rule holding nested rules, so that a rule that could match is never
dropped. The text of what is kept is copied as it was (comments too) and in
its order, so the cascade is unchanged. At-rules other than ``@media``,
``@supports``, ``@container`` and ``@layer`` (fonts, keyframes, pages,
imports) are kept whole; an ``@layer`` block is kept even when emptied, as
its place orders the layers.
"""

import re

GROUPING_AT_RULES = {"@media", "@supports", "@container", "@layer"}
# Statements that may come before an @import without voiding it.
_BEFORE_IMPORTS = {"@charset", "@import", "@layer", "@namespace"}
# Deeper than this, a grouping rule is kept whole (Odoo's nest 2 or 3 deep).
MAX_DEPTH = 20
_OPENING = {"(": ")", "[": "]"}
# A string ends at its quote, or at a newline it does not escape (CSS).
_STRING = r"\"(?:[^\"\\\n]|\\.)*\"?|'(?:[^'\\\n]|\\.)*'?"
_STRING_AT = re.compile(_STRING, re.S)
_COMMENT_AT = re.compile(r"/\*.*?(?:\*/|\Z)", re.S)
_UNQUOTED_URL_AT = re.compile(r"url\((?!\s*[\"'])(?:[^)\\]|\\.)*\)?", re.I | re.S)
_SPECIAL = re.compile(r"url\(|[\"'/\\{}()\[\];,]", re.I)
_COMMENT_OR_STRING = re.compile(rf"(/\*.*?(?:\*/|\Z))|{_STRING}", re.S)
_AT_NAME = re.compile(r"@[-\w]+")
_PSEUDO = re.compile(r"::?[-\w]+")
_NAME_CHAR = "-\\w\u0080-\U0010ffff"
_TOKEN = re.compile(rf"([.#]?)((?:--|-?[_a-zA-Z\u0080-\U0010ffff])[{_NAME_CHAR}]*)")


def _significant(css, i):
    r"""(index, character) of each bracket, brace and separator of ``css``
    from ``i`` on, outside strings, comments, escapes and unquoted URLs.

    >>> list(_significant('a{b:"}"/*}*/\\}url(x}.png)}', 0))
    [(1, '{'), (25, '}')]
    """
    while True:
        found = _SPECIAL.search(css, i)
        if not found:
            return
        i = found.start()
        char = css[i]
        if char in "\"'":
            i = _STRING_AT.match(css, i).end()
        elif char == "/":
            i = _COMMENT_AT.match(css, i).end() if css.startswith("/*", i) else i + 1
        elif char == "\\":
            i += 2
        elif char in "uU":
            url = _UNQUOTED_URL_AT.match(css, i)
            if url:
                i = url.end()
            else:  # url("..."): its parenthesis counts, its string is skipped
                yield i + 3, "("
                i += 4
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
    """The top-level statements of ``css`` as (prelude, block) pairs, the
    text as written; the block is None for a statement ended by ``;``
    (``@import``, ``@charset``).

    >>> list(statements('@charset "x";a,b{c:d}@media print{e{f:g}}'))
    [('@charset "x"', None), ('a,b', 'c:d'), ('@media print', 'e{f:g}')]
    """
    i = 0
    while i < len(css):
        stop = _find_at_top(css, i, "{;")
        prelude = css[i:stop].strip()
        if stop >= len(css) or css[stop] == ";":
            if _plain(prelude):
                yield prelude, None
            i = stop + 1
            continue
        end = _block_end(css, stop)
        yield prelude, css[stop + 1 : end]
        i = end + 1


def _plain(prelude):
    """``prelude`` as it is read: each comment, and the HTML comment marks
    ``<!--`` and ``-->`` CSS ignores, read as a space; strings kept.

    >>> _plain('@media/**/print'), _plain('a[x="/*"],b'), _plain('<!--p')
    ('@media print', 'a[x="/*"],b', 'p')
    """
    text = _COMMENT_OR_STRING.sub(
        lambda found: " " if found.group(1) else found.group(0), prelude
    )
    return text.replace("<!--", " ").replace("-->", " ").strip()


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

    >>> doc = ({"header", "row", "título"}, {"top"}, {"html", "div", "img"})
    >>> may_match(".header .row > img", *doc), may_match("div.footer", *doc)
    (True, False)
    >>> may_match("#top:not(.hidden)::before", *doc), may_match("table td", *doc)
    (True, False)
    >>> may_match(":root", *doc), may_match('[dir="rtl"] .row', *doc)
    (True, True)
    >>> may_match(".título", *doc), may_match(".--on", *doc), may_match("DIV", *doc)
    (True, False, True)
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


def subset(css, classes, ids, tags, depth=0):
    """``css`` with only the rules that may style a document holding these
    class names, ids and tag names; every other statement is kept as is.

    >>> css = ('@font-face{font-family:L}.a{x:1}.b,.a>p{x:2}'
    ...        '@media print{.b{x:3}}@media screen{.a{x:4}}')
    >>> subset(css, {"a"}, set(), {"p"})
    '@font-face{font-family:L}.a{x:1}.b,.a>p{x:2}@media screen{.a{x:4}}'
    >>> subset('.b{x:1}@import "late.css";@layer z{.b{}}', {"a"}, set(), set())
    '@layer z{}'
    """
    if depth > MAX_DEPTH:
        return css
    kept, after_rules = [], False
    for prelude, block in statements(css):
        plain = _plain(prelude)
        at_rule = _AT_NAME.match(plain)
        name = at_rule.group(0).lower() if at_rule else None
        if block is None:
            # An @import after a rule is void; dropping the rule would wake it.
            if not (name == "@import" and after_rules):
                kept.append(prelude + ";")
            after_rules = after_rules or name not in _BEFORE_IMPORTS
            continue
        after_rules = True
        if name in GROUPING_AT_RULES:
            inner = subset(block, classes, ids, tags, depth + 1)
            if inner or name == "@layer":
                kept.append(f"{prelude}{{{inner}}}")
        elif name or "{" in block:  # other at-rules, and rules nesting rules
            kept.append(f"{prelude}{{{block}}}")
        elif any(
            may_match(selector, classes, ids, tags)
            for selector in _split_selectors(plain)
        ):
            kept.append(f"{prelude}{{{block}}}")
    return "".join(kept)
