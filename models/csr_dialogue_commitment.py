# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from markupsafe import Markup

from odoo import api, fields, models
from odoo.exceptions import UserError
from odoo.tools import format_datetime

from ..engine.vocabulary import PILLARS


class CsrDialogueCommitment(models.Model):
    """What the company promised its stakeholders at a dialogue; one click
    turns it into an improvement action that is followed up like any other."""

    _name = "csr.dialogue.commitment"
    _description = "CSR Dialogue Commitment"
    _inherit = ["csr.company.guard"]
    _order = "dialogue_id, deadline, id"
    _check_company_auto = True

    dialogue_id = fields.Many2one(
        "csr.dialogue", required=True, index=True, ondelete="cascade"
    )
    company_id = fields.Many2one(
        related="dialogue_id.company_id", store=True, index=True, precompute=True
    )
    name = fields.Char(string="Commitment", required=True)
    responsible_id = fields.Many2one("res.users", check_company=True)
    deadline = fields.Date()
    topic_id = fields.Many2one("csr.material.topic")
    pillar = fields.Selection(
        PILLARS,
        compute="_compute_pillar",
        store=True,
        readonly=False,
        precompute=True,
        help="Pillar of the improvement action; taken from the topic when one "
        "is set.",
    )
    action_id = fields.Many2one(
        "csr.action",
        string="Improvement action",
        readonly=True,
        copy=False,
        index=True,
        ondelete="set null",
        check_company=True,
    )
    action_state = fields.Selection(related="action_id.state", string="Action status")

    @api.depends("topic_id")
    def _compute_pillar(self):
        for commitment in self:
            commitment.pillar = commitment.topic_id.pillar or commitment.pillar

    @api.model_create_multi
    def create(self, vals_list):
        if any(vals.get("action_id") for vals in vals_list):
            self._refuse_action_link()
        return super().create(vals_list)

    def write(self, vals):
        if "action_id" in vals:
            self._refuse_action_link()
        return super().write(vals)

    def _refuse_action_link(self):
        if self.env.su:
            return
        raise UserError(
            self.env._(
                "A commitment is linked to its improvement action by the button "
                "Create action only."
            )
        )

    def action_create_action(self):
        """Create the improvement action of each commitment, all or none."""
        self._check_can_create_action()
        actions = self.env["csr.action"].create(
            [commitment._action_vals() for commitment in self]
        )
        for commitment, action in zip(self, actions, strict=True):
            # Past ``write``, which refuses a link typed by hand.
            super(CsrDialogueCommitment, commitment).write({"action_id": action.id})
        return self._open_actions(actions)

    def _check_can_create_action(self):
        linked = self.filtered("action_id")
        if linked:
            raise UserError(
                self.env._(
                    "Commitment %(names)s already has its improvement action "
                    "(%(actions)s): open it from the commitment instead of "
                    "creating another.",
                    names=", ".join(linked.mapped("name")),
                    actions=", ".join(linked.action_id.mapped("name")),
                )
            )
        no_pillar = self.filtered(lambda c: not c.pillar)
        if no_pillar:
            raise UserError(
                self.env._(
                    "Choose a topic or a pillar for commitment %(names)s before "
                    "creating its improvement action.",
                    names=", ".join(no_pillar.mapped("name")),
                )
            )

    def _action_vals(self):
        dialogue = self.dialogue_id
        description = Markup("<p>%s</p>") % self.env._(
            "Promised at the stakeholder dialogue %(dialogue)s of %(date)s: "
            "%(commitment)s",
            dialogue=dialogue.name,
            date=format_datetime(self.env, dialogue.date_start, dt_format="short"),
            commitment=self.name,
        )
        if self.topic_id:
            description += Markup("<p>%s</p>") % self.env._(
                "Topic: %(topic)s", topic=self.topic_id.display_name
            )
        return {
            "name": self.name,
            "origin": "dialogue",
            "origin_ref": f"csr.dialogue,{dialogue.id}",
            "company_id": self.company_id.id,
            "pillar": self.pillar,
            "deadline": self.deadline,
            "responsible_id": (self.responsible_id or dialogue.organiser_id).id,
            "description": description,
        }

    def _open_actions(self, actions):
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "csr_management.csr_action_action"
        )
        action["context"] = {}
        if len(actions) == 1:
            action.update(res_id=actions.id, view_mode="form", views=[(False, "form")])
        else:
            action["domain"] = [("id", "in", actions.ids)]
        return action

    def action_open_action(self):
        self.ensure_one()
        return self._open_actions(self.action_id)
