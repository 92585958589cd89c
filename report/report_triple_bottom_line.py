# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, models

from ..services.report_data import ReportData
from .report_format import ReportFormat


class ReportTripleBottomLine(models.AbstractModel):
    """The printed Triple Bottom Line report: one section per period, each
    in its company's layout and language, read from the one report data
    provider so that it says what the workbook and the dashboard say."""

    _name = "report.csr_management.report_triple_bottom_line"
    _description = "CSR Triple Bottom Line Report"

    @api.model
    def _get_report_values(self, docids, data=None):
        # Read with the user's rights: ReportData refuses a period the user
        # may not read, so who may not read it may not print it either.
        periods = self.env["csr.period"].browse(docids)
        return {
            "doc_ids": periods.ids,
            "doc_model": "csr.period",
            "docs": periods,
            "sections": [self._section(period) for period in periods],
        }

    def _section(self, period):
        """What the template needs to print one period, in its language."""
        lang = self._report_lang(period.company_id)
        env = self.env(context=dict(self.env.context, lang=lang))
        period = period.with_env(env)
        return {
            "doc": period,
            "lang": lang,
            "report": ReportData(env).build(period)[0],
            "fmt": ReportFormat(env, period.company_id.currency_id),
        }

    def _report_lang(self, company):
        """The company's language when it has one, else the user's."""
        return company.partner_id.lang or self.env.user.lang or self.env.lang
