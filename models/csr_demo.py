# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models

# The demo generator lives apart from the production code (``demo/``), and is
# imported only when the demo data calls it.


class CsrDemo(models.AbstractModel):
    """Entry point of the demo company, called by the demo data only."""

    _name = "csr.demo"
    _description = "CSR Demo Company"

    @api.model
    def _csr_generate_demo(self, months=24, employees=40, seed=None):
        """Create the demo company and its history up to today, once: a
        second call returns the company made by the first."""
        existing = self.env.ref("csr_management.demo_company", raise_if_not_found=False)
        if existing:
            return existing
        # pylint: disable=import-outside-toplevel
        from ..demo import plan as demo_plan
        from ..demo.client import ClientWriter
        from ..demo.writer import MUTE, USERS_OF_THE_COMPANY, DemoWriter

        plan = demo_plan.build_plan(
            fields.Date.context_today(self),
            seed=demo_plan.DEFAULT_SEED if seed is None else seed,
            months=months,
            employees=employees,
            minimum_wages=self._csr_demo_minimum_wages(),
        )
        env = self.sudo().env
        roaster = DemoWriter(env, plan).run()
        # The consultant's second client, in another country and currency.
        users = env["res.users"].browse(
            [user.id for user in map(self._csr_demo_ref, USERS_OF_THE_COMPANY) if user]
        )
        ClientWriter(env(context=dict(env.context, **MUTE)), roaster, users).run()
        self._csr_demo_land_on_overview(users)
        return roaster

    @api.model
    def _csr_demo_land_on_overview(self, users):
        """Everyone of the demo lands on the CSR Overview after login."""
        users.action_id = self.env.ref("csr_management.csr_dashboard_action").id

    def _csr_demo_ref(self, xmlid):
        return self.env.ref(xmlid, raise_if_not_found=False)

    @api.model
    def _csr_demo_minimum_wages(self):
        """Colombia's monthly minimum wages in pesos from the addon's table,
        so that the demo's wages meet them; the plan's own copy otherwise."""
        wages = self.env["csr.minimum.wage"].search(
            [
                ("country_id", "=", self.env.ref("base.co").id),
                ("basis", "=", "monthly"),
                ("currency_id", "=", self.env.ref("base.COP").id),
            ]
        )
        table = tuple(sorted((w.date_from, w.monthly_amount) for w in wages))
        if table:
            return table
        from ..demo import plan as demo_plan  # pylint: disable=import-outside-toplevel

        return demo_plan.DEFAULT_MINIMUM_WAGES
