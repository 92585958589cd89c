# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import base64

from odoo import fields, models
from odoo.exceptions import UserError

from ..services.csr_kit import KitExport
from .csr_report_export import FORBIDDEN_IN_FILE_NAME
from .download import download_action

# What a consultant chooses to put in a kit, and the kit sections it means.
KIT_PARTS = {
    "include_catalogue": ("indicators", "topics"),
    "include_maturity": (
        "question_banks",
        "questions",
        "recommendations",
        "assessment_templates",
    ),
    "include_targets": ("targets",),
    "include_library": ("resources",),
}


class CsrKitExport(models.TransientModel):
    """Write a company's CSR configuration to a kit file, to set up another
    company or database the same way."""

    _name = "csr.kit.export"
    _description = "Export CSR Kit"

    company_id = fields.Many2one(
        "res.company",
        required=True,
        default=lambda self: self.env.company,
        domain="[('id', 'in', allowed_company_ids)]",
        help="Company whose own indicators, sector templates and targets go into "
        "the kit, next to the shared catalogue.",
    )
    include_catalogue = fields.Boolean(
        string="Indicator catalogue and topics",
        default=True,
        help="Indicator definitions with your adjustments (names, weights, "
        "sectors, formulas) and the sustainability topics.",
    )
    include_maturity = fields.Boolean(
        string="Maturity questions and recommendations",
        default=True,
        help="Question banks, questions, recommendations and sector templates.",
    )
    include_targets = fields.Boolean(
        string="Targets",
        default=True,
        help="The company's yearly and period targets; period targets need the "
        "same periods in the company that imports them.",
    )
    include_library = fields.Boolean(
        string="Knowledge library",
        default=True,
        help="The shared library and the company's own resources (glossary, "
        "guides, templates, case studies), without their attached files.",
    )
    file_data = fields.Binary(string="File", readonly=True, attachment=True)
    file_name = fields.Char(readonly=True)

    def _sections(self):
        return tuple(
            section
            for part, sections in KIT_PARTS.items()
            if self[part]
            for section in sections
        )

    def action_export(self):
        self.ensure_one()
        sections = self._sections()
        if not sections:
            raise UserError(
                self.env._("Choose at least one part of the setup to export.")
            )
        content = KitExport(self.env, self.company_id).build(sections)
        name = self.env._("CSR kit - %(company)s", company=self.company_id.name)
        self.write(
            {
                "file_data": base64.b64encode(content),
                "file_name": FORBIDDEN_IN_FILE_NAME.sub(" ", name).strip() + ".json",
            }
        )
        return download_action(self)
