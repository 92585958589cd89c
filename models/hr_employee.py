# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models

COMMUTE_MODES = [
    ("car_petrol", "Car, petrol"),
    ("car_diesel", "Car, diesel"),
    ("car_hybrid", "Car, hybrid"),
    ("car_unknown", "Car, fuel unknown"),
    ("motorbike", "Motorbike"),
    ("bus", "Bus"),
    ("rail", "Train"),
    ("light_rail", "Metro, light rail or tram"),
    ("taxi", "Taxi or ride-hailing"),
    ("company_transport", "Company transport (its fuel is in Scope 1)"),
    ("active", "Walking or cycling"),
    ("remote", "Works from home"),
]


class HrEmployee(models.Model):
    _inherit = "hr.employee"

    # Private, like the home–work distance beside it: only HR officers read
    # it; CSR figures read it as superuser and show totals only.
    csr_commute_mode = fields.Selection(
        COMMUTE_MODES,
        string="Commute mode",
        groups="hr.group_hr_user",
        tracking=True,
        help="How the employee usually travels to work: with the home–work "
        "distance and the working schedule it gives the employee commuting "
        "emissions (Scope 3, category 7), shown as company totals only.",
    )
