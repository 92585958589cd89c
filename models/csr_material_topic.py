# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models

from ..engine.policies import VSME_MATTERS
from .csr_question import ISO_SUBJECTS


class CsrMaterialTopic(models.Model):
    """A sustainability topic a company may find material (VSME/ESRS topics
    cross-referenced to ISO 26000), with the indicators that measure it."""

    _name = "csr.material.topic"
    _description = "CSR Sustainability Topic"
    _inherit = ["csr.pillar.mixin", "csr.catalogue.guard"]
    _order = "pillar_sequence, sequence, code"
    _rec_names_search = ["code", "name"]

    code = fields.Char(required=True, index=True)
    name = fields.Char(required=True, translate=True)
    description = fields.Text(translate=True)
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)
    color = fields.Integer()
    esrs_reference = fields.Char(
        string="ESRS / VSME reference",
        help="The ESRS topical standard and VSME disclosure the topic follows.",
    )
    iso26000_subject = fields.Selection(ISO_SUBJECTS, string="ISO 26000 core subject")
    indicator_ids = fields.Many2many(
        "csr.indicator",
        "csr_material_topic_indicator_rel",
        "topic_id",
        "indicator_id",
        string="Measured by",
        help="Indicators whose values show how the company performs on the topic.",
    )
    indicator_count = fields.Integer(compute="_compute_indicator_count")
    vsme_matter = fields.Selection(
        VSME_MATTERS,
        string="VSME matter",
        help="The VSME sustainability matter (B2) the topic belongs to: a policy "
        "in force on the topic counts that matter as covered in GOV-05.",
    )

    _sql_constraints = [
        ("code_unique", "unique(code)", "A topic code must be unique."),
    ]

    @api.depends("indicator_ids")
    def _compute_indicator_count(self):
        for topic in self:
            topic.indicator_count = len(topic.indicator_ids)
