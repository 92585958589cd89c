# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import models
from odoo.exceptions import AccessError

NOTE_SUBTYPE = "mail.mt_note"


def check_review_post(records, kwargs):
    """Refuse what a reader who cannot change ``records`` may not post.

    CSR users talk on every CSR record they can read. Anyone else (the
    auditor) may only log internal notes, where ``_csr_review_notes`` allows
    it: no message to the followers, no recipient, no attachment.
    """
    env = records.env
    if env.su or env.user._is_csr_user() or records.has_access("write"):
        return
    _ = env._
    if not records._csr_review_notes:
        raise AccessError(
            _(
                "You can read %(model)s records but not write on them or in "
                "their chatter.",
                model=records._description,
            )
        )
    xmlid_to_id = env["ir.model.data"]._xmlid_to_res_id
    subtype_id = kwargs.get("subtype_id") or xmlid_to_id(
        kwargs.get("subtype_xmlid") or NOTE_SUBTYPE
    )
    if (
        kwargs.get("message_type", "notification") != "comment"
        or subtype_id != xmlid_to_id(NOTE_SUBTYPE)
        or kwargs.get("partner_ids")
        or kwargs.get("attachments")
        or kwargs.get("attachment_ids")
    ):
        raise AccessError(
            _(
                "As a reader of %(model)s records you can log internal notes "
                "only: no message to the followers, no recipient and no "
                "attachment.",
                model=records._description,
            )
        )


def is_review_note_model(env, model_name):
    """Whether readers of ``model_name`` may post (see ``mail.activity``)."""
    model = env.get(model_name) if model_name else None
    return model is not None and hasattr(model, "_csr_review_notes")


class CsrReviewNote(models.AbstractModel):
    """Chatter of a CSR record open to its readers (see
    :func:`check_review_post`): CSR users talk, auditors log review notes
    where ``_csr_review_notes`` allows it; activities stay with CSR users
    (see ``mail.activity``)."""

    _name = "csr.review.note"
    _description = "CSR chatter with review notes"
    _inherit = ["mail.thread"]
    _mail_post_access = "read"
    # Whether a reader who cannot change the record may log internal notes.
    _csr_review_notes = True

    def message_post(self, **kwargs):
        check_review_post(self, kwargs)
        return super().message_post(**kwargs)
