# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The shipped recommendations for red indicators, checked against the catalogue.

The catalogue is what the addon itself ships (indicators with an xml id of
csr_management). Of its 75 indicators, 25 are context figures (direction
"neutral": ECO-02, ECO-04 and its five parts ECO-10 to ECO-14, ECO-09, SOC-01,
SOC-03, SOC-04, SOC-07, SOC-08, the hours worked SOC-22, the B8 counts SOC-24
to SOC-29, the managers' gender ratio SOC-30, the biogenic CO2 ENV-20 and the
B3 energy parts ENV-21 to ENV-23) and are never red, so they get no
recommendation; the 50 judged ones
("higher" or "lower") each get at least one, and the common SME levers get two:

  energy ENV-01, ENV-02; Scope 1 and 2 ENV-05, ENV-06, ENV-07; water ENV-11;
  waste ENV-14; accidents SOC-09; absenteeism SOC-12; pay gap SOC-15;
  training SOC-18; local purchasing ECO-07; days to pay ECO-08.

So the library holds at least 50 + 13 = 63 recommendations.

A recommendation answers exactly one origin, an unmet question or a red
indicator; both or neither are refused and leave nothing behind.
"""

import re

from odoo.exceptions import ValidationError
from odoo.tests import TransactionCase, tagged

MODULE = "csr_management"
TWO_LEVERS = (
    "ENV-01 ENV-02 ENV-05 ENV-06 ENV-07 ENV-11 ENV-14 "
    "SOC-09 SOC-12 SOC-15 SOC-18 ECO-07 ECO-08"
).split()
NEUTRAL_CODES = (
    "ECO-02 ECO-04 ECO-09 ECO-10 ECO-11 ECO-12 ECO-13 ECO-14 "
    "SOC-01 SOC-03 SOC-04 SOC-07 SOC-08 SOC-22 SOC-24 SOC-25 SOC-26 SOC-27 "
    "SOC-28 SOC-29 SOC-30 ENV-20 ENV-21 ENV-22 ENV-23"
).split()
SENTENCE_END = re.compile(r"[.!?](?:\s|$)")
XMLID = re.compile(r"recommendation_i_([a-z]+)_(\d+)_\d+")


@tagged("csr_maturity")
class TestRecommendationLibrary(TransactionCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.catalogue = cls._shipped("csr.indicator").filtered("active")
        cls.library = cls._shipped("csr.recommendation").filtered("indicator_id")
        cls.by_indicator = {
            indicator: cls.library.filtered(lambda r, i=indicator: r.indicator_id == i)
            for indicator in cls.catalogue
        }

    @classmethod
    def _shipped(cls, model):
        """Records of ``model`` created by the addon's data files."""
        ids = (
            cls.env["ir.model.data"]
            .search([("module", "=", MODULE), ("model", "=", model)])
            .mapped("res_id")
        )
        return cls.env[model].browse(ids).exists()

    def _judged(self):
        return self.catalogue.filtered(lambda i: i.direction in ("higher", "lower"))

    def test_every_judged_indicator_has_a_recommendation(self):
        judged = self._judged()
        self.assertEqual(len(judged), 50)
        missing = judged.filtered(lambda i: not self.by_indicator[i])
        self.assertFalse(missing.mapped("code"), "judged indicators without advice")

    def test_the_common_levers_have_two_recommendations(self):
        by_code = {i.code: self.by_indicator[i] for i in self.catalogue}
        for code in TWO_LEVERS:
            with self.subTest(code=code):
                self.assertGreaterEqual(len(by_code[code]), 2)

    def test_no_recommendation_for_context_figures(self):
        neutral = self.catalogue.filtered(lambda i: i.direction == "neutral")
        self.assertEqual(sorted(neutral.mapped("code")), sorted(NEUTRAL_CODES))
        advised = neutral.filtered(lambda i: self.by_indicator[i])
        self.assertFalse(advised.mapped("code"), "context figures are never red")

    def test_pillar_follows_the_indicator(self):
        self.assertGreaterEqual(len(self.library), 63)
        for recommendation in self.library:
            with self.subTest(recommendation=recommendation.name):
                self.assertEqual(
                    recommendation.pillar, recommendation.indicator_id.pillar
                )

    def test_each_recommendation_is_complete_and_tracks_a_judged_indicator(self):
        for recommendation in self.library:
            with self.subTest(recommendation=recommendation.name):
                self.assertIn(
                    recommendation.track_indicator_id.direction, ("higher", "lower")
                )
                sentences = len(SENTENCE_END.findall(recommendation.description))
                self.assertTrue(3 <= sentences <= 5, f"{sentences} sentences")

    def test_xmlids_name_their_indicator(self):
        """recommendation_i_env_05_2 must belong to ENV-05: catches a record
        copied from its neighbour with the wrong indicator reference."""
        for recommendation in self.library:
            xmlid = recommendation.get_external_id()[recommendation.id]
            match = XMLID.fullmatch(xmlid.split(".", 1)[1])
            with self.subTest(xmlid=xmlid):
                self.assertTrue(match)
                code = f"{match[1].upper()}-{match[2]}"
                self.assertEqual(recommendation.indicator_id.code, code)

    def test_titles_are_unique_per_indicator(self):
        groups = self.env["csr.recommendation"]._read_group(
            [("id", "in", self.library.ids)],
            ["indicator_id", "name"],
            ["__count"],
            having=[("__count", ">", 1)],
        )
        self.assertFalse(groups, "the same title twice for one indicator")

    def test_a_recommendation_answers_exactly_one_origin(self):
        indicator = self.env.ref("csr_management.indicator_env_05")
        bank = self.env["csr.question.bank"].create(
            {"name": "Test bank", "version": "test-reco-1"}
        )
        question = self.env["csr.question"].create(
            {
                "bank_id": bank.id,
                "code": "TST-Q1",
                "name": "Do you measure your fuel use?",
                "pillar": "governance",
                "stage": "1",
                "iso_subject": "environment",
            }
        )
        Recommendation = self.env["csr.recommendation"]
        refused = {
            "Both origins": {"question_id": question.id, "indicator_id": indicator.id},
            "No origin": {},
        }
        for title, origin in refused.items():
            with self.subTest(title=title):
                with (
                    self.assertRaisesRegex(ValidationError, "exactly one of them"),
                    self.env.cr.savepoint(),
                ):
                    Recommendation.create({"name": title, **origin})
                self.env.invalidate_all()
                self.assertFalse(Recommendation.search([("name", "=", title)]))
        # The same create with one origin goes through, so the refusals above
        # come from the origin rule and not from some other missing field.
        accepted = Recommendation.create(
            {"name": "One origin", "question_id": question.id}
        )
        self.assertEqual(accepted.pillar, "governance")
