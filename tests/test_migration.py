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


SCRIPT_1_3 = Path(__file__).parents[1] / "migrations" / "18.0.1.3.0" / "post-migrate.py"


def _migration_1_3():
    spec = importlib.util.spec_from_file_location("csr_migrate_18_0_1_3_0", SCRIPT_1_3)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


class TestMigrationGhg(CsrCase):
    """The 18.0.1.3.0 migration on a database as 18.0.1.2.0 left it: fuels
    without combustion kind nor CH4/N2O, Scope 1 counting bought fuel only,
    and the guidance promising Fleet kilometres. A factor the user changed
    is left alone."""

    def test_the_inventory_reaches_an_existing_database(self):
        ref = self.env.ref
        diesel = ref("csr_management.activity_diesel")
        diesel.write({"combustion": False, "blend_family": False, "name": "Diesel"})
        factor = ref("csr_management.factor_diesel_ipcc")
        factor.write(
            {"kgco2e_per_unit": 2.6765, "ch4_per_unit": 0.0, "n2o_per_unit": 0.0}
        )
        gas = ref("csr_management.factor_natural_gas_ipcc")
        gas.write({"kgco2e_per_unit": 2.1, "ch4_per_unit": 0.0})  # the user's own
        scope_1 = ref("csr_management.source_env_05")
        old_scope_1 = [
            ref(f"csr_management.activity_{code}").id
            for code in (
                "diesel",
                "gasoline",
                "lpg_litre",
                "lpg_kg",
                "natural_gas",
                "wood",
            )
        ]
        scope_1.activity_ids = [(6, 0, old_scope_1)]
        indicator = ref("csr_management.indicator_env_05")
        indicator.guidance = "<p>Vehicle kilometres from Fleet.</p>"

        _migration_1_3().migrate(self.env.cr, "18.0.1.2.0")
        self.env.invalidate_all()

        self.assertEqual(
            (diesel.combustion, diesel.blend_family), ("stationary", "diesel")
        )
        self.assertEqual(
            diesel.with_context(lang="en_US").name, "Diesel (generators, boilers)"
        )
        self.assertAlmostEqual(factor.kgco2e_per_unit, 2.692357, places=6)
        self.assertAlmostEqual(factor.n2o_per_unit, 0.00002167, places=10)
        self.assertEqual((gas.kgco2e_per_unit, gas.ch4_per_unit), (2.1, 0.0))
        self.assertIn(
            ref("csr_management.activity_refrigerant_r404a"), scope_1.activity_ids
        )
        self.assertIn(
            ref("csr_management.activity_diesel_vehicles"), scope_1.activity_ids
        )
        self.assertNotIn("Fleet", str(indicator.guidance))
        self.assertIn("Activity Data", str(indicator.guidance))
