# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import base64
import binascii

from odoo import api, fields, models
from odoo.exceptions import UserError

from ..services.value_import import ValueImport
from .download import download_action


class CsrValueImport(models.TransientModel):
    """Import manual indicator values from an .xlsx, or download its template."""

    _name = "csr.value.import"
    _description = "Import CSR Indicator Values"
    _check_company_auto = True

    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company
    )
    period_id = fields.Many2one(
        "csr.period",
        string="Template period",
        check_company=True,
        domain=[("state", "=", "open")],
        help="The template lists the manual indicators of the company for this "
        "period.",
    )
    file = fields.Binary(string="File to import", attachment=False)
    filename = fields.Char()
    template_file = fields.Binary(readonly=True, attachment=False)
    template_filename = fields.Char(readonly=True)

    @api.onchange("company_id")
    def _onchange_company_id(self):
        if self.period_id.company_id != self.company_id:
            self.period_id = False

    def action_import(self):
        self.ensure_one()
        if not self.file:
            raise UserError(self.env._("Choose the .xlsx file to import first."))
        try:
            content = base64.b64decode(self.file)
        except (binascii.Error, ValueError):
            raise UserError(
                self.env._(
                    "The uploaded file is damaged: it did not arrive in the "
                    "expected encoding. Upload the file again."
                )
            ) from None
        result = ValueImport(self.company_id).run(content)
        values = result.created | result.updated
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "csr_management.csr_indicator_value_action"
        )
        action["domain"] = [("id", "in", values.ids)]
        action["context"] = {}
        return {
            "type": "ir.actions.client",
            "tag": "display_notification",
            "params": {
                "title": self.env._("Values imported"),
                "message": self.env._(
                    "%(created)s value(s) created, %(updated)s updated.",
                    created=len(result.created),
                    updated=len(result.updated),
                ),
                "type": "success",
                "sticky": False,
                "next": action,
            },
        }

    def action_download_template(self):
        self.ensure_one()
        if not self.period_id:
            raise UserError(self.env._("Choose the period the template is for."))
        content = ValueImport(self.company_id).template(self.period_id)
        self.write(
            {
                "template_file": base64.b64encode(content),
                "template_filename": f"csr-values-{self.period_id.name}.xlsx",
            }
        )
        return download_action(self, "template_file", "template_filename")
