# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import _, api, fields, models
from odoo.exceptions import ValidationError


class CsrSite(models.Model):
    """A site of the company (VSME B1 list of sites, B5 biodiversity)."""

    _name = "csr.site"
    _inherit = ["csr.company.guard"]
    _description = "CSR Site"
    _order = "company_id, sequence, id"
    _check_company_auto = True

    name = fields.Char(required=True)
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)
    company_id = fields.Many2one(
        "res.company",
        required=True,
        index=True,
        default=lambda self: self.env.company,
        ondelete="cascade",
    )
    street = fields.Char()
    zip = fields.Char()
    city = fields.Char()
    country_id = fields.Many2one("res.country")
    latitude = fields.Float(digits=(10, 6))
    longitude = fields.Float(digits=(10, 6))
    in_biodiversity_area = fields.Boolean(
        string="In a biodiversity-sensitive area",
        help="The site lies in a biodiversity-sensitive area (Natura 2000, "
        "UNESCO World Heritage, Key Biodiversity Area or another protected "
        "area): VSME B5.",
    )
    near_biodiversity_area = fields.Boolean(
        string="Near a biodiversity-sensitive area",
        help="The site lies near such an area: VSME B5.",
    )
    biodiversity_area_ha = fields.Float(
        string="Area in or near the sensitive area (ha)",
        digits=(12, 2),
    )

    @api.constrains("latitude", "longitude", "biodiversity_area_ha")
    def _check_coordinates(self):
        for site in self:
            if not -90.0 <= site.latitude <= 90.0 or not (
                -180.0 <= site.longitude <= 180.0
            ):
                raise ValidationError(
                    _(
                        "Site %(site)s: a latitude lies between -90 and 90 and a "
                        "longitude between -180 and 180 degrees.",
                        site=site.name,
                    )
                )
            if site.biodiversity_area_ha < 0:
                raise ValidationError(
                    _(
                        "Site %(site)s: an area cannot be negative.",
                        site=site.name,
                    )
                )
