# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError
from odoo.tools import plaintext2html

from ..engine.vocabulary import PILLARS

SUGGESTION_STATES = [
    ("open", "To decide"),
    ("accepted", "Accepted"),
    ("declined", "Declined"),
    ("expired", "No longer needed"),
]
SUGGESTION_ORIGINS = [
    ("question", "Unmet assessment question"),
    ("indicator", "Indicator below threshold"),
]


# An accepted suggestion whose action is still under way blocks a new one;
# once the action is verified or cancelled, the need may be proposed again.
ACTION_UNDER_WAY = ("draft", "planned", "in_progress", "done")
# What a CSR user may write; decisions go through the buttons.
USER_FIELDS = {"decline_reason"}


class CsrActionSuggestion(models.Model):
    """A recommendation proposed to one company because a question of its
    next stage is unmet or an indicator is red. Accepting makes the action;
    declining is remembered, so the recommendation is not proposed again."""

    _name = "csr.action.suggestion"
    _description = "CSR Improvement Suggestion"
    _inherit = ["csr.review.note", "csr.pillar.mixin", "csr.company.guard"]
    # Auditors read these records; they leave their notes on the figures.
    _csr_review_notes = False
    _order = "state, pillar_sequence, id desc"
    _check_company_auto = True

    recommendation_id = fields.Many2one(
        "csr.recommendation", required=True, readonly=True, ondelete="cascade"
    )
    name = fields.Char(related="recommendation_id.name", string="Suggestion")
    description = fields.Text(related="recommendation_id.description")
    company_id = fields.Many2one(
        "res.company", required=True, readonly=True, index=True
    )
    origin = fields.Selection(SUGGESTION_ORIGINS, required=True, readonly=True)
    pillar = fields.Selection(PILLARS, required=True, readonly=True)
    answer_id = fields.Many2one(
        "csr.assessment.answer",
        string="Unmet question",
        readonly=True,
        ondelete="set null",
        check_company=True,
    )
    assessment_id = fields.Many2one(
        "csr.assessment", readonly=True, ondelete="set null", check_company=True
    )
    scorecard_id = fields.Many2one(
        "csr.scorecard",
        readonly=True,
        ondelete="set null",
        check_company=True,
        index="btree_not_null",
    )
    indicator_id = fields.Many2one(
        "csr.indicator",
        string="Indicator to track",
        readonly=True,
        ondelete="set null",
    )
    period_id = fields.Many2one(
        "csr.period",
        string="Baseline period",
        readonly=True,
        ondelete="set null",
        check_company=True,
    )
    has_baseline = fields.Boolean(readonly=True)
    baseline_value = fields.Float(digits=(16, 4), readonly=True)
    has_target = fields.Boolean(readonly=True)
    target_value = fields.Float(digits=(16, 4), readonly=True)
    state = fields.Selection(
        SUGGESTION_STATES,
        string="Status",
        required=True,
        default="open",
        readonly=True,
        index=True,
        tracking=True,
    )
    action_id = fields.Many2one("csr.action", readonly=True, ondelete="set null")
    decided_by_id = fields.Many2one("res.users", readonly=True)
    decided_on = fields.Datetime(readonly=True)
    decline_reason = fields.Text(tracking=True)

    # -- proposing --------------------------------------------------------

    @api.model
    def _propose(self, company, candidates):
        """Create the suggestions of ``candidates`` (recommendation → vals).
        A still-open suggestion of the same recommendation moves to the newest
        origin instead; a declined one, or an accepted one whose action is
        under way, stops it. Re-running changes nothing."""
        if not candidates:
            return self.browse()
        standing = self.sudo().search(
            [
                ("company_id", "=", company.id),
                ("recommendation_id", "in", [r.id for r in candidates]),
                "|",
                ("state", "in", ("open", "declined")),
                "&",
                ("state", "=", "accepted"),
                ("action_id.state", "in", ACTION_UNDER_WAY),
            ]
        )
        for suggestion in standing.filtered(lambda s: s.state == "open"):
            suggestion.write(candidates[suggestion.recommendation_id])
        return self.sudo().create(
            [
                {
                    **vals,
                    "recommendation_id": recommendation.id,
                    "company_id": company.id,
                    "pillar": recommendation.pillar,
                }
                for recommendation, vals in candidates.items()
                if recommendation not in standing.recommendation_id
            ]
        )

    @api.model
    def _expire_outdated(self, card):
        """Open suggestions raised by a red indicator that ``card``, the
        latest scorecard of their kind of period, no longer shows red."""
        cleared = card.line_ids.filtered(
            lambda line: line.basis != "none" and line.light != "red"
        ).indicator_id
        outdated = self.sudo().search(
            [
                ("company_id", "=", card.company_id.id),
                ("state", "=", "open"),
                ("origin", "=", "indicator"),
                ("scorecard_id.period_kind", "=", card.period_kind),
                ("scorecard_id.date_from", "<=", card.date_from),
                ("scorecard_id.line_ids.indicator_id", "in", cleared.ids),
            ]
        )
        outdated = outdated.filtered(
            lambda s: s.scorecard_id.line_ids.filtered(
                lambda line: line.light == "red" and line.indicator_id in cleared
            )
        )
        outdated.write(
            {
                "state": "expired",
                "decided_on": fields.Datetime.now(),
                "decline_reason": self.env._(
                    "No longer needed: not red in %(period)s.",
                    period=card.period_id.name,
                ),
            }
        )
        return outdated

    def write(self, vals):
        if not self.env.su and set(vals) - USER_FIELDS:
            raise UserError(
                self.env._(
                    "Suggestions are accepted, declined or reconsidered with "
                    "their buttons; only the reason for declining can be typed."
                )
            )
        return super().write(vals)

    @api.model
    def _open_all(self, domain):
        """The suggestions of ``domain``, whatever their status."""
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "csr_management.csr_action_suggestion_action"
        )
        action["domain"] = domain
        action["context"] = {}
        return action

    # -- deciding ---------------------------------------------------------

    def _check_can_decide(self):
        if not self.env.user._is_csr_user():
            raise AccessError(self.env._("Only CSR users decide on suggestions."))

    def _check_open(self):
        self._check_can_decide()
        decided = self.filtered(lambda s: s.state != "open")
        if decided:
            raise UserError(
                self.env._(
                    "The suggestion %(name)s was already decided.",
                    name=decided[0].name,
                )
            )

    def _decision_stamp(self, state):
        return {
            "state": state,
            "decided_by_id": self.env.uid,
            "decided_on": fields.Datetime.now(),
        }

    def action_accept(self):
        """Create the draft improvement action of each suggestion."""
        self._check_open()
        actions = self.env["csr.action"]
        for suggestion in self:
            action = self.env["csr.action"].create(suggestion._action_vals())
            suggestion.sudo().write(
                {**suggestion._decision_stamp("accepted"), "action_id": action.id}
            )
            actions |= action
        if len(actions) == 1:
            return {
                "type": "ir.actions.act_window",
                "res_model": "csr.action",
                "res_id": actions.id,
                "view_mode": "form",
                "views": [(False, "form")],
            }
        return True

    def action_decline(self):
        self._check_open()
        self.sudo().write(self._decision_stamp("declined"))
        return True

    def action_reconsider(self):
        """Put a declined suggestion back on the table."""
        self._check_can_decide()
        declined = self.filtered(lambda s: s.state == "declined")
        declined.sudo().write(
            {"state": "open", "decided_by_id": False, "decided_on": False}
        )
        return True

    def _action_vals(self):
        recommendation = self.recommendation_id
        origin_ref = (
            f"csr.assessment.answer,{self.answer_id.id}"
            if self.answer_id
            else f"csr.scorecard,{self.scorecard_id.id}"
            if self.scorecard_id
            else False
        )
        vals = {
            "name": recommendation.name,
            "description": plaintext2html(recommendation.description or ""),
            "action_type": recommendation.action_type,
            "origin": self.origin,
            "origin_ref": origin_ref,
            "question_id": self.answer_id.question_id.id,
            "recommendation_id": recommendation.id,
            "pillar": self.pillar,
            "company_id": self.company_id.id,
            "indicator_id": self.indicator_id.id,
            "baseline_period_id": self.period_id.id,
        }
        if self.has_baseline:
            vals["baseline_value"] = self.baseline_value
        if self.has_target:
            vals["target_value"] = self.target_value
        return vals
