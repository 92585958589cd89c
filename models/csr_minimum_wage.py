# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import ValidationError

from ..engine import workforce

BASES = [
    ("monthly", "Monthly"),
    ("daily", "Daily"),
    ("hourly", "Hourly"),
]


class CsrMinimumWage(models.Model):
    """A country's legal minimum wage, in force from a date until the country's
    next entry. Shared by every company: the law is the same for all."""

    _name = "csr.minimum.wage"
    _inherit = ["csr.number.guard", "csr.catalogue.guard"]
    _csr_guarded_numbers = ("amount", "units_per_month")
    _description = "CSR Minimum Wage"
    _order = "country_id, date_from desc"

    country_id = fields.Many2one("res.country", required=True, index=True)
    date_from = fields.Date(string="In force from", required=True)
    amount = fields.Monetary(
        aggregator=None,
        required=True,
        currency_field="currency_id",
    )
    currency_id = fields.Many2one(
        "res.currency",
        required=True,
        compute="_compute_currency_id",
        store=True,
        readonly=False,
    )
    basis = fields.Selection(
        BASES,
        required=True,
        default="monthly",
        help="What the amount pays: a month, a day or an hour of work.",
    )
    units_per_month = fields.Float(
        aggregator=None,
        string="Days or hours per month",
        digits=(16, 4),
        help="How many days (daily basis) or hours (hourly basis) make the "
        "legal monthly wage, e.g. 30 days in Mexico (Federal Labour Law, "
        "art. 89).",
    )
    monthly_amount = fields.Monetary(
        aggregator=None,
        string="Monthly equivalent",
        compute="_compute_monthly_amount",
        store=True,
        currency_field="currency_id",
        help="What full-time monthly wages are compared with.",
    )
    source_publisher = fields.Char(required=True)
    source_document = fields.Char(
        string="Legal act", required=True, help="Decree, law or resolution."
    )
    source_year = fields.Integer(
        aggregator=None,
        required=True,
    )
    source_url = fields.Char(string="Source URL")
    note = fields.Text(
        help="e.g. which zone or which workers the amount applies to.",
    )
    active = fields.Boolean(default=True)

    _sql_constraints = [
        (
            "country_date_unique",
            "UNIQUE (country_id, date_from)",
            "This country already has a minimum wage in force from that date.",
        ),
    ]

    @api.depends("country_id")
    def _compute_currency_id(self):
        for wage in self:
            wage.currency_id = wage.currency_id or wage.country_id.currency_id

    @api.depends("amount", "basis", "units_per_month")
    def _compute_monthly_amount(self):
        for wage in self:
            wage.monthly_amount = (
                workforce.to_monthly(wage.amount, wage.basis, wage.units_per_month)
                if wage.basis
                else 0.0
            )

    @api.depends("country_id.code", "date_from")
    def _compute_display_name(self):
        for wage in self:
            day = fields.Date.to_string(wage.date_from) if wage.date_from else ""
            wage.display_name = f"{wage.country_id.code or ''} {day}".strip()

    @api.constrains("amount", "basis", "units_per_month")
    def _check_amount(self):
        for wage in self:
            if wage.amount <= 0:
                raise ValidationError(
                    self.env._(
                        "%(name)s: a minimum wage must be more than zero.",
                        name=wage.display_name,
                    )
                )
            if wage.basis != "monthly" and wage.units_per_month <= 0:
                raise ValidationError(
                    self.env._(
                        "%(name)s: say how many days or hours the law counts in "
                        "a month, to compare the amount with monthly wages.",
                        name=wage.display_name,
                    )
                )

    @api.model
    def _in_force(self, country, day):
        """The entry of ``country`` in force on ``day``, or an empty record."""
        if not country:
            return self.browse()
        return self.search(
            [("country_id", "=", country.id), ("date_from", "<=", day)],
            order="date_from desc",
            limit=1,
        )

    def citation(self):
        self.ensure_one()
        return f"{self.source_publisher}, {self.source_document} ({self.source_year})"
