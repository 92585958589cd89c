# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models

from ..services import library


class CsrLibraryMixin(models.AbstractModel):
    """ "How to improve this": the library resources that help with a record,
    opened from a smart button."""

    _name = "csr.library.mixin"
    _description = "CSR Knowledge Library Links"

    library_resource_ids = fields.Many2many(
        "csr.resource",
        string="Library resources",
        compute="_compute_library_resource_ids",
        help="Glossary terms, guides, trainings, templates and case studies "
        "linked to this record or to its sustainability topics, for the "
        "company's sector and country.",
    )
    library_resource_count = fields.Integer(
        string="Resources", compute="_compute_library_resource_ids"
    )

    def _library_scope(self):
        """``(company, indicators, questions)`` the record's resources are
        looked up from."""
        raise NotImplementedError

    @api.depends_context("lang", "company", "allowed_company_ids")
    def _compute_library_resource_ids(self):
        found = library.related_resources(
            self.env, {record: record._library_scope() for record in self}
        )
        for record in self:
            record.library_resource_ids = found[record]
            record.library_resource_count = len(found[record])

    def action_open_library_resources(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("How to improve: %(name)s", name=self.display_name),
            "res_model": "csr.resource",
            "view_mode": "list,kanban,form",
            "domain": [("id", "in", self.library_resource_ids.ids)],
            "context": {"create": False},
        }
