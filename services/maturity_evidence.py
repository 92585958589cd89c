# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""What the ERP already knows about a maturity assessment's questions.

Pre-answers come from the assessed period's indicator values, the targets
set for its year, the planned improvement actions and the policies in force;
the data gate from the share of core indicators with a value. A fixed handful
of queries per assessment, whatever the number of questions. Run as
superuser: every read filters on the assessment's company explicitly.
"""

from datetime import timedelta

from odoo import fields
from odoo.tools.misc import format_date, formatLang

from .labels import selection_label
from .policies import in_force_domain

YES, NO, UNKNOWN = "yes", "no", "unknown"
PLANNED_ACTION_STATES = ("planned", "in_progress", "done", "verified")


class MaturityEvidence:
    def __init__(self, assessment):
        assessment.ensure_one()
        self.env = assessment.env
        self.company = assessment.company_id
        self.period = assessment.period_id
        self._cache = {}

    # -- pre-answers ------------------------------------------------------

    def pre_answers(self, questions):
        """Question → (``yes``/``no``/``unknown``, evidence text); questions
        answered by the respondent only are left out."""
        answers = {}
        for question in questions:
            reader = getattr(self, f"_answer_{question.auto_kind}", None)
            if reader:
                answers[question] = reader(question)
        return answers

    def _answer_indicator(self, question):
        indicator = question.auto_indicator_id
        if not self.period:
            return UNKNOWN, self.env._(
                "Choose the assessed period to read %(code)s.", code=indicator.code
            )
        value = self._values().get(indicator)
        condition = question.auto_condition
        if condition == "has_value":
            return self._has_value(indicator, value)
        if value is None:
            return UNKNOWN, self.env._(
                "%(code)s has no value for %(period)s: compute or enter it, "
                "or answer by hand.",
                code=indicator.code,
                period=self.period.display_name,
            )
        if condition == "improving":
            return self._improving(indicator, value)
        threshold = question.auto_threshold
        met = value >= threshold if condition == "at_least" else value <= threshold
        needed = (
            self.env._(
                "at least %(threshold)s", threshold=self._format(indicator, threshold)
            )
            if condition == "at_least"
            else self.env._(
                "at most %(threshold)s", threshold=self._format(indicator, threshold)
            )
        )
        return YES if met else NO, self.env._(
            "%(code)s = %(value)s in %(period)s (needed: %(needed)s).",
            code=indicator.code,
            value=self._format(indicator, value),
            period=self.period.display_name,
            needed=needed,
        )

    def _has_value(self, indicator, value):
        if value is None:
            return NO, self.env._(
                "%(code)s has no value for %(period)s.",
                code=indicator.code,
                period=self.period.display_name,
            )
        return YES, self.env._(
            "%(code)s is measured for %(period)s: %(value)s.",
            code=indicator.code,
            period=self.period.display_name,
            value=self._format(indicator, value),
        )

    def _improving(self, indicator, value):
        previous_period, previous_values = self._previous()
        previous = previous_values.get(indicator)
        if previous is None or indicator.direction == "neutral":
            return UNKNOWN, self.env._(
                "%(code)s has no value for the previous period to compare with.",
                code=indicator.code,
            )
        better = (
            value > previous if indicator.direction == "higher" else value < previous
        )
        return YES if better else NO, self.env._(
            "%(code)s: %(previous)s in %(previous_period)s, %(value)s in "
            "%(period)s (%(direction)s).",
            code=indicator.code,
            previous=self._format(indicator, previous),
            previous_period=previous_period.display_name,
            value=self._format(indicator, value),
            period=self.period.display_name,
            direction=selection_label(indicator, "direction").lower(),
        )

    def _answer_targets(self, question):
        if not self.period:
            return UNKNOWN, self.env._("Choose the assessed period to read targets.")
        count = self._targets_by_pillar().get(question.pillar, 0)
        needed = max(int(question.auto_threshold), 1)
        return YES if count >= needed else NO, self.env._(
            "%(count)s indicator(s) of the pillar have a target for %(year)s "
            "(needed: %(needed)s).",
            count=count,
            year=self.period.date_from.year,
            needed=needed,
        )

    def _answer_actions(self, question):
        count = self._actions_by_pillar().get(question.pillar, 0)
        needed = max(int(question.auto_threshold), 1)
        return YES if count >= needed else NO, self.env._(
            "%(count)s improvement action(s) of the pillar are planned with a "
            "responsible and a deadline (needed: %(needed)s).",
            count=count,
            needed=needed,
        )

    def _answer_policy(self, question):
        area = question.auto_policy_area
        day = self._policy_day()
        names = self._communicated_policies().get(area)
        area_label = selection_label(question, "auto_policy_area")
        if not names:
            return NO, self.env._(
                "No approved %(area)s policy was in force and communicated to "
                "employees on %(day)s.",
                area=area_label.lower(),
                day=format_date(self.env, day),
            )
        return YES, self.env._(
            "In force and communicated to employees on %(day)s: %(policies)s.",
            day=format_date(self.env, day),
            policies=", ".join(sorted(names)),
        )

    # -- data gate --------------------------------------------------------

    def core_coverage(self):
        """Pillar → (core indicators that apply, how many have a value)."""
        Indicator = self.env["csr.indicator"]
        core = Indicator.search(
            Indicator._applicable_domain(self.company) + [("is_core", "=", True)]
        )
        values = self._values() if self.period else {}
        coverage = {}
        for indicator in core:
            total, measured = coverage.get(indicator.pillar, (0, 0))
            coverage[indicator.pillar] = (total + 1, measured + (indicator in values))
        return coverage

    # -- reads, once each -------------------------------------------------

    def _values(self):
        if "values" not in self._cache:
            self._cache["values"] = self._values_of(self.period)
        return self._cache["values"]

    def _values_of(self, period):
        records = self.env["csr.indicator.value"].search_fetch(
            [("period_id", "=", period.id)], ["indicator_id", "value"]
        )
        return {value.indicator_id: value.value for value in records}

    def _previous(self):
        if "previous" not in self._cache:
            period = self.env["csr.period"].search(
                [
                    ("company_id", "=", self.company.id),
                    ("kind", "=", self.period.kind),
                    ("date_to", "=", self.period.date_from - timedelta(days=1)),
                ],
                limit=1,
            )
            self._cache["previous"] = (period, self._values_of(period))
        return self._cache["previous"]

    def _targets_by_pillar(self):
        if "targets" not in self._cache:
            groups = self.env["csr.target"]._read_group(
                [
                    ("company_id", "=", self.company.id),
                    ("year", "=", self.period.date_from.year),
                ],
                ["pillar"],
                ["indicator_id:count_distinct"],
            )
            self._cache["targets"] = dict(groups)
        return self._cache["targets"]

    def _actions_by_pillar(self):
        if "actions" not in self._cache:
            groups = self.env["csr.action"]._read_group(
                [
                    ("company_id", "=", self.company.id),
                    ("state", "in", PLANNED_ACTION_STATES),
                    ("responsible_id", "!=", False),
                    ("deadline", "!=", False),
                ],
                ["pillar"],
                ["__count"],
            )
            self._cache["actions"] = dict(groups)
        return self._cache["actions"]

    def _policy_day(self):
        """Policies are judged at the end of the assessed period, else today."""
        return self.period.date_to if self.period else fields.Date.today()

    def _communicated_policies(self):
        if "policies" not in self._cache:
            day = self._policy_day()
            groups = self.env["csr.policy"]._read_group(
                in_force_domain(self.company, day)
                + [("communicated", "=", True), ("communication_date", "<=", day)],
                ["policy_area"],
                ["name:array_agg"],
            )
            self._cache["policies"] = dict(groups)
        return self._cache["policies"]

    def _format(self, indicator, number):
        if indicator.value_type == "boolean":
            return self.env._("yes") if number >= 0.5 else self.env._("no")
        return f"{formatLang(self.env, number, digits=2)} {indicator.unit}"
