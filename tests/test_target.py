# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.exceptions import ValidationError
from odoo.tests import tagged

from .common import CsrCase


@tagged("csr_values")
class TestTarget(CsrCase):
    def _make_target(self, indicator, target, amber, **extra):
        return self.env["csr.target"].create(
            {
                "indicator_id": indicator.id,
                "company_id": self.company.id,
                "target_value": target,
                "amber_limit": amber,
                **extra,
            }
        )

    def test_year_target_and_traffic_lights(self):
        target = self._make_target(
            self.water,
            1650.0,
            1800.0,
            year=2026,
            baseline_year=2025,
            baseline_value=1840.0,
        )
        self.assertEqual(target.display_name, "TST-WATER · 2026")
        self.assertEqual(target.status_of(1600.0), "green")
        self.assertEqual(target.status_of(1700.0), "amber")
        self.assertEqual(target.status_of(1840.0), "red")

    def test_period_target_takes_its_year(self):
        target = self._make_target(self.share, 30.0, 20.0, period_id=self.january.id)
        self.assertEqual(target.year, 2025)
        self.assertEqual(target.status_of(25.0), "amber")

    def test_thresholds_must_match_direction(self):
        with self.assertRefused(ValidationError, "must lie above the target"):
            self._make_target(self.water, 1650.0, 1500.0, year=2026)
        with self.assertRefused(ValidationError, "must lie below the target"):
            self._make_target(self.share, 30.0, 40.0, year=2026)
        self.assertFalse(self.env["csr.target"].search([("year", "=", 2026)]))

    def test_context_figure_takes_no_target(self):
        self.water.direction = "neutral"
        with self.assertRefused(ValidationError, "takes no target"):
            self._make_target(self.water, 1.0, 1.0, year=2026)

    def test_one_target_per_scope(self):
        self._make_target(self.water, 1650.0, 1800.0, year=2026)
        with self.assertRefusedByDatabase("already has a target for this year"):
            self._make_target(self.water, 1600.0, 1700.0, year=2026)
        self._make_target(self.water, 1600.0, 1700.0, year=2027)
        self._make_target(self.water, 90.0, 95.0, period_id=self.january.id)
        with self.assertRefusedByDatabase("already has a target for this period"):
            self._make_target(self.water, 80.0, 95.0, period_id=self.january.id)
        # A period target and the year target of the same year coexist.
        self._make_target(self.water, 1000.0, 1100.0, year=2025)
        self.assertEqual(
            len(self.env["csr.target"].search([("indicator_id", "=", self.water.id)])),
            4,
        )

    def test_year_is_required_and_plausible(self):
        with self.assertRefused(ValidationError, "between 1990 and 2100"):
            self._make_target(self.water, 1650.0, 1800.0)
        with self.assertRefused(ValidationError, "between 1990 and 2100"):
            self._make_target(self.water, 1650.0, 1800.0, year=20026)
