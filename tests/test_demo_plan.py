# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The demo plan (demo/plan.py): deterministic, and a company that
holds together and gets better, and its doctests.

The default plan, seed 2026 and reference date 26 November 2026, counted
from the plan itself:
  months      November 2024 to October 2026 (24), base year 2025; year
              periods 2025 and 2026 (in progress), quarters 2025-Q1 to 2026-Q3;
  staff       34 employees under contract on 1 November 2024, 40 on
              31 October 2026 (9 hired, 3 left); 2 informal helpers, on the
              books without a contract, gone in November 2025; a designer and
              an advisor on their own account;
  managers    employees with someone under contract reporting to them: 2
              women of 6 at the start (33.3 %), 4 of 8 at the end (50 %):
              the quality lead gets a cupper, the e-commerce lead a team;
  contracts   permanent share 73.5 % at the start, 85 % at the end: four
              fixed-term contracts become permanent.
Wages are checked against the minimum-wage table the addon ships.
"""

import doctest
from datetime import date, timedelta

from odoo.tests import TransactionCase

from odoo.addons.csr_management.demo import client as demo_client
from odoo.addons.csr_management.demo import plan as demo_plan
from odoo.addons.csr_management.demo.plan import build_plan

TODAY = date(2026, 11, 26)


class TestDemoPlan(TransactionCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        table = cls.env["csr.minimum.wage"].search(
            [("country_id.code", "=", "CO"), ("basis", "=", "monthly")]
        )
        cls.wages = tuple(sorted((w.date_from, w.monthly_amount) for w in table))
        cls.plan = build_plan(TODAY, minimum_wages=cls.wages)

    def test_doctests_pass(self):
        for module in (demo_plan, demo_client):
            result = doctest.testmod(module)
            self.assertGreater(result.attempted, 0, module.__name__)
            self.assertEqual(result.failed, 0, module.__name__)

    def test_same_seed_and_date_give_the_same_plan(self):
        self.assertEqual(build_plan(TODAY, minimum_wages=self.wages), self.plan)
        other = build_plan(TODAY, seed=7, minimum_wages=self.wages)
        self.assertNotEqual(other, self.plan)
        self.assertNotEqual(other.employees[0].name, self.plan.employees[0].name)

    def test_dates_follow_the_reference_date(self):
        later = build_plan(TODAY + timedelta(days=31), minimum_wages=self.wages)
        self.assertEqual(later.months[0], date(2024, 12, 1))
        self.assertEqual(later.months[-1], date(2026, 11, 1))
        first, last = self.plan.span
        self.assertEqual((first, last), (date(2024, 11, 1), date(2026, 10, 31)))
        dated = [i.date for i in self.plan.invoices] + [
            e.date for e in self.plan.entries
        ]
        dated += [leave.date_to for leave in self.plan.leaves]
        dated += [move.when.date() for move in self.plan.receipts + self.plan.scraps]
        self.assertTrue(all(first <= day <= last for day in dated))
        paid = [i.paid_on for i in self.plan.invoices if i.paid_on]
        self.assertTrue(all(day <= last for day in paid))

    def test_span_size_and_periods(self):
        plan = self.plan
        self.assertEqual(len(plan.months), 24)
        self.assertEqual(plan.base_year, 2025)
        self.assertEqual(plan.years, (2025, 2026))
        self.assertEqual(len(plan.quarters), 7)
        self.assertEqual(plan.headcount_on(date(2024, 11, 1)), 34)
        self.assertEqual(plan.headcount_on(date(2026, 10, 31)), 40)

    def test_wages_meet_the_minimum_wage(self):
        """Every contract pays at least the minimum wage in force on its first
        and on its last day in the span (fixed-term contracts never straddle
        a new year, permanent ones carry today's wage)."""
        end = self.plan.span[1]
        contracts = [c for e in self.plan.employees for c in e.contracts]
        self.assertGreater(len(contracts), 40)
        for contract in contracts:
            for day in (contract.date_start, min(contract.date_end or end, end)):
                minimum = demo_plan.minimum_wage_on(self.wages, day)
                self.assertGreaterEqual(contract.wage, minimum, contract)

    def test_entries_balance(self):
        for entry in self.plan.entries:
            debit = sum(line.debit for line in entry.lines)
            credit = sum(line.credit for line in entry.lines)
            self.assertEqual(debit, credit, entry.ref)

    def test_leaves_fit_contracts_and_never_overlap(self):
        people = {e.key: e for e in self.plan.employees}
        taken = {}
        for leave in self.plan.leaves:
            contract = people[leave.employee].contract_on(leave.date_from)
            self.assertTrue(contract, leave)
            self.assertEqual(
                contract, people[leave.employee].contract_on(leave.date_to)
            )
            for first, last in taken.get(leave.employee, []):
                self.assertTrue(leave.date_to < first or last < leave.date_from)
            taken.setdefault(leave.employee, []).append(
                (leave.date_from, leave.date_to)
            )
        kinds = {leave.kind for leave in self.plan.leaves}
        self.assertEqual(kinds, {"sick", "accident", "parental"})

    def test_the_company_gets_better(self):
        plan = self.plan
        first, last = plan.span
        self.assertAlmostEqual(plan.women_in_management(first), 100 / 3)
        self.assertEqual(plan.women_in_management(last), 50.0)
        self.assertAlmostEqual(plan.permanent_share(first), 25 / 34 * 100)
        self.assertEqual(plan.permanent_share(last), 85.0)
        early, late = plan.figures[:3], plan.figures[-3:]
        self.assertLess(
            demo_plan.mean(f.energy_intensity for f in late),
            demo_plan.mean(f.energy_intensity for f in early) * 0.85,
        )
        self.assertGreater(
            demo_plan.mean(f.local_share for f in late),
            demo_plan.mean(f.local_share for f in early),
        )
        self.assertEqual(plan.figures[0].renewable_kwh, 0.0)
        self.assertGreater(plan.figures[-1].renewable_kwh, 0.0)

    def test_heat_recovery_shows_in_the_month_after_its_deadline(self):
        """The verified action's target (8 % below its baseline month) is met
        in the first month after its deadline."""
        action = next(a for a in self.plan.actions if a.key == "heat_recovery")
        figures = {f.start: f for f in self.plan.figures}
        baseline = figures[action.baseline_month].energy_intensity
        after = figures[demo_plan.add_months(action.baseline_month, 1)]
        self.assertLess(after.energy_intensity, baseline * (1 + action.target_change))
        self.assertEqual(
            {a.state for a in self.plan.actions},
            {"draft", "planned", "in_progress", "done", "verified", "cancelled"},
        )

    def test_short_plan(self):
        plan = build_plan(date(2026, 4, 15), months=3, employees=10)
        self.assertEqual(plan.months[0], date(2026, 1, 1))
        self.assertEqual((plan.base_year, plan.years), (2026, (2026,)))
        self.assertEqual(plan.headcount_on(plan.span[1]), 10)
        parental = [leave for leave in plan.leaves if leave.kind == "parental"]
        self.assertTrue(any(leave.date_to.month == 3 for leave in parental))
        self.assertEqual(len(plan.assessments), 2)
        with self.assertRaises(ValueError):
            build_plan(date(2026, 4, 15), months=0)
