# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Indicators computed from journal items, checked against hand-made books.

January 2025 of the test company, posted unless said otherwise:
  sale 1,000 (receivable / revenue)       refund 200 (revenue / receivable)
  draft sale 500 and cancelled sale 300   (ignored)
  sale 400 on 3 February                  (other period)
  other income 50 (bank / other income)   expense 300, direct cost 200 (bank)
  depreciation 100 (fixed asset)          tax payment 120 (tagged tax payable / bank)
  another company's sale 700              (other company)
Hence revenue 800, value generated 850, value distributed 500, retained 350,
net result 850 - 600 = 250 i.e. a 31.25 % margin, taxes paid 120, and assets at
31 January of 800 (receivable) - 570 (bank) - 100 (fixed) = 130.
"""

import json
from datetime import date

from odoo import Command
from odoo.exceptions import AccessError, UserError
from odoo.tests import new_test_user, tagged

from odoo.addons.account.tests.common import AccountTestInvoicingCommon
from odoo.addons.csr_management.services.period_compute import PeriodCompute

from .common import journal_entry


@tagged("post_install", "-at_install", "csr_compute")
class TestComputeAccounting(AccountTestInvoicingCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.company = cls.company_data["company"]
        cls.env.user.groups_id |= cls.env.ref("csr_management.group_csr_manager")
        cls.manager = new_test_user(
            cls.env,
            login="csr_compute_manager",
            groups="base.group_user,csr_management.group_csr_manager",
            company_id=cls.company.id,
            company_ids=[cls.company.id],
        )
        cls.revenue = cls.company_data["default_account_revenue"]
        cls.receivable = cls.company_data["default_account_receivable"]
        cls.bank = cls.company_data["default_journal_bank"].default_account_id
        cls.expense = cls.company_data["default_account_expense"]
        cls.other_income = cls._account("CSR710", "income_other")
        cls.direct_cost = cls._account("CSR510", "expense_direct_cost")
        cls.depreciation = cls._account("CSR680", "expense_depreciation")
        cls.fixed_asset = cls._account("CSR219", "asset_fixed")
        cls.tax_payable = cls._account("CSR240", "liability_current")
        cls.tax_payable.tag_ids = cls.env.ref("csr_management.account_tag_csr_tax")
        cls.january = cls.env["csr.period"].create(
            {
                "company_id": cls.company.id,
                "kind": "month",
                "date_from": date(2025, 1, 1),
                "date_to": date(2025, 1, 31),
            }
        )
        jan = date(2025, 1, 15)
        cls._entry(jan, [(cls.receivable, 1000.0), (cls.revenue, -1000.0)])
        cls._entry(jan, [(cls.revenue, 200.0), (cls.receivable, -200.0)])
        cls._entry(jan, [(cls.receivable, 500.0), (cls.revenue, -500.0)], post=False)
        cls._entry(
            jan, [(cls.receivable, 300.0), (cls.revenue, -300.0)]
        ).button_cancel()
        cls._entry(date(2025, 2, 3), [(cls.receivable, 400.0), (cls.revenue, -400.0)])
        cls._entry(jan, [(cls.bank, 50.0), (cls.other_income, -50.0)])
        cls._entry(jan, [(cls.expense, 300.0), (cls.bank, -300.0)])
        cls._entry(jan, [(cls.direct_cost, 200.0), (cls.bank, -200.0)])
        cls._entry(jan, [(cls.depreciation, 100.0), (cls.fixed_asset, -100.0)])
        cls._entry(jan, [(cls.tax_payable, 120.0), (cls.bank, -120.0)])
        other = cls.setup_other_company(name="Otra Empresa SAS")
        cls._entry(
            jan,
            [
                (other["default_account_receivable"], 700.0),
                (other["default_account_revenue"], -700.0),
            ],
            company=other["company"],
        )

    @classmethod
    def _account(cls, code, account_type):
        return cls.env["account.account"].create(
            {"code": code, "name": code, "account_type": account_type}
        )

    @classmethod
    def _entry(cls, when, lines, post=True, company=None):
        return journal_entry(cls.env, company or cls.company, when, lines, post=post)

    def _compute(self, period=None):
        (period or self.january).with_user(self.manager).action_compute()
        values = (period or self.january).value_ids
        return {value.code: value for value in values}

    def test_figures_from_the_books(self):
        values = self._compute()
        expected = {
            "ECO-01": 800.0,
            "ECO-02": 130.0,
            "ECO-03": 850.0,
            "ECO-04": 500.0,
            "ECO-05": 350.0,
            "ECO-06": 31.25,
            "ECO-09": 120.0,
        }
        self.assertEqual({code: values[code].value for code in expected}, expected)
        for code in expected:
            self.assertEqual(values[code].state, "draft")
        self.assertEqual(values["ECO-05"].source, "formula")
        self.assertEqual(values["ECO-01"].source, "computed")

    def test_result_is_reported_in_the_chatter(self):
        report = PeriodCompute(self.january.with_user(self.manager)).run()
        eco = ["ECO-01", "ECO-02", "ECO-03", "ECO-04", "ECO-05", "ECO-06", "ECO-09"]
        self.assertLessEqual(set(eco), set(report.created))
        # No vendor bill: no local share, no payment days; no account carries
        # the training tag: no training spend.
        self.assertLessEqual({"ECO-07", "ECO-08", "SOC-19"}, set(report.no_data))
        self._compute()
        note = self.january.message_ids[0].body
        self.assertIn("0 value(s) created", note)
        self.assertRegex(
            note, r"no data \(missing input or division by zero\): [^<]*ECO-07, ECO-08"
        )
        # The generic chart has no interest, tax or donation account: the split
        # of the value distributed says so, and its formula heir too.
        self.assertIn("Check ECO-04: No account of the books holds", note)
        self.assertIn("Check ECO-05: No account of the books holds", note)

    def test_formulas_ignore_refused_figures(self):
        march = self.env["csr.period"].create(
            {
                "company_id": self.company.id,
                "kind": "month",
                "date_from": date(2025, 3, 1),
                "date_to": date(2025, 3, 31),
            }
        )
        # A month with a credit note bigger than its sales: revenue -200.
        self._entry(
            date(2025, 3, 5), [(self.receivable, 100.0), (self.revenue, -100.0)]
        )
        self._entry(
            date(2025, 3, 6), [(self.revenue, 300.0), (self.receivable, -300.0)]
        )
        report = PeriodCompute(march.with_user(self.manager)).run()
        self.assertIn("ECO-01 (-200.00)", report.implausible)
        # -200 / -200 would be a 100 % margin: refused input, no margin.
        self.assertIn("ECO-06", report.no_data)
        self.assertNotIn("ECO-06", march.value_ids.mapped("code"))

    def test_source_records_are_exactly_those_summed(self):
        values = self._compute()
        action = values["ECO-01"].with_user(self.manager).action_open_source_records()
        self.assertEqual(action["res_model"], "account.move.line")
        lines = self.env["account.move.line"].search(action["domain"])
        self.assertEqual(len(lines), 2)
        self.assertEqual(sum(lines.mapped("balance")), -800.0)
        self.assertEqual(lines.account_id, self.revenue)
        inputs = self.env["csr.indicator.value"].search(
            json.loads(values["ECO-05"].source_domain)
        )
        self.assertEqual(sorted(inputs.mapped("code")), ["ECO-03", "ECO-04"])

    def test_recompute_is_idempotent(self):
        first = self._compute()
        ids = {code: value.id for code, value in first.items()}
        self._entry(
            date(2025, 1, 20), [(self.receivable, 100.0), (self.revenue, -100.0)]
        )
        report = PeriodCompute(self.january.with_user(self.manager)).run()
        self.assertEqual(
            sorted(report.updated), ["ECO-01", "ECO-02", "ECO-03", "ECO-05", "ECO-06"]
        )
        self.assertFalse(report.created)
        second = {v.code: v for v in self.january.value_ids}
        self.assertEqual({code: value.id for code, value in second.items()}, ids)
        self.assertEqual(second["ECO-01"].value, 900.0)
        self.assertEqual(second["ECO-05"].value, 450.0)
        self.assertEqual(second["ECO-02"].value, 230.0)
        self.assertAlmostEqual(second["ECO-06"].value, 350.0 / 900.0 * 100.0, places=4)

    def test_manual_and_validated_values_are_left_alone(self):
        Value = self.env["csr.indicator.value"]._system()
        manual = Value.create(
            {
                "indicator_id": self.env.ref("csr_management.indicator_eco_01").id,
                "period_id": self.january.id,
                "value": 999.0,
                "source": "manual",
            }
        )
        self._compute()
        validated = self.january.value_ids.filtered(lambda v: v.code == "ECO-04")
        validated.with_user(self.manager).action_validate()
        self._entry(date(2025, 1, 20), [(self.expense, 40.0), (self.bank, -40.0)])
        values = self._compute()
        self.assertEqual(values["ECO-01"], manual)
        self.assertEqual(manual.value, 999.0)
        self.assertEqual(values["ECO-04"].value, 500.0)
        # Formulas read the kept figures: 850 - 500, and 250 - 40 over 999.
        self.assertEqual(values["ECO-05"].value, 350.0)
        self.assertAlmostEqual(values["ECO-06"].value, 21.021, places=3)
        note = self.january.message_ids[0].body
        self.assertIn("kept as entered by hand: ECO-01", note)
        self.assertIn("kept because submitted or validated: ECO-04", note)

    def test_locked_period_is_not_computed(self):
        self.january.with_user(self.manager).action_lock()
        action = self.january.with_user(self.manager).action_compute()
        self.assertIn("is locked", action["params"]["message"])
        self.assertFalse(self.january.value_ids)

    def test_only_managers_compute(self):
        user = new_test_user(
            self.env,
            login="csr_compute_user",
            groups="base.group_user,csr_management.group_csr_user",
            company_id=self.company.id,
        )
        with self.assertRaises(AccessError):
            self.january.with_user(user).action_compute()
        self.assertFalse(self.january.value_ids)

    def test_stale_value_with_a_comment_is_kept(self):
        training = self.env.ref("csr_management.indicator_soc_19")
        value = (
            self.env["csr.indicator.value"]
            ._system()
            .create(
                {
                    "indicator_id": training.id,
                    "period_id": self.january.id,
                    "source": "computed",
                    "value": 12.0,
                    "comment": "Checked with the payroll office.",
                }
            )
        )
        report = PeriodCompute(self.january.with_user(self.manager)).run()
        self.assertIn("SOC-19", report.stale_kept)
        self.assertTrue(value.exists())
        value.comment = False
        report = PeriodCompute(self.january.with_user(self.manager)).run()
        self.assertIn("SOC-19", report.removed)
        self.assertFalse(value.exists())

    def test_mapping_screen(self):
        tag = self.env.ref("csr_management.account_tag_csr_training")
        other = self.setup_other_company(name="Tercera SAS")
        foreign = other["default_account_expense"]
        as_manager = tag.with_user(self.manager).with_company(self.company)
        # Another company's account is refused in words, and nothing is saved.
        with self.assertRaisesRegex(UserError, "Only accounts of the current company"):
            with self.env.cr.savepoint():
                as_manager.write(
                    {"csr_account_ids": [Command.set([self.expense.id, foreign.id])]}
                )
        self.env.invalidate_all()
        self.assertNotIn(tag, self.expense.tag_ids)
        self.assertNotIn(tag, foreign.tag_ids)
        as_manager.write({"csr_account_ids": [Command.set([self.expense.id])]})
        self.assertIn(tag, self.expense.tag_ids)
        self.assertEqual(as_manager.csr_account_ids, self.expense)
        with self.assertRaises(AccessError):
            as_manager.write({"name": "Renamed"})
        plain = self.env.ref("account.account_tag_operating", raise_if_not_found=False)
        if plain:
            with self.assertRaises(AccessError):
                plain.with_user(self.manager).write(
                    {"csr_account_ids": [Command.set([])]}
                )

    def test_company_source_replaces_the_default(self):
        self.env["csr.indicator.source"].create(
            {
                "indicator_id": self.env.ref("csr_management.indicator_eco_01").id,
                "company_id": self.company.id,
                "method": "account",
                "account_types": "income income_other",
                "sign": "-1",
            }
        )
        self.assertEqual(self._compute()["ECO-01"].value, 850.0)

    def test_queries_do_not_grow_with_journal_items(self):
        def period(month):
            return self.env["csr.period"].create(
                {
                    "company_id": self.company.id,
                    "kind": "month",
                    "date_from": date(2025, month, 1),
                    "date_to": date(2025, month + 1, 1).replace(day=1)
                    - (date(2025, 2, 1) - date(2025, 1, 31)),
                }
            )

        def book(month, lines):
            revenue = [(self.revenue, -1.0)] * (lines - 1)
            self._entry(
                date(2025, month, 10), [(self.receivable, lines - 1.0)] + revenue
            )

        # The same period, computed with 10 journal items and then with 1,000:
        # whether a period is the latest scored one changes what its
        # scorecard proposes, so the volume is the only difference here.
        march = period(3)
        book(3, 10)
        counts = []
        for more in (0, 991):
            if more:
                book(3, more)
            # The first round warms the registry caches (access rules, xml
            # ids); the second measures the same work: every value afresh.
            for _round in range(2):
                march.value_ids.unlink()
                self.env.invalidate_all()
                before = self.env.cr.sql_log_count
                march.with_user(self.manager).action_compute()
                count = self.env.cr.sql_log_count - before
            counts.append(count)
        self.assertEqual(counts[0], counts[1])
        large = march
        values = {v.code: v.value for v in large.value_ids}
        self.assertEqual(values["ECO-01"], 999.0)

    def test_a_compute_posts_one_summary_not_one_message_per_value(self):
        """Chatter as a user has it (tracking on): the compute creates about
        ten values and logs one note on the period; the values get no message
        and no follower."""
        loud = dict.fromkeys(
            (
                "tracking_disable",
                "mail_create_nolog",
                "mail_create_nosubscribe",
                "mail_notrack",
            ),
            False,
        )
        period = self.january.with_user(self.manager).with_context(**loud)
        notes_before = len(period.message_ids)
        period.action_compute()
        values = period.value_ids
        self.assertGreaterEqual(len(values), 7)
        self.assertEqual(len(period.message_ids), notes_before + 1)
        self.assertFalse(values.message_ids)
        self.assertFalse(values.message_follower_ids)
