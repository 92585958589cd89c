# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import base64
import re

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.tools.misc import format_date

from ..engine.vocabulary import PERIOD_KINDS
from ..report.report_xlsx import build_workbook, workbook_labels
from ..report.vsme_export import build_vsme_workbook, vsme_labels
from ..report.vsme_template import VsmeTemplate
from ..services.labels import selection_labels
from ..services.report_data import DEFAULT_HISTORY, ReportData
from ..services.vsme_digital import VsmeDigital
from .download import download_action

MAX_HISTORY = 24
EXPORT_FORMATS = [
    ("xlsx", "Workbook (XLSX)"),
    ("vsme", "VSME Basic Module (XLSX)"),
    ("vsme_ixbrl", "VSME digital report (Inline XBRL)"),
    ("vsme_json", "VSME digital report (xBRL-JSON)"),
    ("vsme_template", "EFRAG VSME Digital Template (XLSX)"),
]
DIGITAL_FORMATS = {
    "vsme_ixbrl": ".xhtml",
    "vsme_json": ".json",
    "vsme_template": ".xlsx",
}
# Characters a file name cannot hold on common systems.
FORBIDDEN_IN_FILE_NAME = re.compile(r'[\\/:*?"<>|\x00-\x1f]+')


class CsrReportExport(models.TransientModel):
    """Export the CSR report of one period, for one or several companies
    (a consultant reports the same months for each client)."""

    _name = "csr.report.export"
    _description = "Export CSR Report"

    company_ids = fields.Many2many(
        "res.company",
        string="Companies",
        required=True,
        default=lambda self: self._default_company_ids(),
        domain="[('id', 'in', allowed_company_ids)]",
        help="Companies reported side by side; only those selected in the "
        "company switcher can be chosen.",
    )
    period_kind = fields.Selection(
        PERIOD_KINDS,
        string="Period kind",
        required=True,
        default=lambda self: self._default_period().kind or "month",
    )
    date_from = fields.Date(
        string="Period start",
        required=True,
        default=lambda self: self._default_period().date_from,
        help="First day of the reported period. Defaults to the company's last "
        "ended period.",
    )
    history = fields.Integer(
        string="Comparison periods",
        default=DEFAULT_HISTORY,
        help="Earlier periods of the same kind shown next to the reported one "
        "(0 to 24).",
    )
    export_format = fields.Selection(
        EXPORT_FORMATS, string="Format", required=True, default="xlsx"
    )
    file_data = fields.Binary(string="File", readonly=True, attachment=True)
    file_name = fields.Char(readonly=True)

    def _context_periods(self):
        """The periods the wizard was opened from, if any."""
        if self.env.context.get("active_model") != "csr.period":
            return self.env["csr.period"]
        ids = self.env.context.get("active_ids") or []
        return self.env["csr.period"].browse(ids).exists()

    def _default_company_ids(self):
        return self._context_periods().company_id or self.env.companies

    def _default_period(self):
        """The first period the wizard was opened from, else the current
        company's last ended period (the longest of those ending the same
        day: a year over its last quarter and month), else its latest."""
        periods = self._context_periods()
        if len({(period.kind, period.date_from) for period in periods}) > 1:
            raise UserError(
                self.env._(
                    "Select periods of the same kind and start (the same months "
                    "for each company) to export them together."
                )
            )
        if periods:
            return periods[0]
        Period = self.env["csr.period"]
        company = [("company_id", "=", self.env.company.id)]
        today = fields.Date.context_today(self)
        ended = Period.search(
            company + [("date_to", "<=", today)],
            order="date_to desc, kind desc",  # year > quarter > month
            limit=1,
        )
        return ended or Period.search(company, order="date_from desc", limit=1)

    @api.constrains("history")
    def _check_history(self):
        for wizard in self:
            if not 0 <= wizard.history <= MAX_HISTORY:
                raise ValidationError(
                    self.env._(
                        "Compare with 0 to %(most)s earlier periods, "
                        "not %(history)s.",
                        most=MAX_HISTORY,
                        history=wizard.history,
                    )
                )

    def action_export(self):
        self.ensure_one()
        # Read as superuser: the user may not even read a company outside his.
        if self.sudo().company_ids - self.env.companies.sudo():
            raise UserError(
                self.env._(
                    "Select every company to export in the company switcher "
                    "first: only their data can be exported."
                )
            )
        periods = self._periods()
        notes = ()
        if self.export_format in DIGITAL_FORMATS:
            content, name, notes = self._render_digital(periods)
        else:
            reports = ReportData(self.env, history=self.history).build(periods)
            content, title = self._render(reports)
            name = self._file_name(title, reports)
        self.write({"file_data": base64.b64encode(content), "file_name": name})
        if notes:  # said once, then the file downloads
            return {
                "type": "ir.actions.client",
                "tag": "display_notification",
                "params": {
                    "title": self.env._("Exported, with notes"),
                    "message": "\n".join(notes),
                    "type": "warning",
                    "sticky": True,
                    "next": download_action(self),
                },
            }
        return download_action(self)

    def _render_digital(self, periods):
        """The digital VSME report of one company: Inline XBRL, xBRL-JSON or
        EFRAG's Digital Template; with the notes of what was left out."""
        if len(periods) != 1:
            raise UserError(
                self.env._(
                    "A digital VSME report identifies one company: select a "
                    "single company to export it."
                )
            )
        periods.check_access("read")
        digital = VsmeDigital(self.env, periods).build()
        notes = ()
        name = f"VSME - {periods.company_id.name} - {periods.name}"
        if self.export_format == "vsme_template":
            template = VsmeTemplate(digital).build()
            content, notes = template.content(), tuple(template.notes)
            name = f"VSME Digital Template - {periods.company_id.name} - {periods.name}"
        elif self.export_format == "vsme_ixbrl":
            content = digital.ixbrl().encode()
        else:
            content = digital.xbrl_json().encode()
        name = FORBIDDEN_IN_FILE_NAME.sub(" ", name).strip()
        return content, name + DIGITAL_FORMATS[self.export_format], notes

    def _periods(self):
        periods = ReportData.periods_for(
            self.company_ids, self.period_kind, self.date_from
        )
        missing = self.company_ids - periods.company_id
        if missing:
            kinds = selection_labels(self, "period_kind")
            raise UserError(
                self.env._(
                    "%(companies)s: no period of kind %(kind)s starting on "
                    "%(start)s. Create it, choose another start, or leave "
                    "these companies out of the export.",
                    companies=", ".join(missing.mapped("name")),
                    kind=kinds[self.period_kind],
                    start=format_date(self.env, self.date_from),
                )
            )
        return periods.sorted(lambda p: (p.company_id.sequence, p.company_id.name))

    def _render(self, reports):
        if self.export_format == "vsme":
            ids = [report.period.period_id for report in reports]
            digital = {
                period.company_id.id: VsmeDigital(self.env, period)
                .build()
                .workbook_data()
                for period in self.env["csr.period"].browse(ids)
            }
            content = build_vsme_workbook(reports, vsme_labels(self.env), digital)
            return content, self.env._("VSME")
        return build_workbook(reports, workbook_labels(self.env)), self.env._(
            "CSR report"
        )

    def _file_name(self, title, reports):
        if len(reports) == 1:
            who = reports[0].company_name
        else:
            who = self.env._("%(count)s companies", count=len(reports))
        name = f"{title} - {who} - {reports[0].period.name}"
        return FORBIDDEN_IN_FILE_NAME.sub(" ", name).strip() + ".xlsx"
