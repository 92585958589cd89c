# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class CsrSector(models.Model):
    _name = "csr.sector"
    _description = "CSR Economic Sector"
    _inherit = ["csr.catalogue.guard"]
    _order = "sequence, id"

    code = fields.Char(required=True, index=True)
    name = fields.Char(required=True, translate=True)
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)

    _sql_constraints = [
        ("code_unique", "unique(code)", "A sector code must be unique."),
    ]
