# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import _, models
from odoo.exceptions import UserError


class IrAttachment(models.Model):
    """Evidence files are part of the figure they back: once the value leaves
    draft, or its period is locked, they can be neither changed nor removed."""

    _inherit = "ir.attachment"

    def write(self, vals):
        self._check_csr_evidence_editable()
        return super().write(vals)

    def unlink(self):
        self._check_csr_evidence_editable()
        return super().unlink()

    def _check_csr_evidence_editable(self):
        if not self.ids:
            return
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
                _(
                    "This file is evidence of %(values)s, which is no longer a draft "
                    "or belongs to a locked period: it cannot be changed or removed.",
                    values=", ".join(frozen.mapped("display_name")),
                )
            )
