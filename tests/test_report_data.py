# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The report data provider on the hand-computed scorecard dataset of
``test_scorecard`` (see its docstring for every figure used here)."""

from datetime import date

from odoo import Command
from odoo.tests import tagged

from ..services.report_data import ReportData
from .common import ScorecardCase

TODAY = date(2025, 3, 10)


@tagged("csr_report")
class TestReportData(ScorecardCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env["csr.framework.tag"].search([("code", "=", "VSME B3")]).write(
            {"indicator_ids": [Command.link(cls.water.id)]}
        )

    def _report(self, period=None, user=None, **options):
        env = self.env(user=user) if user else self.env
        period = (period or self.january).with_env(env)
        return ReportData(env, today=TODAY, **options).build(period)[0]

    def test_index_and_pillars_with_their_change(self):
        self._compute(self.december, self.january)
        report = self._report()
        self.assertEqual(report.period.name, self.january.name)
        self.assertEqual(
            (report.index, report.previous_index, report.index_change, report.light),
            (50.28, 12.5, 37.78, "amber"),
        )
        pillars = {pillar.key: pillar for pillar in report.pillars}
        self.assertEqual(
            [pillar.key for pillar in report.pillars],
            ["economic", "environmental", "social", "governance"],
        )
        environmental = pillars["environmental"]
        self.assertEqual(
            (environmental.score, environmental.previous_score, environmental.change),
            (87.5, 25.0, 62.5),
        )
        self.assertEqual(
            (environmental.completeness, environmental.light), (75.0, "green")
        )
        self.assertEqual(
            (pillars["social"].score, pillars["social"].change), (63.33, 63.33)
        )
        # December scored nothing economic; governance lacks data in January.
        self.assertEqual(
            (pillars["economic"].score, pillars["economic"].change), (0.0, None)
        )
        self.assertEqual(pillars["governance"].score, None)
        self.assertFalse(pillars["governance"].sufficient)
        # Lights come with their label, for outputs that print no colour.
        self.assertEqual(
            (
                report.light_label,
                environmental.light_label,
                pillars["social"].light_label,
            ),
            ("Amber", "Green", "Amber"),
        )
        self.assertEqual(pillars["governance"].light_label, "")
        # 3 + 4 + 2 + 1 values for 4 + 4 + 2 + 3 applicable indicators.
        self.assertAlmostEqual(report.completeness, 100 * 10 / 13, places=6)

    def test_indicator_rows(self):
        self._compute(self.december, self.january)
        report = self._report()
        water = report.value_of("TST-WATER")
        self.assertEqual(
            (water.value, water.previous, water.target, water.light, water.score),
            (110.0, 130.0, 100.0, "amber", 75.0),
        )
        self.assertEqual((water.status, water.state_label), ("Amber", "Validated"))
        self.assertTrue(water.validated)
        self.assertEqual(water.frameworks, ("VSME B3",))
        self.assertEqual(water.history, (130.0, 130.0, 110.0))  # 2024-01, -12, 2025-01
        self.assertEqual(water.entered_by, self.env.user.name)
        self.assertEqual(water.validated_by, self.env.user.name)
        self.assertEqual(water.value_id, self.values[self.january, self.water].id)
        waste = report.value_of("TST-WASTE")
        self.assertEqual(
            (waste.value, waste.status, waste.history),
            (None, "No value", (None, None, None)),
        )
        self.assertIsNone(waste.value_id)
        self.assertEqual(report.value_of("TST-HEADCOUNT").status, "Context figure")
        self.assertTrue(report.value_of("TST-SHARE").estimated)
        self.assertEqual(
            sorted(row.code for row in report.red_rows), ["TST-ACCIDENTS", "TST-LOCAL"]
        )
        self.assertEqual(len(report.manual_rows), 10)

    def test_columns_are_the_earlier_periods_oldest_first(self):
        november = self._make_period("month", date(2024, 11, 1), date(2024, 11, 30))
        self._make_period("year", date(2024, 1, 1), date(2024, 12, 31))
        report = self._report(history=1)
        self.assertEqual(
            [c.period_id for c in report.columns], [self.december.id, self.january.id]
        )
        self.assertTrue(report.columns[-1].is_reported)
        report = self._report()
        self.assertEqual(
            [c.period_id for c in report.columns],
            [self.year_before.id, november.id, self.december.id, self.january.id],
        )
        self.assertEqual(
            report.value_of("TST-WATER").history, (130.0, None, 130.0, 110.0)
        )

    def test_trend_lists_the_scored_periods(self):
        self._compute(self.december, self.january)
        trend = self._report().trend
        self.assertEqual([point.index for point in trend], [12.5, 50.28])
        self.assertEqual(trend[0].pillar_scores["environmental"], 25.0)
        self.assertIsNone(trend[0].pillar_scores["economic"])

    def test_trend_ends_with_the_period_scored_now(self):
        self._compute(self.december)
        trend = self._report().trend
        self.assertFalse(self._scorecard(self.january))
        self.assertEqual(
            [(point.period_name, point.index) for point in trend],
            [(self.december.name, 12.5), (self.january.name, 50.28)],
        )
        self.assertEqual(trend[1].pillar_scores["environmental"], 87.5)
        self.assertIsNone(trend[1].pillar_scores["governance"])

    def test_period_never_scored_is_scored_without_storing(self):
        report = self._report()
        self.assertFalse(self._scorecard(self.january))
        self.assertIsNone(report.scored_on)
        self.assertEqual(report.value_of("TST-WATER").light, "amber")
        # No December scorecard either: no previous index, but previous values.
        self.assertEqual((report.index, report.previous_index), (50.28, None))
        self.assertEqual(report.light_label, "Amber")
        self.assertEqual(report.pillars[1].light_label, "Green")
        self.assertEqual(report.value_of("TST-LOCAL").previous, 40.0)

    def test_open_actions_overdue_first(self):
        Action = self.env["csr.action"]

        def action(name, deadline, state="draft"):
            return Action.create(
                {
                    "name": name,
                    "pillar": "social",
                    "company_id": self.company.id,
                    "deadline": deadline,
                    "responsible_id": self.manager.id,
                    "state": state,
                }
            )

        action("Later", date(2025, 6, 30))
        action("Late", date(2025, 2, 28))
        action("Done", date(2025, 1, 15), state="done")
        rows = self._report().actions
        self.assertEqual([row.name for row in rows], ["Late", "Later"])
        self.assertEqual((rows[0].overdue, rows[0].days_overdue), (True, 10))
        self.assertEqual((rows[1].overdue, rows[1].days_overdue), (False, 0))
        self.assertEqual(rows[0].responsible, self.manager.name)

    def test_maturity_stage_of_last_closed_assessment(self):
        report = self._report()
        self.assertIsNone(report.maturity)
        self.assertEqual({pillar.stage for pillar in report.pillars}, {None})

    def test_consultant_reports_several_companies(self):
        other = self.env["res.company"].create({"name": "Cacao del Sur SRL"})
        twin = self._make_period(
            "month", date(2025, 1, 1), date(2025, 1, 31), company=other
        )
        companies = self.company | other
        env = self.env(
            context=dict(self.env.context, allowed_company_ids=companies.ids)
        )
        periods = ReportData.periods_for(
            companies.with_env(env), "month", date(2025, 1, 1)
        )
        self.assertEqual(periods, self.january | twin)
        reports = ReportData(env, today=TODAY).build(periods.sorted("id"))
        self.assertEqual(
            [r.company_name for r in reports],
            ["Tostadora Andina SAS", "Cacao del Sur SRL"],
        )
        self.assertIsNone(reports[1].value_of("TST-WATER").value)
        # A user of the first company only cannot report on the second.
        periods = ReportData.periods_for(
            companies.with_user(self.user), "month", date(2025, 1, 1)
        )
        self.assertEqual(periods, self.january)

    def test_company_profile_for_the_vsme_basis(self):
        self.company.write(
            {
                "country_id": self.env.ref("base.co").id,
                "csr_company_size": "small",
                "csr_sector_id": self.env.ref("csr_management.sector_agriculture").id,
                "currency_id": self.env.ref("base.CLP").id,
            }
        )
        report = self._report()
        self.assertEqual(
            (report.country, report.size_label, report.sector),
            ("Colombia", "Small (10 to 49 employees)", "Agriculture and agro-industry"),
        )
        # Chilean pesos have no decimals: the workbook formats amounts so.
        self.assertEqual((report.currency_name, report.currency_decimals), ("CLP", 0))

    def test_open_period_reports_its_current_values(self):
        # Scored with energy 45 (10 % better than December's 50: green);
        # then energy is corrected to 55 without a refresh: 10 % worse, half a
        # band beyond the -5 % amber limit -> 50 x (1 - 5/10) = 25 red.
        self._compute(self.december, self.january)
        self.values[self.january, self.energy].value = 55.0
        energy = self._report().value_of("TST-ENERGY")
        self.assertEqual((energy.value, energy.history[-1]), (55.0, 55.0))
        self.assertEqual((energy.light, energy.score), ("red", 25.0))
        # The trend ends once, on the figures the report shows: social
        # (25 + 100 + 65) / 3 = 63.33 in both, environmental (75 x 2 + 100 +
        # 25) / 4 = 68.75 now, instead of the stored 87.5.
        report = self._report()
        self.assertEqual([point.index for point in report.trend][:1], [12.5])
        self.assertEqual(len(report.trend), 2)
        self.assertEqual(report.trend[-1].pillar_scores["environmental"], 68.75)
        # A locked period reports the scorecard it was locked with.
        self.values[self.january, self.energy].value = 45.0
        self._compute(self.january)
        self.january.with_user(self.manager).action_lock()
        report = self._report()
        card = self._scorecard(self.january)
        # The report states the scorecard it printed: its revision and time.
        self.assertEqual((report.scored_on, report.revision), (card.computed_on, 2))
        self.assertEqual(report.value_of("TST-ENERGY").light, "green")

    def test_queries_do_not_grow_with_the_catalogue(self):
        self._compute(self.december, self.january)

        def queries():
            self.env.invalidate_all()
            start = self.env.cr.sql_log_count
            self._report()
            return self.env.cr.sql_log_count - start

        before = queries()
        for number in range(10):
            indicator = self._make_indicator(f"TST-MORE-{number}", "social", "higher")
            self._make_value(indicator, self.january, value=number)
            self._make_value(indicator, self.december, value=number + 1)
        self.assertEqual(queries(), before)

    def test_no_comparison_period(self):
        report = self._report(history=0)
        self.assertEqual([c.period_id for c in report.columns], [self.january.id])
        self.assertEqual(report.value_of("TST-WATER").history, (110.0,))
