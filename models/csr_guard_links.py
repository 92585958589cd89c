# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Our guards on the models whose files are kept elsewhere.

Periods and values get the review notes of ``csr.review.note``: they list
``mail.thread`` before our mixins, so they cannot inherit that mixin here
(Python finds no consistent method order) and get the same hook directly.
Moving ``csr.company.guard`` (and ``csr.review.note`` in place of
``mail.thread``) into those models' own ``_inherit`` makes this file
unnecessary; inheriting a mixin twice is harmless meanwhile.
"""

from odoo import models

from .csr_review_note import check_review_post


class CsrPeriod(models.Model):
    _name = "csr.period"
    _inherit = ["csr.period", "csr.company.guard"]
    _mail_post_access = "read"
    _csr_review_notes = True

    def message_post(self, **kwargs):
        check_review_post(self, kwargs)
        return super().message_post(**kwargs)


class CsrIndicatorValue(models.Model):
    _name = "csr.indicator.value"
    _inherit = ["csr.indicator.value", "csr.company.guard"]
    _mail_post_access = "read"
    _csr_review_notes = True

    def message_post(self, **kwargs):
        check_review_post(self, kwargs)
        return super().message_post(**kwargs)


class CsrMaterialityLine(models.Model):
    _name = "csr.materiality.line"
    _inherit = ["csr.materiality.line", "csr.company.guard"]


class CsrDialogueRating(models.Model):
    _name = "csr.dialogue.rating"
    _inherit = ["csr.dialogue.rating", "csr.company.guard"]


class CsrResource(models.Model):
    _name = "csr.resource"
    _inherit = ["csr.resource", "csr.company.guard"]
