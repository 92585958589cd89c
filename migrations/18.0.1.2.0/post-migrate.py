# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""18.0.1.2.0: the economic figures read the chart of accounts through its
shipped account rules (GRI 201-1, with its five parts), and taxes paid are
read on the cash side.

The default sources are noupdate data: switch those still as shipped, and
leave alone any the user changed.
"""

from odoo import SUPERUSER_ID, api

# xmlid: (the source as 18.0.1.1.0 shipped it, the new one)
SWITCHED = {
    "source_eco_01": ("account", "income", {"ledger_component": "revenue"}),
    "source_eco_02": (
        "account_closing",
        "asset_receivable asset_cash asset_current asset_non_current "
        "asset_prepayments asset_fixed",
        {"ledger_component": "total_assets"},
    ),
    "source_eco_03": (
        "account",
        "income income_other",
        {"ledger_component": "generated"},
    ),
    "source_eco_04": (
        "account",
        "expense expense_direct_cost",
        {"ledger_component": "distributed"},
    ),
    "source_eco_06": (
        "account",
        "income income_other expense expense_direct_cost expense_depreciation",
        {"ledger_component": "result"},
    ),
    "source_eco_09": ("account", False, {}),
    "source_soc_19": ("account", False, {"ledger_component": "training"}),
}


def migrate(cr, version):
    if not version:
        return
    env = api.Environment(cr, SUPERUSER_ID, {})
    for xmlid, (method, types, new) in SWITCHED.items():
        source = env.ref(f"csr_management.{xmlid}", raise_if_not_found=False)
        if (
            not source
            or source.method != method
            or (source.account_types or False) != types
        ):
            continue
        source.write(
            {
                "method": "taxes_paid"
                if xmlid == "source_eco_09"
                else "economic_value",
                "account_types": False,
                "account_tag_ids": [(5, 0, 0)],
                "measure": "balance",
                "sign": "1",
                **new,
            }
        )
