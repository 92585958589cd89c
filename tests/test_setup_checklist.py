# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The guided setup on the CSR Overview (services/setup_checklist.py).

A new company "Café Fresco SAS" with nothing set up: of its ten steps, only
"Accounts to review" and "Purchased products to link" are done (nothing to
review, nothing bought); the test company of ``CsrCase`` has two periods,
so its "Fiscal-year periods" step is done, and its test users hold CSR
roles. A period or a campaign of one company never ticks the other's step.
The tour (static/tests/tours/csr_setup_tour.js) walks the new company's
checklist as its CSR manager: the profile opens the company form, the
periods step opens the generator, which creates the year's 17 periods, and
the step turns done (3 of 10 steps: nothing to review, nothing bought, a CSR
manager; then 4), and the campaign step opens the campaigns.
"""

from odoo import fields
from odoo.tests import HttpCase, new_test_user, tagged

from ..services.setup_checklist import setup_steps
from .common import DISABLED_MAIL, MANAGER_GROUPS, CsrCase


class TestSetupChecklist(CsrCase):
    def _done(self, company, env=None):
        steps = setup_steps(env or self.env, company)
        return {step["key"]: step["done"] for step in steps}

    def test_steps_of_a_new_company(self):
        fresh = self.env["res.company"].create({"name": "Café Fresco SAS"})
        done = self._done(fresh)
        self.assertEqual(len(done), 10)
        self.assertEqual(
            sorted(key for key, is_done in done.items() if is_done),
            ["accounts", "purchases"],
        )
        # The test company: its periods exist and its users hold CSR roles.
        mine = self._done(self.company)
        self.assertTrue(mine["periods"])
        self.assertTrue(mine["roles"])
        self.assertFalse(mine["campaign"])

    def test_each_step_turns_done_with_its_own_company_only(self):
        fresh = self.env["res.company"].create({"name": "Café Fresco SAS"})
        sector = self.env["csr.sector"].create({"code": "TST-FOOD", "name": "Food"})
        fresh.write(
            {
                "country_id": self.env.ref("base.co").id,
                "csr_sector_id": sector.id,
                "csr_company_size": "small",
            }
        )
        self.assertTrue(self._done(fresh)["profile"])
        # A campaign and a target of the test company leave Café Fresco's
        # steps to do.
        self.env["csr.campaign"].create(
            {"period_id": self.january.id, "user_id": self.manager.id}
        )
        self.env["csr.target"].create(
            {
                "company_id": self.company.id,
                "indicator_id": self.water.id,
                "period_id": self.year.id,
                "target_value": 100.0,
                "amber_limit": 120.0,
            }
        )
        self.assertTrue(self._done(self.company)["campaign"])
        self.assertTrue(self._done(self.company)["targets"])
        self.assertFalse(self._done(fresh)["campaign"])
        self.assertFalse(self._done(fresh)["targets"])
        self.assertFalse(self._done(fresh)["periods"])
        self._make_period("month", self.january.date_from, self.january.date_to, fresh)
        self.assertTrue(self._done(fresh)["periods"])

    def test_overview_shows_the_checklist_to_managers_only(self):
        overview = self.env["csr.dashboard"].with_user(self.manager).get_overview()
        self.assertEqual(overview["setup"]["count"], 10)
        self.assertEqual(
            overview["setup"]["done_count"],
            sum(step["done"] for step in overview["setup"]["steps"]),
        )
        self.assertFalse(
            self.env["csr.dashboard"].with_user(self.user).get_overview()["setup"]
        )

    def test_period_generator_proposes_a_start_without_company_field(self):
        """A single-company user's form has no company field (it is for
        multi-company users): the generator still proposes the fiscal year's
        first day, 1 January for a company closing on 31 December."""
        wizard = self.env["csr.period.generate"].with_user(self.manager)
        values = wizard.onchange({}, [], {"fiscal_year_start": {}})["value"]
        today = fields.Date.context_today(wizard)
        self.assertEqual(values["fiscal_year_start"], today.replace(month=1, day=1))

    def test_every_step_opens_a_screen(self):
        for step in setup_steps(self.env, self.company):
            if step.get("action"):
                self.assertTrue(self.env.ref(step["action"]), step["key"])
            else:
                self.assertEqual(step["res_model"], "res.company")
                self.assertEqual(step["res_id"], self.company.id)


@tagged("post_install", "-at_install")
class TestSetupTour(HttpCase):
    def test_consultant_walks_the_checklist(self):
        env = self.env(context=dict(self.env.context, **DISABLED_MAIL))
        fresh = env["res.company"].create(
            {"name": "Café Fresco SAS", "country_id": env.ref("base.co").id}
        )
        consultant = new_test_user(
            env,
            login="csr_setup_consultant",
            groups=MANAGER_GROUPS,
            company_id=fresh.id,
            company_ids=[fresh.id],
            context=DISABLED_MAIL,
        )
        self.start_tour(
            "/odoo/action-csr_management.csr_dashboard_action",
            "csr_setup_tour",
            login=consultant.login,
            timeout=180,
        )
        periods = env["csr.period"].search([("company_id", "=", fresh.id)])
        self.assertEqual(len(periods), 12 + 4 + 1)
