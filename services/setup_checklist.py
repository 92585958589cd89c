# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The guided setup of one company: the steps a consultant walks through in
the first hour, each done or to do, and the screen that does it.

``setup_steps(env, company)`` reads counts only (one ``search_count`` per
step, as superuser within the company: a CSR manager may not read working
schedules or users, yet must see whether they exist). The overview shows the
list until every step is done.
"""

from odoo import SUPERUSER_ID

CSR_ROLE_GROUPS = (
    "csr_management.group_csr_user",
    "csr_management.group_csr_auditor",
)


def _count(env, model, domain):
    return env[model].sudo().search_count(domain, limit=1)


def setup_steps(env, company):
    """The steps of ``company``, in the order to walk them: a list of dicts
    with ``key``, ``title``, ``help``, ``done`` and how to open the screen
    (``action``: an action's XML id, or ``res_model`` and ``res_id``)."""
    _ = env._
    own = [("company_id", "=", company.id)]
    role_groups = [env.ref(xmlid).id for xmlid in CSR_ROLE_GROUPS]
    steps = [
        {
            "key": "profile",
            "title": _("Company profile"),
            "help": _(
                "Country, CSR sector and size: they decide which indicators "
                "apply to the company."
            ),
            "done": bool(
                company.country_id
                and company.csr_sector_id
                and company.csr_company_size
            ),
            "res_model": "res.company",
            "res_id": company.id,
        },
        {
            "key": "chart",
            "title": _("Chart of accounts and CSR account tags"),
            "help": _(
                "A chart of accounts is installed; the account rules say which "
                "accounts feed each figure."
            ),
            "done": bool(company.chart_template),
            "action": "csr_management.csr_account_rule_action",
        },
        {
            "key": "accounts",
            "title": _("Accounts to review"),
            "help": _(
                "New accounts that copied CSR tags from a neighbour: keep or "
                "remove the tags."
            ),
            "done": not _count(
                env,
                "account.account",
                [("csr_tags_to_review", "=", True)]
                + [("company_ids", "in", company.ids)],
            ),
            "action": "csr_management.account_account_action_csr_review",
        },
        {
            "key": "purchases",
            "title": _("Purchased products to link to an activity"),
            "help": _(
                "Fuel, power and materials bought without an activity are left "
                "out of energy and emissions until linked."
            ),
            "done": not _count(env, "csr.unmapped.purchase", own),
            "action": "csr_management.csr_unmapped_purchase_action",
        },
        {
            "key": "schedules",
            "title": _("Working schedules"),
            "help": _(
                "Employees with a working schedule: hours worked and absence "
                "rates are read from them."
            ),
            "done": bool(
                _count(
                    env,
                    "hr.employee",
                    [*own, ("resource_calendar_id", "!=", False)],
                )
            ),
            "action": "resource.action_resource_calendar_form",
        },
        {
            "key": "roles",
            "title": _("CSR roles"),
            "help": _(
                "Who enters figures (CSR user), who validates them (CSR "
                "manager) and who reviews them (CSR auditor)."
            ),
            "done": bool(
                _count(
                    env,
                    "res.users",
                    [
                        ("company_ids", "in", company.ids),
                        ("groups_id", "in", role_groups),
                        ("id", "not in", [SUPERUSER_ID, env.ref("base.user_admin").id]),
                        ("share", "=", False),
                    ],
                )
            ),
            "action": "base.action_res_users",
        },
        {
            "key": "periods",
            "title": _("Fiscal-year periods"),
            "help": _("The months, quarters and year the figures are reported for."),
            "done": bool(_count(env, "csr.period", own)),
            "action": "csr_management.csr_period_generate_action",
        },
        {
            "key": "campaign",
            "title": _("First input campaign"),
            "help": _(
                "Ask each person in charge for the figures only they know, "
                "with a due date."
            ),
            "done": bool(_count(env, "csr.campaign", own)),
            "action": "csr_management.csr_campaign_action",
        },
        {
            "key": "assessment",
            "title": _("First self-assessment"),
            "help": _("Where the company stands on each pillar, stage by stage."),
            "done": bool(_count(env, "csr.assessment", own)),
            "action": "csr_management.csr_assessment_action",
        },
        {
            "key": "targets",
            "title": _("Targets"),
            "help": _(
                "What the company aims for: an indicator is then judged "
                "against its target, not only against last period."
            ),
            "done": bool(_count(env, "csr.target", own)),
            "action": "csr_management.csr_target_action",
        },
    ]
    return steps
