# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The knowledge library: resources related to indicators, questions and
actions, access per company and role, and case studies shared from verified
actions.

The company (Tostadora Andina SAS) is a manufacturer in Colombia. TST-WATER
belongs to the shipped "Water" topic. The library holds:

- "Huella hídrica" (es, glossary): linked to TST-WATER directly -> related;
- "Water saving guide" (en, guide): Water topic, manufacturing -> related
  through the topic, the sector fits;
- "Hotel water guide" (en, guide): Water topic, tourism only -> left out;
- "Ley de aguas del Perú" (es, guide): TST-WATER, Peru only -> left out;
- "Water log template" (en, template): TST-WATER, Colombia -> related;
- "Climate basics" (en, guide): climate topic only -> not related;
- "Questionnaire du critère" (fr, guide): linked to one maturity question.

So TST-WATER shows 3 resources. In the library's order (the reader's language
first, then type key, then sequence): for a Spanish reader "Huella hídrica",
then "Water saving guide" (guide) and "Water log template" (template); for
an English reader the two English ones first, then "Huella hídrica".

Case study: "Fix the leaks" tracks TST-WATER (lower is better): baseline 120
m³ in 2024, target 100, deadline 30 June 2025, so it is verified in 2026
where the value is 95: effective, change 120 - 95 = 25 m³. Cost 5,000.00,
expected saving 1,200.00 per year.
"""

from datetime import date

from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged

from .common import AUDITOR_GROUPS, USER_GROUPS, CsrCase


class LibraryCase(CsrCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # The shipped starter library links the catalogue's topics too: set it
        # aside so that each test sees only the resources it made.
        cls.env["csr.resource"].search([]).active = False
        cls.env["res.lang"]._activate_lang("es_CO")
        cls.colombia = cls.env.ref("base.co")
        cls.peru = cls.env.ref("base.pe")
        cls.manufacturing = cls.env.ref("csr_management.sector_manufacturing")
        cls.tourism = cls.env.ref("csr_management.sector_tourism")
        cls.company.write(
            {"country_id": cls.colombia.id, "csr_sector_id": cls.manufacturing.id}
        )
        cls.water_topic = cls.env.ref("csr_management.material_topic_env_water")
        cls.climate_topic = cls.env.ref("csr_management.material_topic_env_climate")
        cls.water.material_topic_ids = cls.water_topic
        cls.question = cls.env["csr.question"].search([], limit=1)

    @classmethod
    def _resource(cls, name, lang, resource_type="guide", **links):
        return cls.env["csr.resource"].create(
            {"name": name, "lang": lang, "resource_type": resource_type, **links}
        )


@tagged("csr_maturity")
class TestRelatedResources(LibraryCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        water = [cls.water.id]
        cls.glossary_es = cls._resource(
            "Huella hídrica", "es", "definition", indicator_ids=water
        )
        cls.guide_en = cls._resource(
            "Water saving guide",
            "en",
            topic_ids=cls.water_topic.ids,
            sector_ids=cls.manufacturing.ids,
        )
        cls._resource(
            "Hotel water guide",
            "en",
            topic_ids=cls.water_topic.ids,
            sector_ids=cls.tourism.ids,
        )
        cls._resource(
            "Ley de aguas del Perú", "es", indicator_ids=water, country_ids=cls.peru.ids
        )
        cls.template_en = cls._resource(
            "Water log template",
            "en",
            "template",
            indicator_ids=water,
            country_ids=cls.colombia.ids,
        )
        cls._resource("Climate basics", "en", topic_ids=cls.climate_topic.ids)
        cls.question_fr = cls._resource(
            "Questionnaire du critère", "fr", question_ids=cls.question.ids
        )

    def _names(self, resources):
        return resources.mapped("name")

    def test_indicator_resources_direct_topic_sector_country(self):
        water = self.water.with_user(self.user)
        self.assertEqual(water.library_resource_count, 3)
        self.assertEqual(
            set(self._names(water.library_resource_ids)),
            {"Huella hídrica", "Water saving guide", "Water log template"},
        )

    def test_reader_language_comes_first(self):
        spanish = self.water.with_user(self.user).with_context(lang="es_CO")
        self.assertEqual(
            self._names(spanish.library_resource_ids),
            ["Huella hídrica", "Water saving guide", "Water log template"],
        )
        english = self.water.with_user(self.user).with_context(lang="en_US")
        self.assertEqual(
            self._names(english.library_resource_ids),
            ["Water saving guide", "Water log template", "Huella hídrica"],
        )
        # The smart button opens the same resources.
        action = english.action_open_library_resources()
        opened = (
            self.env["csr.resource"].with_context(lang="en_US").search(action["domain"])
        )
        self.assertEqual(self._names(opened), self._names(english.library_resource_ids))

    def test_my_language_filter(self):
        Resource = self.env["csr.resource"].with_context(lang="es_CO")
        mine = Resource.search([("in_my_language", "=", True)])
        self.assertEqual(
            set(self._names(mine)), {"Huella hídrica", "Ley de aguas del Perú"}
        )
        self.assertTrue(Resource.browse(self.glossary_es.id).in_my_language)
        self.assertFalse(Resource.browse(self.guide_en.id).in_my_language)
        self.assertEqual(Resource.default_get(["lang"]), {"lang": "es"})

    def test_company_without_sector_sees_every_sector(self):
        self.company.csr_sector_id = False
        self.assertIn("Hotel water guide", self._names(self.water.library_resource_ids))

    def test_question_and_action_resources(self):
        question = self.question.with_user(self.user)
        self.assertEqual(question.library_resource_ids, self.question_fr)
        action = self.env["csr.action"].create(
            {
                "name": "Answer the criterion",
                "indicator_id": self.water.id,
                "question_id": self.question.id,
            }
        )
        self.assertEqual(action.library_resource_count, 4)
        self.assertIn(self.question_fr, action.library_resource_ids)

    def test_a_batch_costs_the_queries_of_one_record(self):
        def queries(indicators):
            self.env.invalidate_all()
            before = self.env.cr.sql_log_count
            counts = indicators.mapped("library_resource_count")
            return self.env.cr.sql_log_count - before, counts

        one, _counts = queries(self.water)
        batch, counts = queries(self.water | self.share)
        self.assertEqual(counts, [3, 0])
        self.assertEqual(batch, one)


@tagged("csr_maturity")
class TestLibraryAccess(LibraryCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.company_b = cls.env["res.company"].create({"name": "Hotel Sol de Cusco"})
        cls.user_b = cls._make_user("csr_library_user_b", USER_GROUPS, cls.company_b)
        cls.shared = cls._resource(
            "Shared water guide", "en", indicator_ids=cls.water.ids
        )
        cls.private_b = cls._resource(
            "Cusco water notes",
            "en",
            indicator_ids=cls.water.ids,
            company_id=cls.company_b.id,
        )

    def test_each_company_reads_shared_and_its_own(self):
        Resource = self.env["csr.resource"]
        self.assertEqual(
            Resource.with_user(self.user).search([("name", "like", "water")]),
            self.shared,
        )
        self.assertEqual(
            Resource.with_user(self.user_b)
            .with_context(allowed_company_ids=self.company_b.ids)
            .search([("name", "like", "water")]),
            self.shared | self.private_b,
        )
        self.assertEqual(
            self.water.with_user(self.user).library_resource_ids, self.shared
        )
        with self.assertRaises(AccessError):
            self.private_b.with_user(self.user).read(["name"])

    def test_users_write_their_company_managers_the_shared_library(self):
        own = (
            self.env["csr.resource"]
            .with_user(self.user)
            .create({"name": "Our leak checklist", "resource_type": "template"})
        )
        self.assertEqual(own.company_id, self.company)
        own.write({"summary": "Walk the plant every Monday."})
        # A user cannot publish his company's resource to every company.
        with self.assertRaisesRegex(AccessError, "Only a CSR manager can move"):
            own.write({"company_id": False})
        self.assertEqual(own.company_id, self.company)
        with self.assertRaises(AccessError):
            self.shared.with_user(self.user).write({"name": "Renamed"})
        with self.assertRaises(AccessError):
            self.env["csr.resource"].with_user(self.user).create(
                {"name": "Published", "company_id": False}
            )
        with self.assertRaises(AccessError):
            self.private_b.with_user(self.user).unlink()
        self.shared.with_user(self.manager).write({"name": "Water guide"})
        shared = (
            self.env["csr.resource"].with_user(self.manager).create({"name": "Shared"})
        )
        self.assertFalse(shared.company_id)

    def test_auditors_read_only(self):
        auditor = self._make_user("csr_library_auditor", AUDITOR_GROUPS)
        self.assertEqual(self.shared.with_user(auditor).name, "Shared water guide")
        with self.assertRaises(AccessError):
            self.env["csr.resource"].with_user(auditor).create({"name": "Mine"})

    def test_one_version_per_language_of_a_code(self):
        self._resource("Carbon footprint", "en", code="GLOSS-CARBON")
        self._resource("Huella de carbono", "es", code="GLOSS-CARBON")
        self._resource(
            "Our carbon footprint",
            "en",
            code="GLOSS-CARBON",
            company_id=self.company.id,
        )
        with self.assertRefusedByDatabase("one version per language"):
            self._resource("Carbon footprint again", "en", code="GLOSS-CARBON")


@tagged("csr_maturity")
class TestCaseStudy(LibraryCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.user.name = "Marta Rojas"
        cls.plumber = cls.env["res.partner"].create({"name": "Fontanería Ruiz"})
        y2024 = cls._make_period("year", date(2024, 1, 1), date(2024, 12, 31))
        cls.y2026 = cls._make_period("year", date(2026, 1, 1), date(2026, 12, 31))
        for period, value in ((y2024, 120.0), (cls.y2026, 95.0)):
            cls.env["csr.indicator.value"].create(
                {"indicator_id": cls.water.id, "period_id": period.id, "value": value}
            )
        cls.action = (
            cls.env["csr.action"]
            .with_user(cls.manager)
            .create(
                {
                    "name": "Fix the leaks",
                    "description": "<p>Marta Rojas had Fontanería Ruiz fix the "
                    "leaks of the Tostadora Andina SAS plant.</p>",
                    "responsible_id": cls.user.id,
                    "indicator_id": cls.water.id,
                    "baseline_period_id": y2024.id,
                    "target_value": 100.0,
                    "deadline": date(2025, 6, 30),
                    "cost": 5000.0,
                    "saving_amount": 1200.0,
                }
            )
        )
        cls.action.message_subscribe(partner_ids=cls.plumber.ids)

    def _verify(self):
        self.action.action_plan()
        self.action.action_start()
        self.action.action_done()
        self.action.action_verify()

    def _share(self, user=None, **vals):
        action = self.action.with_user(user or self.user)
        wizard_action = action.action_share_case_study()
        wizard = (
            self.env["csr.case.study.share"]
            .with_user(user or self.user)
            .with_context(**wizard_action["context"])
            .create({"lang": "en", **vals})
        )
        opened = wizard.action_share()
        return self.env["csr.resource"].browse(opened["res_id"])

    def test_anonymised_case_study_from_a_verified_action(self):
        self._verify()
        self.assertEqual(self.action.value_change, 25.0)
        case = self._share(anonymise=True)
        self.assertEqual(case.resource_type, "case_study")
        self.assertEqual(case.source_action_id, self.action)
        self.assertEqual(case.company_id, self.company)
        self.assertEqual(case.pillar, "environmental")
        self.assertEqual(case.indicator_ids, self.water)
        self.assertEqual(case.topic_ids, self.water_topic)
        self.assertEqual(case.sector_ids, self.manufacturing)
        self.assertTrue(case.anonymised)
        text = f"{case.name} {case.summary} {case.body}"
        for name in ("Tostadora", "Marta", "Rojas", "Fontanería"):
            self.assertNotIn(name, text)
        for heading in ("Problem", "Practice", "Cost", "Result", "Indicator evidence"):
            self.assertIn(f"<h3>{heading}</h3>", case.body)
        self.assertIn("A company of the Manufacturing sector in Colombia", case.body)
        self.assertIn("TST-WATER Test water withdrawal", case.body)
        self.assertIn("2024: 120.00 m³ → 2026: 95.00 m³", case.body)
        self.assertIn("Change: 25.00 m³", case.body)
        self.assertIn("5,000.00", case.body)
        self.assertIn("1,200.00", case.body)
        # The practice is told without the names.
        self.assertIn(
            "a team member had a team member fix the leaks of the the company plant",
            case.body,
        )

    def test_named_case_study_keeps_the_names(self):
        self._verify()
        case = self._share(anonymise=False)
        self.assertIn("Tostadora Andina SAS", case.body)
        self.assertFalse(case.anonymised)

    def test_unverified_action_is_refused(self):
        count = self.env["csr.resource"].search_count([])
        with self.assertRefused(UserError, "is not verified"):
            self.action.with_user(self.user).action_share_case_study()
        wizard = self.env["csr.case.study.share"].create({"action_id": self.action.id})
        with self.assertRefused(UserError, "is not verified"):
            wizard.action_share()
        self.assertEqual(self.env["csr.resource"].search_count([]), count)

    def test_verified_without_measure_is_refused(self):
        self.action.write({"indicator_id": False, "verification_note": "Checked."})
        self._verify()
        self.assertEqual(self.action.efficacy, "not_measured")
        with self.assertRefused(UserError, "no measured improvement"):
            self._share()
        self.assertFalse(
            self.env["csr.resource"].search([("resource_type", "=", "case_study")])
        )

    def test_shared_library_is_for_managers_and_shared_once(self):
        self._verify()
        with self.assertRefused(UserError, "Only a CSR manager publishes"):
            self._share(scope="shared")
        case = self._share(user=self.manager, scope="shared")
        self.assertFalse(case.company_id)
        with self.assertRefused(UserError, "already shared"):
            self._share(user=self.manager, scope="shared")
        spanish = self._share(user=self.manager, scope="shared", lang="es")
        self.assertEqual(spanish.lang, "es")


@tagged("csr_maturity")
class TestShippedLibrary(CsrCase):
    """The starter library: 51 glossary terms, 4 pillar and 6 sector guides and
    3 templates, each written in English, Spanish, Portuguese and French."""

    def test_every_resource_in_four_languages(self):
        shared = self.env["csr.resource"].search([("company_id", "=", False)])
        counts = {}
        for resource in shared:
            key = (resource.resource_type, resource.lang)
            counts[key] = counts.get(key, 0) + 1
        for lang in ("en", "es", "pt", "fr"):
            self.assertEqual(counts[("definition", lang)], 51)
            self.assertEqual(counts[("guide", lang)], 10)
            self.assertEqual(counts[("template", lang)], 3)
        languages_per_code = {}
        for resource in shared:
            languages_per_code.setdefault(resource.code, set()).add(resource.lang)
        self.assertEqual(len(languages_per_code), 64)
        self.assertTrue(
            all(
                langs == {"en", "es", "pt", "fr"}
                for langs in languages_per_code.values()
            )
        )

    def test_french_reader_opens_the_french_library(self):
        """A user working in French (fr_FR, or fr_CA: the library keys on the
        language, not the country) opens the library with its default filter
        "My language" and finds the 64 French resources, 51 + 10 + 3, and no
        other; the Scope 1 term is the French one, linked like the others."""
        self.env["res.lang"]._activate_lang("fr_FR")
        self.env["res.lang"]._activate_lang("fr_CA")
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "csr_management.csr_resource_action"
        )
        self.assertIn("search_default_my_language", action["context"])
        spanish_scope1 = self.env.ref("csr_management.resource_gloss_scope_1_es")
        for lang in ("fr_FR", "fr_CA"):
            with self.subTest(lang=lang):
                Resource = self.env["csr.resource"].with_user(self.user)
                Resource = Resource.with_context(lang=lang)
                mine = Resource.search(
                    [("in_my_language", "=", True), ("company_id", "=", False)]
                )
                self.assertEqual(len(mine), 64)
                self.assertEqual(set(mine.mapped("lang")), {"fr"})
                scope1 = mine.filtered(lambda r: r.code == "GLOSS-SCOPE-1")
                self.assertEqual(scope1.name, "Émissions du Scope 1")
                self.assertEqual(scope1.indicator_ids, spanish_scope1.indicator_ids)
                # The reader's language comes first in the whole library too.
                first = Resource.search([("company_id", "=", False)], limit=64)
                self.assertEqual(first, mine)

    def test_glossary_term_links_its_indicators(self):
        scope2 = self.env.ref("csr_management.resource_gloss_scope_2_es")
        self.assertEqual(set(scope2.indicator_ids.mapped("code")), {"ENV-06", "ENV-07"})
        guide = self.env.ref("csr_management.resource_guide_sector_manufacturing_pt")
        self.assertEqual(
            guide.sector_ids, self.env.ref("csr_management.sector_manufacturing")
        )
