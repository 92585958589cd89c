# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""A broken source fails its own indicator, not the period's compute.

January 2025 of the test company: TST-WATER = 100 entered by hand, and
  TST-F-OK   = [TST-WATER] / 10 = 10           (always computable)
  TST-F-ACC  account source on one tag         (the tag is deleted)
  TST-F-ACT  quantity bought of one activity   (the activity is deleted)
  TST-F-DEP  = [TST-F-ACC] * 2                 (reads a failed figure)
Each test breaks one thing and checks that the broken indicator is reported
with its reason, keeps its current value, and that TST-F-OK is still computed.
Definitions that the save-time checks refuse (a bad formula, a cycle, an
unknown method) are broken behind the ORM's back, as an old database or a
direct import could leave them.
"""

from unittest.mock import patch

from odoo.tests import tagged
from odoo.tools import mute_logger

from odoo.addons.csr_management.services.period_compute import PeriodCompute
from odoo.addons.csr_management.services.sources import FETCHERS

from .common import CsrCase


@tagged("csr_compute")
class TestComputeFaults(CsrCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env.user.groups_id |= cls.env.ref("csr_management.group_csr_manager")
        cls.tag = cls.env["account.account.tag"].create(
            {"name": "TST fault tag", "applicability": "accounts"}
        )
        cls.activity = cls.env["csr.activity"].create(
            {
                "code": "tst_fault_water",
                "name": "TST fault water",
                "kind": "water",
                "uom_id": cls.env.ref("uom.product_uom_litre").id,
            }
        )
        cls.ok = cls._indicator("TST-F-OK", "formula", formula="[TST-WATER] / 10")
        cls.accounts = cls._indicator("TST-F-ACC", "computed")
        cls.bought = cls._indicator("TST-F-ACT", "computed")
        cls.dependent = cls._indicator(
            "TST-F-DEP", "formula", formula="[TST-F-ACC] * 2"
        )
        Source = cls.env["csr.indicator.source"]
        cls.account_source = Source.create(
            {
                "indicator_id": cls.accounts.id,
                "method": "account",
                "account_tag_ids": [(6, 0, cls.tag.ids)],
            }
        )
        cls.activity_source = Source.create(
            {
                "indicator_id": cls.bought.id,
                "method": "activity_quantity",
                "activity_ids": [(6, 0, cls.activity.ids)],
            }
        )
        cls.env["csr.indicator.value"].create(
            {"indicator_id": cls.water.id, "period_id": cls.january.id, "value": 100}
        )

    @classmethod
    def _indicator(cls, code, source_type, **extra):
        return cls.env["csr.indicator"].create(
            {
                "code": code,
                "name": code,
                "pillar": "environmental",
                "unit": "t",
                "value_type": "quantity",
                "source_type": source_type,
                **extra,
            }
        )

    def _run(self):
        report = PeriodCompute(self.january).run()
        self.env.invalidate_all()
        return report

    def _value(self, indicator):
        return self.january.value_ids.filtered(lambda v: v.indicator_id == indicator)

    def _ours(self, report):
        return {code: r for code, r in report.failed.items() if code.startswith("TST")}

    def _sql(self, query, *args):
        self.env.flush_all()
        self.env.cr.execute(query, args)
        self.env.invalidate_all()

    def test_deleted_account_tag_fails_its_indicator_and_readers_only(self):
        stored = (
            self.env["csr.indicator.value"]
            ._system()
            .create(
                {
                    "indicator_id": self.accounts.id,
                    "period_id": self.january.id,
                    "value": 3.0,
                }
            )
        )
        self.tag.unlink()
        report = self._run()
        failed = self._ours(report)
        self.assertEqual(set(failed), {"TST-F-ACC", "TST-F-DEP"})
        self.assertIn("selects no account", failed["TST-F-ACC"])
        self.assertIn(
            "reads TST-F-ACC, which could not be computed", failed["TST-F-DEP"]
        )
        # The failed figure keeps its value; the rest is computed.
        self.assertEqual(stored.value, 3.0)
        self.assertFalse(self._value(self.dependent))
        self.assertEqual(self._value(self.ok).value, 10.0)

    def test_deleted_activity_fails_its_indicator(self):
        # Before it is deleted, the activity reads as "no purchase", not a fault.
        self.assertNotIn("TST-F-ACT", self._run().failed)
        self.activity.unlink()
        failed = self._ours(self._run())
        self.assertIn("counts no activity", failed["TST-F-ACT"])
        self.assertEqual(self._value(self.ok).value, 10.0)

    def test_failing_fetcher_is_rolled_back_and_the_rest_computed(self):
        def broken(env, period, sources):
            # Writes, then fails in the database: only a savepoint keeps the
            # transaction usable and undoes the write.
            env.cr.execute(
                "UPDATE csr_period SET computed_on = NULL WHERE id = %s", [period.id]
            )
            env.cr.execute("SELECT 1 / 0")

        with (
            patch.dict(FETCHERS, {"activity_quantity": broken}),
            mute_logger(
                "odoo.sql_db", "odoo.addons.csr_management.services.period_compute"
            ),
        ):
            report = self._run()
        self.assertIn("could not be read: division by zero", report.failed["TST-F-ACT"])
        self.assertTrue(self.january.computed_on)
        self.assertEqual(self._value(self.ok).value, 10.0)

    def test_formula_naming_a_renamed_indicator_fails(self):
        self.water.code = "TST-WATER-RENAMED"
        failed = self._ours(self._run())
        self.assertIn("refers to unknown indicator(s) TST-WATER", failed["TST-F-OK"])

    def test_invalid_stored_formula_fails(self):
        self._sql(
            "UPDATE csr_indicator SET formula = '[TST-WATER] ** 2' WHERE id = %s",
            self.ok.id,
        )
        failed = self._ours(self._run())
        self.assertEqual(set(failed), {"TST-F-OK"})
        self.assertIn("is not valid", failed["TST-F-OK"])

    def test_stored_cycle_fails_its_members_and_readers_only(self):
        first = self._indicator("TST-F-C1", "formula", formula="[TST-WATER] + 1")
        self._indicator("TST-F-C2", "formula", formula="[TST-F-C1] * 2")
        reader = self._indicator("TST-F-C3", "formula", formula="[TST-F-C2] - 1")
        self._sql(
            "UPDATE csr_indicator SET formula = '[TST-F-C2] + 1' WHERE id = %s",
            first.id,
        )
        failed = self._ours(self._run())
        self.assertEqual(set(failed), {"TST-F-C1", "TST-F-C2", "TST-F-C3"})
        self.assertIn("depends on itself: TST-F-C1 → TST-F-C2", failed["TST-F-C1"])
        self.assertIn("reads TST-F-C2", failed["TST-F-C3"])
        self.assertFalse(self._value(reader))
        self.assertEqual(self._value(self.ok).value, 10.0)

    def test_unknown_method_fails(self):
        self._sql(
            "UPDATE csr_indicator_source SET method = 'gone' WHERE id = %s",
            self.activity_source.id,
        )
        failed = self._ours(self._run())
        self.assertIn("method gone is unknown", failed["TST-F-ACT"])
        self.assertEqual(self._value(self.ok).value, 10.0)

    def test_failures_are_posted_on_the_period_and_notified(self):
        self.tag.unlink()
        action = self.january.action_compute()
        self.assertEqual(action["params"]["type"], "warning")
        body = self.january.message_ids[:1].body
        self.assertIn("Not computed, TST-F-ACC: its source selects no account", body)
        self.assertIn("Not computed, TST-F-DEP", action["params"]["message"])
