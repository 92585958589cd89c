# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, models
from odoo.exceptions import AccessError


class CsrCatalogueGuard(models.AbstractModel):
    """The shared catalogue is changed by CSR administrators only.

    A record without a company (an indicator, a factor, a question...) is read
    by every company of the database: one client's manager must not change
    another client's figures or maturity stages. Managers adapt the catalogue
    through records of their own company, where the model has a company.
    """

    _name = "csr.catalogue.guard"
    _description = "CSR shared catalogue guard"

    @api.model_create_multi
    def create(self, vals_list):
        records = super().create(vals_list)
        records._check_catalogue_change()
        return records

    def write(self, vals):
        self._check_catalogue_change()
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_except_shared(self):
        self._check_catalogue_change()

    def update_field_translations(self, field_name, translations, *args, **kwargs):
        self._check_catalogue_change()
        return super().update_field_translations(
            field_name, translations, *args, **kwargs
        )

    def _check_catalogue_change(self):
        if not self or self.env.su or self.env.user._is_csr_admin():
            return
        has_company = "company_id" in self._fields
        if has_company and all(record.company_id for record in self):
            return
        if has_company:
            message = self.env._(
                "Only a CSR administrator can change the shared %(model)s records: "
                "every company uses them. To adapt one for your company, create "
                "a %(model)s of your own company instead.",
                model=self._description,
            )
        else:
            message = self.env._(
                "Only a CSR administrator can change the %(model)s records: "
                "every company shares them.",
                model=self._description,
            )
        raise AccessError(message)
