# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import base64
import binascii

from markupsafe import Markup

from odoo import api, fields, models
from odoo.exceptions import UserError

from ..engine import kit as kit_engine
from ..services.csr_kit import KitImport, kit_error_message, section_labels

CONFLICT_POLICIES = [
    ("keep", "Keep what this database has"),
    ("overwrite", "Overwrite with the kit"),
]


class CsrKitImport(models.TransientModel):
    """Apply a CSR kit to a company: preview what it changes, then import it
    all or nothing."""

    _name = "csr.kit.import"
    _description = "Import CSR Kit"

    company_id = fields.Many2one(
        "res.company",
        required=True,
        default=lambda self: self.env.company,
        domain="[('id', 'in', allowed_company_ids)]",
        help="Company that receives the kit's targets, own indicators and "
        "sector templates.",
    )
    file_data = fields.Binary(string="Kit file", required=True)
    file_name = fields.Char()
    conflict_policy = fields.Selection(
        CONFLICT_POLICIES,
        string="When a record differs",
        required=True,
        default="keep",
        help="A record of the kit that already exists here with other values is "
        "a conflict: keep this database's values, or take the kit's.",
    )
    state = fields.Selection(
        [("upload", "Upload"), ("preview", "Preview"), ("done", "Done")],
        default="upload",
        required=True,
    )
    report = fields.Html(readonly=True, sanitize=False)

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            self._check_file_data(vals.get("file_data"))
        return super().create(vals_list)

    def write(self, vals):
        if "file_data" in vals:
            self._check_file_data(vals["file_data"])
        return super().write(vals)

    @api.model
    def _check_file_data(self, data):
        """Refuse an oversized or undecodable upload before it is stored: the
        attachment would fail on it with a technical error."""
        if not data:
            return
        if len(data) * 3 // 4 > kit_engine.MAX_KIT_BYTES:
            limit = kit_engine.MAX_KIT_BYTES
            raise UserError(
                kit_error_message(
                    self.env, kit_engine.KitError("too_large", limit=limit)
                )
            )
        try:
            base64.b64decode(data)
        except (binascii.Error, ValueError, TypeError):
            raise UserError(
                self.env._(
                    "The uploaded kit file is damaged: it did not arrive in the "
                    "expected encoding. Upload the file again."
                )
            ) from None

    def _raw(self):
        try:
            return base64.b64decode(self.file_data or b"", validate=True)
        except (binascii.Error, ValueError) as error:
            raise UserError(self.env._("The file could not be read.")) from error

    def _run(self, dry_run):
        self.ensure_one()
        # Read as superuser: the user may not even read a company outside his.
        company = self.sudo().company_id
        if company not in self.env.companies.sudo():
            raise UserError(
                self.env._(
                    "Select %(company)s in the company switcher first: a kit "
                    "is imported only into a company you work in.",
                    company=company.name,
                )
            )
        importer = KitImport(
            self.env, self.company_id, overwrite=self.conflict_policy == "overwrite"
        )
        return importer.run(self._raw(), dry_run=dry_run)

    def action_preview(self):
        reports = self._run(dry_run=True)
        self.write({"state": "preview", "report": self._render(reports, True)})
        return self._reopen()

    def action_import(self):
        reports = self._run(dry_run=False)
        self.write({"state": "done", "report": self._render(reports, False)})
        return self._reopen()

    def _reopen(self):
        return {
            "type": "ir.actions.act_window",
            "res_model": self._name,
            "res_id": self.id,
            "view_mode": "form",
            "target": "new",
            "name": self.env._("Import CSR Kit"),
        }

    def _render(self, reports, preview):
        """An HTML summary: counts per section, then each conflict."""
        labels = section_labels(self.env)
        heading = (
            self.env._("What the import will do:")
            if preview
            else self.env._("The kit was imported:")
        )
        rows = Markup().join(
            Markup(
                "<tr><td>%s</td><td class='text-end'>%s</td><td class='text-end'>%s"
                "</td><td class='text-end'>%s</td><td class='text-end'>%s</td></tr>"
            )
            % (
                labels.get(name, name),
                rep.created,
                rep.updated,
                rep.unchanged,
                rep.kept,
            )
            for name, rep in reports.items()
        )
        table = Markup(
            "<p><strong>%s</strong></p><table class='table table-sm'><thead><tr>"
            "<th>%s</th><th class='text-end'>%s</th><th class='text-end'>%s</th>"
            "<th class='text-end'>%s</th><th class='text-end'>%s</th></tr></thead>"
            "<tbody>%s</tbody></table>"
        ) % (
            heading,
            self.env._("Part"),
            self.env._("New"),
            self.env._("Overwritten"),
            self.env._("Already up to date"),
            self.env._("Kept (conflict)"),
            rows,
        )
        return table + self._render_conflicts(reports, labels)

    def _render_conflicts(self, reports, labels):
        items = [
            Markup("<li>%s · %s: %s (%s)</li>")
            % (
                labels.get(name, name),
                key,
                ", ".join(changes),
                self.env._("overwritten") if overwritten else self.env._("kept"),
            )
            for name, rep in reports.items()
            for key, changes, overwritten in rep.conflicts
        ]
        if not items:
            return Markup("<p>%s</p>") % self.env._("No conflict with this database.")
        return Markup("<p><strong>%s</strong></p><ul>%s</ul>") % (
            self.env._("Records that differ from this database (fields):"),
            Markup().join(items),
        )
