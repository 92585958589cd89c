# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models
from odoo.exceptions import UserError

from ..engine import setup_copy

CONFLICT_POLICIES = [
    (setup_copy.SKIP, "Keep what the company already has"),
    (setup_copy.OVERWRITE, "Overwrite with the source's"),
]
# The per-company CSR settings a consultant sets up alike for similar clients.
SETTING_FIELDS = (
    "csr_sector_id",
    "csr_company_size",
    "csr_base_year",
    "csr_score_min_completeness",
)
TARGET_FIELDS = ("target_value", "amber_limit", "baseline_value", "baseline_year")


class CsrSetupCopy(models.TransientModel):
    """Copy a company's CSR targets and sector settings to other companies:
    all or nothing, checked before anything is written."""

    _name = "csr.setup.copy"
    _description = "Copy CSR Setup"

    source_company_id = fields.Many2one(
        "res.company",
        string="Copy from",
        required=True,
        default=lambda self: self.env.company,
        domain="[('id', 'in', allowed_company_ids)]",
    )
    target_company_ids = fields.Many2many(
        "res.company",
        string="Copy to",
        required=True,
        domain="[('id', 'in', allowed_company_ids)]",
        help="Only the companies selected in the company switcher can be chosen.",
    )
    copy_targets = fields.Boolean(string="Targets", default=True)
    year = fields.Integer(
        help="Copy only the targets of this year (yearly or of a period of the "
        "year); 0 copies them all.",
    )
    copy_settings = fields.Boolean(
        string="Sector settings",
        help="Sector, company size, base year and minimum completeness for a " "score.",
    )
    conflict_policy = fields.Selection(
        CONFLICT_POLICIES,
        string="When the company already has it",
        required=True,
        default=setup_copy.SKIP,
        help="Keep: existing targets and filled settings stay as they are. "
        "Overwrite: they take the source's values.",
    )
    state = fields.Selection(
        [("draft", "Draft"), ("done", "Done")], default="draft", readonly=True
    )
    summary = fields.Text(readonly=True)

    def action_copy(self):
        self.ensure_one()
        receivers = self._check_request()
        plans = self._target_plans(receivers) if self.copy_targets else {}
        lines = []
        for receiver in receivers:
            counts = self._apply_targets(receiver, plans[receiver]) if plans else None
            settings = self._apply_settings(receiver) if self.copy_settings else None
            lines.append(self._summary_line(receiver, counts, settings))
        self.write({"state": "done", "summary": "\n".join(lines)})
        return {
            "type": "ir.actions.act_window",
            "res_model": self._name,
            "res_id": self.id,
            "view_mode": "form",
            "target": "new",
        }

    # -- checks, before anything is written ---------------------------------

    def _check_request(self):
        _ = self.env._
        # As superuser: the user may not even read a company outside his.
        source = self.sudo().source_company_id
        receivers = self.sudo().target_company_ids - source
        if not receivers:
            raise UserError(_("Choose at least one company other than the source."))
        if not (self.copy_targets or self.copy_settings):
            raise UserError(_("Choose what to copy: targets, sector settings or both."))
        if (source | receivers) - self.env.companies.sudo():
            raise UserError(
                _(
                    "Select the source and every receiving company in the "
                    "company switcher first: setups are only copied between "
                    "companies you are allowed to see."
                )
            )
        return receivers.with_env(self.env).sorted(lambda c: (c.sequence, c.name))

    def _source_targets(self):
        domain = [("company_id", "=", self.source_company_id.id)]
        if self.year:
            domain.append(("year", "=", self.year))
        return self.env["csr.target"].search(domain)

    def _target_plans(self, receivers):
        """{receiver: (plan, {key: source target}, {key: receiver period})}."""
        sources = self._source_targets()
        if not sources:
            raise UserError(
                self.env._(
                    "%(company)s has no target to copy.",
                    company=self.source_company_id.name,
                )
            )
        self._check_shared_indicators(sources)
        by_key = {self._key(target): target for target in sources}
        periods = self._receiver_periods(sources, receivers)
        existing = self._existing_targets(sources, receivers)
        plans = {}
        for receiver in receivers:
            plan = setup_copy.plan_copy(
                list(by_key), existing.get(receiver.id, {}), self.conflict_policy
            )
            plans[receiver] = (plan, by_key, periods.get(receiver.id, {}))
        return plans

    def _check_shared_indicators(self, sources):
        own = sources.indicator_id.filtered("company_id")
        if own:
            raise UserError(
                self.env._(
                    "These indicators belong to %(company)s only, their targets "
                    "cannot be copied: %(codes)s. Copy a single year without "
                    "them, or share the indicators first.",
                    company=self.source_company_id.name,
                    codes=", ".join(sorted(own.mapped("code"))),
                )
            )

    @staticmethod
    def _key(target):
        period = target.period_id
        if period:
            return (target.indicator_id.id, period.kind, period.date_from)
        return (target.indicator_id.id, "year", target.year)

    def _receiver_periods(self, sources, receivers):
        """{receiver id: {(kind, start): period}}; every period a target is
        set for must exist in every receiver, else nothing is copied."""
        needed = {(p.kind, p.date_from) for p in sources.period_id}
        if not needed:
            return {}
        found = self.env["csr.period"].search(
            [
                ("company_id", "in", receivers.ids),
                ("kind", "in", list({kind for kind, _start in needed})),
                ("date_from", "in", list({start for _kind, start in needed})),
            ]
        )
        periods = {}
        for period in found:
            periods.setdefault(period.company_id.id, {})[
                period.kind, period.date_from
            ] = period
        missing = [
            f"{receiver.name} ({period.name})"
            for receiver in receivers
            for period in sources.period_id
            if (period.kind, period.date_from) not in periods.get(receiver.id, {})
        ]
        if missing:
            raise UserError(
                self.env._(
                    "Some targets are set for periods the receiving companies do "
                    "not have: %(missing)s. Create these periods first, or copy "
                    "another year.",
                    missing=", ".join(missing),
                )
            )
        return periods

    def _existing_targets(self, sources, receivers):
        """{receiver id: {key: existing target id}}, in one query."""
        existing = self.env["csr.target"].search(
            [
                ("company_id", "in", receivers.ids),
                ("indicator_id", "in", sources.indicator_id.ids),
            ]
        )
        result = {}
        for target in existing:
            result.setdefault(target.company_id.id, {})[self._key(target)] = target.id
        return result

    # -- writing ------------------------------------------------------------

    @staticmethod
    def _target_vals(target):
        vals = {name: target[name] for name in TARGET_FIELDS}
        vals["note"] = target.note
        return vals

    def _apply_targets(self, receiver, planned):
        plan, by_key, periods = planned
        Target = self.env["csr.target"]
        creates = []
        for key in plan.create:
            source = by_key[key]
            vals = self._target_vals(source)
            vals.update(indicator_id=source.indicator_id.id, company_id=receiver.id)
            if source.period_id:
                vals["period_id"] = periods[key[1:]].id
            else:
                vals["year"] = source.year
            creates.append(vals)
        Target.create(creates)
        for key, target_id in plan.overwrite:
            Target.browse(target_id).write(self._target_vals(by_key[key]))
        return plan.counts

    def _apply_settings(self, receiver):
        """Copy the settings, or with "keep" only fill the empty ones.
        Returns the names of the settings written."""
        source = self.source_company_id
        overwrite = self.conflict_policy == setup_copy.OVERWRITE
        vals = {
            name: source[name]
            for name in SETTING_FIELDS
            if source[name] and (overwrite or not receiver[name])
        }
        if vals:
            vals = receiver._convert_to_write(vals)
            # CSR managers may not edit companies in general: they write
            # these CSR settings only, of companies they were checked to have.
            receiver.sudo().write(vals)
        return [
            receiver._fields[name].get_description(self.env)["string"] for name in vals
        ]

    def _summary_line(self, receiver, counts, settings):
        _ = self.env._
        parts = []
        if counts is not None:
            created, overwritten, kept = counts
            parts.append(
                _(
                    "%(created)s targets created, %(overwritten)s overwritten, "
                    "%(kept)s kept",
                    created=created,
                    overwritten=overwritten,
                    kept=kept,
                )
            )
        if settings is not None:
            parts.append(
                _("settings copied: %(names)s", names=", ".join(settings))
                if settings
                else _("no setting copied")
            )
        return f"{receiver.name}: {'; '.join(parts)}"
