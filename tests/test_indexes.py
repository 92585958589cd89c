# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.tests import TransactionCase, tagged
from odoo.tools import SQL

# The records a compute, a scorecard refresh or a user deletes by the
# hundred: a foreign key into them without an index makes PostgreSQL scan
# the whole referencing table for every row deleted (clearing 75,000 values
# of a consultant's database ran for more than five minutes on scorecard
# lines before csr_scorecard_line.value_id had its index).
DELETED_IN_BULK = (
    "csr_indicator_value",
    "csr_scorecard",
    "csr_scorecard_line",
    "csr_emission_line",
    "csr_target",
)


@tagged("csr_compute")
class TestForeignKeysIndexed(TransactionCase):
    def test_every_key_into_records_deleted_in_bulk_is_indexed(self):
        rows = self.env.execute_query(
            SQL(
                """
                SELECT key.conrelid::regclass::text, attribute.attname,
                       key.confrelid::regclass::text
                  FROM pg_constraint key
                  JOIN pg_attribute attribute
                    ON attribute.attrelid = key.conrelid
                   AND attribute.attnum = key.conkey[1]
                 WHERE key.contype = 'f'
                   AND key.confrelid::regclass::text IN %s
                   AND NOT EXISTS (
                        SELECT 1 FROM pg_index ix
                         WHERE ix.indrelid = key.conrelid
                           AND ix.indkey[0] = attribute.attnum)
                """,
                DELETED_IN_BULK,
            )
        )
        self.assertEqual(
            sorted(rows), [], "foreign keys without an index (table, column, into)"
        )
