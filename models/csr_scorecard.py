# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import UserError

from ..engine.vocabulary import LIGHTS
from ..services.scorecard_compute import ScorecardCompute


class CsrScorecard(models.Model):
    """The judgement of one period of one company: a score per indicator, per
    pillar and overall. A stored snapshot, written only by a refresh."""

    _name = "csr.scorecard"
    _description = "CSR Scorecard"
    _inherit = ["csr.review.note", "csr.company.guard"]
    _order = "date_from desc, period_kind desc"
    _check_company_auto = True

    name = fields.Char(related="period_id.name", store=True)
    period_id = fields.Many2one(
        "csr.period",
        required=True,
        readonly=True,
        index=True,
        ondelete="cascade",
        check_company=True,
    )
    company_id = fields.Many2one(
        "res.company", required=True, readonly=True, index=True
    )
    date_from = fields.Date(related="period_id.date_from", store=True)
    period_kind = fields.Selection(related="period_id.kind", store=True)
    period_state = fields.Selection(related="period_id.state", string="Period status")
    has_index = fields.Boolean(
        readonly=True,
        help="False when no pillar has enough data and a score to make an index.",
    )
    overall_index = fields.Float(
        string="Triple-bottom-line index",
        digits=(5, 2),
        readonly=True,
        aggregator="avg",
        tracking=True,
        help="Mean of the scores (0-100) of the pillars with enough data; "
        "governance counts as a pillar like the other three.",
    )
    light = fields.Selection(LIGHTS, readonly=True)
    # No check_company: only the refresh sets it, from a search within the
    # company, and the check would re-read the scorecard after the lines'
    # unlink empties the cache (one query more when there is a previous one).
    previous_scorecard_id = fields.Many2one(
        "csr.scorecard",
        string="Previous scorecard",
        readonly=True,
        ondelete="set null",
        index="btree_not_null",
        help="Scorecard of the period of the same kind just before this one.",
    )
    has_previous_index = fields.Boolean(readonly=True)
    previous_index = fields.Float(digits=(5, 2), readonly=True, aggregator="avg")
    has_change = fields.Boolean(readonly=True)
    index_change = fields.Float(
        string="Change (points)",
        digits=(5, 2),
        readonly=True,
        aggregator="avg",
        help="Index minus the previous scorecard's index, in points.",
    )
    computed_on = fields.Datetime(string="Computed on", readonly=True)
    revision = fields.Integer(
        readonly=True,
        default=1,
        copy=False,
        help="How many times the scorecard was computed; a report states the "
        "revision it printed.",
    )
    pillar_ids = fields.One2many(
        "csr.scorecard.pillar", "scorecard_id", "Pillars", readonly=True
    )
    line_ids = fields.One2many(
        "csr.scorecard.line", "scorecard_id", "Indicators", readonly=True
    )
    # One list per pillar, for the form's pages.
    economic_line_ids = fields.One2many(
        "csr.scorecard.line",
        "scorecard_id",
        string="Economic indicators",
        domain=[("pillar", "=", "economic")],
        readonly=True,
    )
    environmental_line_ids = fields.One2many(
        "csr.scorecard.line",
        "scorecard_id",
        string="Environmental indicators",
        domain=[("pillar", "=", "environmental")],
        readonly=True,
    )
    social_line_ids = fields.One2many(
        "csr.scorecard.line",
        "scorecard_id",
        string="Social indicators",
        domain=[("pillar", "=", "social")],
        readonly=True,
    )
    governance_line_ids = fields.One2many(
        "csr.scorecard.line",
        "scorecard_id",
        string="Governance indicators",
        domain=[("pillar", "=", "governance")],
        readonly=True,
    )

    action_verified_count = fields.Integer(
        string="Verified actions",
        compute="_compute_action_counts",
        help="Improvement actions whose effect was measured in this period.",
    )
    action_effective_count = fields.Integer(
        string="Effective actions",
        compute="_compute_action_counts",
        help="Verified actions whose indicator reached the target in this period.",
    )

    _sql_constraints = [
        (
            "period_unique",
            "unique(period_id)",
            "A period has only one scorecard.",
        ),
    ]

    def _compute_action_counts(self):
        groups = self.env["csr.action"]._read_group(
            self._verified_actions_domain(),
            ["verification_period_id", "efficacy"],
            ["__count"],
        )
        verified, effective = {}, {}
        for period, efficacy, count in groups:
            verified[period] = verified.get(period, 0) + count
            if efficacy == "effective":
                effective[period] = effective.get(period, 0) + count
        for card in self:
            card.action_verified_count = verified.get(card.period_id, 0)
            card.action_effective_count = effective.get(card.period_id, 0)

    def _verified_actions_domain(self):
        return [
            ("state", "=", "verified"),
            ("verification_period_id", "in", self.period_id.ids),
            ("company_id", "in", self.company_id.ids),
        ]

    def action_open_actions(self):
        """The improvement actions whose effect was measured in this period."""
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "csr_management.csr_action_action"
        )
        action.update(
            {
                "name": self.env._("Actions verified in %(period)s", period=self.name),
                "domain": self._verified_actions_domain(),
                "views": [(False, "list"), (False, "form")],
                "view_mode": "list,form",
                "context": {"create": False, "search_default_group_efficacy": 1},
            }
        )
        return action

    def action_refresh(self):
        """Score the periods again (CSR managers; not for locked periods)."""
        self.period_id._check_manager(self.env._("refresh the scorecard of"))
        locked = self.filtered(lambda card: card.period_id.state == "locked")
        if locked:
            raise UserError(
                self.env._(
                    "Period %(names)s is locked: its scorecard stays as it was "
                    "when the period was locked.",
                    names=", ".join(locked.mapped("name")),
                )
            )
        self.period_id._refresh_scorecards()
        return True

    @api.model
    def _refresh_for(self, periods):
        """Create or update the scorecard of each period, oldest first so that
        each one finds the previous scorecard fresh. A locked period keeps the
        scorecard it has; one that has none yet gets its first. Callers check
        that the user is a CSR manager."""
        existing = {
            card.period_id: card
            for card in self.sudo().search_fetch(
                [("period_id", "in", periods.ids)], ["period_id"]
            )
        }
        for period in periods.sorted("date_from"):
            card = existing.get(period)
            if card and period.state == "locked":
                continue
            vals = ScorecardCompute(period.sudo()).vals(card.sudo() if card else None)
            if card:
                card.sudo().write({**vals, "revision": card.revision + 1})
            else:
                card = self.sudo().create(
                    {**vals, "period_id": period.id, "company_id": period.company_id.id}
                )
            card._suggest_actions()

    def _suggest_actions(self):
        """Propose the recommendations of the red indicators of the latest
        scorecard of each kind of period, and retire the open suggestions that
        it no longer supports: an indicator that has left red, in this
        scorecard or a later one, no longer calls for them. A scorecard of an
        older period (recomputed for the record) proposes nothing again."""
        Suggestion = self.env["csr.action.suggestion"]
        for card in self:
            if not card._is_latest_of_its_kind():
                continue
            Suggestion._propose(card.company_id, card._suggestion_candidates())
            Suggestion._expire_outdated(card)

    def _is_latest_of_its_kind(self):
        self.ensure_one()
        later = self.sudo().search_count(
            [
                ("company_id", "=", self.company_id.id),
                ("period_kind", "=", self.period_kind),
                ("date_from", ">", self.date_from),
            ],
            limit=1,
        )
        return not later

    def _suggestion_candidates(self):
        red = self.line_ids.filtered(lambda line: line.light == "red")
        recommendations = self.env["csr.recommendation"].search(
            [("indicator_id", "in", red.indicator_id.ids)]
        )
        line_of = {line.indicator_id: line for line in red}
        candidates = {}
        for recommendation in recommendations:
            line = line_of[recommendation.indicator_id]
            tracked = recommendation.track_indicator_id or line.indicator_id
            same = tracked == line.indicator_id
            candidates[recommendation] = {
                "origin": "indicator",
                "scorecard_id": self.id,
                "indicator_id": tracked.id,
                "period_id": self.period_id.id,
                "has_baseline": same and line.has_value,
                "baseline_value": line.value if same else 0.0,
                "has_target": same and line.has_target,
                "target_value": line.target_value if same else 0.0,
            }
        return candidates

    def action_open_suggestions(self):
        self.ensure_one()
        return self.env["csr.action.suggestion"]._open_all(
            [("scorecard_id", "=", self.id)]
        )

    def action_open_lines(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "csr_management.csr_scorecard_line_action"
        )
        action["domain"] = [("scorecard_id", "=", self.id)]
        action["context"] = {"search_default_group_pillar": 1}
        return action
