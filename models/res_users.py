# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import models

CSR_ADMIN = "csr_management.group_csr_admin"
CSR_MANAGER = "csr_management.group_csr_manager"
CSR_USER = "csr_management.group_csr_user"
CSR_AUDITOR = "csr_management.group_csr_auditor"


class ResUsers(models.Model):
    """The CSR roles, asked in one place (a manager is also a user)."""

    _inherit = "res.users"

    def _is_csr_admin(self):
        """May change the shared catalogue every company reads."""
        return self._has_group(CSR_ADMIN)

    def _is_csr_manager(self):
        return self._has_group(CSR_MANAGER)

    def _is_csr_user(self):
        return self._has_group(CSR_USER)

    def _is_csr_reader(self):
        """May read CSR figures: a user (or manager) or an auditor."""
        return self._has_group(CSR_USER) or self._has_group(CSR_AUDITOR)
