# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Shared catalogue governance: only CSR administrators change what every
company reads; a company's manager adapts it through its own records."""

from odoo import Command
from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged

from .common import CsrCase

SHARED = "Only a CSR administrator can change"
SHARED_MODELS = (
    "csr.indicator",
    "csr.indicator.source",
    "csr.emission.factor",
    "csr.assessment.template",
    "csr.benchmark.range",
    "csr.sector",
    "csr.framework.tag",
    "csr.question",
    "csr.question.bank",
    "csr.recommendation",
    "csr.material.topic",
    "csr.activity",
    "csr.minimum.wage",
)


@tagged("csr_security")
class TestCatalogueGovernance(CsrCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.csr_admin = cls._make_user(
            "csr_test_admin", "base.group_user,csr_management.group_csr_admin"
        )

    @staticmethod
    def _change(record):
        if "active" in record:
            return {"active": False}
        if "sequence" in record:
            return {"sequence": 99}
        return {"multiplier": 2.0}

    def _shared(self, model):
        domain = [("company_id", "=", False)] if "company_id" in self.env[model] else []
        return self.env[model].search(domain, limit=1)

    def test_manager_cannot_change_any_shared_model(self):
        changed = []
        for model in SHARED_MODELS:
            record = self._shared(model)
            self.assertTrue(record, model)
            as_manager = record.with_user(self.manager)
            for attempt in ("write", "unlink"):
                try:
                    with self.env.cr.savepoint():
                        if attempt == "write":
                            as_manager.write(self._change(record))
                        else:
                            as_manager.unlink()
                        changed.append((model, attempt))
                except AccessError as error:
                    self.assertIn(SHARED, error.args[0])
                self.env.invalidate_all()
        self.assertEqual(changed, [])

    def test_shared_formula_and_critical_question_are_kept(self):
        formula = self.env["csr.indicator"].search(
            [("company_id", "=", False), ("formula", "!=", False)], limit=1
        )
        before = formula.formula
        with self.assertRefused(AccessError, SHARED):
            formula.with_user(self.manager).write({"formula": "1"})
        self.assertEqual(formula.formula, before)
        question = self.env["csr.question"].search([("critical", "=", True)], limit=1)
        with self.assertRefused(AccessError, SHARED):
            question.with_user(self.manager).write({"critical": False})
        self.assertTrue(question.critical)

    def test_manager_cannot_create_shared_records(self):
        with self.assertRefused(AccessError, SHARED):
            self.env["csr.indicator"].with_user(self.manager).create(
                {
                    "code": "TST-NEW",
                    "name": "Shared by mistake",
                    "pillar": "social",
                    "unit": "h",
                    "value_type": "quantity",
                    "direction": "higher",
                    "aggregation": "sum",
                    "source_type": "manual",
                }
            )
        self.assertFalse(self.env["csr.indicator"].search([("code", "=", "TST-NEW")]))

    def test_manager_adapts_through_own_company_records(self):
        factor = self._shared("csr.emission.factor")
        own = factor.with_user(self.manager).copy({"company_id": self.company.id})
        own.with_user(self.manager).write({"kgco2e_per_unit": 0.25})
        self.assertEqual(own.kgco2e_per_unit, 0.25)
        self.assertEqual(own.company_id, self.company)
        self.assertNotEqual(factor.kgco2e_per_unit, 0.25)
        # Nor is it published into the shared catalogue.
        with self.assertRefused(UserError, "cannot be changed"):
            own.with_user(self.manager).write({"company_id": False})

    def test_manager_cannot_rewrite_shared_translations(self):
        topic = self._shared("csr.material.topic")
        with self.assertRefused(AccessError, SHARED):
            topic.with_user(self.manager).update_field_translations(
                "name", {"fr_FR": "Changé"}
            )

    def test_csr_administrator_changes_the_shared_catalogue(self):
        self.assertTrue(self.csr_admin._is_csr_manager())
        question = self.env["csr.question"].search([("critical", "=", True)], limit=1)
        question.with_user(self.csr_admin).write({"critical": False})
        self.assertFalse(question.critical)
        topic = self._shared("csr.material.topic")
        topic.with_user(self.env.ref("base.user_admin")).write({"sequence": 77})
        self.assertEqual(topic.sequence, 77)

    def test_admin_user_is_csr_administrator(self):
        admin_group = self.env.ref("csr_management.group_csr_admin")
        self.assertIn(self.env.ref("base.user_admin"), admin_group.users)
        self.assertIn(
            self.env.ref("csr_management.group_csr_manager"), admin_group.implied_ids
        )
        self.assertFalse(self.manager._is_csr_admin())
        self.manager.groups_id = [Command.link(admin_group.id)]
        self.assertTrue(self.manager._is_csr_admin())
