# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The plain-Python engine, tested without the ORM."""

import doctest
import unittest
from datetime import date

from odoo.addons.csr_management.engine import periods, thresholds, values


class TestPeriodArithmetic(unittest.TestCase):
    def test_end_of_each_kind(self):
        self.assertEqual(periods.end_for("month", date(2024, 2, 1)), date(2024, 2, 29))
        self.assertEqual(
            periods.end_for("quarter", date(2025, 11, 1)), date(2026, 1, 31)
        )
        self.assertEqual(periods.end_for("year", date(2025, 7, 1)), date(2026, 6, 30))

    def test_shape_errors(self):
        check = periods.check_shape
        self.assertIsNone(check("quarter", date(2025, 4, 1), date(2025, 6, 30)))
        self.assertEqual(
            check("month", date(2025, 3, 31), date(2025, 3, 1)), periods.SHAPE_INVERTED
        )
        self.assertEqual(
            check("month", date(2025, 3, 2), date(2025, 3, 31)),
            periods.SHAPE_NOT_MONTH_START,
        )
        self.assertEqual(
            check("quarter", date(2025, 1, 1), date(2025, 2, 28)),
            periods.SHAPE_WRONG_LENGTH,
        )

    def test_names(self):
        name = periods.period_name
        self.assertEqual(name("month", date(2025, 3, 1), date(2025, 3, 31)), "2025-03")
        self.assertEqual(
            name("quarter", date(2025, 7, 1), date(2025, 9, 30)), "2025-Q3"
        )
        self.assertEqual(
            name("quarter", date(2025, 2, 1), date(2025, 4, 30)), "2025-02/2025-04"
        )
        self.assertEqual(name("year", date(2025, 1, 1), date(2025, 12, 31)), "2025")
        self.assertEqual(name("year", date(2025, 4, 1), date(2026, 3, 31)), "2025/2026")

    def test_fiscal_year_spans_cover_the_year_without_gaps(self):
        spans = periods.fiscal_year_spans(
            date(2025, 4, 1), ["month", "quarter", "year"]
        )
        self.assertEqual(len(spans), 12 + 4 + 1)
        months = [s for s in spans if s.kind == "month"]
        for previous, following in zip(months, months[1:], strict=False):
            self.assertEqual((following.date_from - previous.date_to).days, 1)
        self.assertEqual(months[-1].date_to, date(2026, 3, 31))
        quarters = [s.name for s in spans if s.kind == "quarter"]
        self.assertEqual(quarters, ["2025-Q2", "2025-Q3", "2025-Q4", "2026-Q1"])


class TestThresholds(unittest.TestCase):
    def test_higher_is_better(self):
        light = thresholds.traffic_light
        self.assertEqual(light("higher", 80.0, 80.0, 60.0), thresholds.GREEN)
        self.assertEqual(light("higher", 79.9, 80.0, 60.0), thresholds.AMBER)
        self.assertEqual(light("higher", 59.9, 80.0, 60.0), thresholds.RED)

    def test_lower_is_better(self):
        light = thresholds.traffic_light
        self.assertEqual(light("lower", 1650.0, 1650.0, 1800.0), thresholds.GREEN)
        self.assertEqual(light("lower", 1800.0, 1650.0, 1800.0), thresholds.AMBER)
        self.assertEqual(light("lower", 1800.5, 1650.0, 1800.0), thresholds.RED)
        self.assertIsNone(light("neutral", 1.0, 1.0, 1.0))

    def test_consistency(self):
        self.assertTrue(thresholds.thresholds_consistent("higher", 80.0, 80.0))
        self.assertFalse(thresholds.thresholds_consistent("higher", 80.0, 90.0))
        self.assertFalse(thresholds.thresholds_consistent("neutral", 1.0, 0.0))


class TestValuePlausibility(unittest.TestCase):
    def test_codes(self):
        error = values.value_error
        self.assertIsNone(error("quantity", False, 0.0))
        self.assertIsNone(error("percentage", False, 100.0))
        self.assertEqual(error("percentage", False, 100.01), values.VALUE_OVER_100)
        self.assertEqual(error("monetary", False, -0.01), values.VALUE_NEGATIVE)
        self.assertIsNone(error("monetary", True, -2500.0))
        self.assertEqual(error("boolean", False, 2.0), values.VALUE_NOT_BOOLEAN)
        self.assertEqual(
            error("quantity", False, float("nan")), values.VALUE_NOT_FINITE
        )
        self.assertEqual(
            error("quantity", False, float("inf")), values.VALUE_NOT_FINITE
        )
        self.assertEqual(error("quantity", False, 2e15), values.VALUE_TOO_LARGE)


class TestEngineDoctests(unittest.TestCase):
    def test_doctests_pass(self):
        for module in (periods, thresholds, values):
            result = doctest.testmod(module)
            self.assertGreater(result.attempted, 0, module.__name__)
            self.assertEqual(result.failed, 0, module.__name__)
