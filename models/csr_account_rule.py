# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import ValidationError

from ..engine import accounting

BUCKET_LABELS = [
    ("revenue", "Operating revenue"),
    ("other_income", "Other income (financial, exchange gains, disposals)"),
    ("excluded", "Closing or allocation account (left out)"),
    ("wages", "Employee wages and benefits"),
    ("training", "Staff training"),
    ("finance_cost", "Interest and financing costs"),
    ("fx_loss", "Exchange-rate losses (not distributed)"),
    ("tax_expense", "Taxes expensed"),
    ("fines", "Fines and penalties"),
    ("donation", "Donations and community investment"),
    ("not_distributed", "Depreciation, provisions, impairments (not distributed)"),
    ("opex", "Operating costs"),
    ("dividends_payable", "Dividends declared (payable)"),
    ("tax_own", "Taxes and contributions payable by the company"),
    ("input_vat", "Input VAT (deductible, settled against output VAT)"),
    ("tax_withheld", "Taxes withheld from others (remitted as an agent)"),
]


class CsrAccountRule(models.Model):
    """Which accounts of a chart of accounts feed which part of the economic
    figures, by code prefix. Rules ship for the Latin-American charts of Odoo;
    a company adds its own, which outrank its chart's."""

    _name = "csr.account.rule"
    _description = "CSR Account Rule"
    # A chart's rules serve every company on that chart: CSR administrators
    # change them; a manager adds rules of their own company.
    _inherit = ["csr.company.guard", "csr.catalogue.guard"]
    _order = "chart_template, company_id, account_prefixes"
    _check_company_auto = True

    chart_template = fields.Char(
        string="Charts of accounts",
        index=True,
        help="Odoo chart template codes the rule ships for, separated by spaces "
        "(e.g. 'co', or 'ar_base ar_ex ar_ri'). Empty on a company's own rule.",
    )
    company_id = fields.Many2one(
        "res.company",
        index=True,
        help="A company's own rule outranks every rule of its chart.",
    )
    bucket = fields.Selection(BUCKET_LABELS, string="Counts as", required=True)
    account_prefixes = fields.Char(
        required=True, help="Account code prefixes, e.g. '4210 4250'."
    )
    note = fields.Char(
        translate=True, help="Why these accounts count this way, and the source."
    )
    caveat = fields.Char(
        translate=True,
        help="Shown as a warning on the figures when these accounts have journal "
        "items: e.g. an account that mixes two kinds of cost.",
    )
    active = fields.Boolean(default=True)

    @api.constrains("chart_template", "company_id", "account_prefixes")
    def _check_scope(self):
        for rule in self:
            if bool(rule.chart_template) == bool(rule.company_id):
                raise ValidationError(
                    self.env._(
                        "A rule belongs either to charts of accounts or to one company."
                    )
                )
            if not rule.prefixes():
                raise ValidationError(
                    self.env._("Give at least one account code prefix.")
                )

    def prefixes(self):
        self.ensure_one()
        return accounting.split_list(self.account_prefixes)

    def charts(self):
        self.ensure_one()
        return accounting.split_list(self.chart_template)

    @api.model
    def _rules_for(self, company):
        """The company's own rules and those of its chart, as read by the
        engine (one query)."""
        chart = company.chart_template
        domain = [("company_id", "=", company.id)]
        if chart:
            domain = [
                "|",
                *domain,
                "&",
                ("company_id", "=", False),
                ("chart_template", "ilike", chart),
            ]
        records = self.sudo().search(domain)
        return records.filtered(lambda r: r.company_id or chart in r.charts())
