# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from psycopg2 import errors

from odoo.tests import TransactionCase, tagged
from odoo.tools import SQL

from odoo.addons.csr_management.services.query import rows_without_jit


@tagged("csr_compute")
class TestRowsWithoutJit(TransactionCase):
    def _jit(self):
        return self.env.execute_query(SQL("SELECT current_setting('jit')"))[0][0]

    def test_jit_is_off_for_the_query_only(self):
        self.env.execute_query(SQL("SELECT set_config('jit', 'on', true)"))
        rows = rows_without_jit(self.env, SQL("SELECT current_setting('jit'), 7"))
        self.assertEqual(rows, [("off", 7)])
        self.assertEqual(self._jit(), "on")
        rows = rows_without_jit(self.env, SQL("SELECT %s AS n", 3), as_dicts=True)
        self.assertEqual(rows, [{"n": 3}])
        self.assertEqual(self._jit(), "on")

    def test_a_failing_query_leaves_the_setting_as_it_was(self):
        self.env.execute_query(SQL("SELECT set_config('jit', 'on', true)"))
        with self.assertRaises(errors.DivisionByZero), self.env.cr.savepoint():
            rows_without_jit(self.env, SQL("SELECT 1 / 0"))
        self.assertEqual(self._jit(), "on")
