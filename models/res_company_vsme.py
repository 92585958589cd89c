# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import _, api, fields, models
from odoo.exceptions import ValidationError

from ..engine.vsme_xbrl import lei_is_valid
from ..services.vsme_digital import nace_member, nace_members

# The legal forms of VSME B1 §24(e)(i): the members of the taxonomy's
# UndertakingsLegalForm.
CSR_LEGAL_FORMS = [
    ("private_limited", "Private limited liability undertaking"),
    ("sole_proprietorship", "Sole proprietorship"),
    ("partnership", "Partnership"),
    ("cooperative", "Cooperative"),
    ("other", "Other"),
]


class ResCompany(models.Model):
    _inherit = "res.company"

    csr_legal_form = fields.Selection(
        CSR_LEGAL_FORMS,
        string="Legal form (VSME)",
        help="VSME B1: the legal form of the undertaking.",
    )
    csr_legal_form_other = fields.Char(
        string="Other legal form",
        help="The legal form, in words, when it is none of the listed ones.",
    )
    csr_nace_code = fields.Char(
        string="NACE code",
        help="VSME B1: the NACE code of the main activity as the VSME taxonomy "
        "lists it, e.g. C10.83 (section letter, then division, group and "
        "class).",
    )
    csr_lei = fields.Char(
        string="LEI",
        size=20,
        help="Legal Entity Identifier (ISO 17442). The digital VSME report "
        "identifies the company by it; without one, by its tax identifier.",
    )
    csr_certifications = fields.Text(
        string="Sustainability certifications or labels",
        help="VSME B1 §25: the certifications or labels held (issuer, date, "
        "rating), e.g. Rainforest Alliance, Fairtrade, ISO 14001.",
    )
    csr_circular_economy = fields.Boolean(
        string="Applies circular-economy principles",
        help="VSME B7 §37: the company applies circular-economy principles.",
    )
    csr_circular_economy_text = fields.Text(
        string="How circular-economy principles are applied",
    )
    csr_policies_public = fields.Boolean(
        string="Sustainability policies publicly available",
        help="VSME B2: the practices and policies are publicly available.",
    )
    csr_policies_targets = fields.Boolean(
        string="Targets set for the policies",
        help="VSME B2: the company has set a target related to a policy. The "
        "digital report also says yes when GOV-08 counts a matter whose policy "
        "has an indicator with a target.",
    )
    csr_site_ids = fields.One2many("csr.site", "company_id", string="Sites")

    @api.constrains("csr_lei")
    def _check_csr_lei(self):
        for company in self:
            if company.csr_lei and not lei_is_valid(company.csr_lei):
                raise ValidationError(
                    _(
                        "%(lei)s is not a valid LEI: 20 capital letters or digits "
                        "whose last two are the ISO 17442 check digits.",
                        lei=company.csr_lei,
                    )
                )

    @api.constrains("csr_nace_code")
    def _check_csr_nace_code(self):
        for company in self:
            code = company.csr_nace_code
            if code and nace_member(code) not in nace_members():
                raise ValidationError(
                    _(
                        "%(code)s is not a NACE code of the VSME taxonomy: write "
                        "the section letter and the digits, e.g. C10.83 or A01.",
                        code=code,
                    )
                )
