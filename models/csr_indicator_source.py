# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import ValidationError

from ..engine import accounting
from ..services.labels import selection_labels
from .csr_emission_factor import SCOPES

SOURCE_METHODS = [
    ("economic_value", "Economic value (GRI 201-1) from the classified accounts"),
    ("taxes_paid", "Taxes and contributions paid from bank or cash"),
    ("account", "Journal items of the period"),
    ("account_closing", "Account balances at period end"),
    ("local_supplier_share", "Share of vendor bills from local suppliers"),
    ("supplier_payment_days", "Average days to pay suppliers"),
    ("hr_headcount", "Employees with a running contract at period end"),
    ("hr_permanent_share", "Share of employees on permanent contracts"),
    ("hr_women_share", "Share of women among employees"),
    ("hr_women_in_management", "Share of women among managers"),
    ("hr_permanent_count", "Employees on permanent contracts at period end"),
    ("hr_temporary_count", "Employees on temporary contracts at period end"),
    ("hr_female_count", "Female employees at period end"),
    ("hr_male_count", "Male employees at period end"),
    ("hr_other_gender_count", "Employees of other gender at period end"),
    ("hr_unreported_gender_count", "Employees whose gender is not reported"),
    ("hr_management_gender_ratio", "Female-to-male ratio among managers"),
    ("hr_pay_gap", "Unadjusted gender pay gap (hourly)"),
    ("hr_turnover", "Departures over average headcount"),
    ("hr_new_hire_rate", "New hires over closing headcount"),
    ("hr_employees_by_country", "Employees working in the company's country"),
    ("hr_formal_employment", "Share of workers with a contract and social security"),
    ("hr_non_employees", "Contractors and freelancers at period end"),
    ("hr_minimum_wage_compliance", "All full-time wages at or above the minimum"),
    ("hr_entry_wage_ratio", "Lowest full-time wage over the minimum wage"),
    ("hr_collective_bargaining", "Share of employees under a collective agreement"),
    ("hr_injury_days", "Days of work-accident leave"),
    ("hr_absenteeism", "Sick-leave days over scheduled working days"),
    ("hr_parental_return", "Return to work after parental leave"),
    ("hr_hours_worked", "Hours worked: scheduled days less sick and accident leave"),
    ("activity_quantity", "Quantity bought or recorded"),
    ("activity_energy", "Energy bought or recorded, in MWh"),
    ("activity_renewable_energy", "Renewable part of the energy used, in MWh"),
    ("activity_emissions", "Emissions of what was bought or recorded, in tCO2e"),
    ("activity_biogenic", "Biogenic CO2 of biomass and biofuels, in tCO2"),
    ("stock_received", "Materials received from suppliers, in tonnes (inventory)"),
    ("stock_scrapped", "Stock scrapped, in tonnes (inventory, an estimate)"),
    ("policy_matters", "Sustainability matters with a policy in force (policies)"),
    ("policy_ethics_code", "Ethics code approved and communicated (policies)"),
    ("policy_matters_targets", "Matters whose policy has a target (policies)"),
    ("scope3_business_travel", "Business travel, in tCO2e (Scope 3, category 6)"),
    ("scope3_commuting", "Employee commuting, in tCO2e (Scope 3, category 7)"),
]
ACCOUNT_METHODS = ("account", "account_closing")
# Methods that count the products mapped to activities, and must name them.
ACTIVITY_METHODS = (
    "activity_quantity",
    "activity_energy",
    "activity_renewable_energy",
    "activity_emissions",
    "activity_biogenic",
    "stock_received",
)
LEDGER_COMPONENTS = [
    ("revenue", "Operating revenue"),
    ("generated", "Economic value generated"),
    ("distributed", "Economic value distributed"),
    ("opex", "Operating costs"),
    ("wages", "Employee wages and benefits"),
    ("capital", "Payments to providers of capital"),
    ("government", "Payments to government"),
    ("community", "Community investments"),
    ("training", "Staff training"),
    ("result", "Net result"),
    ("total_assets", "Total assets at period end"),
]
MEASURES = [
    ("balance", "Balance (debit - credit)"),
    ("debit", "Debit"),
    ("credit", "Credit"),
    ("quantity", "Quantity"),
]
SIGNS = [("1", "As booked"), ("-1", "Reversed (revenue, liabilities)")]


class CsrIndicatorSource(models.Model):
    """Where a computed indicator takes its figure from, for all or one company."""

    _name = "csr.indicator.source"
    _inherit = ["csr.number.guard", "csr.catalogue.guard", "csr.company.guard"]
    _csr_guarded_numbers = ("multiplier",)
    _description = "CSR Indicator Source"
    _order = "indicator_id, company_id"
    _check_company_auto = True

    indicator_id = fields.Many2one(
        "csr.indicator", required=True, index=True, ondelete="cascade"
    )
    code = fields.Char(related="indicator_id.code")
    company_id = fields.Many2one(
        "res.company",
        index=True,
        help="Leave empty for the default of every company; a company's own "
        "source replaces the default for that company.",
    )
    method = fields.Selection(SOURCE_METHODS, required=True, default="account")
    account_types = fields.Char(
        help="Odoo account types, separated by spaces or commas, e.g. "
        "'income income_other'.",
    )
    account_tag_ids = fields.Many2many("account.account.tag", string="Account tags")
    account_prefixes = fields.Char(
        string="Account code prefixes",
        help="e.g. '41 42' for every 41x and 42x account.",
    )
    ledger_component = fields.Selection(
        LEDGER_COMPONENTS,
        string="Component",
        help="Which part of the economic value the figure is. The accounts are "
        "classified by the company's CSR tags, its own account rules, the rules "
        "of its chart of accounts and, last, their Odoo type.",
    )
    measure = fields.Selection(MEASURES, required=True, default="balance")
    sign = fields.Selection(SIGNS, required=True, default="1")
    activity_ids = fields.Many2many(
        "csr.activity",
        string="Activities",
        help="Products mapped to these activities are counted (vendor bills, "
        "receipts). For scrapped stock, leave empty to count every product.",
    )
    scope = fields.Selection(
        SCOPES,
        string="GHG scope",
        help="Which emission factors apply (emission sources only).",
    )
    divide_by_id = fields.Many2one(
        "csr.indicator",
        string="Divide by",
        help="Divide the figure by this indicator's value of the same period "
        "(e.g. revenue, headcount).",
    )
    multiplier = fields.Float(default=1.0, help="e.g. 100 for a percentage.")
    note = fields.Text()

    _sql_constraints = [
        (
            "company_unique",
            "EXCLUDE USING btree (indicator_id WITH =, company_id WITH =) "
            "WHERE (company_id IS NOT NULL)",
            "This indicator already has a source for this company.",
        ),
        (
            "default_unique",
            "EXCLUDE USING btree (indicator_id WITH =) WHERE (company_id IS NULL)",
            "This indicator already has a default source.",
        ),
    ]

    @api.depends("indicator_id.code", "company_id.name")
    def _compute_display_name(self):
        for source in self:
            scope = source.company_id.name or self.env._("all companies")
            source.display_name = f"{source.indicator_id.code} ({scope})"

    @api.constrains("method", "account_types", "account_tag_ids", "account_prefixes")
    def _check_account_selection(self):
        known = selection_labels(self.env["account.account"], "account_type")
        for source in self.filtered(lambda s: s.method in ACCOUNT_METHODS):
            unknown = [t for t in source.selector_types() if t not in known]
            if unknown:
                raise ValidationError(
                    self.env._(
                        "%(code)s: unknown account type(s) %(types)s. Valid types: "
                        "%(valid)s.",
                        code=source.code,
                        types=", ".join(unknown),
                        valid=", ".join(sorted(known)),
                    )
                )
            if not source.selector():
                raise ValidationError(
                    self.env._(
                        "%(code)s: choose account types, account tags or account code "
                        "prefixes to read.",
                        code=source.code,
                    )
                )

    @api.constrains("method", "ledger_component")
    def _check_ledger_component(self):
        for source in self:
            if source.method == "economic_value" and not source.ledger_component:
                raise ValidationError(
                    self.env._(
                        "%(code)s: choose which component of the economic value "
                        "it is.",
                        code=source.code,
                    )
                )

    @api.constrains("method", "activity_ids", "scope")
    def _check_activity_selection(self):
        for source in self.filtered(lambda s: s.method in ACTIVITY_METHODS):
            if not source.activity_ids:
                raise ValidationError(
                    self.env._(
                        "%(code)s: choose the activities to count.", code=source.code
                    )
                )
            if source.method in ("activity_emissions", "activity_biogenic") and not (
                source.scope
            ):
                raise ValidationError(
                    self.env._(
                        "%(code)s: choose the scope of the emission factors.",
                        code=source.code,
                    )
                )

    @api.constrains("divide_by_id", "indicator_id")
    def _check_divide_by(self):
        for source in self:
            if source.divide_by_id == source.indicator_id:
                raise ValidationError(
                    self.env._(
                        "%(code)s cannot be divided by itself.", code=source.code
                    )
                )
        self.indicator_id._check_formula_cycles()

    def _definition_problem(self):
        """Why the source reads nothing as it stands, or "" when it can be read.

        The constraints check a source when it is saved, but what it points at
        may go later: a deleted account tag or activity leaves it selecting
        nothing, which would otherwise read as "no data", or as zero.
        """
        self.ensure_one()
        if self.method in ACCOUNT_METHODS and not self.selector():
            return self.env._(
                "its source selects no account: choose account types, tags or "
                "code prefixes again (a tag may have been deleted)"
            )
        if self.method in ACTIVITY_METHODS and not self.activity_ids:
            return self.env._(
                "its source counts no activity: choose the activities again (one "
                "may have been deleted)"
            )
        return ""

    def selector_types(self):
        return accounting.split_list(self.account_types)

    def selector(self):
        self.ensure_one()
        return accounting.AccountSelector(
            account_types=frozenset(self.selector_types()),
            tag_ids=frozenset(self.account_tag_ids.ids),
            code_prefixes=tuple(accounting.split_list(self.account_prefixes)),
        )
