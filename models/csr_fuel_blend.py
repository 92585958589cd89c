# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import ValidationError

from .csr_activity import BLEND_FAMILIES


class CsrFuelBlend(models.Model):
    """The biofuel share the law mixes into a country's petrol or diesel from
    a date (Brazil's E30 and B15 since 1 August 2025…), with its source."""

    _name = "csr.fuel.blend"
    _inherit = ["csr.number.guard", "csr.catalogue.guard"]
    _csr_guarded_numbers = ("bio_share",)
    _description = "CSR Fuel Blend Mandate"
    _order = "country_id, family, date_from desc"

    country_id = fields.Many2one("res.country", required=True, index=True)
    family = fields.Selection(BLEND_FAMILIES, string="Fuel", required=True)
    date_from = fields.Date(string="In force from", required=True)
    bio_share = fields.Float(
        string="Biofuel share (% by volume)",
        digits=(5, 2),
        aggregator=None,
        required=True,
    )
    bio_activity_id = fields.Many2one(
        "csr.activity",
        string="Biofuel",
        required=True,
        domain="[('kind', '=', 'fuel'), ('blend_family', '=', False)]",
        help="The biofuel blended in (anhydrous ethanol, biodiesel): its energy "
        "content and biogenic CO2 serve the bio part of each litre.",
    )
    source_publisher = fields.Char(required=True)
    source_document = fields.Char(required=True)
    source_year = fields.Integer(aggregator=None, required=True)
    source_url = fields.Char(string="Source URL")
    note = fields.Text(translate=True)
    active = fields.Boolean(default=True)

    @api.depends("country_id.code", "family", "bio_share", "date_from")
    def _compute_display_name(self):
        labels = dict(self._fields["family"]._description_selection(self.env))
        for blend in self:
            blend.display_name = (
                f"{blend.country_id.code or ''} · {labels.get(blend.family, '')} · "
                f"{blend.bio_share:g} % · {blend.date_from or ''}"
            )

    @api.constrains("bio_share")
    def _check_bio_share(self):
        for blend in self:
            if not 0.0 <= blend.bio_share <= 100.0:
                raise ValidationError(
                    self.env._(
                        "%(name)s: the biofuel share must lie between 0 and 100 %%.",
                        name=blend.display_name,
                    )
                )

    def citation(self):
        self.ensure_one()
        return f"{self.source_publisher}, {self.source_document} ({self.source_year})"
