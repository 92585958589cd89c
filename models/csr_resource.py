# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError
from odoo.osv import expression
from odoo.tools import SQL

from ..engine.vocabulary import PILLARS

RESOURCE_TYPES = [
    ("definition", "Glossary term"),
    ("guide", "Practical guide"),
    ("training", "Training material"),
    ("template", "Template"),
    ("case_study", "Case study / best practice"),
]
# One language per record: a resource is written, not machine-translated, and
# its versions share one code.
RESOURCE_LANGS = [
    ("en", "English"),
    ("es", "Spanish"),
    ("pt", "Portuguese"),
    ("fr", "French"),
]
DEFAULT_LANG = "en"


def lang_key(lang_code):
    """The library language of an Odoo language code: es_CO -> es; a language
    the library is not written in falls back to English."""
    prefix = (lang_code or "").split("_")[0]
    return prefix if prefix in dict(RESOURCE_LANGS) else DEFAULT_LANG


class CsrResource(models.Model):
    """An entry of the knowledge library: a glossary term, a guide, a training,
    a template or a case study, in one language, linked to what it helps to
    understand or improve."""

    _name = "csr.resource"
    _description = "CSR Knowledge Resource"
    _inherit = ["csr.company.guard"]
    # The reader's language first (see _field_to_sql), then by type.
    _order = "in_my_language desc, resource_type, sequence, name, id"
    _check_company_auto = True

    code = fields.Char(
        index=True,
        help="Stable key shared by the language versions of one resource, "
        "e.g. GLOSS-CARBON-FOOTPRINT.",
    )
    name = fields.Char(required=True)
    resource_type = fields.Selection(
        RESOURCE_TYPES, string="Type", required=True, default="guide", index=True
    )
    lang = fields.Selection(
        RESOURCE_LANGS,
        string="Language",
        required=True,
        index=True,
        default=lambda self: lang_key(self.env.lang),
    )
    in_my_language = fields.Boolean(
        compute="_compute_in_my_language",
        search="_search_in_my_language",
        help="Written in the language of the current user.",
    )
    summary = fields.Text()
    body = fields.Html(sanitize=True)
    url = fields.Char(string="Link")
    attachment_ids = fields.Many2many(
        "ir.attachment",
        "csr_resource_attachment_rel",
        "resource_id",
        "attachment_id",
        string="Files",
    )
    sector_ids = fields.Many2many(
        "csr.sector",
        "csr_resource_sector_rel",
        "resource_id",
        "sector_id",
        string="Sectors",
        help="Sectors the resource is meant for; empty means every sector.",
    )
    country_ids = fields.Many2many(
        "res.country",
        "csr_resource_country_rel",
        "resource_id",
        "country_id",
        string="Countries",
        help="Countries the resource applies to (e.g. a legal guide); empty "
        "means every country.",
    )
    pillar = fields.Selection(PILLARS, index=True)
    topic_ids = fields.Many2many(
        "csr.material.topic",
        "csr_resource_topic_rel",
        "resource_id",
        "topic_id",
        string="Sustainability topics",
    )
    indicator_ids = fields.Many2many(
        "csr.indicator",
        "csr_resource_indicator_rel",
        "resource_id",
        "indicator_id",
        string="Indicators",
    )
    question_ids = fields.Many2many(
        "csr.question",
        "csr_resource_question_rel",
        "resource_id",
        "question_id",
        string="Maturity questions",
    )
    company_id = fields.Many2one(
        "res.company",
        index=True,
        default=lambda self: self._default_company(),
        # Never let a private resource fall into the shared library.
        ondelete="cascade",
        help="Empty: part of the shared library, read by every company. Set: "
        "private to that company.",
    )
    active = fields.Boolean(default=True)
    sequence = fields.Integer(default=10)
    source_action_id = fields.Many2one(
        "csr.action",
        string="Source action",
        index=True,
        ondelete="set null",
        help="The verified improvement action this case study was written from.",
    )
    anonymised = fields.Boolean(
        help="The case study names no company, person or partner: the company "
        "is described by its sector and country.",
    )

    # One version per language of a code, in the shared library and in each
    # company's private library (a partial unique index, as an exclusion
    # constraint so that its message is shown).
    _sql_constraints = [
        (
            "code_lang_unique",
            "EXCLUDE USING btree (code WITH =, lang WITH =, "
            "COALESCE(company_id, 0) WITH =) WHERE ((code IS NOT NULL))",
            "A resource code has one version per language, in the shared "
            "library and in each company's library.",
        ),
    ]

    @api.model
    def _default_company(self):
        # Managers (and data files) write the shared library; a CSR user
        # writes for the company.
        if self._is_library_keeper():
            return self.env["res.company"]
        return self.env.company

    def write(self, vals):
        # Record rules are checked before a write, not after: without this a
        # CSR user could move a private resource into the shared library.
        if "company_id" in vals and not self._is_library_keeper():
            moved = self.filtered(lambda r: r.company_id.id != vals["company_id"])
            if moved:
                raise AccessError(
                    self.env._(
                        "Only a CSR manager can move a resource between the shared "
                        "library and a company's library: %(names)s.",
                        names=", ".join(moved.mapped("name")),
                    )
                )
        return super().write(vals)

    def _is_library_keeper(self):
        return self.env.su or self.env.user._is_csr_manager()

    @api.depends_context("lang")
    def _compute_in_my_language(self):
        mine = lang_key(self.env.lang)
        for resource in self:
            resource.in_my_language = resource.lang == mine

    def _search_in_my_language(self, operator, value):
        if operator in ("=", "!=") and value in (True, False, None):
            wanted = {bool(value)} if operator == "=" else {not value}
        elif operator in ("in", "not in") and isinstance(value, list | tuple):
            if not all(item in (True, False, None) for item in value):
                raise UserError(self._language_filter_error(operator, value))
            wanted = {bool(item) for item in value}
            if operator == "not in":
                wanted = {True, False} - wanted
        else:
            raise UserError(self._language_filter_error(operator, value))
        if wanted == {True, False}:
            return expression.TRUE_DOMAIN
        if not wanted:
            return expression.FALSE_DOMAIN
        mine = lang_key(self.env.lang)
        return [("lang", "=" if True in wanted else "!=", mine)]

    def _language_filter_error(self, operator, value):
        return self.env._(
            "The filter 'In my language' takes yes or no, not %(operator)s "
            "%(value)r.",
            operator=operator,
            value=value,
        )

    def _field_to_sql(self, alias, fname, query=None, flush=True):
        # Lets the list order put the reader's language first.
        if fname == "in_my_language":
            lang = super()._field_to_sql(alias, "lang", query, flush)
            return SQL("(%s = %s)", lang, lang_key(self.env.lang))
        return super()._field_to_sql(alias, fname, query, flush)
