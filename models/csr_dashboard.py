# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError
from odoo.tools import format_date

from ..engine.vocabulary import PERIOD_KINDS
from ..services import ghg_inventory
from ..services.labels import selection_labels
from ..services.report_data import ReportData
from ..services.setup_checklist import setup_steps

# With the period shown, a year of months in the trend.
DASHBOARD_HISTORY = 11
# A CSR manager is also a CSR user.
# Latest start first; of periods starting the same day, the shortest first:
# the month says more about now than the year it opens.
LATEST_FIRST = "date_from desc, date_to, id desc"


class CsrDashboard(models.AbstractModel):
    """The CSR Overview an owner lands on. It shows what the report data
    provider returns for one period, so the screen, the PDF and the workbook
    show the same figures; numbers go out raw, the client formats them."""

    _name = "csr.dashboard"
    _description = "CSR Overview"

    @api.model
    def get_overview(self, period_id=False, kind=False):
        """The periods to choose from and the overview of the chosen one
        (``overview`` is False when the company has no period yet)."""
        self._check_reader()
        if kind and kind not in dict(PERIOD_KINDS):
            raise UserError(self.env._("Unknown kind of period: %(kind)s.", kind=kind))
        period = self._chosen_period(period_id, kind)
        kind = period.kind or kind
        return {
            "company_name": self.env.company.name,
            "kinds": self._kinds(),
            "kind": kind or False,
            "periods": self._periods(kind),
            "period_id": period.id,
            "overview": self._overview(period) if period else False,
            "setup": self._setup(),
        }

    def _setup(self):
        """The guided setup of the current company, for a CSR manager, until
        every step is done (False then, and for other roles)."""
        if not self.env.user._is_csr_manager():
            return False
        steps = setup_steps(self.env, self.env.company)
        if all(step["done"] for step in steps):
            return False
        return {
            "steps": steps,
            "done_count": sum(step["done"] for step in steps),
            "count": len(steps),
        }

    # -- access and choice of the period ------------------------------------

    def _check_reader(self):
        if not self.env.user._is_csr_reader():
            raise AccessError(
                self.env._(
                    "Only CSR users, managers and auditors can open the CSR overview."
                )
            )

    def _company_domain(self, kind=False):
        domain = [("company_id", "=", self.env.company.id)]
        return domain + [("kind", "=", kind)] if kind else domain

    def _chosen_period(self, period_id, kind):
        Period = self.env["csr.period"]
        if not period_id:
            return self._default_period(kind)
        if isinstance(period_id, bool) or not isinstance(period_id, int):
            raise UserError(
                self.env._(
                    "The period to show is given by its id, a whole number, not "
                    "%(value)r.",
                    value=period_id,
                )
            )
        period = Period.search(self._company_domain() + [("id", "=", period_id)])
        if not period:
            raise AccessError(
                self.env._(
                    "This period is not one of %(company)s's periods: switch "
                    "to its company to see its overview.",
                    company=self.env.company.name,
                )
            )
        return period

    def _default_period(self, kind):
        """The latest period with a scorecard; else the latest period already
        started (a generated fiscal year holds months still to come); else
        the latest one."""
        Period = self.env["csr.period"]
        domain = self._company_domain(kind)
        today = fields.Date.context_today(self)
        for extra in (
            [("scorecard_ids", "!=", False)],
            [("date_from", "<=", today)],
            [],
        ):
            period = Period.search(domain + extra, order=LATEST_FIRST, limit=1)
            if period:
                return period
        return Period

    def _kinds(self):
        present = {
            kind
            for (kind,) in self.env["csr.period"]._read_group(
                self._company_domain(), ["kind"]
            )
        }
        labels = selection_labels(self.env["csr.period"], "kind")
        return [
            {"key": key, "label": labels[key]}
            for key, _label in PERIOD_KINDS
            if key in present
        ]

    def _periods(self, kind):
        if not kind:
            return []
        periods = self.env["csr.period"].search(
            self._company_domain(kind), order="date_from desc"
        )
        scored = set(
            self.env["csr.scorecard"]
            .search([("period_id", "in", periods.ids)])
            .period_id.ids
        )
        return [
            {"id": period.id, "name": period.name, "scored": period.id in scored}
            for period in periods
        ]

    # -- the overview: the report data of the period, as JSON ---------------

    def _overview(self, period):
        report = ReportData(self.env, history=DASHBOARD_HISTORY).build(period)[0]
        return {
            "period": {
                "id": report.period.period_id,
                "name": report.period.name,
                "kind": report.period.kind,
                "date_from": fields.Date.to_string(report.period.date_from),
                "date_to": fields.Date.to_string(report.period.date_to),
            },
            "scored_now": report.scored_on is None,
            "index": report.index,
            "light": report.light,
            "light_label": report.light_label,
            "previous_index": report.previous_index,
            "index_change": report.index_change,
            "pillars": [self._pillar(pillar) for pillar in report.pillars],
            "completeness": self._completeness(report),
            "maturity": self._maturity(report.maturity),
            "trend": self._trend(report),
            "red_indicators": [self._red_row(row) for row in report.red_rows],
            "overdue_actions": [
                self._overdue_action(action) for action in report.overdue_actions
            ],
            "open_action_count": len(report.actions),
            "ghg": self._ghg(period, report.ghg),
        }

    def _ghg(self, period, inventory):
        """Scope 1, 2 and the screened Scope 3 month by month, with the
        totals and what is reported apart."""
        if not inventory or not inventory.rows:
            return False
        found = ghg_inventory.monthly(self.env, period)
        labels = selection_labels(self.env["csr.emission.line"], "scope")
        return {
            "labels": [
                format_date(self.env, month, date_format="MMM y")
                for month in found["months"]
            ],
            "series": [
                {"scope": scope, "label": labels[scope], "data": data}
                for scope, data in found["series"].items()
            ],
            "scope_1_and_2": inventory.scope_1_and_2,
            "scope_3": inventory.totals.get("3", 0.0),
            "biogenic": inventory.biogenic_tco2,
            "outside_scopes": inventory.outside_scopes_tco2e,
            "gwp_label": inventory.gwp_label,
        }

    @staticmethod
    def _pillar(pillar):
        return {
            "key": pillar.key,
            "label": pillar.label,
            "score": pillar.score,
            "light": pillar.light,
            "light_label": pillar.light_label,
            "change": pillar.change,
            "sufficient": pillar.sufficient,
            "completeness": pillar.completeness,
            "applicable_count": pillar.applicable_count,
            "valued_count": pillar.valued_count,
            "warning_count": pillar.warning_count,
            "stage": pillar.stage,
            "stage_label": pillar.stage_label,
            "stage_change": pillar.stage_change,
        }

    @staticmethod
    def _completeness(report):
        return {
            "applicable_count": report.applicable_count,
            "valued_count": report.valued_count,
            "share": report.completeness,
        }

    def _maturity(self, maturity):
        if not maturity:
            return False
        return {
            "assessment_name": maturity.assessment_name,
            "date": format_date(self.env, maturity.date),
            "stage": maturity.overall_stage,
            "stage_label": maturity.overall_label,
            "index": maturity.index,
        }

    @staticmethod
    def _trend(report):
        """One point per period column, oldest first; None where a period
        has no score."""
        points = {point.date_from: point for point in report.trend}

        def series(read):
            return [
                read(points[column.date_from]) if column.date_from in points else None
                for column in report.columns
            ]

        return {
            "labels": [column.name for column in report.columns],
            "index": series(lambda point: point.index),
            "pillars": [
                {
                    "key": pillar.key,
                    "label": pillar.label,
                    "scores": series(
                        lambda point, key=pillar.key: point.pillar_scores.get(key)
                    ),
                }
                for pillar in report.pillars
            ],
        }

    @staticmethod
    def _red_row(row):
        return {
            "indicator_id": row.indicator_id,
            "value_id": row.value_id or False,
            "code": row.code,
            "name": row.name,
            "pillar": row.pillar,
            "value": row.value,
            "unit": row.unit,
            "value_type": row.value_type,
            "target": row.target,
            "score": row.score,
            "status": row.status,
        }

    def _overdue_action(self, action):
        return {
            "id": action.action_id,
            "name": action.name,
            "pillar_label": action.pillar_label,
            "responsible": action.responsible,
            "deadline": fields.Date.to_string(action.deadline),
            "deadline_label": format_date(self.env, action.deadline),
            "days_overdue": action.days_overdue,
            "state_label": action.state_label,
        }
