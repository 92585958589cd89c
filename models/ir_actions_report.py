# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import functools
import logging
import subprocess

from odoo import models
from odoo.tools.pdf import merge_pdf

from odoo.addons.base.models.ir_actions_report import _get_wkhtmltopdf_bin

from ..services import report_styles

_logger = logging.getLogger(__name__)


@functools.cache
def wkhtmltopdf_version(binary):
    """How the wkhtmltopdf ``binary`` names itself ("wkhtmltopdf 0.12.6.1
    (with patched qt)"), None if it cannot be run. Asked once per binary and
    process."""
    try:
        found = subprocess.run(
            [binary, "--version"], capture_output=True, timeout=60, check=False
        )
    except (OSError, subprocess.SubprocessError):
        return None
    return found.stdout.decode(errors="replace").strip()


def prints_several_documents(binary):
    """Whether the wkhtmltopdf ``binary`` is the build on wkhtmltopdf's
    patched Qt, the only one that prints several HTML documents into one
    PDF: the build of Debian and Ubuntu says it "does not support more than
    one input document" and writes nothing. A binary that cannot be run is
    left to Odoo, whose own message says so."""
    version = wkhtmltopdf_version(binary)
    return version is None or "patched qt" in version.lower()


def _wkhtmltopdf_prints_several_documents():
    try:
        binary = _get_wkhtmltopdf_bin()
    except OSError:
        return True  # not installed: Odoo's own message says so
    return prints_several_documents(binary)


class IrActionsReport(models.Model):
    _inherit = "ir.actions.report"

    def _run_wkhtmltopdf(self, bodies, report_ref=False, **options):
        """The addon's reports, as wkhtmltopdf's build allows: the build on
        patched Qt gets headers and footers with only the styles they use
        (it lays them out on every page); a build that takes one document
        at a time (Debian's), which leaves headers and footers out, prints
        several periods one by one and the PDFs are joined, instead of
        failing on an empty file."""
        if not self._is_csr_report(report_ref):
            return super()._run_wkhtmltopdf(bodies, report_ref=report_ref, **options)
        if _wkhtmltopdf_prints_several_documents():
            for part in ("header", "footer"):
                if options.get(part):
                    options[part] = report_styles.with_used_styles(
                        self.env, options[part]
                    )
        elif len(bodies) > 1:
            _logger.info(
                "wkhtmltopdf without patched Qt: printing %s documents one by one",
                len(bodies),
            )
            return merge_pdf(
                [
                    super(IrActionsReport, self)._run_wkhtmltopdf(
                        [body], report_ref=report_ref, **options
                    )
                    for body in bodies
                ]
            )
        return super()._run_wkhtmltopdf(bodies, report_ref=report_ref, **options)

    def _is_csr_report(self, report_ref):
        report = self._get_report(report_ref) if report_ref else self
        return any(
            (name or "").startswith("csr_management.")
            for name in report.mapped("report_name")
        )
