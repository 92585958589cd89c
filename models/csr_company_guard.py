# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, models
from odoo.exceptions import AccessError, UserError


class CsrCompanyGuard(models.AbstractModel):
    """Keeps a CSR record in the company it was created in.

    Record rules are checked before a write, not after it: without this guard
    a user could push a record into a company he does not belong to, or
    re-home it between his companies, and change the other company's figures.
    """

    _name = "csr.company.guard"
    _description = "CSR record kept in its company"

    @api.model_create_multi
    def create(self, vals_list):
        records = super().create(vals_list)
        records._check_company_allowed()
        return records

    def write(self, vals):
        if "company_id" in vals:
            self._check_company_kept(vals["company_id"])
        return super().write(vals)

    def _check_company_allowed(self):
        """A record is created only in one of the companies of the session."""
        if self.env.su:
            return
        outside = self.filtered(
            lambda record: record.company_id
            and record.company_id not in self.env.companies
        )
        if outside:
            raise AccessError(
                self.env._(
                    "You can only create %(model)s records in the companies you "
                    "are working in.",
                    model=self._description,
                )
            )

    def _check_company_kept(self, company):
        company_id = company.id if isinstance(company, models.BaseModel) else company
        if any(record.company_id.id != (company_id or False) for record in self):
            raise UserError(
                self.env._(
                    "The company of a %(model)s cannot be changed: a CSR record "
                    "stays in the company it was created in. Create a new one in "
                    "the other company instead.",
                    model=self._description,
                )
            )

    def _check_company(self, fnames=None):
        """Odoo's check, run on one record for each company and linked record
        of each checked field: the check of a field depends on nothing else,
        and a year-end creates some 800 values sharing 17 periods and a few
        dozen indicators (Odoo would check each of them)."""
        if len(self) < 2:
            return super()._check_company(fnames)
        if fnames is None or {"company_id", "company_ids"} & set(fnames):
            fnames = self._fields
        checked = [
            name
            for name in fnames
            if self._fields[name].relational and self._fields[name].check_company
        ]
        first_of = {}
        for record in self.sudo():
            company = record.company_id.id
            for name in checked:
                key = (name, company, tuple(record[name].ids))
                first_of.setdefault(key, record.id)
        return super(
            CsrCompanyGuard, self.browse(set(first_of.values()))
        )._check_company(fnames)
