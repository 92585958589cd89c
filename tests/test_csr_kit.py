# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The CSR kit: a consultant's setup carried from one company to another.

Company A (the consultant's model client) has, besides the shipped catalogue:
- a question bank KIT-1 with questions KQ-1 (general) and KQ-2 (sector only),
  a recommendation on KQ-1, and its own manufacturing template adding KQ-2;
- TST-WATER weighted 3 (instead of 1), named in Spanish;
- two targets: TST-WATER for 2025 (lower is better: 100 green, 120 amber)
  and TST-SHARE for January 2025 (higher is better: 50 green, 40 amber).

After the export, the bank is deleted and the water indicator altered, as if
the kit were opened in another database; importing into company B must bring
back the bank, questions, recommendation and indicator settings, give B the
template and the two targets (the January target on B's own January), and
leave A's targets alone.
"""

import json
from datetime import date

from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged

from odoo.addons.csr_management.engine.kit import KIT_FORMAT
from odoo.addons.csr_management.services.csr_kit import KitExport, KitImport

from .common import MANAGER_GROUPS, CsrCase


@tagged("csr_catalogue")
class TestCsrKit(CsrCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.company_b = cls.env["res.company"].create({"name": "Muebles del Valle"})
        cls.january_b = cls._make_period(
            "month", date(2025, 1, 1), date(2025, 1, 31), company=cls.company_b
        )
        cls.env["res.lang"]._activate_lang("es_419")
        cls.water.with_context(lang="es_419").name = "Extracción de agua de prueba"
        cls.water.score_weight = 3.0
        cls.bank = cls.env["csr.question.bank"].create(
            {"name": "Kit test bank", "version": "KIT-1", "date": date(2025, 1, 1)}
        )
        question = cls.env["csr.question"].create
        cls.metering = question(
            {
                "bank_id": cls.bank.id,
                "code": "KQ-1",
                "name": "Do you meter your water use?",
                "pillar": "environmental",
                "stage": "1",
                "iso_subject": "environment",
            }
        )
        cls.roasting = question(
            {
                "bank_id": cls.bank.id,
                "code": "KQ-2",
                "name": "Do you recover the roaster's heat?",
                "pillar": "environmental",
                "stage": "2",
                "iso_subject": "environment",
                "sector_only": True,
            }
        )
        cls.env["csr.recommendation"].create(
            {"name": "Install a water meter", "question_id": cls.metering.id}
        )
        cls.env["csr.assessment.template"].create(
            {
                "name": "Roasters",
                "sector_id": cls.env.ref("csr_management.sector_manufacturing").id,
                "bank_id": cls.bank.id,
                "company_id": cls.company.id,
                "added_question_ids": [(6, 0, cls.roasting.ids)],
            }
        )
        target = cls.env["csr.target"].create
        target(
            {
                "indicator_id": cls.water.id,
                "company_id": cls.company.id,
                "year": 2025,
                "target_value": 100.0,
                "amber_limit": 120.0,
            }
        )
        target(
            {
                "indicator_id": cls.share.id,
                "company_id": cls.company.id,
                "period_id": cls.january.id,
                "target_value": 50.0,
                "amber_limit": 40.0,
            }
        )
        resource = cls.env["csr.resource"].create
        cls.guide = resource(
            {
                "code": "KIT-GUIDE",
                "lang": "es",
                "name": "Guía de agua del consultor",
                "resource_type": "guide",
                "company_id": cls.company.id,
                "topic_ids": cls.env.ref("csr_management.material_topic_env_water").ids,
                "indicator_ids": cls.water.ids,
                "country_ids": cls.env.ref("base.co").ids,
            }
        )
        cls.checklist = resource(
            {"name": "Consultant checklist", "lang": "en", "resource_type": "template"}
        )
        cls.env = cls.env(
            context=dict(
                cls.env.context, allowed_company_ids=[cls.company.id, cls.company_b.id]
            )
        )

    def _targets(self, company):
        targets = self.env["csr.target"].search([("company_id", "=", company.id)])
        return {
            (t.indicator_id.code, t.period_id, t.year, t.target_value, t.amber_limit)
            for t in targets
        }

    def _kit(self, sections):
        document = {"format": KIT_FORMAT, "version": 1, "sections": sections}
        return json.dumps(document).encode()

    def test_kit_reproduces_the_setup_in_another_company(self):
        kit = KitExport(self.env, self.company).build()
        self.bank.unlink()
        (self.guide | self.checklist).unlink()
        self.water.write({"score_weight": 1.0, "name": "Renamed"})
        self.water.with_context(lang="es_419").name = "Otro nombre"

        reports = KitImport(self.env, self.company_b, overwrite=True).run(kit)

        bank = self.env["csr.question.bank"].search([("version", "=", "KIT-1")])
        self.assertEqual(bank.name, "Kit test bank")
        self.assertEqual(
            {(q.code, q.sector_only) for q in bank.question_ids},
            {("KQ-1", False), ("KQ-2", True)},
        )
        advice = self.env["csr.recommendation"].search(
            [("name", "=", "Install a water meter")]
        )
        self.assertEqual(advice.question_id.code, "KQ-1")
        self.assertEqual(advice.question_id.bank_id, bank)
        template = self.env["csr.assessment.template"].search(
            [("company_id", "=", self.company_b.id)]
        )
        self.assertEqual(template.bank_id, bank)
        self.assertEqual(template.added_question_ids.mapped("code"), ["KQ-2"])
        self.assertEqual(self.water.score_weight, 3.0)
        self.assertEqual(self.water.name, "Test water withdrawal")
        self.assertEqual(
            self.water.with_context(lang="es_419").name, "Extracción de agua de prueba"
        )
        self.assertEqual(
            self._targets(self.company_b),
            {
                ("TST-WATER", self.env["csr.period"], 2025, 100.0, 120.0),
                ("TST-SHARE", self.january_b, 2025, 50.0, 40.0),
            },
        )
        self.assertEqual(len(self._targets(self.company)), 2)
        guide = self.env["csr.resource"].search([("code", "=", "KIT-GUIDE")])
        self.assertEqual(guide.company_id, self.company_b)
        self.assertEqual(guide.indicator_ids, self.water)
        self.assertEqual(guide.country_ids.code, "CO")
        self.assertEqual(guide.topic_ids.code, "ENV-WATER")
        checklist = self.env["csr.resource"].search(
            [("name", "=", "Consultant checklist")]
        )
        self.assertFalse(checklist.company_id)
        self.assertEqual(reports["resources"].created, 2)
        self.assertEqual(reports["targets"].created, 2)
        self.assertEqual(reports["question_banks"].created, 1)
        self.assertEqual(reports["questions"].created, 2)
        self.assertEqual(reports["indicators"].updated, 1)
        self.assertIn(
            ("TST-WATER", ["name", "score_weight"], True),
            reports["indicators"].conflicts,
        )

    def test_keep_policy_reports_the_conflict_and_changes_nothing(self):
        kit = KitExport(self.env, self.company).build(("indicators", "targets"))
        self.water.name = "Renamed"

        reports = KitImport(self.env, self.company, overwrite=False).run(kit)

        self.assertEqual(self.water.name, "Renamed")
        self.assertEqual(reports["indicators"].kept, 1)
        self.assertEqual(
            reports["indicators"].conflicts, [("TST-WATER", ["name"], False)]
        )
        self.assertEqual(reports["targets"].unchanged, 2)
        self.assertEqual(reports["targets"].created, 0)

    def test_preview_writes_nothing(self):
        kit = KitExport(self.env, self.company).build(("targets",))
        reports = KitImport(self.env, self.company_b).run(kit, dry_run=True)
        self.assertEqual(reports["targets"].created, 2)
        self.assertEqual(self._targets(self.company_b), set())

    def test_corrupt_kits_are_refused_without_change(self):
        banks = self.env["csr.question.bank"].search_count([])
        for raw, message in (
            (b"PK\x03\x04 a spreadsheet", "not readable JSON"),
            (b'{"format": "other", "sections": {}}', "format marker"),
            (
                b'{"format": "%s", "version": 2, "sections": {}}' % KIT_FORMAT.encode(),
                "version 2",
            ),
        ):
            with self.assertRefused(UserError, message):
                KitImport(self.env, self.company_b).run(raw)
        kit = self._kit(
            {
                "question_banks": [
                    {
                        "version": "KIT-NEW",
                        "name": {"en_US": "New"},
                        "date": "2026-01-01",
                    }
                ],
                "targets": [
                    {
                        "indicator_id": "NOPE-01",
                        "period_id": None,
                        "year": 2025,
                        "target_value": 1.0,
                        "amber_limit": 2.0,
                    },
                    {
                        "indicator_id": "TST-WATER",
                        "period_id": None,
                        "year": 2026,
                        "target_value": "lots",
                        "amber_limit": 2.0,
                    },
                    {
                        "indicator_id": "TST-SHARE",
                        "period_id": ["month", "2031-05-01"],
                        "year": 2031,
                        "target_value": 50.0,
                        "amber_limit": 40.0,
                    },
                    {
                        "indicator_id": "TST-WATER",
                        "period_id": None,
                        "year": 2027,
                        "target_value": 100.0,
                        "amber_limit": 90.0,
                    },
                ],
            }
        )
        with self.assertRaises(UserError) as refused:
            KitImport(self.env, self.company_b).run(kit)
        message = str(refused.exception)
        self.assertIn("nothing was changed", message)
        self.assertIn("4 problem(s)", message)
        self.assertIn("NOPE-01", message)
        self.assertIn("'lots'", message)
        self.assertIn("2031-05-01", message)
        self.assertIn("TST-WATER / 2027", message)
        self.assertEqual(self.env["csr.question.bank"].search_count([]), banks)
        self.assertEqual(self._targets(self.company_b), set())

    def test_wizard_previews_then_imports(self):
        kit = KitExport(self.env, self.company).build(("targets",))
        wizard = self.env["csr.kit.import"].create(
            {
                "company_id": self.company_b.id,
                "file_data": __import__("base64").b64encode(kit),
                "file_name": "kit.json",
            }
        )
        wizard.action_preview()
        self.assertEqual(wizard.state, "preview")
        self.assertIn("What the import will do", wizard.report)
        self.assertEqual(self._targets(self.company_b), set())
        wizard.action_import()
        self.assertEqual(wizard.state, "done")
        self.assertEqual(len(self._targets(self.company_b)), 2)

    def test_roles_and_companies(self):
        self.env = self.env(
            context=dict(self.env.context, allowed_company_ids=[self.company.id])
        )
        with self.assertRaises(AccessError):
            self.env["csr.kit.import"].with_user(self.user).create(
                {"file_data": b"e30="}
            )
        with self.assertRaises(AccessError):
            self.env["csr.kit.import"].with_user(self.auditor).create(
                {"file_data": b"e30="}
            )
        export = self.env["csr.kit.export"].with_user(self.auditor).create({})
        self.assertTrue(export.action_export()["url"])
        # A manager of company A only cannot pour a kit into company B.
        manager_a = self._make_user("kit_manager_a", MANAGER_GROUPS)
        wizard = (
            self.env["csr.kit.import"]
            .with_user(manager_a)
            .create({"file_data": b"e30=", "company_id": self.company.id})
        )
        wizard.sudo().company_id = self.company_b
        with self.assertRefused(UserError, "company switcher"):
            wizard.with_user(manager_a).action_preview()

    def test_import_queries_do_not_grow_with_rows(self):
        """Comparing 2 or all 50-odd indicators (and every topic) with the
        database costs the same queries: records and references are looked
        up once per section."""
        full = json.loads(
            KitExport(self.env, self.company).build(("indicators", "topics"))
        )
        small = json.loads(json.dumps(full))
        small["sections"]["indicators"] = small["sections"]["indicators"][:2]
        small["sections"]["topics"] = small["sections"]["topics"][:2]

        def queries(document):
            self.env.flush_all()
            self.env.invalidate_all()
            before = self.env.cr.sql_log_count
            reports = KitImport(self.env, self.company).run(
                json.dumps(document).encode()
            )
            return self.env.cr.sql_log_count - before, reports

        few, few_reports = queries(small)
        many, many_reports = queries(full)
        self.assertEqual(few_reports["indicators"].unchanged, 2)
        self.assertGreater(many_reports["indicators"].unchanged, 50)
        self.assertEqual(many, few)
