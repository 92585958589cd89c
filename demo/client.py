# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""A second client of the demo's consultant: a Mexican confectioner keeping
its books in pesos (MXN), so that Compare Companies shows two countries and
two currencies side by side.

Its year 2025 has periods (months, quarters, the year), a month of sales and
costs booked each month, and the manual figures of the roaster's year 2025
scaled to a smaller firm (amounts converted at a round demo rate: this is an
illustration, not an exchange rate); every period computed and scored.
"""

from datetime import date

from odoo import Command

from ..engine import periods

# A demo's illustration, not a market rate: pesos colombianos per peso mexicano.
DEMO_COP_PER_MXN = 200.0
# The confectioner's size against the roaster's.
SCALE = 0.5
YEAR = 2025
COMPANY = {
    "name": "Dulces Típicos del Bajío SA de CV",
    "street": "Blvd. Adolfo López Mateos 1810",
    "city": "León",
    "zip": "37270",
    "email": "contacto@dulcesdelbajio.example.mx",
    "phone": "+52 477 555 0142",
    "tz": "America/Mexico_City",
    "csr_company_size": "small",
}
# Sales and costs booked each month of the year, in pesos (MXN).
MONTHLY_SALES = (
    310_000,
    295_000,
    330_000,
    340_000,
    360_000,
    350_000,
    345_000,
    355_000,
    380_000,
    420_000,
    460_000,
    520_000,
)
COST_SHARE = 0.55
WAGE_SHARE = 0.22


class ClientWriter:
    """Writes the second client company; ``run`` returns it."""

    def __init__(self, env, roaster, users):
        self.env = env
        self.roaster = roaster
        self.users = users
        self.company = None
        self.periods = {}

    def run(self):
        self._company()
        self._books()
        self._periods()
        self._manual_values()
        self._compute()
        return self.company

    def _company(self):
        mxn = self.env.ref("base.MXN")
        mxn.active = True
        Company = self.env["res.company"].with_context(chart_template_load=True)
        offline = (
            {"iap_enrich_auto_done": True}
            if "iap_enrich_auto_done" in Company._fields
            else {}
        )
        data = dict(COMPANY)
        tz = data.pop("tz")
        company = Company.create(
            {
                **offline,
                **data,
                "country_id": self.env.ref("base.mx").id,
                "state_id": self.env.ref("base.state_mx_gto").id,
                "csr_sector_id": self.env.ref("csr_management.sector_manufacturing").id,
                "csr_base_year": YEAR,
            }
        )
        company.partner_id.tz = tz
        company.resource_calendar_id.tz = tz
        self.env["ir.model.data"].create(
            {
                "module": "csr_management",
                "name": "demo_company_mx",
                "model": "res.company",
                "res_id": company.id,
                "noupdate": True,
            }
        )
        self.env["account.chart.template"]._load("generic_coa", company, False)
        company.write(
            {
                "currency_id": mxn.id,
                "account_fiscal_country_id": company.country_id.id,
                "account_sale_tax_id": False,
                "account_purchase_tax_id": False,
            }
        )
        self.users.write({"company_ids": [Command.link(company.id)]})
        self.company = company
        self.env = self.env(
            context=dict(self.env.context, allowed_company_ids=[company.id])
        )

    def _account(self, template_id):
        return self.env.ref(f"account.{self.company.id}_{template_id}")

    def _books(self):
        """One entry a month: the month's sales, its costs and wages."""
        journal = self.env["account.journal"].search(
            [("company_id", "=", self.company.id), ("type", "=", "general")],
            limit=1,
        )
        receivable = self._account("receivable")
        income = self._account("income")
        costs = self._account("cost_of_goods_sold")
        wages = self._account("expense_salary")
        payable = self._account("payable")
        moves = self.env["account.move"].create(
            [
                {
                    "move_type": "entry",
                    "journal_id": journal.id,
                    "date": date(YEAR, month, 28),
                    "ref": f"Ventas y costos {YEAR}-{month:02d}",
                    "line_ids": [
                        Command.create({"account_id": receivable.id, "debit": sales}),
                        Command.create({"account_id": income.id, "credit": sales}),
                        Command.create(
                            {
                                "account_id": costs.id,
                                "debit": round(sales * COST_SHARE, 2),
                            }
                        ),
                        Command.create(
                            {
                                "account_id": wages.id,
                                "debit": round(sales * WAGE_SHARE, 2),
                            }
                        ),
                        Command.create(
                            {
                                "account_id": payable.id,
                                "credit": round(sales * (COST_SHARE + WAGE_SHARE), 2),
                            }
                        ),
                    ],
                }
                for month, sales in enumerate(MONTHLY_SALES, start=1)
            ]
        )
        moves.action_post()

    def _periods(self):
        spans = periods.fiscal_year_spans(
            date(YEAR, 1, 1), ["month", "quarter", "year"]
        )
        records = self.env["csr.period"].create(
            [
                {
                    "company_id": self.company.id,
                    "kind": span.kind,
                    "date_from": span.date_from,
                    "date_to": span.date_to,
                }
                for span in spans
            ]
        )
        self.periods = {(record.kind, record.date_from): record for record in records}

    def _manual_values(self):
        """The roaster's manual figures of 2025, scaled: quantities and amounts
        to a firm half its size (amounts in pesos at the demo rate), shares,
        rates and yes/no answers as they are."""
        source = self.env["csr.indicator.value"].search(
            [
                ("period_id.company_id", "=", self.roaster.id),
                ("period_id.date_from", ">=", date(YEAR, 1, 1)),
                ("period_id.date_to", "<=", date(YEAR, 12, 31)),
                ("source", "=", "manual"),
            ]
        )
        vals_list = []
        for value in source:
            period = self.periods.get((value.period_id.kind, value.period_id.date_from))
            if not period:
                continue
            vals_list.append(
                {
                    "indicator_id": value.indicator_id.id,
                    "period_id": period.id,
                    "value": scaled(value.indicator_id.value_type, value.value),
                    "source": "manual",
                    "data_quality": value.data_quality,
                }
            )
        values = self.env["csr.indicator.value"].create(vals_list)
        values.action_submit()
        values.action_validate()

    def _compute(self):
        order = {"month": 0, "quarter": 1, "year": 2}
        ordered = sorted(
            self.periods.values(), key=lambda p: (order[p.kind], p.date_from)
        )
        records = self.env["csr.period"].union(*ordered)
        records.action_compute()
        self.env["csr.scorecard"]._refresh_for(records)


def scaled(value_type, value):
    """A roaster's figure made the confectioner's.

    >>> scaled("quantity", 10.0), scaled("monetary", 2_000_000.0)
    (5.0, 5000.0)
    >>> scaled("percentage", 40.0), scaled("boolean", 1.0)
    (40.0, 1.0)
    """
    if value_type == "quantity":
        return round(value * SCALE, 4)
    if value_type == "monetary":
        return round(value * SCALE / DEMO_COP_PER_MXN, 2)
    return value
