# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The 18.0.1.1.0 migration, run on a database as 18.0.1.0.0 left it: GOV-02
and GOV-05 entered by hand and the three policy questions without pre-answer.
A question the user had already given another pre-answer is left alone."""

import importlib.util
from pathlib import Path

from odoo.tests import tagged

from .common import CsrCase

SCRIPT = Path(__file__).parents[1] / "migrations" / "18.0.1.1.0" / "post-migrate.py"


def _migration():
    spec = importlib.util.spec_from_file_location("csr_migrate_18_0_1_1_0", SCRIPT)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@tagged("csr_catalogue")
class TestMigration(CsrCase):
    def test_policy_feeds_reach_an_existing_database(self):
        ref = self.env.ref
        gov_02 = ref("csr_management.indicator_gov_02")
        gov_05 = ref("csr_management.indicator_gov_05")
        (gov_02 | gov_05).source_type = "manual"
        suppliers = ref("csr_management.question_eco_3_03")
        environmental = ref("csr_management.question_env_3_03")
        labour = ref("csr_management.question_soc_3_07")
        (suppliers | environmental).write({"auto_kind": "none"})
        labour.write({"auto_kind": "actions", "auto_policy_area": False})
        kind_of_labour = labour.auto_kind

        _migration().migrate(self.env.cr, "18.0.1.0.0")
        self.env.invalidate_all()

        self.assertEqual((gov_02 | gov_05).mapped("source_type"), ["computed"] * 2)
        self.assertEqual(
            [(q.auto_kind, q.auto_policy_area) for q in suppliers | environmental],
            [("policy", "suppliers"), ("policy", "environmental")],
        )
        self.assertEqual(labour.auto_kind, kind_of_labour)

    def test_a_fresh_install_is_left_alone(self):
        gov_05 = self.env.ref("csr_management.indicator_gov_05")
        gov_05.source_type = "manual"
        _migration().migrate(self.env.cr, None)
        self.assertEqual(gov_05.source_type, "manual")
