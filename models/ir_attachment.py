# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, models
from odoo.exceptions import UserError


class IrAttachment(models.Model):
    """Evidence files are part of the figure they back: once the value leaves
    draft, or its period is locked, they can be neither changed nor removed.
    So is the signed document of a policy once it is approved: a change goes
    through a new version of the policy."""

    _inherit = "ir.attachment"

    def write(self, vals):
        self._check_csr_evidence_editable()
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_except_csr_evidence(self):
        self._check_csr_evidence_editable()

    def _check_csr_evidence_editable(self):
        if not self.ids:
            return
        self._check_csr_policy_document_editable()
        values = (
            self.env["csr.indicator.value"]
            .sudo()
            .search([("evidence_ids", "in", self.ids)])
        )
        # Read the periods' state only once their rows are held: a lock
        # committing meanwhile waits, or makes this change fail for a retry.
        values.period_id._hold_rows()
        frozen = values.filtered(
            lambda v: v.state != "draft" or v.period_id.state == "locked"
        )
        if frozen:
            raise UserError(
                self.env._(
                    "This file is evidence of %(values)s, which is no longer a draft "
                    "or belongs to a locked period: it cannot be changed or removed.",
                    values=", ".join(frozen.mapped("display_name")),
                )
            )

    def _check_csr_policy_document_editable(self):
        if self.env.su:
            return
        policies = (
            self.env["csr.policy"]
            .sudo()
            .search(
                [("document_ids", "in", self.ids), ("state", "!=", "draft")],
                limit=1,
            )
        )
        if policies:
            raise UserError(
                self.env._(
                    "This file is the document of an approved policy: it cannot be "
                    "changed or removed. Make a new version of the policy instead."
                )
            )
