# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The plain-Python engine, tested without the ORM."""

import importlib
import pkgutil
import unittest
from datetime import date

from odoo.addons.csr_management import engine
from odoo.addons.csr_management.engine import (
    accounting,
    formula,
    ledger,
    periods,
    stylesheet,
    thresholds,
    values,
)
from odoo.addons.csr_management.models.csr_account_rule import BUCKET_LABELS

from .common import assert_doctests_pass


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
        # Every engine module, so that a new one cannot be forgotten here.
        names = [info.name for info in pkgutil.iter_modules(engine.__path__)]
        self.assertIn("emissions", names)
        for name in names:
            module = importlib.import_module(f"{engine.__name__}.{name}")
            self.assertGreater(assert_doctests_pass(self, module), 0, module.__name__)


class TestLedgerBuckets(unittest.TestCase):
    def test_an_account_rule_offers_every_bucket_of_the_ledger(self):
        """A rule files an account in a bucket the ledger sums, and only there."""
        keys = [key for key, _label in BUCKET_LABELS]
        self.assertEqual(keys, list(ledger.BUCKETS))


class TestFormulas(unittest.TestCase):
    def test_evaluate(self):
        values_ = {"ENV-05": 12.0, "ENV-06": 3.0, "ECO-01": 2_500_000.0}
        self.assertEqual(
            formula.evaluate("([ENV-05] + [ENV-06]) / [ECO-01] * 1000000", values_), 6.0
        )
        self.assertEqual(formula.evaluate("-[ENV-05] + 2 * 3", values_), -6.0)
        self.assertIsNone(formula.evaluate("[ENV-05] / ([ENV-06] - 3)", values_))
        self.assertIsNone(formula.evaluate("[ENV-05] + [SOC-01]", values_))

    def test_only_arithmetic_is_accepted(self):
        for bad in (
            "[A-1] ** 2",
            "abs([A-1])",
            "[A-1] +",
            "[A-1].real",
            "'x'",
            "[A-1] < 2",
        ):
            with self.subTest(bad=bad), self.assertRaises(formula.FormulaError):
                formula.check(bad)

    def test_order_and_cycles(self):
        order = formula.dependency_order(
            {
                "ENV-09": ["ENV-05", "ECO-01"],
                "X-2": ["X-1", "ENV-09"],
                "X-1": ["ENV-09"],
            }
        )
        self.assertEqual(order, ["ENV-09", "X-1", "X-2"])
        with self.assertRaises(formula.FormulaCycle) as caught:
            formula.dependency_order({"A-1": ["B-1"], "B-1": ["C-1"], "C-1": ["A-1"]})
        self.assertEqual(caught.exception.args[0], ["A-1", "B-1", "C-1", "A-1"])


class TestAccountSelection(unittest.TestCase):
    def test_types_tags_and_prefixes(self):
        sales = accounting.Account(1, "4100", "income")
        other = accounting.Account(2, "4200", "income_other")
        taxes = accounting.Account(3, "2408", "liability_current", frozenset({7}))
        books = [sales, other, taxes]
        totals = {1: {"balance": -800.0}, 2: {"balance": -50.0}, 3: {"debit": 120.0}}
        by_type = accounting.AccountSelector(account_types=frozenset({"income"}))
        by_tag = accounting.AccountSelector(tag_ids=frozenset({7}))
        by_prefix = accounting.AccountSelector(code_prefixes=("42", "41"))
        self.assertEqual(
            accounting.total(by_type, books, totals, sign=-1), (800.0, [1])
        )
        self.assertEqual(accounting.total(by_tag, books, totals, "debit"), (120.0, [3]))
        self.assertEqual(
            accounting.total(by_prefix, books, totals, sign=-1), (850.0, [1, 2])
        )
        self.assertFalse(accounting.AccountSelector())


class TestStylesheetSubset(unittest.TestCase):
    """``engine.stylesheet.subset`` never drops a rule that could style the
    document, whatever the stylesheet's spelling (cases found by attacking
    it); dropping more than needed would unstyle the PDF's header."""

    def _subset(self, css, classes=(), tags=()):
        return stylesheet.subset(css, set(classes), set(), set(tags))

    def test_names_beyond_ascii_and_custom_idents(self):
        self.assertEqual(self._subset(".über{a:1}.zz{b:2}", ["über"]), ".über{a:1}")
        self.assertEqual(self._subset(".--on{a:1}", ["--on"]), ".--on{a:1}")

    def test_strings_and_comments_are_read_not_rewritten(self):
        css = 'a[href$="/*"],.b{color:red}.c{color:blue}'
        self.assertEqual(self._subset(css, ["b", "c"]), css)
        self.assertEqual(
            self._subset("@media/**/print{.a{x:1}}", ["a"]), "@media/**/print{.a{x:1}}"
        )

    def test_escapes_urls_and_broken_strings_hide_no_rule(self):
        for css in (
            ".zz{x:\\}}.b{color:red}",
            ".zz{background:url(x}.png)}.b{color:red}",
            '.zz{content:"oops\n}\n.b{color:red}',
        ):
            self.assertEqual(self._subset(css, ["b"]), ".b{color:red}", css)

    def test_layer_order_and_void_imports_stay_as_they_were(self):
        self.assertEqual(
            self._subset(
                "@layer b{.zz{}}@layer a{p{color:red}}@layer b{p{color:blue}}",
                tags=["p"],
            ),
            "@layer b{}@layer a{p{color:red}}@layer b{p{color:blue}}",
        )
        # Ignored after a rule; dropping the rule must not make it count.
        self.assertEqual(
            self._subset(".zz{x:1}@import 'x.css';.a{y:1}", ["a"]), ".a{y:1}"
        )

    def test_nested_rules_and_deep_nesting_are_kept(self):
        nested = ".zz{:not(&){color:red}}"
        self.assertEqual(self._subset(nested, tags=["div"]), nested)
        deep = "@media print{" * 1000 + ".a{x:1}" + "}" * 1000
        self.assertIn(".a{x:1}", self._subset(deep, ["a"]))
