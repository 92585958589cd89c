# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import models

from .csr_review_note import is_review_note_model


class MailActivity(models.Model):
    """CSR records let their readers log notes (``csr.review.note``), which
    opens activities to them in core: only CSR users schedule, reassign or
    close activities there, except one's own."""

    _inherit = "mail.activity"

    def _check_access(self, operation):
        result = super()._check_access(operation)
        if operation == "read" or not self or self.env.su:
            return result
        if self.env.user._is_csr_user():
            return result
        forbidden = self.sudo().filtered(
            lambda activity: is_review_note_model(self.env, activity.res_model)
            and (operation == "create" or activity.user_id != self.env.user)
        )
        forbidden = self.browse(forbidden.ids)
        if not forbidden:
            return result
        if result:
            forbidden |= result[0]
        return forbidden, lambda: forbidden._make_access_error(operation)
