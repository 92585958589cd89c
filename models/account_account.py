# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import Command, api, fields, models
from odoo.exceptions import AccessError


class AccountAccount(models.Model):
    """Odoo 18 gives a new account the tags of the account with the closest
    lower code. A CSR tag copied that way would silently move the account
    into a CSR figure: it is held for review and not used until confirmed."""

    _inherit = "account.account"

    csr_tags_to_review = fields.Boolean(
        string="CSR tags to review",
        copy=False,
        readonly=True,
        help="The account took its CSR tags from a neighbouring account when it "
        "was created. The CSR figures ignore them until a CSR manager confirms "
        "or removes them.",
    )
    csr_tag_ids = fields.Many2many(
        "account.account.tag",
        string="CSR tags",
        compute="_compute_csr_tag_ids",
    )

    @api.depends("tag_ids")
    def _compute_csr_tag_ids(self):
        for account in self:
            account.csr_tag_ids = account.tag_ids.filtered("csr_tag")

    @api.model_create_multi
    def create(self, vals_list):
        accounts = super().create(vals_list)
        inherited = accounts.browse(
            account.id
            for account, vals in zip(accounts, vals_list, strict=True)
            if "tag_ids" not in vals and account.tag_ids.filtered("csr_tag")
        )
        if inherited:
            inherited.sudo().csr_tags_to_review = True
        return accounts

    def _check_csr_review_rights(self):
        if not self.env.user._is_csr_manager():
            raise AccessError(
                self.env._("Only a CSR manager reviews the CSR tags of accounts.")
            )

    def action_csr_confirm_tags(self):
        """The copied CSR tags are right: the figures use them from now on."""
        self._check_csr_review_rights()
        self.sudo().csr_tags_to_review = False

    def action_csr_remove_tags(self):
        """The copied CSR tags are wrong: take them off the accounts."""
        self._check_csr_review_rights()
        for account in self.sudo():
            account.write(
                {
                    "tag_ids": [Command.unlink(t.id) for t in account.csr_tag_ids],
                    "csr_tags_to_review": False,
                }
            )
