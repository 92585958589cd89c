# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Economic figures read through the account rules, taxes paid read on the
cash side, and the warnings that say when a figure cannot be trusted.

The books of January 2025 (Odoo's generic chart, plus accounts a local
accountant would add; the company's own account rules say which is which):
  sale 2,000 + output VAT 380 (receivable / revenue, VAT 2408.05)
  bill 1,000 + input VAT 190 (expense, VAT 2408.10 / payable)     not cash
  VAT settlement: Dr 2408.05 380 / Cr 2408.10 190, Cr 2409 190      not cash
  VAT paid: Dr 2409 190 / Cr bank 190                               cash: 190
  cash receipt in the bank: Dr expense 100, Dr 2408.10 19 (the purchase
    tax's own line) / Cr bank 119                         paid to a supplier
  withholding remitted: Dr 2365 40 / Cr bank 40           agent, noted apart
  municipal tax bill 70 (tax expense / payable to the municipality, marked
    as a tax authority), paid from the bank                          cash: 70
  donation 100 to 5395.25 and 50 to 5395.26, an account the user added later
Hence taxes paid 190 + 70 = 260 (not 380 + 190 + 19 + 190 + 40 + 70 = 889,
the debits on the tax accounts), withholdings of 40 in the note; community
investment 100 until the inherited tag of 5395.26 is confirmed, then 150.
"""

from datetime import date

from odoo import Command
from odoo.exceptions import AccessError
from odoo.tests import new_test_user, tagged

from odoo.addons.account.tests.common import AccountTestInvoicingCommon

from .common import journal_entry


@tagged("post_install", "-at_install", "real_books", "csr_compute")
class TestEconomicValue(AccountTestInvoicingCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.company = cls.company_data["company"]
        cls.company.country_id = cls.env.ref("base.co")
        cls.env.user.groups_id |= cls.env.ref("csr_management.group_csr_manager")
        cls.manager = new_test_user(
            cls.env,
            login="csr_economic_manager",
            groups="base.group_user,csr_management.group_csr_manager",
            company_id=cls.company.id,
            company_ids=[cls.company.id],
        )
        cls.bank = cls.company_data["default_journal_bank"].default_account_id
        cls.expense = cls.company_data["default_account_expense"]
        cls.revenue = cls.company_data["default_account_revenue"]
        cls.receivable = cls.company_data["default_account_receivable"]
        cls.payable = cls.company_data["default_account_payable"]
        account = cls._account
        cls.vat_out = account("2408.05", "liability_current")
        cls.vat_in = account("2408.10", "liability_current")
        cls.vat_due = account("2409.00", "liability_current")
        cls.withheld = account("2365.00", "liability_current")
        cls.local_tax = account("5115.00", "expense")
        cls.donation = account("5395.25", "expense")
        for bucket, prefixes in (
            ("tax_own", "2408 2409"),
            ("input_vat", "2408.10"),
            ("tax_withheld", "2365"),
            ("tax_expense", "5115"),
        ):
            cls.env["csr.account.rule"].create(
                {
                    "company_id": cls.company.id,
                    "bucket": bucket,
                    "account_prefixes": prefixes,
                }
            )
        cls.donation.tag_ids = cls.env.ref("csr_management.account_tag_csr_donation")
        # Added after the mapping, code and name only: Odoo copies the tags
        # of 5395.25, the closest lower code.
        cls.donation_new = cls.env["account.account"].create(
            {"code": "5395.26", "name": "Aportes voluntarios"}
        )
        cls.municipality = cls.env["res.partner"].create(
            {"name": "Municipio de Pereira", "csr_tax_authority": True}
        )
        cls.january = cls.env["csr.period"].create(
            {
                "company_id": cls.company.id,
                "kind": "month",
                "date_from": date(2025, 1, 1),
                "date_to": date(2025, 1, 31),
            }
        )
        purchase_tax_line = cls.tax_purchase_a.invoice_repartition_line_ids.filtered(
            lambda line: line.repartition_type == "tax"
        )
        day = date(2025, 1, 20)
        general, bank = "general", "bank"
        cls._entry(
            general,
            day,
            [(cls.receivable, 2380.0), (cls.revenue, -2000.0), (cls.vat_out, -380.0)],
        )
        cls._entry(
            general,
            day,
            [(cls.expense, 1000.0), (cls.vat_in, 190.0), (cls.payable, -1190.0)],
        )
        cls._entry(
            general,
            day,
            [(cls.vat_out, 380.0), (cls.vat_in, -190.0), (cls.vat_due, -190.0)],
        )
        cls._entry(bank, day, [(cls.vat_due, 190.0), (cls.bank, -190.0)])
        cls._entry(
            bank,
            day,
            [
                (cls.expense, 100.0),
                (cls.vat_in, 19.0, {"tax_repartition_line_id": purchase_tax_line.id}),
                (cls.bank, -119.0),
            ],
        )
        cls._entry(bank, day, [(cls.withheld, 40.0), (cls.bank, -40.0)])
        cls._entry(
            general,
            day,
            [
                (cls.local_tax, 70.0),
                (cls.payable, -70.0, {"partner_id": cls.municipality.id}),
            ],
        )
        cls._entry(
            bank,
            day,
            [
                (cls.payable, 70.0, {"partner_id": cls.municipality.id}),
                (cls.bank, -70.0),
            ],
        )
        cls._entry(general, day, [(cls.donation, 100.0), (cls.bank, -100.0)])
        cls._entry(general, day, [(cls.donation_new, 50.0), (cls.bank, -50.0)])

    @classmethod
    def _account(cls, code, account_type):
        return cls.env["account.account"].create(
            {"code": code, "name": code, "account_type": account_type}
        )

    @classmethod
    def _entry(cls, journal_type, when, lines):
        return journal_entry(cls.env, cls.company, when, lines, journal_type)

    def _compute(self):
        self.january.with_user(self.manager).action_compute()
        return {value.code: value for value in self.january.value_ids}

    def test_taxes_paid_are_the_cash_that_settled_them(self):
        eco_09 = self._compute()["ECO-09"]
        self.assertAlmostEqual(eco_09.value, 260.0, places=2)
        self.assertIn("Not counted, withholdings remitted", eco_09.calculation_note)
        self.assertIn("2365.00", eco_09.calculation_note)
        self.assertFalse(eco_09.warning)
        # The drill-down opens exactly the cash lines counted.
        action = eco_09.action_open_source_records()
        lines = self.env["account.move.line"].search(action["domain"])
        self.assertEqual(sorted(lines.mapped("debit")), [70.0, 190.0])

    def test_without_tax_accounts_taxes_paid_say_why(self):
        self.env["csr.account.rule"].search(
            [("company_id", "=", self.company.id)]
        ).unlink()
        self.municipality.csr_tax_authority = False
        values = self._compute()
        self.assertNotIn("ECO-09", values)
        self.assertIn(
            "ECO-09: No tax or contribution account", self.january.compute_warnings
        )

    def test_an_inherited_tag_waits_for_review(self):
        self.assertTrue(self.donation_new.csr_tags_to_review)
        self.assertFalse(self.donation.csr_tags_to_review)
        values = self._compute()
        self.assertAlmostEqual(values["ECO-14"].value, 100.0, places=2)
        self.assertIn("5395.26", values["ECO-14"].warning)
        self.assertTrue(values["ECO-14"].has_warning)
        with self.assertRaises(AccessError):
            self.donation_new.with_user(
                self.user_without_csr()
            ).action_csr_confirm_tags()
        self.donation_new.with_user(self.manager).action_csr_confirm_tags()
        values = self._compute()
        self.assertAlmostEqual(values["ECO-14"].value, 150.0, places=2)
        self.assertFalse(values["ECO-14"].warning)
        self.assertFalse(values["ECO-14"].has_warning)

    def test_removing_an_inherited_tag_keeps_the_figure(self):
        self.donation_new.with_user(self.manager).action_csr_remove_tags()
        self.assertFalse(self.donation_new.tag_ids)
        self.assertFalse(self.donation_new.csr_tags_to_review)
        values = self._compute()
        self.assertAlmostEqual(values["ECO-14"].value, 100.0, places=2)
        self.assertFalse(values["ECO-14"].warning)

    def user_without_csr(self):
        return new_test_user(
            self.env,
            login="plain_accountant",
            groups="base.group_user,account.group_account_manager",
            company_id=self.company.id,
            company_ids=[self.company.id],
        )

    def test_value_distributed_and_its_parts(self):
        """Distributed: operating costs 1,000 + 100 (expense), government 70
        (municipal tax), community 100 (the donation; 5395.26 waits for its
        review and stays among operating costs: 50). 1,320 in all."""
        values = self._compute()
        self.assertAlmostEqual(values["ECO-13"].value, 70.0, places=2)
        self.assertAlmostEqual(values["ECO-14"].value, 100.0, places=2)
        self.assertAlmostEqual(values["ECO-10"].value, 1150.0, places=2)
        self.assertAlmostEqual(values["ECO-04"].value, 1320.0, places=2)
        parts = sum(values[code].value for code in ("ECO-10", "ECO-13", "ECO-14"))
        self.assertAlmostEqual(parts, values["ECO-04"].value, places=2)
        self.assertAlmostEqual(values["ECO-01"].value, 2000.0, places=2)
        self.assertAlmostEqual(values["ECO-05"].value, 2000.0 - 1320.0, places=2)

    def test_shipped_rules_are_for_administrators(self):
        shipped = self.env.ref("csr_management.account_rule_co_revenue")
        with self.assertRaisesRegex(AccessError, "Only a CSR administrator"):
            shipped.with_user(self.manager).write({"account_prefixes": "4"})
        own = (
            self.env["csr.account.rule"]
            .with_user(self.manager)
            .create(
                {
                    "company_id": self.company.id,
                    "bucket": "other_income",
                    "account_prefixes": "4000",
                }
            )
        )
        self.assertTrue(own)
        values = self._compute()
        # The company's own rule moves the generic chart's sales account.
        self.assertNotIn("ECO-01", values)
        self.assertIn("ECO-01", self.january.compute_warnings)

    def test_supplier_without_country_is_unknown_not_foreign(self):
        """Bills: local 300 (Colombia), foreign 100 (USA), 100 from a supplier
        without a country. Local share 300 / 400 = 75 %, the unknown 20 % of
        the spend named in the warning; once the country is set (Colombia),
        400 / 500 = 80 % without a warning."""
        local = self.env["res.partner"].create(
            {"name": "Tostadora Local", "country_id": self.env.ref("base.co").id}
        )
        foreign = self.env["res.partner"].create(
            {"name": "Cloud Inc", "country_id": self.env.ref("base.us").id}
        )
        unknown = self.env["res.partner"].create({"name": "Proveedor 900123456"})
        for partner, amount in ((local, 300.0), (foreign, 100.0), (unknown, 100.0)):
            bill = self.env["account.move"].create(
                {
                    "move_type": "in_invoice",
                    "partner_id": partner.id,
                    "invoice_date": date(2025, 1, 10),
                    "invoice_line_ids": [
                        Command.create(
                            {"name": "Bien", "price_unit": amount, "tax_ids": []}
                        )
                    ],
                }
            )
            bill.action_post()
        eco_07 = self._compute()["ECO-07"]
        self.assertAlmostEqual(eco_07.value, 75.0, places=2)
        self.assertIn("Proveedor 900123456", eco_07.warning)
        self.assertIn("20.0 %", eco_07.warning)
        unknown.country_id = self.env.ref("base.co")
        eco_07 = self._compute()["ECO-07"]
        self.assertAlmostEqual(eco_07.value, 80.0, places=2)
        self.assertFalse(eco_07.warning)

    def test_only_managers_mark_a_tax_authority(self):
        """Marking a contact as a tax authority moves ECO-09: a CSR user or an
        internal user without a CSR role cannot, even with the right to edit
        contacts; a CSR manager who may edit contacts can."""
        supplier = self.env["res.partner"].create({"name": "Proveedor cualquiera"})
        for login, groups in (
            ("plain_internal", "base.group_user,base.group_partner_manager"),
            ("csr_plain_user", "base.group_user,csr_management.group_csr_user"),
        ):
            user = new_test_user(
                self.env,
                login=login,
                groups=groups,
                company_id=self.company.id,
                company_ids=[self.company.id],
            )
            with self.assertRaises(AccessError), self.env.cr.savepoint():
                supplier.with_user(user).write({"csr_tax_authority": True})
        # A CSR manager who may edit contacts (as the form needs) sets it.
        self.manager.groups_id |= self.env.ref("base.group_partner_manager")
        supplier.with_user(self.manager).write({"csr_tax_authority": True})
        self.assertTrue(supplier.csr_tax_authority)
