# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Export a company's CSR configuration as a kit file, and import one.

Each section of a kit maps one model. Records are named by natural keys
(:data:`REFS`), so a kit prepared in a consultant's database applies in a
client's. An import either applies every row or none: it runs inside a
savepoint that is rolled back on the first problem, after every problem of
the file has been collected so that it is fixed in one pass. A preview is
the same import, always rolled back, so what it reports is what an import
would do.
"""

from dataclasses import dataclass, field
from datetime import date

from psycopg2 import DataError, IntegrityError

from odoo import Command, fields
from odoo.exceptions import UserError, ValidationError
from odoo.service.model import _as_validation_error
from odoo.tools import mute_logger

from ..engine import kit as kit_engine
from ..engine import values
from .labels import selection_labels

SOURCE_LANG = "en_US"
# Problems listed in the message of a refused kit; the rest are counted.
MAX_LISTED_PROBLEMS = 100
# What a PostgreSQL integer column holds.
INTEGER_RANGE = (-(2**31), 2**31 - 1)


@dataclass(frozen=True)
class Ref:
    """How records of ``model`` are named in a kit: by ``keys`` fields."""

    model: str
    keys: tuple
    company_scoped: bool = False

    def encode(self, record):
        values = [
            self._plain(next(iter(record.mapped(key)), None)) for key in self.keys
        ]
        return values[0] if len(values) == 1 else values

    def domain(self, value, company):
        values = value if len(self.keys) > 1 else [value]
        if not isinstance(values, list) or len(values) != len(self.keys):
            return None
        if any(isinstance(val, list | dict) for val in values):
            return None
        domain = [(key, "=", val) for key, val in zip(self.keys, values, strict=True)]
        if self.company_scoped:
            domain.append(("company_id", "=", company.id))
        return domain

    @staticmethod
    def _plain(value):
        if isinstance(value, date):
            return value.isoformat()
        return value


REFS = {
    "indicator": Ref("csr.indicator", ("code",)),
    "sector": Ref("csr.sector", ("code",)),
    "topic": Ref("csr.material.topic", ("code",)),
    "bank": Ref("csr.question.bank", ("version",)),
    "question": Ref("csr.question", ("bank_id.version", "code")),
    "period": Ref("csr.period", ("kind", "date_from"), company_scoped=True),
    "country": Ref("res.country", ("code",)),
}


@dataclass(frozen=True)
class Section:
    """One model in a kit: the fields written, those naming a row, references.

    ``scope``: ``shared`` records have no company; ``company`` records belong
    to the exported/imported company; ``mixed`` records are shared or the
    company's own (the row says which).
    """

    name: str
    model: str
    identity: tuple
    fields: tuple
    refs: dict = field(default_factory=dict)
    scope: str = "shared"
    # Names a row by these fields instead when an identity field is empty.
    fallback_identity: tuple = ()

    def identity_of(self, row):
        if self.fallback_identity and any(
            row.get(name) in (None, False, "") for name in self.identity
        ):
            return self.fallback_identity
        return self.identity


SECTIONS = (
    Section(
        "indicators",
        "csr.indicator",
        identity=("code",),
        fields=(
            "code",
            "name",
            "pillar",
            "unit",
            "value_type",
            "direction",
            "aggregation",
            "source_type",
            "formula",
            "guidance",
            "sequence",
            "active",
            "allow_negative",
            "score_weight",
            "min_company_size",
            "sector_ids",
        ),
        refs={"sector_ids": "sector"},
        scope="mixed",
    ),
    Section(
        "topics",
        "csr.material.topic",
        identity=("code",),
        fields=(
            "code",
            "name",
            "description",
            "pillar",
            "sequence",
            "active",
            "esrs_reference",
            "iso26000_subject",
            "indicator_ids",
        ),
        refs={"indicator_ids": "indicator"},
    ),
    Section(
        "question_banks",
        "csr.question.bank",
        identity=("version",),
        fields=("version", "name", "date", "description", "active"),
    ),
    Section(
        "questions",
        "csr.question",
        identity=("bank_id", "code"),
        fields=(
            "bank_id",
            "code",
            "name",
            "guidance",
            "pillar",
            "stage",
            "iso_subject",
            "critical",
            "sector_only",
            "auto_kind",
            "auto_indicator_id",
            "auto_condition",
            "auto_threshold",
            "sequence",
            "active",
        ),
        refs={"bank_id": "bank", "auto_indicator_id": "indicator"},
    ),
    Section(
        "recommendations",
        "csr.recommendation",
        identity=("question_id", "indicator_id", "name"),
        fields=(
            "question_id",
            "indicator_id",
            "name",
            "description",
            "action_type",
            "track_indicator_id",
            "pillar",
            "sequence",
            "active",
        ),
        refs={
            "question_id": "question",
            "indicator_id": "indicator",
            "track_indicator_id": "indicator",
        },
    ),
    Section(
        "assessment_templates",
        "csr.assessment.template",
        identity=("sector_id", "bank_id"),
        fields=(
            "sector_id",
            "bank_id",
            "name",
            "note",
            "active",
            "added_question_ids",
            "removed_question_ids",
        ),
        refs={
            "sector_id": "sector",
            "bank_id": "bank",
            "added_question_ids": "question",
            "removed_question_ids": "question",
        },
        scope="mixed",
    ),
    Section(
        "targets",
        "csr.target",
        identity=("indicator_id", "period_id", "year"),
        fields=(
            "indicator_id",
            "period_id",
            "year",
            "target_value",
            "amber_limit",
            "baseline_value",
            "baseline_year",
            "note",
        ),
        refs={"indicator_id": "indicator", "period_id": "period"},
        scope="company",
    ),
    Section(
        "resources",
        "csr.resource",
        identity=("code", "lang"),
        fallback_identity=("name", "lang"),
        fields=(
            "code",
            "lang",
            "name",
            "resource_type",
            "summary",
            "body",
            "url",
            "sector_ids",
            "country_ids",
            "pillar",
            "topic_ids",
            "indicator_ids",
            "question_ids",
            "anonymised",
            "sequence",
            "active",
        ),
        refs={
            "sector_ids": "sector",
            "country_ids": "country",
            "topic_ids": "topic",
            "indicator_ids": "indicator",
            "question_ids": "question",
        },
        scope="mixed",
    ),
)
SECTION_NAMES = tuple(section.name for section in SECTIONS)
# Row flag of a mixed-scope record that belongs to the company, not shared.
OWN = "company_specific"


def section_labels(env):
    """Translated names of the sections, for choices and reports."""
    _ = env._
    return {
        "indicators": _("Indicator catalogue"),
        "topics": _("Sustainability topics"),
        "question_banks": _("Question banks"),
        "questions": _("Maturity questions"),
        "recommendations": _("Recommendations"),
        "assessment_templates": _("Sector templates"),
        "targets": _("Targets"),
        "resources": _("Knowledge library"),
    }


class KitExport:
    """Write the chosen sections of ``company``'s configuration as kit bytes."""

    def __init__(self, env, company):
        self.env = env
        self.company = company
        self.langs = [code for code, _name in env["res.lang"].get_installed()]

    def build(self, names=SECTION_NAMES):
        sections = {
            section.name: self._rows(section)
            for section in SECTIONS
            if section.name in names
        }
        return kit_engine.dump_kit(sections, fields.Datetime.now().isoformat())

    def _rows(self, section):
        records = (
            self.env[section.model]
            .with_context(active_test=False)
            .search(self._scope_domain(section))
        )
        return [row_of(section, record, self.langs) for record in records]

    def _scope_domain(self, section):
        if section.scope == "shared":
            return []
        if section.scope == "company":
            return [("company_id", "=", self.company.id)]
        return [("company_id", "in", (False, self.company.id))]


def row_of(section, record, langs):
    """The kit row of ``record``: plain values, references by natural key."""
    row = {}
    for name in section.fields:
        row[name] = _encode(section, record, name, langs)
    if section.scope == "mixed":
        row[OWN] = bool(record.company_id)
    return row


def _encode(section, record, name, langs):
    model_field = record._fields[name]
    value = record[name]
    if name in section.refs:
        ref = REFS[section.refs[name]]
        if model_field.type == "many2many":
            return sorted((ref.encode(rec) for rec in value), key=str)
        return ref.encode(value) if value else None
    if model_field.translate:
        return {lang: record.with_context(lang=lang)[name] or "" for lang in langs}
    if isinstance(value, date):
        return value.isoformat()
    if value is False and model_field.type not in ("boolean",):
        return None
    return value


@dataclass
class Problem:
    section: str
    key: str
    message: str


class KitImport:
    """Apply a kit to ``company``: all rows or none.

    ``overwrite`` decides conflicts: a stored record that differs from its kit
    row is updated when true, kept as it is when false; both are reported.
    """

    def __init__(self, env, company, overwrite=False):
        # Messages speak the user's language; records are read and written in
        # the source language, which a kit's plain texts are.
        self.env = env(context=dict(env.context, active_test=False))
        self.orm = env(context=dict(env.context, active_test=False, lang=SOURCE_LANG))
        self.company = company
        self.overwrite = overwrite
        self.langs = [code for code, _name in env["res.lang"].get_installed()]
        self.reports = {}
        self.problems = []
        self._indexes = {}
        self._ref_tables = {}

    def run(self, raw, dry_run=False):
        """Import kit bytes; return the reports per section or raise UserError."""
        try:
            sections = kit_engine.load_kit(raw, SECTION_NAMES)
        except kit_engine.KitError as error:
            raise UserError(kit_error_message(self.env, error)) from error
        with self.env.cr.savepoint() as savepoint:
            self._apply(sections)
            savepoint.close(rollback=bool(self.problems) or dry_run)
        if self.problems:
            raise UserError(self.problem_message())
        return self.reports

    def _apply(self, sections):
        for section in SECTIONS:
            rows = sections.get(section.name)
            if rows is None:
                continue
            report = self.reports.setdefault(section.name, kit_engine.SectionReport())
            for index, row in enumerate(rows, start=1):
                self._apply_row(section, row, index, report)

    def _apply_row(self, section, row, index, report):
        key = self._row_key(section, row, index)
        missing = [name for name in section.identity_of(row) if name not in row]
        if missing:
            return self._problem(
                section,
                key,
                self.env._("the row lacks %(fields)s.", fields=", ".join(missing)),
            )
        vals, translations = self._decode(section, row, key)
        if vals is None:
            return
        record = self._find(section, row, key)
        if record is False:
            return
        if not record:
            self._create(section, vals, translations, key, row)
            report.created += 1
            return
        current = row_of(section, record, self.langs)
        changes = kit_engine.changed_fields(current, self._comparable(section, row))
        if kit_engine.settle(report, key, changes, self.overwrite):
            self._write(section, record, vals, translations, key)

    def _comparable(self, section, row):
        return {name: row[name] for name in section.fields if name in row}

    def _row_key(self, section, row, index):
        parts = [row.get(name) for name in section.identity_of(row)]
        labels = [
            part.get(SOURCE_LANG) or next(iter(part.values()), "")
            if isinstance(part, dict)
            else part
            for part in parts
        ]
        text = " / ".join(str(label) for label in labels if label not in (None, ""))
        return text or self.env._("row %(index)s", index=index)

    def _find(self, section, row, key):
        """The stored record the row names, an empty recordset, or False on error."""
        names = section.identity_of(row)
        index = self._existing(section, names)
        found = index.get(_identity(section, names, row_value=row), ())
        # Keep the section's prefetch set: reading one row reads them all.
        records = self.orm[section.model].browse([rec.id for rec in found])
        if found:
            records = records.with_prefetch(found[0]._prefetch_ids)
        if section.scope == "mixed" and records:
            return self._mixed_match(section, records, row, key)
        return records[:1].with_prefetch(records._prefetch_ids)

    def _existing(self, section, names):
        """Stored records of the section by their natural key (one search)."""
        index = self._indexes.get((section.name, names))
        if index is None:
            domain = []
            if section.scope == "company":
                domain = [("company_id", "=", self.company.id)]
            index = {}
            for record in self.orm[section.model].search(domain):
                index.setdefault(_identity(section, names, record=record), []).append(
                    record
                )
            self._indexes[(section.name, names)] = index
        return index

    def _mixed_match(self, section, records, row, key):
        wanted = self.company.id if row.get(OWN) else False
        match = records.filtered(lambda rec: rec.company_id.id == wanted)
        if match:
            return match[:1].with_prefetch(records._prefetch_ids)
        if records.filtered("company_id") and section.model == "csr.indicator":
            return self._problem(
                section,
                key,
                self.env._("the code is already used by another company's indicator."),
            )
        return records.browse()

    def _resolve(self, section, ref_name, value, key, field_name):
        """The record a reference names; empty for no value, False when unknown."""
        ref = REFS[ref_name]
        if value in (None, False, ""):
            return self.orm[ref.model].browse()
        found = None
        if ref.domain(value, self.company) is not None:
            found = self._lookup(ref_name).get(_hashable(value))
        if not found:
            return self._problem(
                section,
                key,
                self.env._(
                    "%(field)s refers to %(value)s, which is neither in this "
                    "database nor in the kit.",
                    field=field_name,
                    value=value,
                ),
            )
        return found

    def _lookup(self, ref_name):
        """Natural key → record of every record a reference may name (one search)."""
        table = self._ref_tables.get(ref_name)
        if table is None:
            ref = REFS[ref_name]
            domain = (
                [("company_id", "=", self.company.id)] if ref.company_scoped else []
            )
            table = {}
            for record in self.orm[ref.model].search(domain):
                table.setdefault(_hashable(ref.encode(record)), record)
            self._ref_tables[ref_name] = table
        return table

    def _decode(self, section, row, key):
        """Write values and translations of ``row``, or (None, None) on a problem."""
        model = self.orm[section.model]
        vals, translations, ok = {}, {}, True
        for name in section.fields:
            if name not in row:
                continue
            value, good = self._decode_field(
                section, model._fields[name], row[name], key
            )
            if not good:
                ok = False
                continue
            if model._fields[name].translate and isinstance(row[name], dict):
                translations[name] = {
                    lang: text for lang, text in row[name].items() if lang in self.langs
                }
            vals[name] = value
        if section.scope == "company" or (section.scope == "mixed" and row.get(OWN)):
            vals["company_id"] = self.company.id
        return (vals, translations) if ok else (None, None)

    def _decode_field(self, section, model_field, value, key):
        name = model_field.name
        if name in section.refs:
            return self._decode_ref(section, model_field, value, key)
        if model_field.translate:
            if isinstance(value, dict):
                return value.get(SOURCE_LANG) or next(iter(value.values()), ""), True
            return self._typed(section, model_field, value, key, str)
        kind = model_field.type
        if value is None:
            if model_field.required:
                return self._bad(section, key, name, value)
            return False, True
        if kind == "selection":
            keys = selection_labels(self.env[model_field.model_name], model_field.name)
            return (
                (value, True) if value in keys else self._bad(section, key, name, value)
            )
        if kind == "boolean":
            return self._typed(section, model_field, value, key, bool)
        if kind == "integer":
            return self._typed(section, model_field, value, key, int)
        if kind in ("float", "monetary"):
            return self._typed(section, model_field, value, key, (int, float))
        if kind == "date":
            try:
                return date.fromisoformat(value), True
            except (TypeError, ValueError):
                return self._bad(section, key, name, value)
        return self._typed(section, model_field, value, key, str)

    def _typed(self, section, model_field, value, key, types):
        wrong_bool = isinstance(value, bool) and types in (int, (int, float))
        if not isinstance(value, types) or wrong_bool:
            return self._bad(section, key, model_field.name, value)
        if types is int:
            low, high = INTEGER_RANGE
            if not low <= value <= high:
                return self._out_of_range(section, key, model_field.name, value, high)
        elif types == (int, float) and values.number_error(value):
            limit = format(values.MAX_MAGNITUDE, "g")
            return self._out_of_range(section, key, model_field.name, value, limit)
        return value, True

    def _out_of_range(self, section, key, name, value, limit):
        self._problem(
            section,
            key,
            self.env._(
                "%(field)s = %(value)s is out of range: write a number between "
                "-%(limit)s and %(limit)s.",
                field=name,
                value=value,
                limit=limit,
            ),
        )
        return None, False

    def _decode_ref(self, section, model_field, value, key):
        ref_name = section.refs[model_field.name]
        if model_field.type == "many2many":
            if not isinstance(value, list):
                return self._bad(section, key, model_field.name, value)
            ids = []
            for item in value:
                target = self._resolve(section, ref_name, item, key, model_field.name)
                if target is False:
                    return None, False
                ids.extend(target.ids)
            return [Command.set(ids)], True
        target = self._resolve(section, ref_name, value, key, model_field.name)
        if target is False:
            return None, False
        return target.id, True

    def _bad(self, section, key, name, value):
        self._problem(
            section,
            key,
            self.env._("%(field)s cannot be %(value)r.", field=name, value=value),
        )
        return None, False

    def _create(self, section, vals, translations, key, row):
        created = self.orm[section.model]

        def create():
            nonlocal created
            created = self.orm[section.model].create(vals)
            self._translate(created, translations)

        self._guarded(section, key, create)
        if not created:
            return
        # Later rows may name the new record, by its key or as a reference.
        for names in (section.identity, section.fallback_identity):
            index = self._indexes.get((section.name, names))
            if index is not None:
                index.setdefault(_identity(section, names, row_value=row), []).append(
                    created
                )
        for ref_name, ref in REFS.items():
            if ref.model == section.model:
                self._ref_tables.pop(ref_name, None)

    def _write(self, section, record, vals, translations, key):
        self._guarded(
            section,
            key,
            lambda: self._translate(record.write(vals) and record, translations),
        )

    def _translate(self, record, translations):
        for name, by_lang in translations.items():
            others = {
                lang: text for lang, text in by_lang.items() if lang != SOURCE_LANG
            }
            if others:
                record.update_field_translations(name, others)

    def _guarded(self, section, key, write):
        """Run and flush ``write``; a refused value becomes a problem of the row."""
        try:
            with mute_logger("odoo.sql_db"), self.env.cr.savepoint():
                write()
        except IntegrityError as error:
            message = _as_validation_error(self.env, error).args[0]
            self._problem(section, key, message)
        except (UserError, ValidationError) as error:
            self._problem(section, key, error.args[0])
        # A value the database cannot store, e.g. a text holding a NUL character.
        except (DataError, ValueError) as error:
            reason = (str(error).strip().splitlines() or [""])[0]
            self._problem(
                section,
                key,
                self.env._("a value cannot be stored: %(error)s", error=reason),
            )

    def _problem(self, section, key, message):
        self.problems.append(Problem(section.name, key, message))
        return False

    def problem_message(self):
        labels = section_labels(self.env)
        lines = [
            self.env._(
                "The kit was not imported, nothing was changed. "
                "Fix these %(count)s problem(s) and import it again:",
                count=len(self.problems),
            )
        ]
        for problem in self.problems[:MAX_LISTED_PROBLEMS]:
            where = labels.get(problem.section, problem.section)
            if problem.key:
                where = f"{where} · {problem.key}"
            lines.append(f"- {where}: {problem.message}")
        hidden = len(self.problems) - MAX_LISTED_PROBLEMS
        if hidden > 0:
            lines.append(self.env._("... and %(count)s more.", count=hidden))
        return "\n".join(lines)


def _hashable(value):
    """A kit value usable as a dictionary key (lists become tuples)."""
    if isinstance(value, list | tuple):
        return tuple(_hashable(item) for item in value)
    if isinstance(value, dict):
        return tuple(sorted((k, _hashable(v)) for k, v in value.items()))
    return value


def _identity(section, names, record=None, row_value=None):
    """The natural key of a stored ``record`` or of a kit row, comparable."""
    parts = []
    for name in names:
        if record is not None:
            value = _encode(section, record, name, [SOURCE_LANG])
        else:
            value = row_value.get(name)
        if isinstance(value, dict):
            value = value.get(SOURCE_LANG)
        parts.append(None if value in (False, "") else _hashable(value))
    return tuple(parts)


def kit_error_message(env, error):
    """The message of an engine ``KitError``, in ``env``'s language."""
    _ = env._
    params = error.params
    if error.code == "unreadable":
        return _("The file is not a CSR kit: it is not readable JSON text.")
    if error.code == "version":
        return _(
            "This kit has format version %(version)s; this database reads "
            "versions up to %(supported)s. Update the CSR Management module.",
            version=params.get("version"),
            supported=params.get("supported"),
        )
    if error.code == "unknown_section":
        return _(
            "The kit has a section '%(section)s' this database does not know.",
            section=params.get("section"),
        )
    if error.code == "too_large":
        megabytes = kit_engine.MAX_KIT_BYTES // (1024 * 1024)
        return _(
            "The kit file is larger than %(size)s MB. Export fewer parts of the "
            "setup per kit and import them one by one.",
            size=megabytes,
        )
    if error.code == "too_many_rows":
        return _(
            "The kit holds %(count)s records; at most %(limit)s are imported at "
            "once. Export fewer parts of the setup per kit and import them one "
            "by one.",
            count=params.get("count"),
            limit=params.get("limit"),
        )
    if error.code == "too_deep":
        return _(
            "The file is not a CSR kit: its values nest more than %(limit)s "
            "levels deep. Export the kit again from CSR Management.",
            limit=params.get("limit"),
        )
    if error.code == "too_many_items":
        return _(
            "The kit has a list of more than %(limit)s items in one record. "
            "Export the kit again from CSR Management.",
            limit=params.get("limit"),
        )
    if error.code == "bad_section":
        return _(
            "The kit's section '%(section)s' is not a list of records.",
            section=params.get("section"),
        )
    return _(
        "The file is not a CSR kit: it lacks the kit format marker or its sections."
    )
