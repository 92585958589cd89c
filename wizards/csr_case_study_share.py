# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models
from odoo.exceptions import UserError

from ..models.csr_resource import RESOURCE_LANGS, lang_key
from ..services.case_study import CaseStudyWriter
from ..services.labels import selection_label

SCOPES = [
    ("company", "My company only"),
    ("shared", "Shared library (every company)"),
]


class CsrCaseStudyShare(models.TransientModel):
    """Share a verified improvement action as a case study of the library."""

    _name = "csr.case.study.share"
    _description = "Share an Improvement Action as a Case Study"

    action_id = fields.Many2one(
        "csr.action", string="Improvement action", required=True, ondelete="cascade"
    )
    anonymise = fields.Boolean(
        default=True,
        help="Name no company, person or partner: the company is described by "
        "its sector and country. Amounts are kept.",
    )
    lang = fields.Selection(
        RESOURCE_LANGS,
        string="Language",
        required=True,
        default=lambda self: lang_key(self.env.lang),
        help="Language the case study is written in.",
    )
    scope = fields.Selection(
        SCOPES,
        string="Share with",
        required=True,
        default="company",
        help="The shared library is read by every company of the database; "
        "only a CSR manager publishes there.",
    )

    def action_share(self):
        self.ensure_one()
        action = self.action_id
        action.check_access("read")
        action._check_shareable()
        if self.scope == "shared" and not self.env.user._is_csr_manager():
            raise UserError(
                self.env._(
                    "Only a CSR manager publishes to the shared library: share "
                    "the case study with your company, a manager can publish it."
                )
            )
        company = action.company_id if self.scope == "company" else False
        self._check_not_shared_yet(company)
        vals = CaseStudyWriter(action, self.lang, self.anonymise).values()
        resource = self.env["csr.resource"].create(
            dict(vals, company_id=company and company.id)
        )
        return {
            "type": "ir.actions.act_window",
            "res_model": "csr.resource",
            "res_id": resource.id,
            "view_mode": "form",
        }

    def _check_not_shared_yet(self, company):
        shared = (
            self.env["csr.resource"]
            .sudo()
            .with_context(active_test=False)
            .search_count(
                [
                    ("source_action_id", "=", self.action_id.id),
                    ("lang", "=", self.lang),
                    ("company_id", "=", company and company.id),
                ]
            )
        )
        if shared:
            raise UserError(
                self.env._(
                    "Action %(name)s is already shared as a case study in "
                    "%(lang)s there: edit that case study instead.",
                    name=self.action_id.name,
                    lang=selection_label(self, "lang"),
                )
            )
