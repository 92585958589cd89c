# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Two computes of one period at once, with a second, real database connection.

The test transaction cannot share its uncommitted data with another
connection, so each class commits one period of its own (March 1999 of the
main company), its indicators and the value entered by hand before its
transaction starts, and deletes them at the end. The
other connection plays the second user:
  - it holds the period's row while the test computes: the compute is refused
    at once with a clear message and writes nothing; once it lets go, one
    compute gives exactly one value per indicator;
  - it commits a compute (a stamp on the period) after the test transaction
    began: the test's compute fails with a serialization error, the kind the
    server retries on fresh data, instead of writing values from stale data.
Formulas of the test: IN = 5 entered by hand, A = [IN] * 2 = 10, B = [A] + 1 = 11.
"""

from datetime import date

from psycopg2.errors import SerializationFailure

from odoo import SUPERUSER_ID, api, sql_db
from odoo.exceptions import UserError
from odoo.modules.registry import Registry
from odoo.tests import TransactionCase, get_db_name, new_test_user, tagged
from odoo.tools import mute_logger

from .common import DISABLED_MAIL, MANAGER_GROUPS, run_monthly_job


def other_connection():
    """A cursor of its own on the test database, not the test's transaction."""
    return sql_db.db_connect(get_db_name()).cursor()


class CommittedPeriodCase(TransactionCase):
    @classmethod
    def setUpClass(cls):
        # Committed before the test transaction takes its snapshot, so that
        # both connections see the same rows. The value entered by hand is
        # committed too: creating it here would hold the period's row for
        # share (as any value change does) until the test ends, and the other
        # connection's compute lock would wait for it.
        cls.period_id, cls.indicator_ids = cls._commit_period()
        cls.addClassCleanup(cls._delete_period)
        super().setUpClass()
        cls.env = cls.env(context=dict(cls.env.context, **DISABLED_MAIL))
        company = cls.env.ref("base.main_company")
        cls.manager = new_test_user(
            cls.env,
            login="csr_concurrency_manager",
            groups=MANAGER_GROUPS,
            company_id=company.id,
            company_ids=[company.id],
        )
        cls.period = cls.env["csr.period"].browse(cls.period_id)
        cls.entered, cls.doubled, cls.plus_one = cls.env["csr.indicator"].browse(
            cls.indicator_ids
        )

    @classmethod
    def _commit_period(cls):
        with Registry(get_db_name()).cursor() as cr:  # commits on leaving
            env = api.Environment(cr, SUPERUSER_ID, dict(DISABLED_MAIL))
            period = env["csr.period"].create(
                {
                    "company_id": env.ref("base.main_company").id,
                    "kind": "month",
                    "date_from": date(1999, 3, 1),
                    "date_to": date(1999, 3, 31),
                }
            )
            Indicator = env["csr.indicator"]
            common = {"pillar": "environmental", "unit": "t", "value_type": "quantity"}
            entered = Indicator.create({"code": "TST-CC-IN", "name": "In", **common})
            doubled = Indicator.create(
                {
                    "code": "TST-CC-A",
                    "name": "Doubled",
                    "source_type": "formula",
                    "formula": "[TST-CC-IN] * 2",
                    **common,
                }
            )
            plus_one = Indicator.create(
                {
                    "code": "TST-CC-B",
                    "name": "Plus one",
                    "source_type": "formula",
                    "formula": "[TST-CC-A] + 1",
                    **common,
                }
            )
            env["csr.indicator.value"].create(
                {"indicator_id": entered.id, "period_id": period.id, "value": 5.0}
            )
            return period.id, (entered | doubled | plus_one).ids

    @classmethod
    def _delete_period(cls):
        # Runs after the test transaction was rolled back: nothing else
        # refers to the rows any more (the values go with their period).
        with other_connection() as cr:
            cr.execute("DELETE FROM csr_period WHERE id = %s", [cls.period_id])
            cr.execute(
                "DELETE FROM csr_indicator WHERE id IN %s", [tuple(cls.indicator_ids)]
            )

    def _values_per_indicator(self):
        groups = self.env["csr.indicator.value"]._read_group(
            [("period_id", "=", self.period.id)], ["indicator_id"], ["__count"]
        )
        return {indicator.code: count for indicator, count in groups}

    def _compute(self):
        self.period.with_user(self.manager).action_compute()
        self.env.invalidate_all()

    def _assert_one_value_each(self):
        counts = self._values_per_indicator()
        self.assertEqual({code: n for code, n in counts.items() if n != 1}, {})
        values = self.period.value_ids
        by_code = {value.code: value.value for value in values}
        self.assertEqual(by_code["TST-CC-A"], 10.0)
        self.assertEqual(by_code["TST-CC-B"], 11.0)


@tagged("csr_compute")
class TestComputeWhileAnotherRuns(CommittedPeriodCase):
    def test_second_compute_is_refused_then_runs_once_free(self):
        other = other_connection()
        self.addCleanup(other.close)
        other.execute(
            "SELECT id FROM csr_period WHERE id = %s FOR NO KEY UPDATE",
            [self.period.id],
        )
        with (
            self.assertRaisesRegex(UserError, "already being computed"),
            mute_logger("odoo.sql_db"),
        ):
            self._compute()
        # Only the value entered by hand: the refused compute wrote nothing.
        self.assertEqual(self._values_per_indicator(), {"TST-CC-IN": 1})
        self.assertFalse(self.period.computed_on)

        other.rollback()  # the other compute ends
        self._compute()
        self._assert_one_value_each()
        self.assertTrue(self.period.computed_on)

    def test_computing_twice_keeps_one_value_per_indicator(self):
        self._compute()
        first = {value.code: value.id for value in self.period.value_ids}
        self._compute()
        self._assert_one_value_each()
        self.assertEqual(
            {value.code: value.id for value in self.period.value_ids}, first
        )

    def test_cron_skips_a_period_being_computed(self):
        other = other_connection()
        self.addCleanup(other.close)
        other.execute(
            "SELECT id FROM csr_period WHERE id = %s FOR NO KEY UPDATE",
            [self.period.id],
        )
        with mute_logger("odoo.sql_db"):
            run_monthly_job(self.env)
        self.assertEqual(self._values_per_indicator(), {"TST-CC-IN": 1})


@tagged("csr_compute")
class TestComputeAfterAnotherCommitted(CommittedPeriodCase):
    def test_compute_on_stale_data_fails_for_a_retry(self):
        # Another compute commits after this transaction began: its values
        # are invisible here, so computing now would duplicate or undo them.
        with other_connection() as other:
            other.execute(
                "UPDATE csr_period SET computed_on = now() at time zone 'UTC' "
                "WHERE id = %s",
                [self.period.id],
            )
        with self.assertRaises(SerializationFailure), mute_logger("odoo.sql_db"):
            self._compute()
        self.assertEqual(self._values_per_indicator(), {"TST-CC-IN": 1})
