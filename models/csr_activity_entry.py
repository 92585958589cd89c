# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import ValidationError

ENTRY_ORIGINS = [
    ("meter", "Meter reading"),
    ("fuel_card", "Fuel card statement"),
    ("refrigerant_log", "Refrigerant recharge log"),
    ("self_generation", "Own generation (inverter, generator meter)"),
    ("other", "Other record"),
]
# Activities read from bills only: an entry of them would count twice.
ENTRY_KINDS = ("electricity", "fuel", "refrigerant", "water")


class CsrActivityEntry(models.Model):
    """A quantity of an activity the bills do not show (a meter, a fuel card,
    kilograms of refrigerant recharged, electricity made on site): added to
    what vendor bills give for its month, never replacing it."""

    _name = "csr.activity.entry"
    _inherit = ["csr.number.guard", "csr.company.guard", "mail.thread"]
    _csr_guarded_numbers = ("quantity",)
    _description = "CSR Activity Data Entry"
    _order = "date desc, id desc"
    _check_company_auto = True

    company_id = fields.Many2one(
        "res.company",
        required=True,
        index=True,
        default=lambda self: self.env.company,
        readonly=True,
    )
    activity_id = fields.Many2one(
        "csr.activity",
        required=True,
        domain=[("kind", "in", ENTRY_KINDS)],
        tracking=True,
    )
    activity_kind = fields.Selection(related="activity_id.kind")
    date = fields.Date(
        required=True,
        default=fields.Date.context_today,
        tracking=True,
        help="The day of the reading or statement: it counts in the periods "
        "that contain this day.",
    )
    quantity = fields.Float(
        digits=(16, 4),
        required=True,
        tracking=True,
        aggregator=None,
        help="In the activity's unit: kWh, litres, m³, or kilograms of "
        "refrigerant recharged (what was recharged is what leaked).",
    )
    uom_id = fields.Many2one(related="activity_id.uom_id", string="Unit")
    origin = fields.Selection(ENTRY_ORIGINS, required=True, default="meter")
    reference = fields.Char(
        help="The meter, card, equipment or statement the quantity comes from."
    )
    note = fields.Text()
    evidence_ids = fields.Many2many(
        "ir.attachment",
        "csr_activity_entry_evidence_rel",
        "entry_id",
        "attachment_id",
        help="Meter photo, fuel card statement, technician's service report.",
    )

    @api.depends("activity_id.name", "date", "quantity")
    def _compute_display_name(self):
        for entry in self:
            entry.display_name = (
                f"{entry.activity_id.name or ''} · {entry.date or ''} · "
                f"{entry.quantity:g} {entry.uom_id.name or ''}"
            )

    @api.constrains("activity_id")
    def _check_activity_kind(self):
        for entry in self:
            if entry.activity_id.kind not in ENTRY_KINDS:
                raise ValidationError(
                    self.env._(
                        "%(activity)s is not recorded as activity data: only "
                        "electricity, fuels, refrigerants and water are.",
                        activity=entry.activity_id.name,
                    )
                )

    @api.constrains("quantity")
    def _check_quantity(self):
        for entry in self:
            if entry.quantity < 0:
                raise ValidationError(
                    self.env._(
                        "%(name)s: a quantity cannot be negative. Correct the "
                        "entry it offsets instead.",
                        name=entry.display_name,
                    )
                )

    # -- locked periods ---------------------------------------------------

    def _covering_periods(self, dates=None):
        """The periods of the entries' companies that contain their days."""
        Period = self.env["csr.period"].sudo()
        pairs = dates or [(entry.company_id.id, entry.date) for entry in self]
        found = Period
        for company_id, day in set(pairs):
            if not (company_id and day):
                continue
            found |= Period.search(
                [
                    ("company_id", "=", company_id),
                    ("date_from", "<=", day),
                    ("date_to", ">=", day),
                ]
            )
        return found

    @api.model_create_multi
    def create(self, vals_list):
        company = self.env.company.id
        pairs = [
            (
                vals.get("company_id", company),
                fields.Date.to_date(
                    vals.get("date") or fields.Date.context_today(self)
                ),
            )
            for vals in vals_list
        ]
        self._covering_periods(pairs)._hold_unlocked()
        return super().create(vals_list)

    def write(self, vals):
        self._covering_periods()._hold_unlocked()
        result = super().write(vals)
        if {"date", "company_id"} & set(vals):
            self._covering_periods()._hold_unlocked()
        return result

    @api.ondelete(at_uninstall=False)
    def _unlink_outside_locked_periods(self):
        self._covering_periods()._hold_unlocked()
