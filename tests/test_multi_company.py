# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import date

from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged

from .common import MANAGER_GROUPS, CsrCase


@tagged("csr_security")
class TestMultiCompany(CsrCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.company_b = cls.env["res.company"].create({"name": "Muebles del Bajío SA"})
        cls.manager_b = cls._make_user(
            "csr_test_manager_b", MANAGER_GROUPS, cls.company_b
        )
        cls.value_a = cls.env["csr.indicator.value"].create(
            {"indicator_id": cls.water.id, "period_id": cls.january.id, "value": 90.0}
        )
        cls.target_a = cls.env["csr.target"].create(
            {
                "indicator_id": cls.water.id,
                "company_id": cls.company.id,
                "year": 2026,
                "target_value": 80.0,
                "amber_limit": 85.0,
            }
        )
        cls.private_indicator = cls.env["csr.indicator"].create(
            {
                "code": "TST-A-ONLY",
                "name": "Company A's own indicator",
                "pillar": "social",
                "unit": "h",
                "company_id": cls.company.id,
            }
        )

    def test_other_company_user_sees_nothing_of_company_a(self):
        env_b = self.env(
            user=self.manager_b, context={"allowed_company_ids": [self.company_b.id]}
        )
        for model in ("csr.period", "csr.indicator.value", "csr.target"):
            with self.subTest(model=model):
                self.assertFalse(
                    env_b[model].search([("company_id", "=", self.company.id)])
                )
        self.assertFalse(env_b["csr.indicator"].search([("code", "=", "TST-A-ONLY")]))
        # The shared catalogue stays visible.
        self.assertTrue(env_b["csr.indicator"].search([("code", "=", "TST-WATER")]))
        with self.assertRaises(AccessError):
            env_b["csr.indicator.value"].browse(self.value_a.id).read(["value"])
        with self.assertRaises(AccessError):
            env_b["csr.period"].browse(self.january.id).read(["name"])

    def test_company_emission_factor_stays_with_its_company(self):
        factor = self.env["csr.emission.factor"].create(
            {
                "activity_id": self.env.ref(
                    "csr_management.activity_electricity_grid"
                ).id,
                "scope": "2_market",
                "company_id": self.company.id,
                "date_from": date(2025, 1, 1),
                "kgco2e_per_unit": 0.3,
                "source_publisher": "Supplier A",
                "source_document": "Disclosure",
                "source_year": 2025,
            }
        )
        env_b = self.env(
            user=self.manager_b, context={"allowed_company_ids": [self.company_b.id]}
        )
        visible = env_b["csr.emission.factor"].search([])
        self.assertNotIn(factor, visible)
        # The shared factors stay visible to both.
        shared = self.env.ref("csr_management.factor_diesel_ipcc")
        self.assertIn(shared, visible)
        with self.assertRaises(AccessError):
            env_b["csr.emission.factor"].browse(factor.id).read(["kgco2e_per_unit"])

    def test_other_company_user_cannot_write_company_a(self):
        env_b = self.env(
            user=self.manager_b, context={"allowed_company_ids": [self.company_b.id]}
        )
        with self.assertRaises(AccessError):
            env_b["csr.indicator.value"].browse(self.value_a.id).write({"value": 1.0})
        with self.assertRaises(AccessError):
            env_b["csr.period"].browse(self.january.id).action_lock()
        self.assertEqual(self.value_a.value, 90.0)
        self.assertEqual(self.january.state, "open")

    def test_wrong_company_combination_is_refused(self):
        period_b = self._make_period(
            "month", date(2025, 1, 1), date(2025, 1, 31), self.company_b
        )
        Value = self.env["csr.indicator.value"].with_context(
            allowed_company_ids=[self.company.id, self.company_b.id]
        )
        before = Value.search_count([])
        with self.assertRefused(UserError, "Incompatible companies"):
            Value.create(
                {
                    "indicator_id": self.water.id,
                    "period_id": period_b.id,
                    "company_id": self.company.id,
                    "value": 5.0,
                }
            )
        with self.assertRefused(UserError, "Incompatible companies"):
            Value.create(
                {
                    "indicator_id": self.private_indicator.id,
                    "period_id": period_b.id,
                    "value": 5.0,
                }
            )
        self.assertEqual(Value.search_count([]), before)

    def test_one_wrong_combination_among_many_is_refused(self):
        """The company check runs once per company and linked record: a
        batch of right values with one wrong among them (company B's period
        with company A's own indicator, last of the batch) is refused whole,
        and the same batch without it is created."""
        period_b = self._make_period(
            "month", date(2025, 1, 1), date(2025, 1, 31), self.company_b
        )
        Value = self.env["csr.indicator.value"].with_context(
            allowed_company_ids=[self.company.id, self.company_b.id]
        )
        right = [
            {"indicator_id": indicator.id, "period_id": period.id, "value": 1.0}
            for indicator in (self.share, self.private_indicator)
            for period in (self.january, self.year)
        ] + [{"indicator_id": self.share.id, "period_id": period_b.id, "value": 1.0}]
        wrong = {
            "indicator_id": self.private_indicator.id,
            "period_id": period_b.id,
            "value": 5.0,
        }
        before = Value.search_count([])
        with self.assertRefused(UserError, "Incompatible companies"):
            Value.create([*right, wrong])
        self.assertEqual(Value.search_count([]), before)
        self.assertEqual(len(Value.create(right)), 5)

    def test_each_company_has_its_own_values(self):
        period_b = self._make_period(
            "month", date(2025, 1, 1), date(2025, 1, 31), self.company_b
        )
        value_b = self.env["csr.indicator.value"].create(
            {"indicator_id": self.water.id, "period_id": period_b.id, "value": 300.0}
        )
        self.assertEqual(value_b.company_id, self.company_b)
        env_b = self.env(
            user=self.manager_b, context={"allowed_company_ids": [self.company_b.id]}
        )
        seen = env_b["csr.indicator.value"].search(
            [("indicator_id", "=", self.water.id)]
        )
        self.assertEqual(seen.mapped("value"), [300.0])

    def test_company_sources_stay_with_their_company(self):
        Source = self.env["csr.indicator.source"]
        own = Source.create(
            {
                "indicator_id": self.water.id,
                "company_id": self.company.id,
                "method": "account",
                "account_types": "expense",
            }
        )
        shared = Source.create(
            {
                "indicator_id": self.share.id,
                "method": "account",
                "account_types": "income",
            }
        )
        env_b = self.env(
            user=self.manager_b, context={"allowed_company_ids": [self.company_b.id]}
        )
        visible = env_b["csr.indicator.source"].search(
            [("id", "in", (own | shared).ids)]
        )
        self.assertEqual(visible, shared.with_env(env_b))
        with self.assertRaises(AccessError):
            env_b["csr.indicator.source"].browse(own.id).write(
                {"account_types": "income"}
            )
        self.assertEqual(own.account_types, "expense")
