# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The shipped recommendations and their rules.

A recommendation answers exactly one origin, an unmet question or a red
indicator; both or neither are refused and leave nothing behind.
"""

from odoo.exceptions import ValidationError
from odoo.tests import TransactionCase


class TestRecommendationLibrary(TransactionCase):
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
