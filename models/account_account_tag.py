# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import Command, _, fields, models
from odoo.exceptions import AccessError


class AccountAccountTag(models.Model):
    """CSR tags (payroll, taxes paid, donations…) and the accounts that carry
    them in the current company: the mapping screen of CSR configuration."""

    _inherit = "account.account.tag"

    csr_tag = fields.Boolean(string="CSR tag", readonly=True)
    csr_account_ids = fields.Many2many(
        "account.account",
        string="Accounts",
        compute="_compute_csr_account_ids",
        inverse="_inverse_csr_account_ids",
        help="Accounts of the current company that carry this tag.",
    )

    def _company_accounts_with_tags(self):
        return (
            self.env["account.account"]
            .sudo()
            .search(
                [
                    ("tag_ids", "in", self.ids),
                    ("company_ids", "in", self.env.company.id),
                ]
            )
        )

    def _compute_csr_account_ids(self):
        accounts = self._company_accounts_with_tags()
        for tag in self:
            tag.csr_account_ids = accounts.filtered(lambda a, t=tag: t in a.tag_ids)

    def _inverse_csr_account_ids(self):
        if not self.env.user.has_group("csr_management.group_csr_manager"):
            raise AccessError(_("Only a CSR manager can map CSR tags to accounts."))
        current = self._company_accounts_with_tags()
        for tag in self:
            wanted = tag.csr_account_ids.sudo()
            before = current.filtered(lambda a, t=tag: t in a.tag_ids)
            (wanted - before).write({"tag_ids": [Command.link(tag.id)]})
            (before - wanted).write({"tag_ids": [Command.unlink(tag.id)]})
