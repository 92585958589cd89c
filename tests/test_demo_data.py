# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The demo writer (demo/writer.py) on a short plan: three months
(January to March 2026, reference date 15 April 2026) and ten employees.

The issue's acceptance test: after loading, the latest period's scorecard
has all four pillars scored and a completeness above 80 %. Every indicator
that applies to a small manufacturer is fed: the books (revenue, costs, taxes
paid, supplier payments), staff and time off, stock, energy and water bills,
and the manual inputs (waste manifests, training hours, the governance
register); the parental leave ending in March gives the return-to-work rate.

Figures checked against the plan itself: March's net revenue is the sum of
its sales invoices less its credit note, its water the m³ of its water bill,
its headcount the ten contracts running on 31 March, and its women in
management the plan's count (3 of 5 managers).
"""

from datetime import date

from freezegun import freeze_time

from odoo.tests import TransactionCase, tagged

from odoo.addons.csr_management.demo.client import ClientWriter
from odoo.addons.csr_management.demo.plan import build_plan
from odoo.addons.csr_management.demo.writer import DemoWriter, tiny_pdf
from odoo.addons.csr_management.services.report_data import ReportData

from .common import DISABLED_MAIL, run_monthly_job

TODAY = date(2026, 4, 15)


@tagged("post_install", "-at_install")
class TestDemoData(TransactionCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env = cls.env(context=dict(cls.env.context, **DISABLED_MAIL))
        cls.plan = build_plan(TODAY, months=3, employees=10)
        cls.company = DemoWriter(cls.env, cls.plan).run()
        cls.march = cls.env["csr.period"].search(
            [
                ("company_id", "=", cls.company.id),
                ("kind", "=", "month"),
                ("date_from", "=", date(2026, 3, 1)),
            ]
        )
        cls.values = {v.code: v for v in cls.march.value_ids}

    def test_latest_scorecard_scores_every_pillar(self):
        card = self.march.scorecard_ids
        self.assertEqual(len(card.pillar_ids), 4)
        for pillar in card.pillar_ids:
            self.assertTrue(pillar.has_score, pillar.pillar)
            self.assertGreater(pillar.completeness, 80.0, pillar.pillar)
        self.assertTrue(card.has_index)

    def test_company_is_a_colombian_small_manufacturer(self):
        company = self.company
        self.assertEqual(company.country_id, self.env.ref("base.co"))
        self.assertEqual(company.currency_id, self.env.ref("base.COP"))
        self.assertEqual(company.csr_sector_id.code, "manufacturing")
        self.assertEqual(
            (company.csr_company_size, company.csr_base_year), ("small", 2026)
        )
        self.assertEqual(self.env["csr.demo"]._csr_generate_demo(), company)

    def test_books_feed_the_economic_indicators(self):
        march = [i for i in self.plan.invoices if i.date.month == 3]
        revenue = sum(i.amount for i in march if i.move_type == "out_invoice")
        revenue -= sum(i.amount for i in march if i.move_type == "out_refund")
        self.assertAlmostEqual(self.values["ECO-01"].value, revenue, places=2)
        for code in ("ECO-02", "ECO-07", "ECO-08", "ECO-09"):
            self.assertGreater(self.values[code].value, 0.0, code)
        water = next(f.water_m3 for f in self.plan.figures if f.start.month == 3)
        self.assertEqual(self.values["ENV-11"].value, water)

    def test_staff_feed_the_social_indicators(self):
        end = date(2026, 3, 31)
        self.assertEqual(self.values["SOC-01"].value, 10.0)
        self.assertEqual(
            self.values["SOC-20"].value, self.plan.women_in_management(end)
        )
        self.assertEqual(self.values["SOC-13"].value, 1.0)  # minimum wage met
        self.assertEqual(self.values["SOC-21"].value, 100.0)  # back from leave

    def test_manual_inputs_with_evidence(self):
        waste = self.values["ENV-14"]
        self.assertEqual(waste.source, "manual")
        self.assertEqual(waste.evidence_ids.mimetype, "text/plain")
        ethics = self.values["GOV-02"]
        self.assertEqual(ethics.value, 1.0)
        self.assertEqual(ethics.evidence_ids.mimetype, "application/pdf")
        january = self.env["csr.indicator.value"].search(
            [
                ("company_id", "=", self.company.id),
                ("date_from", "=", date(2026, 1, 1)),
                ("period_kind", "=", "month"),
            ]
        )
        self.assertEqual(
            set(january.filtered(lambda v: v.source == "manual").mapped("state")),
            {"validated"},
        )
        self.assertTrue(tiny_pdf("x").startswith(b"%PDF-1.4"))

    def test_actions_in_every_state(self):
        actions = self.env["csr.action"].search([("company_id", "=", self.company.id)])
        self.assertEqual(
            set(actions.mapped("state")),
            {"draft", "planned", "in_progress", "done", "verified", "cancelled"},
        )
        measured = actions.filtered(lambda a: a.indicator_id.code == "ENV-04")
        self.assertEqual((measured.state, measured.efficacy), ("verified", "effective"))
        self.assertLess(measured.verified_value, measured.baseline_value)
        overdue = actions.filtered(
            lambda a: a.state in ("planned", "in_progress") and a.deadline < TODAY
        )
        self.assertTrue(overdue.activity_ids)

    def test_two_closed_assessments_show_progress(self):
        assessments = self.env["csr.assessment"].search(
            [("company_id", "=", self.company.id)], order="date, id"
        )
        under_way = assessments.filtered(lambda a: a.state == "draft")
        self.assertEqual(len(under_way), 1)
        first, second = assessments - under_way
        self.assertEqual((first.state, second.state), ("done", "done"))
        self.assertEqual(second.compare_id, first)
        self.assertGreater(second.maturity_index, first.maturity_index)

    def test_what_a_consultant_shows_on_day_one(self):
        """Three policies in force, five partners and the neighbours' board in
        the stakeholder register, the latest month's campaign launched with
        a due date ahead, and the oldest quarter with its months locked, every
        value in them validated."""
        own = [("company_id", "=", self.company.id)]
        policies = self.env["csr.policy"].search(own)
        self.assertEqual(policies.mapped("state"), ["approved"] * 3)
        register = self.env["res.partner"].search(
            [*own, ("csr_stakeholder_group_ids", "!=", False)]
        )
        self.assertGreaterEqual(len(register), 3)
        campaign = self.env["csr.campaign"].search(own)
        self.assertEqual(campaign.state, "running")
        self.assertGreater(campaign.date_deadline, campaign.period_id.date_to)
        locked = self.env["csr.period"].search([*own, ("state", "=", "locked")])
        self.assertEqual(sorted(set(locked.mapped("kind"))), ["month", "quarter"])
        values = self.env["csr.indicator.value"].search(
            [("period_id", "in", locked.ids)]
        )
        self.assertEqual(set(values.mapped("state")), {"validated"})

    def test_library_holds_documents_and_anonymised_case_studies(self):
        library = self.env["csr.resource"].search(
            [("company_id", "=", self.company.id)]
        )
        measured = self.env["csr.action"].search(
            [
                ("company_id", "=", self.company.id),
                ("state", "=", "verified"),
                ("value_change", ">", 0),
            ]
        )
        self.assertTrue(measured, "the heat recovery is verified as effective")
        cases = library.filtered(lambda r: r.resource_type == "case_study")
        self.assertEqual(len(library), 2 + len(measured))
        self.assertEqual(cases.source_action_id, measured)
        for case in cases:
            self.assertTrue(case.anonymised)
            self.assertNotIn(self.company.name, case.body)

    def test_stakeholder_dialogue_and_materiality(self):
        dialogue = self.env["csr.dialogue"].search(
            [("company_id", "=", self.company.id)]
        )
        self.assertEqual(dialogue.state, "held")
        self.assertEqual(dialogue.date_start.date(), date(2026, 3, 10))
        action = dialogue.commitment_ids.action_id
        self.assertEqual((action.origin, action.origin_ref), ("dialogue", dialogue))
        assessment = self.env["csr.materiality.assessment"].search(
            [("company_id", "=", self.company.id)]
        )
        self.assertEqual((assessment.year, assessment.state), (2026, "done"))
        # Nine topics reach 3 on one side (see DEMO_MATERIALITY).
        self.assertEqual(assessment.material_count, 9)
        water = assessment.line_ids.filtered(
            lambda line: line.topic_id.code == "ENV-WATER"
        )
        self.assertEqual(
            (water.stakeholder_score, water.stakeholder_rating_count), (5.0, 1)
        )

    def test_reports_equal_the_screens(self):
        """The latest month's report data, its stored scorecard and the
        overview show the same index and pillar scores, also after the
        monthly job has run again over the unchanged demo."""
        with freeze_time(TODAY):
            card = self.march.scorecard_ids
            scored_on = card.computed_on
            run_monthly_job(self.env)
            self.assertEqual(card.computed_on, scored_on, "rescored without change")
            report = ReportData(self.env, today=TODAY).build(self.march)[0]
            overview = (
                self.env["csr.dashboard"]
                .with_company(self.company)
                .get_overview(period_id=self.march.id)["overview"]
            )
        self.assertEqual(report.index, card.overall_index)
        self.assertEqual(overview["index"], card.overall_index)
        stored = {p.pillar: p.score for p in card.pillar_ids}
        self.assertEqual({p.key: p.score for p in report.pillars}, stored)
        self.assertEqual({p["key"]: p["score"] for p in overview["pillars"]}, stored)


@tagged("post_install", "-at_install")
class TestDemoClient(TransactionCase):
    """The consultant's second client (demo/client.py): a Mexican company in
    MXN whose 2025 sales are booked month by month, 310,000 + 295,000 +
    330,000 + 340,000 + 360,000 + 350,000 + 345,000 + 355,000 + 380,000 +
    420,000 + 460,000 + 520,000 = 4,465,000 MXN, and whose 17 periods of 2025
    are computed and scored."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env = cls.env(context=dict(cls.env.context, **DISABLED_MAIL))
        roaster = cls.env["res.company"].create({"name": "Roaster"})
        users = cls.env.ref("base.user_admin")
        cls.client = ClientWriter(cls.env, roaster, users).run()

    def test_demo_users_land_on_the_overview(self):
        admin = self.env.ref("base.user_admin")
        self.env["csr.demo"]._csr_demo_land_on_overview(admin)
        self.assertEqual(
            admin.action_id.id, self.env.ref("csr_management.csr_dashboard_action").id
        )

    def test_a_mexican_company_in_pesos(self):
        self.assertEqual(self.client.currency_id.name, "MXN")
        self.assertEqual(self.client.country_id.code, "MX")
        self.assertIn(self.client, self.env.ref("base.user_admin").company_ids)

    def test_its_year_is_computed_and_scored(self):
        year = self.env["csr.period"].search(
            [("company_id", "=", self.client.id), ("kind", "=", "year")]
        )
        self.assertEqual(year.date_from, date(2025, 1, 1))
        self.assertTrue(year.scorecard_ids)
        revenue = year.value_ids.filtered(lambda v: v.indicator_id.code == "ECO-01")
        self.assertEqual(revenue.value, 4_465_000.0)
        periods = self.env["csr.period"].search([("company_id", "=", self.client.id)])
        self.assertEqual(len(periods), 17)
