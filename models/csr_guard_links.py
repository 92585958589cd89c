# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Our company guard on the models whose files are kept elsewhere.

Moving ``csr.company.guard`` into those models' own ``_inherit`` makes this
file unnecessary; inheriting a mixin twice is harmless meanwhile.
"""

from odoo import models


class CsrPeriod(models.Model):
    _name = "csr.period"
    _inherit = ["csr.period", "csr.company.guard"]


class CsrIndicatorValue(models.Model):
    _name = "csr.indicator.value"
    _inherit = ["csr.indicator.value", "csr.company.guard"]


class CsrMaterialityLine(models.Model):
    _name = "csr.materiality.line"
    _inherit = ["csr.materiality.line", "csr.company.guard"]


class CsrDialogueRating(models.Model):
    _name = "csr.dialogue.rating"
    _inherit = ["csr.dialogue.rating", "csr.company.guard"]


class CsrResource(models.Model):
    _name = "csr.resource"
    _inherit = ["csr.resource", "csr.company.guard"]


class CsrAccountRule(models.Model):
    _name = "csr.account.rule"
    _inherit = ["csr.account.rule", "csr.company.guard"]
