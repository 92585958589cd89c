# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""A consultant compares last year of two clients in a browser
(static/tests/tours/csr_comparison_tour.js): a Colombian company in COP
with a revenue of 1,000,000 COP and a Mexican one in MXN with 50,000 MXN.
Both are ticked in the company switcher; Compare Companies proposes the
year starting on 1 January of last year, and the table shows each amount
with its own currency and takes no median across the two currencies."""

from odoo import fields
from odoo.tests import HttpCase, new_test_user, tagged

from .common import DISABLED_MAIL, MANAGER_GROUPS


@tagged("post_install", "-at_install")
class TestComparisonTour(HttpCase):
    def test_consultant_compares_two_clients_in_two_currencies(self):
        env = self.env(context=dict(self.env.context, **DISABLED_MAIL))
        cop, mxn = env.ref("base.COP"), env.ref("base.MXN")
        (cop | mxn).active = True
        Company = env["res.company"]
        andina = Company.create({"name": "Andina Tour SAS", "currency_id": cop.id})
        bajio = Company.create({"name": "Bajío Tour SA de CV", "currency_id": mxn.id})
        revenue = env["csr.indicator"].create(
            {
                "code": "TST-REVENUE",
                "name": "Test revenue",
                "pillar": "economic",
                "unit": "currency",
                "value_type": "monetary",
                "direction": "higher",
                "aggregation": "sum",
                "source_type": "manual",
            }
        )
        start = fields.Date.context_today(revenue).replace(month=1, day=1)
        start = start.replace(year=start.year - 1)
        for company, amount in ((andina, 1e6), (bajio, 5e4)):
            period = env["csr.period"].create(
                {
                    "company_id": company.id,
                    "kind": "year",
                    "date_from": start,
                    "date_to": start.replace(month=12, day=31),
                }
            )
            env["csr.indicator.value"].create(
                {"indicator_id": revenue.id, "period_id": period.id, "value": amount}
            )
        consultant = new_test_user(
            env,
            login="csr_tour_consultant",
            groups=MANAGER_GROUPS,
            company_id=andina.id,
            company_ids=[andina.id, bajio.id],
            context=DISABLED_MAIL,
        )
        self.start_tour(
            "/odoo/action-csr_management.csr_company_comparison_action",
            "csr_comparison_tour",
            login=consultant.login,
            cookies={"cids": f"{andina.id}-{bajio.id}"},
            timeout=180,
        )
