# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Local-supplier share and days to pay, from vendor bills and payments.

The company is Colombian. January 2025 vendor bills, untaxed:
  local supplier: 1,000 (5 Jan, paid 25 Jan: 20 days), 3,000 (10 Jan, paid
  20 Jan: 10 days), refund 500 (15 Jan); foreign supplier: 1,000 (12 Jan,
  paid 3 Feb); a draft bill of 9,999 (ignored).
Local share = (1,000 + 3,000 - 500) / (4,500) = 77.7778 %.
Days to pay in January = (1,000 x 20 + 3,000 x 10) / 4,000 = 12.5 days;
the foreign bill is paid in February: 22 days in that month.
"""

from datetime import date

from odoo.tests import tagged

from odoo.addons.account.tests.common import AccountTestInvoicingCommon


@tagged("post_install", "-at_install", "csr_compute")
class TestComputeSuppliers(AccountTestInvoicingCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env.user.groups_id |= cls.env.ref("csr_management.group_csr_manager")
        cls.company = cls.company_data["company"]
        colombia = cls.env.ref("base.co")
        cls.company.country_id = colombia
        cls.partner_a.country_id = colombia
        cls.partner_b.country_id = cls.env.ref("base.mx")
        bill = cls._bill
        cls.bill_1 = bill(cls.partner_a, date(2025, 1, 5), 1000.0)
        cls.bill_2 = bill(cls.partner_a, date(2025, 1, 10), 3000.0)
        bill(cls.partner_a, date(2025, 1, 15), 500.0, move_type="in_refund")
        cls.bill_3 = bill(cls.partner_b, date(2025, 1, 12), 1000.0)
        bill(cls.partner_b, date(2025, 1, 20), 9999.0, post=False)
        cls._pay(cls.bill_1, date(2025, 1, 25))
        cls._pay(cls.bill_2, date(2025, 1, 20))
        cls._pay(cls.bill_3, date(2025, 2, 3))
        cls.january = cls._period(date(2025, 1, 1), date(2025, 1, 31))
        cls.february = cls._period(date(2025, 2, 1), date(2025, 2, 28))

    @classmethod
    def _bill(cls, partner, when, amount, move_type="in_invoice", post=True):
        return cls.init_invoice(
            move_type,
            partner=partner,
            invoice_date=when,
            amounts=[amount],
            taxes=cls.env["account.tax"],
            post=post,
        )

    @classmethod
    def _pay(cls, bill, when):
        cls.env["account.payment.register"].with_context(
            active_model="account.move", active_ids=bill.ids
        ).create({"payment_date": when})._create_payments()

    @classmethod
    def _period(cls, date_from, date_to):
        return cls.env["csr.period"].create(
            {
                "company_id": cls.company.id,
                "kind": "month",
                "date_from": date_from,
                "date_to": date_to,
            }
        )

    def _values(self, period):
        period.action_compute()
        return {value.code: value for value in period.value_ids}

    def test_local_supplier_share(self):
        value = self._values(self.january)["ECO-07"]
        self.assertAlmostEqual(value.value, 3500.0 / 4500.0 * 100.0, places=4)
        bills = self.env["account.move"].search(
            value.with_user(self.env.user).action_open_source_records()["domain"]
        )
        self.assertEqual(len(bills), 4)

    def test_days_to_pay_weighted_by_amount(self):
        january = self._values(self.january)["ECO-08"]
        self.assertEqual(january.value, 12.5)
        paid = self.env["account.move"].search(
            january.action_open_source_records()["domain"]
        )
        self.assertEqual(paid, self.bill_1 | self.bill_2)
        self.assertEqual(self._values(self.february)["ECO-08"].value, 22.0)

    def test_implausible_figure_is_reported_not_stored(self):
        # Bills paid from the bank with no opening balance: negative assets.
        values = self._values(self.january)
        self.assertNotIn("ECO-02", values)
        self.assertIn("ECO-07", values)
        self.assertIn(
            "implausible figure, check the books or the source: ECO-02 (-4000.00)",
            self.january.message_ids[0].body,
        )

    def test_a_credit_note_is_not_a_payment(self):
        bill = self._bill(self.partner_a, date(2025, 3, 1), 800.0)
        refund = self._bill(self.partner_a, date(2025, 3, 20), 800.0, "in_refund")
        (bill | refund).line_ids.filtered(
            lambda line: line.account_type == "liability_payable"
        ).reconcile()
        payable = bill.line_ids.filtered(
            lambda line: line.account_type == "liability_payable"
        )
        self.assertTrue(payable.reconciled)  # settled, but nothing was paid
        march = self._period(date(2025, 3, 1), date(2025, 3, 31))
        self.assertNotIn("ECO-08", self._values(march))

    def test_no_bills_no_share(self):
        march = self._period(date(2025, 3, 1), date(2025, 3, 31))
        values = self._values(march)
        self.assertNotIn("ECO-07", values)
        self.assertNotIn("ECO-08", values)
