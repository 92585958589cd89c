# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models

from ..engine.vocabulary import PILLAR_ORDER, PILLARS


class CsrPillarMixin(models.AbstractModel):
    """Lists ordered economic, environmental, social, governance (the order of
    the triple bottom line plus governance), not alphabetically."""

    _name = "csr.pillar.mixin"
    _description = "CSR Pillar Ordering"

    pillar = fields.Selection(PILLARS, required=True, index=True)
    pillar_sequence = fields.Integer(compute="_compute_pillar_sequence", store=True)

    @api.depends("pillar")
    def _compute_pillar_sequence(self):
        for record in self:
            record.pillar_sequence = PILLAR_ORDER.get(record.pillar, 0)
