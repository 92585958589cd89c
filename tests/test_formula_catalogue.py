# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.exceptions import ValidationError
from odoo.tests import tagged

from .common import CsrCase


@tagged("csr_compute")
class TestFormulaCatalogue(CsrCase):
    def _formula(self, code, expression):
        return self.env["csr.indicator"].create(
            {
                "code": code,
                "name": code,
                "pillar": "environmental",
                "unit": "t",
                "source_type": "formula",
                "formula": expression,
            }
        )

    def test_cycle_is_refused_when_saving(self):
        first = self._formula("TST-F1", "[TST-WATER] * 2")
        self._formula("TST-F2", "[TST-F1] + 1")
        with self.assertRefused(ValidationError, "TST-F1 → TST-F2 → TST-F1"):
            first.write({"formula": "[TST-F2] - 1"})
        self.assertEqual(first.formula, "[TST-WATER] * 2")

    def test_self_reference_is_a_cycle(self):
        with self.assertRefused(ValidationError, "depend on each other"):
            self._formula("TST-F3", "[TST-F3] + 1")

    def test_cycle_through_a_divide_by_source(self):
        ratio = self._formula("TST-F4", "[TST-WATER] / 2")
        self.water.source_type = "computed"
        with self.assertRefused(ValidationError, "depend on each other"):
            self.env["csr.indicator.source"].create(
                {
                    "indicator_id": self.water.id,
                    "method": "account",
                    "account_types": "expense",
                    "divide_by_id": ratio.id,
                }
            )

    def test_unknown_codes_and_bad_syntax_are_refused(self):
        with self.assertRefused(ValidationError, "unknown indicator\\(s\\) NOPE-1"):
            self._formula("TST-F5", "[NOPE-1] * 2")
        with self.assertRefused(ValidationError, "is not valid"):
            self._formula("TST-F6", "[TST-WATER] ** 2")

    def test_account_source_needs_known_types_or_tags(self):
        Source = self.env["csr.indicator.source"]
        with self.assertRefused(ValidationError, "unknown account type\\(s\\) revenue"):
            Source.create(
                {
                    "indicator_id": self.water.id,
                    "method": "account",
                    "account_types": "revenue",
                }
            )
        with self.assertRefused(ValidationError, "choose account types"):
            Source.create({"indicator_id": self.water.id, "method": "account"})
        with self.assertRefused(ValidationError, "cannot be divided by itself"):
            Source.create(
                {
                    "indicator_id": self.water.id,
                    "method": "account",
                    "account_types": "expense",
                    "divide_by_id": self.water.id,
                }
            )
