# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The CSR kit file: what a consultant prepares once and deploys at each client.

A kit is a UTF-8 JSON document::

    {"format": "csr_management.kit", "version": 1, "created": "...",
     "sections": {"indicators": [{...}, ...], "targets": [...], ...}}

Every row names its records by natural keys (indicator code, question bank
version, sector code...), never by database ids, so that a kit moves between
databases. Translated texts are objects ``{"en_US": "...", "es_419": "..."}``.

This module reads and checks the envelope and compares rows; it knows nothing
of Odoo. Problems are raised as :class:`KitError` with a code and parameters,
which the caller turns into a translated message.

A kit is bounded so that no import runs past the server's time limit: at most
:data:`MAX_KIT_BYTES` bytes, :data:`MAX_ROWS` rows in all its sections,
:data:`MAX_LIST_ITEMS` items in a row's list and :data:`MAX_DEPTH` levels of
nesting (a kit written by the export nests 6).
"""

import json
from dataclasses import dataclass, field

KIT_FORMAT = "csr_management.kit"
KIT_VERSION = 1
MAX_KIT_BYTES = 10 * 1024 * 1024
MAX_ROWS = 20_000
MAX_LIST_ITEMS = 1_000
MAX_DEPTH = 10


class KitError(Exception):
    """A kit that cannot be imported; ``code`` says why, ``params`` fill the message."""

    def __init__(self, code, **params):
        super().__init__(code, params)
        self.code = code
        self.params = params


def dump_kit(sections, created):
    """Serialise ``sections`` (name → list of rows) as kit bytes.

    >>> dump_kit({"topics": [{"code": "T1"}]}, "2026-11-26")[:40]
    b'{\\n "format": "csr_management.kit",\\n "ver'
    """
    document = {
        "format": KIT_FORMAT,
        "version": KIT_VERSION,
        "created": created,
        "sections": sections,
    }
    return json.dumps(document, indent=1, ensure_ascii=False, sort_keys=False).encode(
        "utf-8"
    )


def load_kit(raw, known_sections):
    """Return the sections of kit bytes ``raw``, checked section by section.

    >>> load_kit(b'{"format": "csr_management.kit", "version": 1,'
    ...          b' "sections": {"topics": [{"code": "T1"}]}}', ("topics",))
    {'topics': [{'code': 'T1'}]}
    >>> def why(raw):
    ...     try:
    ...         load_kit(raw, ("topics",))
    ...     except KitError as error:
    ...         return error.code, error.params
    >>> why(b'{"format": "other"}'), why(b"\\xff")
    (('not_a_kit', {}), ('unreadable', {}))
    >>> why(b'{"format": "csr_management.kit", "version": 9, "sections": {}}')
    ('version', {'version': 9, 'supported': 1})
    >>> why(b'{"format": "csr_management.kit", "version": 1, "sections": {"x": []}}')
    ('unknown_section', {'section': 'x'})
    >>> why(b"[" * 100_000 + b"]" * 100_000)
    ('too_deep', {'limit': 10})
    >>> nested = b"[" * 9 + b"]" * 9
    >>> why(b'{"format": "csr_management.kit", "version": 1,'
    ...     b' "sections": {"topics": [{"code": "T"}]}}'.replace(b'"T"', nested))
    ('too_deep', {'limit': 10})
    >>> rows = b", ".join([b'{"code": "T"}'] * (MAX_ROWS + 1))
    >>> why(b'{"format": "csr_management.kit", "version": 1,'
    ...     b' "sections": {"topics": [' + rows + b']}}')
    ('too_many_rows', {'limit': 20000, 'count': 20001})
    """
    if len(raw) > MAX_KIT_BYTES:
        raise KitError("too_large", limit=MAX_KIT_BYTES)
    try:
        document = json.loads(raw.decode("utf-8"))
    except RecursionError as error:  # the parser recurses once per level
        raise KitError("too_deep", limit=MAX_DEPTH) from error
    except (UnicodeDecodeError, ValueError) as error:
        raise KitError("unreadable") from error
    check_shape(document)
    if not isinstance(document, dict) or document.get("format") != KIT_FORMAT:
        raise KitError("not_a_kit")
    version = document.get("version")
    if not isinstance(version, int) or version > KIT_VERSION or version < 1:
        raise KitError("version", version=version, supported=KIT_VERSION)
    sections = document.get("sections")
    if not isinstance(sections, dict):
        raise KitError("not_a_kit")
    for name, rows in sections.items():
        if name not in known_sections:
            raise KitError("unknown_section", section=name)
        if not isinstance(rows, list) or not all(isinstance(r, dict) for r in rows):
            raise KitError("bad_section", section=name)
    count = sum(len(rows) for rows in sections.values())
    if count > MAX_ROWS:
        raise KitError("too_many_rows", limit=MAX_ROWS, count=count)
    return sections


def check_shape(document):
    """Raise KitError when ``document`` nests deeper than :data:`MAX_DEPTH`
    or holds a list longer than :data:`MAX_LIST_ITEMS` below its sections;
    walks without recursion.

    >>> check_shape({"sections": {"topics": [{"indicator_ids": ["A"] * 1001}]}})
    ... # doctest: +IGNORE_EXCEPTION_DETAIL
    Traceback (most recent call last):
    KitError: ('too_many_items', {'limit': 1000})
    """
    stack = [(document, 1)]
    while stack:
        value, depth = stack.pop()
        if not isinstance(value, dict | list):
            continue
        if depth > MAX_DEPTH:
            raise KitError("too_deep", limit=MAX_DEPTH)
        # Levels 1-3 are the document, its sections and their row lists.
        if isinstance(value, list) and depth > 3 and len(value) > MAX_LIST_ITEMS:
            raise KitError("too_many_items", limit=MAX_LIST_ITEMS)
        items = value.values() if isinstance(value, dict) else value
        stack.extend((item, depth + 1) for item in items)


def same_value(current, incoming):
    """Whether a stored value and a kit value say the same thing.

    Empty values are alike, floats are compared to 6 decimals, lists ignore
    order, translations compare only the languages both sides have.

    >>> same_value(False, None), same_value(0.1 + 0.2, 0.3), same_value([2, 1], [1, 2])
    (True, True, True)
    >>> same_value({"en_US": "Water", "es_419": "Agua"}, {"en_US": "Water"})
    True
    >>> same_value({"en_US": "Water"}, {"en_US": "Water use"})
    False
    """
    if isinstance(current, dict) and isinstance(incoming, dict):
        shared = current.keys() & incoming.keys()
        return all(same_value(current[lang], incoming[lang]) for lang in shared)
    if isinstance(current, float) or isinstance(incoming, float):
        try:
            return round(float(current or 0), 6) == round(float(incoming or 0), 6)
        except (TypeError, ValueError):
            return False
    if isinstance(current, list | tuple) and isinstance(incoming, list | tuple):
        return sorted(map(json.dumps, current)) == sorted(map(json.dumps, incoming))
    if current in (False, None, "") and incoming in (False, None, ""):
        return True
    return current == incoming


def changed_fields(current, incoming):
    """Names of the fields of ``incoming`` whose value differs from ``current``.

    >>> changed_fields({"name": "A", "weight": 1.0}, {"name": "A", "weight": 2})
    ['weight']
    """
    return [
        name
        for name, value in incoming.items()
        if not same_value(current.get(name), value)
    ]


@dataclass
class SectionReport:
    """What an import did, or would do, to one section."""

    created: int = 0
    updated: int = 0
    unchanged: int = 0
    kept: int = 0
    conflicts: list = field(default_factory=list)

    @property
    def total(self):
        return self.created + self.updated + self.unchanged + self.kept


def settle(report, key, changes, overwrite):
    """Record the fate of an existing row in ``report``; True when it is written.

    A row that differs from the stored record is a conflict: written when the
    kit is to overwrite, kept otherwise; both are listed.

    >>> report = SectionReport()
    >>> settle(report, "ENV-01", [], overwrite=False)
    False
    >>> settle(report, "ENV-02", ["name"], overwrite=False)
    False
    >>> settle(report, "ENV-03", ["score_weight"], overwrite=True)
    True
    >>> report.unchanged, report.kept, report.updated, report.conflicts
    (1, 1, 1, [('ENV-02', ['name'], False), ('ENV-03', ['score_weight'], True)])
    """
    if not changes:
        report.unchanged += 1
        return False
    report.conflicts.append((key, changes, overwrite))
    if overwrite:
        report.updated += 1
        return True
    report.kept += 1
    return False
