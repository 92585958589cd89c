# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import Command, fields, models
from odoo.exceptions import AccessError, UserError


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
        domain="[('company_ids', 'parent_of', current_company_id)]",
        help="Accounts of the current company that carry this tag.",
    )

    def _company_accounts(self, domain=()):
        # Branches use their parent company's accounts.
        return (
            self.env["account.account"]
            .sudo()
            .search([("company_ids", "parent_of", self.env.company.id), *domain])
        )

    def _company_accounts_with_tags(self):
        return self._company_accounts([("tag_ids", "in", self.ids)])

    def _compute_csr_account_ids(self):
        accounts = self._company_accounts_with_tags()
        for tag in self:
            tag.csr_account_ids = accounts.filtered(lambda a, t=tag: t in a.tag_ids)

    def write(self, vals):
        # The mapping screen only links CSR tags to accounts: a CSR manager may
        # do that without the accounting rights to edit tags themselves.
        if (
            set(vals) == {"csr_account_ids"}
            and all(self.mapped("csr_tag"))
            and self.env.user._is_csr_manager()
        ):
            return super(AccountAccountTag, self.sudo()).write(vals)
        return super().write(vals)

    def _inverse_csr_account_ids(self):
        if not self.env.user._is_csr_manager():
            raise AccessError(
                self.env._("Only a CSR manager can map CSR tags to accounts.")
            )
        if self.filtered(lambda tag: not tag.csr_tag):
            raise AccessError(self.env._("Only CSR tags are mapped from this screen."))
        current = self._company_accounts_with_tags()
        own = self._company_accounts()
        for tag in self:
            # Never touch another company's accounts, and say so.
            if tag.csr_account_ids.sudo() - own:
                raise UserError(
                    self.env._(
                        "Only accounts of the current company (%(company)s) are "
                        "mapped here: switch to another company to map its accounts.",
                        company=self.env.company.name,
                    )
                )
            wanted = tag.csr_account_ids.sudo() & own
            before = current.filtered(lambda a, t=tag: t in a.tag_ids)
            (wanted - before).write({"tag_ids": [Command.link(tag.id)]})
            (before - wanted).write({"tag_ids": [Command.unlink(tag.id)]})
        # Show what was saved, not what was asked for.
        self.invalidate_recordset(["csr_account_ids"])
