# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models

FRAMEWORKS = [
    ("gri", "GRI Standards"),
    ("vsme", "EFRAG VSME"),
    ("iso26000", "ISO 26000"),
    ("sdg", "SDG target"),
    ("ethos", "Ethos indicators"),
]


class CsrFrameworkTag(models.Model):
    """A reference into a reporting framework (e.g. GRI 302-1, VSME B3)."""

    _name = "csr.framework.tag"
    _description = "CSR Framework Reference"
    _inherit = ["csr.catalogue.guard"]
    _order = "framework, sequence, code"
    _rec_names_search = ["code", "name"]

    framework = fields.Selection(FRAMEWORKS, required=True, index=True)
    code = fields.Char(required=True, help="Reference as the framework writes it.")
    name = fields.Char(string="Title", required=True, translate=True)
    sequence = fields.Integer(default=10)
    color = fields.Integer()
    indicator_ids = fields.Many2many(
        "csr.indicator",
        "csr_indicator_framework_tag_rel",
        "framework_tag_id",
        "indicator_id",
        string="Indicators",
    )

    _sql_constraints = [
        (
            "code_unique",
            "unique(framework, code)",
            "A framework reference must be unique within its framework.",
        ),
    ]

    @api.depends("code")
    def _compute_display_name(self):
        for tag in self:
            tag.display_name = tag.code
