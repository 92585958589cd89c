# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""A CSR manager closes a month in a browser
(static/tests/tours/csr_period_close_tour.js).

The shipped catalogue is archived, so three environmental indicators apply:
  TST-WATER        manual, lower, January target 100 / amber 120, value 110
                   -> 50 + 50 x (120 - 110) / 20 = 75, amber
  TST-SHARE        manual share, higher, 2025 target 30 / amber 20 (a share:
                   the year target judges a month), value 40 -> 100, green
  TST-GREEN-WATER  formula [TST-WATER] * [TST-SHARE] / 100, a context figure
                   (neutral): computing makes it 110 x 40 / 100 = 44, not scored
Environmental: 3 of 3 with a value (completeness 100 %), score
(75 + 100) / 2 = 87.5, green; the other pillars have no indicator, so no
score; the index is the environmental score, 87.5, green.

The manager opens CSR > Data > Periods > 2025-01, clicks Compute (the
formula value appears: 3 values), validates the three values in the list,
opens the scorecard from the period and refreshes it (validated 100 %), goes
back to the period and prints the Triple Bottom Line Report. The report is
rendered on the server for January only (as HTML: Odoo renders PDFs as HTML
in test mode) and shows the index 87.50."""

from odoo.tests import HttpCase, tagged

from .common import CsrCase

REPORT = "csr_management.report_triple_bottom_line"


@tagged("post_install", "-at_install", "csr_values")
class TestPeriodCloseTour(HttpCase, CsrCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        Indicator = cls.env["csr.indicator"]
        Indicator.search([("code", "not like", "TST-%")]).active = False
        cls.renew = Indicator.create(
            {
                "code": "TST-GREEN-WATER",
                "name": "Test water on renewable energy",
                "pillar": "environmental",
                "unit": "m³",
                "direction": "neutral",
                "source_type": "formula",
                "formula": "[TST-WATER] * [TST-SHARE] / 100",
            }
        )
        Target = cls.env["csr.target"]
        Target.create(
            [
                {
                    "indicator_id": cls.water.id,
                    "company_id": cls.company.id,
                    "period_id": cls.january.id,
                    "target_value": 100.0,
                    "amber_limit": 120.0,
                },
                {
                    "indicator_id": cls.share.id,
                    "company_id": cls.company.id,
                    "year": 2025,
                    "target_value": 30.0,
                    "amber_limit": 20.0,
                },
            ]
        )
        Value = cls.env["csr.indicator.value"]
        Value.create(
            [
                {
                    "indicator_id": cls.water.id,
                    "period_id": cls.january.id,
                    "value": 110.0,
                },
                {
                    "indicator_id": cls.share.id,
                    "period_id": cls.january.id,
                    "value": 40.0,
                },
            ]
        )

    def _spy_on_reports(self):
        """Record what the report controller renders, then render it as usual."""
        Report = type(self.env["ir.actions.report"])
        render = Report._render_qweb_pdf
        rendered = []

        def spy(report, report_ref, res_ids=None, data=None):
            result = render(report, report_ref, res_ids, data=data)
            rendered.append((report_ref, list(res_ids or []), result[0]))
            return result

        self.patch(Report, "_render_qweb_pdf", spy)
        return rendered

    def test_manager_computes_validates_scores_and_prints(self):
        self.assertFalse(self.january.scorecard_ids)
        rendered = self._spy_on_reports()
        self.start_tour(
            "/odoo",
            "csr_period_close_tour",
            login=self.manager.login,
            # The first page load builds the asset bundles: slow on a busy
            # 2-core machine, so more than the default minute.
            timeout=180,
        )
        self.env.invalidate_all()
        values = {v.code: v for v in self.january.value_ids}
        self.assertEqual(set(values), {"TST-WATER", "TST-SHARE", "TST-GREEN-WATER"})
        self.assertEqual(
            (values["TST-GREEN-WATER"].source, values["TST-GREEN-WATER"].value),
            ("formula", 44.0),
        )
        self.assertEqual({v.state for v in values.values()}, {"validated"})
        self.assertEqual({v.validated_by_id for v in values.values()}, {self.manager})
        card = self.january.scorecard_ids
        self.assertEqual(len(card), 1)
        self.assertEqual(
            (card.has_index, card.overall_index, card.light), (True, 87.5, "green")
        )
        pillars = {p.pillar: p for p in card.pillar_ids}
        environmental = pillars["environmental"]
        self.assertEqual(
            (
                environmental.has_score,
                environmental.score,
                environmental.light,
                environmental.completeness,
                environmental.validated_share,
            ),
            (True, 87.5, "green", 100.0, 100.0),
        )
        for pillar in ("economic", "social", "governance"):
            with self.subTest(pillar=pillar):
                self.assertFalse(pillars[pillar].has_score)
        lines = {line.indicator_id.code: line for line in card.line_ids}
        self.assertEqual(
            (lines["TST-WATER"].score, lines["TST-WATER"].light), (75.0, "amber")
        )
        self.assertEqual(
            (lines["TST-SHARE"].score, lines["TST-SHARE"].light), (100.0, "green")
        )
        self.assertEqual(lines["TST-GREEN-WATER"].basis, "none")
        self.assertEqual(len(rendered), 1)
        report_ref, res_ids, content = rendered[0]
        self.assertEqual((report_ref, res_ids), (REPORT, self.january.ids))
        self.assertIn(b"87.50", content)
        self.assertIn(b"Tostadora Andina SAS", content)
