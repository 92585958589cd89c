# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The export wizard: defaults, download, refusals and company isolation.

Fixtures of ``CsrCase``: the month 2025-01 and the year 2025 of "Tostadora
Andina SAS", with TST-WATER = 110 in January. A second company, "Cacao del
Sur SRL", has its own 2025-01 with TST-WATER = 60.

Default period, by hand: on 2025-03-10 only January has ended (the year ends
on 2025-12-31), so the default is the month starting 2025-01-01; on
2026-02-01 January and the year have both ended, the year last: the year.
"""

import base64
from datetime import date
from io import BytesIO

import openpyxl
from freezegun import freeze_time

from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import new_test_user, tagged

from .common import DISABLED_MAIL, MANAGER_GROUPS, USER_GROUPS, CsrCase


@tagged("csr_report")
class TestReportExport(CsrCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.other = cls.env["res.company"].create({"name": "Cacao del Sur SRL"})
        cls.twin = cls._make_period(
            "month", date(2025, 1, 1), date(2025, 1, 31), company=cls.other
        )
        Value = cls.env["csr.indicator.value"]
        Value.create(
            {"indicator_id": cls.water.id, "period_id": cls.january.id, "value": 110}
        )
        Value.create(
            {"indicator_id": cls.water.id, "period_id": cls.twin.id, "value": 60}
        )
        cls.other_user = cls._make_user("csr_test_other", USER_GROUPS, cls.other)
        both = cls.company | cls.other
        cls.consultant = new_test_user(
            cls.env,
            login="csr_test_consultant",
            groups=MANAGER_GROUPS,
            company_id=cls.company.id,
            company_ids=both.ids,
            context=DISABLED_MAIL,
        )

    def _wizard(self, user=None, companies=None, **vals):
        user = user or self.user
        companies = companies or user.company_id
        Wizard = self.env["csr.report.export"].with_user(user)
        Wizard = Wizard.with_context(allowed_company_ids=companies.ids)
        defaults = {"period_kind": "month", "date_from": date(2025, 1, 1)}
        return Wizard.create({**defaults, **vals})

    @staticmethod
    def _download(wizard):
        action = wizard.action_export()
        workbook = openpyxl.load_workbook(BytesIO(base64.b64decode(wizard.file_data)))
        return action, workbook

    def test_defaults_to_the_last_ended_period(self):
        Wizard = self.env["csr.report.export"].with_user(self.user)
        with freeze_time("2025-03-10"):
            wizard = Wizard.create({})
        self.assertEqual(
            (wizard.period_kind, wizard.date_from, wizard.history),
            ("month", date(2025, 1, 1), 4),
        )
        self.assertEqual(wizard.company_ids, self.company)
        self.assertEqual(wizard.export_format, "xlsx")
        with freeze_time("2026-02-01"):
            wizard = Wizard.create({})
        self.assertEqual(
            (wizard.period_kind, wizard.date_from), ("year", date(2025, 1, 1))
        )

    def test_opened_from_a_period(self):
        wizard = (
            self.env["csr.report.export"]
            .with_user(self.user)
            .with_context(active_model="csr.period", active_ids=self.year.ids)
            .create({})
        )
        self.assertEqual(
            (wizard.period_kind, wizard.date_from, wizard.company_ids),
            ("year", date(2025, 1, 1), self.company),
        )

    def test_workbook_download(self):
        wizard = self._wizard()
        action, workbook = self._download(wizard)
        self.assertEqual(action["type"], "ir.actions.act_url")
        self.assertEqual(
            action["url"],
            f"/web/content/?model=csr.report.export&id={wizard.id}"
            "&field=file_data&filename_field=file_name&download=true",
        )
        self.assertEqual(
            wizard.file_name, "CSR report - Tostadora Andina SAS - 2025-01.xlsx"
        )
        self.assertEqual(workbook.sheetnames[0], "About")
        self.assertEqual(workbook["About"]["A7"].value, "Tostadora Andina SAS")

    def test_vsme_download(self):
        wizard = self._wizard(export_format="vsme")
        _action, workbook = self._download(wizard)
        self.assertEqual(wizard.file_name, "VSME - Tostadora Andina SAS - 2025-01.xlsx")
        self.assertEqual(workbook.sheetnames, ["Tostadora Andina SAS"])

    def test_auditor_exports_too(self):
        wizard = self._wizard(user=self.auditor)
        _action, workbook = self._download(wizard)
        self.assertEqual(workbook["About"]["A7"].value, "Tostadora Andina SAS")

    def test_missing_period_is_refused(self):
        wizard = self._wizard(date_from=date(2024, 6, 1))
        with self.assertRefused(
            UserError, "Tostadora Andina SAS: no period of kind Month starting on"
        ):
            wizard.action_export()
        self.assertFalse(wizard.file_data)

    def test_company_without_the_period_is_named_not_dropped(self):
        self.twin.unlink()
        both = self.company | self.other
        wizard = self._wizard(
            user=self.consultant, companies=both, company_ids=both.ids
        )
        with self.assertRefused(UserError, r"^Cacao del Sur SRL: no period of kind"):
            wizard.action_export()
        self.assertFalse(wizard.file_data)

    def test_periods_of_different_months_are_not_mixed(self):
        Wizard = self.env["csr.report.export"].with_user(self.user)
        periods = self.january | self.year
        with self.assertRefused(UserError, "same kind and start"):
            Wizard.with_context(
                active_model="csr.period", active_ids=periods.ids
            ).create({})

    def test_no_comparison_period_exports_the_period_alone(self):
        december = self._make_period("month", date(2024, 12, 1), date(2024, 12, 31))
        self._make_value(period=december, value=130.0)
        _action, workbook = self._download(self._wizard(history=0))
        header = [cell.value for cell in next(workbook["Environmental"].iter_rows())]
        self.assertEqual(header[:4], ["Code", "Indicator", "Unit", "2025-01"])
        self.assertNotIn("2024-12", header)
        _action, workbook = self._download(self._wizard(history=1))
        header = [cell.value for cell in next(workbook["Environmental"].iter_rows())]
        self.assertEqual(header[3:5], ["2024-12", "2025-01"])

    def test_history_between_0_and_24(self):
        self.assertEqual(self._wizard(history=24).history, 24)
        self.assertEqual(self._wizard(history=0).history, 0)
        for history in (-1, 25):
            with self.subTest(history=history):
                with self.assertRefused(ValidationError, "Compare with 0 to 24"):
                    self._wizard(history=history)

    def test_consultant_exports_several_companies(self):
        both = self.company | self.other
        wizard = self._wizard(
            user=self.consultant, companies=both, company_ids=both.ids
        )
        _action, workbook = self._download(wizard)
        self.assertEqual(wizard.file_name, "CSR report - 2 companies - 2025-01.xlsx")
        about = workbook["About"]
        self.assertEqual(
            [about["A7"].value, about["A8"].value],
            ["Cacao del Sur SRL", "Tostadora Andina SAS"],  # by name
        )

    def test_user_of_one_company_cannot_export_another(self):
        # Only the own company may be chosen: another is refused outright...
        wizard = self._wizard(company_ids=(self.company | self.other).ids)
        with self.assertRefused(UserError, "company switcher"):
            wizard.action_export()
        # ...and the switcher itself refuses a company the user is not in.
        with self.assertRaises(AccessError):
            self._wizard(companies=self.company | self.other)
        # The other company's own user gets its figures, never the first's.
        wizard = self._wizard(user=self.other_user)
        _action, workbook = self._download(wizard)
        about = workbook["About"]
        self.assertEqual(
            (about["A7"].value, about["A8"].value), ("Cacao del Sur SRL", None)
        )
        water = [
            row[3].value  # Code, Indicator, Unit, then 2025-01
            for row in workbook["Environmental"].iter_rows(min_row=2)
            if row[0].value == "TST-WATER"
        ]
        self.assertEqual(water, [60])

    def test_export_is_private_to_its_author(self):
        wizard = self._wizard(user=self.manager)
        wizard.action_export()
        as_other = wizard.with_user(self.user)
        with self.assertRaises(AccessError):
            as_other.read(["file_data"])
        self.assertFalse(self.env["csr.report.export"].with_user(self.user).search([]))
