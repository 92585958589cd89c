# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The CSR Overview on the hand-computed scorecard dataset of
``test_scorecard`` (its docstring explains every figure): January 2025 has
index 50.28 amber, 37.78 points above December's 12.5; environmental scores
87.5 green (December 25) with 3 of 4 indicators valued (75 %); social 63.33
amber, economic 0 red, governance unscored (1 of 3 valued). 10 of the 13
applicable indicators have a value. Red in January: TST-ACCIDENTS (3 against
a target of 0) and TST-LOCAL (30 after 40, no target).

Overdue actions are judged on 10 March 2025: a deadline of 28 February is
10 days late.
"""

from datetime import date

from freezegun import freeze_time

from odoo import Command
from odoo.exceptions import AccessError, UserError
from odoo.tests import new_test_user, tagged

from .common import DISABLED_MAIL, MANAGER_GROUPS, ScorecardCase

TODAY = "2025-03-10"


@tagged("csr_report")
class TestDashboard(ScorecardCase):
    def _overview(self, user=None, company=None, **options):
        env = self.env(user=user or self.manager)
        if company:
            env = env(context=dict(env.context, allowed_company_ids=company.ids))
        return env["csr.dashboard"].get_overview(**options)

    def _make_action(self, name, deadline, state="draft"):
        return self.env["csr.action"].create(
            {
                "name": name,
                "pillar": "social",
                "company_id": self.company.id,
                "deadline": deadline,
                "responsible_id": self.manager.id,
                "state": state,
            }
        )

    def test_the_app_opens_on_the_overview(self):
        action = self.env.ref("csr_management.csr_dashboard_action")
        root = self.env.ref("csr_management.csr_root_menu")
        self.assertEqual(action.tag, "csr_management.dashboard")
        self.assertEqual(root.action, action)
        first = root.child_id.sorted(lambda menu: (menu.sequence, menu.id))[0]
        self.assertEqual((first.name, first.action), ("Overview", action))

    def test_index_and_pillars_of_the_scored_period(self):
        self._compute(self.december, self.january)
        data = self._overview()
        overview = data["overview"]
        self.assertEqual(data["period_id"], self.january.id)
        self.assertEqual(overview["period"]["name"], self.january.name)
        # Open: scored from the current values; locked: its frozen scorecard.
        self.assertTrue(overview["scored_now"])
        self.january.with_user(self.manager).action_lock()
        self.assertFalse(self._overview()["overview"]["scored_now"])
        self.assertEqual(
            (
                overview["index"],
                overview["light"],
                overview["light_label"],
                overview["previous_index"],
                overview["index_change"],
            ),
            (50.28, "amber", "Amber", 12.5, 37.78),
        )
        pillars = {pillar["key"]: pillar for pillar in overview["pillars"]}
        self.assertEqual(
            [pillar["key"] for pillar in overview["pillars"]],
            ["economic", "environmental", "social", "governance"],
        )
        environmental = pillars["environmental"]
        self.assertEqual(
            (
                environmental["score"],
                environmental["light"],
                environmental["change"],
                environmental["completeness"],
                environmental["valued_count"],
                environmental["applicable_count"],
            ),
            (87.5, "green", 62.5, 75.0, 3, 4),
        )
        self.assertEqual(
            (pillars["social"]["score"], pillars["social"]["light"]), (63.33, "amber")
        )
        governance = pillars["governance"]
        self.assertEqual(
            (governance["score"], governance["sufficient"], governance["stage"]),
            (None, False, None),
        )
        completeness = overview["completeness"]
        self.assertEqual(
            (completeness["valued_count"], completeness["applicable_count"]), (10, 13)
        )
        self.assertAlmostEqual(completeness["share"], 100 * 10 / 13, places=6)
        self.assertFalse(overview["maturity"])

    def test_period_not_yet_scored_is_flagged(self):
        data = self._overview()
        overview = data["overview"]
        # Nothing scored: the latest period started, the month before the
        # year that opens the same day.
        self.assertEqual(data["period_id"], self.january.id)
        self.assertTrue(overview["scored_now"])
        self.assertEqual((overview["index"], overview["previous_index"]), (50.28, None))
        self.assertIsNone(overview["index_change"])

    def test_default_period_and_the_periods_to_choose(self):
        to_come = self._make_period("month", date(2099, 12, 1), date(2099, 12, 31))
        data = self._overview()
        self.assertEqual(data["period_id"], self.january.id)
        # The latest scored period wins over later periods never scored.
        self._compute(self.december)
        data = self._overview()
        self.assertEqual((data["period_id"], data["kind"]), (self.december.id, "month"))
        self.assertEqual([kind["key"] for kind in data["kinds"]], ["month", "year"])
        self.assertEqual(
            [(p["id"], p["scored"]) for p in data["periods"]],
            [
                (to_come.id, False),
                (self.january.id, False),
                (self.december.id, True),
                (self.year_before.id, False),
            ],
        )
        data = self._overview(kind="year")
        self.assertEqual(data["period_id"], self.year.id)
        self.assertEqual([p["id"] for p in data["periods"]], [self.year.id])
        self.assertEqual(data["overview"]["period"]["kind"], "year")
        data = self._overview(period_id=self.january.id)
        self.assertEqual(data["overview"]["period"]["id"], self.january.id)

    def test_trend_over_the_periods(self):
        november = self._make_period("month", date(2024, 11, 1), date(2024, 11, 30))
        self._compute(self.december, self.january)
        trend = self._overview()["overview"]["trend"]
        self.assertEqual(
            trend["labels"],
            [
                self.year_before.name,
                november.name,
                self.december.name,
                self.january.name,
            ],
        )
        self.assertEqual(trend["index"], [None, None, 12.5, 50.28])
        scores = {pillar["key"]: pillar["scores"] for pillar in trend["pillars"]}
        self.assertEqual(scores["environmental"], [None, None, 25.0, 87.5])
        self.assertEqual(scores["economic"], [None, None, None, 0.0])
        self.assertEqual(scores["governance"], [None, None, None, None])

    def test_red_indicators(self):
        self._compute(self.december, self.january)
        red = {
            row["code"]: row for row in self._overview()["overview"]["red_indicators"]
        }
        self.assertEqual(sorted(red), ["TST-ACCIDENTS", "TST-LOCAL"])
        accidents = red["TST-ACCIDENTS"]
        self.assertEqual(
            (
                accidents["value"],
                accidents["target"],
                accidents["unit"],
                accidents["score"],
                accidents["status"],
            ),
            (3.0, 0.0, "u", 25.0, "Red"),
        )
        self.assertEqual(accidents["indicator_id"], self.accidents.id)
        self.assertEqual(
            accidents["value_id"], self.values[self.january, self.accidents].id
        )
        self.assertEqual(accidents["value_type"], "quantity")
        local = red["TST-LOCAL"]
        self.assertEqual((local["value"], local["target"]), (30.0, None))

    def test_maturity_of_the_last_closed_self_assessment(self):
        """One social question met at stage 1, none at stage 2: social at
        stage 1, the other pillars (no question) at 0, overall 0; index
        (1 + 0) / 5 x 25 = 5."""
        bank = self.env["csr.question.bank"].create(
            {"name": "Test bank", "version": "TEST.1"}
        )
        self.env["csr.question"].create(
            [
                {
                    "bank_id": bank.id,
                    "code": f"soc-{stage}-1",
                    "name": f"Question soc-{stage}-1",
                    "pillar": "social",
                    "stage": str(stage),
                    "iso_subject": "labour",
                }
                for stage in (1, 2)
            ]
        )
        assessment = self.env["csr.assessment"].create(
            {"bank_id": bank.id, "date": date(2025, 1, 15)}
        )
        answers = {"soc-1-1": "yes", "soc-2-1": "no"}
        assessment.write(
            {
                "answer_ids": [
                    Command.update(answer.id, {"manual_answer": answers[answer.code]})
                    for answer in assessment.answer_ids
                ]
            }
        )
        assessment.action_close()
        overview = self._overview()["overview"]
        stages = {
            pillar["key"]: (pillar["stage"], pillar["stage_label"])
            for pillar in overview["pillars"]
        }
        self.assertEqual(stages["social"], (1, "1 Compliance"))
        self.assertEqual(stages["economic"], (0, "0 Not yet compliant"))
        maturity = overview["maturity"]
        self.assertEqual(
            (maturity["assessment_name"], maturity["stage"], maturity["index"]),
            (assessment.name, 0, 5.0),
        )
        self.assertEqual(maturity["date"], "01/15/2025")

    @freeze_time(TODAY)
    def test_overdue_actions(self):
        late = self._make_action("Late", date(2025, 2, 28))
        self._make_action("Later", date(2025, 6, 30))
        self._make_action("Done", date(2025, 1, 15), state="done")
        overview = self._overview()["overview"]
        self.assertEqual(overview["open_action_count"], 2)
        self.assertEqual(
            overview["overdue_actions"],
            [
                {
                    "id": late.id,
                    "name": "Late",
                    "pillar_label": "Social",
                    "responsible": self.manager.name,
                    "deadline": "2025-02-28",
                    "deadline_label": "02/28/2025",
                    "days_overdue": 10,
                    "state_label": "Draft",
                }
            ],
        )

    def test_auditor_reads_the_overview(self):
        self._compute(self.december, self.january)
        overview = self._overview(user=self.auditor)["overview"]
        self.assertEqual(overview["index"], 50.28)

    def test_refused_without_a_csr_group(self):
        stranger = new_test_user(
            self.env,
            login="csr_test_stranger",
            groups="base.group_user",
            company_id=self.company.id,
            company_ids=[self.company.id],
            context=DISABLED_MAIL,
        )
        with self.assertRaisesRegex(AccessError, "Only CSR users"):
            self._overview(user=stranger)

    def test_unknown_kind_is_refused(self):
        with self.assertRaisesRegex(UserError, "Unknown kind of period: week"):
            self._overview(kind="week")

    def test_only_the_current_company_periods(self):
        other = self.env["res.company"].create({"name": "Cacao del Sur SRL"})
        theirs = self._make_period(
            "month", date(2025, 2, 1), date(2025, 2, 28), company=other
        )
        both = self._make_user("csr_test_both", MANAGER_GROUPS, company=self.company)
        both.company_ids = self.company | other
        data = self._overview(user=both, company=self.company)
        # February of the other company is later, but not theirs to see here.
        self.assertEqual(data["period_id"], self.january.id)
        self.assertNotIn(theirs.id, [p["id"] for p in data["periods"]])
        with self.assertRaisesRegex(AccessError, "not one of Tostadora Andina SAS"):
            self._overview(user=both, company=self.company, period_id=theirs.id)
        # A user of the first company only is refused the same way.
        with self.assertRaisesRegex(AccessError, "not one of"):
            self._overview(period_id=theirs.id)
        data = self._overview(user=both, company=other | self.company)
        self.assertEqual(data["company_name"], "Cacao del Sur SRL")
        self.assertEqual(
            (data["period_id"], [p["id"] for p in data["periods"]]),
            (theirs.id, [theirs.id]),
        )

    def test_company_without_periods_shows_the_empty_state(self):
        newcomer = self.env["res.company"].create({"name": "Recién Llegada SAS"})
        owner = self._make_user("csr_test_newcomer", MANAGER_GROUPS, company=newcomer)
        data = self._overview(user=owner, company=newcomer)
        self.assertEqual(
            (data["periods"], data["kinds"], data["period_id"], data["overview"]),
            ([], [], False, False),
        )
