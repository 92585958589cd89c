# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Reports of many companies at once (a consultant printing her clients'
year): the report data, the printed report's HTML, the workbook and the VSME
export cost the same number of queries for every company added, whatever
how many came before; the workbooks read nothing of their own.

Four client companies, each with its year 2025 and the same two values
(water withdrawal 100 m³, renewable share 40 %).
"""

from datetime import date

from odoo.addons.csr_management.report.report_xlsx import (
    build_workbook,
    workbook_labels,
)
from odoo.addons.csr_management.report.vsme_export import (
    build_vsme_workbook,
    vsme_labels,
)
from odoo.addons.csr_management.services.report_data import ReportData

from .common import CsrCase


class TestReportsOfManyCompanies(CsrCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.periods = cls.env["csr.period"]
        for n in range(4):
            company = cls.env["res.company"].create({"name": f"Cliente {n} SAS"})
            period = cls._make_period(
                "year", date(2025, 1, 1), date(2025, 12, 31), company
            )
            for indicator, value in ((cls.water, 100.0), (cls.share, 40.0)):
                cls.env["csr.indicator.value"].create(
                    {
                        "indicator_id": indicator.id,
                        "period_id": period.id,
                        "value": value,
                    }
                )
            cls.periods |= period

    def _queries(self, action):
        self.env.flush_all()
        self.env.invalidate_all()
        before = self.env.cr.sql_log_count
        result = action()
        self.env.flush_all()
        return self.env.cr.sql_log_count - before, result

    def test_report_data_costs_the_same_queries_per_company(self):
        build = ReportData(self.env).build
        self._queries(lambda: build(self.periods))  # warm the caches once
        one, _reports = self._queries(lambda: build(self.periods[:1]))
        two, _reports = self._queries(lambda: build(self.periods[:2]))
        four, reports = self._queries(lambda: build(self.periods))
        self.assertEqual(len(reports), 4)
        per_company = two - one
        self.assertGreater(per_company, 0)
        self.assertEqual(four - two, 2 * per_company)
        # The workbooks are built from the report data only.
        for builder, labels in (
            (build_workbook, workbook_labels(self.env)),
            (build_vsme_workbook, vsme_labels(self.env)),
        ):
            queries, content = self._queries(lambda b=builder, t=labels: b(reports, t))
            self.assertEqual(queries, 0)
            self.assertTrue(content.startswith(b"PK"))

    def test_printed_report_html_costs_the_same_queries_per_company(self):
        report = self.env.ref("csr_management.action_report_triple_bottom_line")

        def html(periods):
            return report._render_qweb_html(report.report_name, periods.ids)

        self._queries(lambda: html(self.periods))  # warm the caches once
        one, _html = self._queries(lambda: html(self.periods[:1]))
        two, _html = self._queries(lambda: html(self.periods[:2]))
        four, (content, _kind) = self._queries(lambda: html(self.periods))
        self.assertEqual(four - two, 2 * (two - one))
        for period in self.periods:
            self.assertIn(period.company_id.name.encode(), content)
