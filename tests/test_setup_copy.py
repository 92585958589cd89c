# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Copy Andina's CSR setup to Cacao (and Mercado), as a consultant who sets
up similar clients alike.

Andina's targets:
  WATER  2025       100 / amber 120, baseline 130 in 2024
  SHARE  2025        30 / amber 20
  WATER  January 2025 90 / amber 110
Cacao already has SHARE 2025 at 50 / 40 and a January 2025 period; Mercado
has no January period.

Copy to Cacao, keeping what exists: WATER 2025 and WATER January created
(on Cacao's own January), SHARE kept at 50 -> 2 created, 0 overwritten,
1 kept. Overwriting: the same 2 created, SHARE becomes 30 / 20 -> 1
overwritten. Copy to Cacao and Mercado: Mercado lacks January, so nothing
is copied at all, not even to Cacao. Copy of 2024 only: no target -> refused.

Settings: Andina is manufacturing, small, base year 2019, minimum
completeness 60; Cacao is commerce with no size nor base year and the
default 50. Keeping: size and base year filled, sector and minimum
completeness kept; overwriting: all four copied.
"""

import re
from datetime import date

from odoo.exceptions import AccessError, UserError
from odoo.tests import new_test_user, tagged

from .common import DISABLED_MAIL, MANAGER_GROUPS, CsrCase


@tagged("csr_catalogue")
class TestSetupCopy(CsrCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        Company = cls.env["res.company"]
        cls.company.write(
            {
                "csr_sector_id": cls.env.ref("csr_management.sector_manufacturing").id,
                "csr_company_size": "small",
                "csr_base_year": 2019,
                "csr_score_min_completeness": 60.0,
            }
        )
        cls.commerce = cls.env.ref("csr_management.sector_commerce")
        cls.cacao = Company.create(
            {"name": "Cacao del Sur SRL", "csr_sector_id": cls.commerce.id}
        )
        cls.mercado = Company.create({"name": "Mercado Central SA"})
        cls.clients = cls.company | cls.cacao | cls.mercado
        cls.cacao_january = cls._make_period(
            "month", date(2025, 1, 1), date(2025, 1, 31), company=cls.cacao
        )
        cls._target(cls.company, cls.water, 100.0, 120.0, year=2025)
        cls.water.target_ids.baseline_value = 130.0
        cls.water.target_ids.baseline_year = 2024
        cls._target(cls.company, cls.share, 30.0, 20.0, year=2025)
        cls._target(cls.company, cls.water, 90.0, 110.0, period_id=cls.january.id)
        cls.cacao_share = cls._target(cls.cacao, cls.share, 50.0, 40.0, year=2025)
        cls.consultant = new_test_user(
            cls.env,
            login="csr_test_consultant",
            groups=MANAGER_GROUPS,
            company_id=cls.company.id,
            company_ids=cls.clients.ids,
            context=DISABLED_MAIL,
        )

    @classmethod
    def _target(cls, company, indicator, target, amber, **scope):
        return cls.env["csr.target"].create(
            {
                "indicator_id": indicator.id,
                "company_id": company.id,
                "target_value": target,
                "amber_limit": amber,
                **scope,
            }
        )

    def _wizard(self, receivers, user=None, selected=None, **vals):
        env = self.env(
            user=user or self.consultant,
            context=dict(
                self.env.context, allowed_company_ids=(selected or self.clients).ids
            ),
        )
        return env["csr.setup.copy"].create(
            {
                "source_company_id": self.company.id,
                "target_company_ids": receivers.ids,
                **vals,
            }
        )

    def _targets_of(self, company):
        targets = self.env["csr.target"].search([("company_id", "=", company.id)])
        return {
            (t.indicator_id.code, t.period_id.name or t.year): (
                t.target_value,
                t.amber_limit,
            )
            for t in targets
        }

    def test_copy_keeping_existing_targets(self):
        wizard = self._wizard(self.cacao, conflict_policy="skip")
        wizard.action_copy()
        january = self.cacao_january.name
        self.assertEqual(
            self._targets_of(self.cacao),
            {
                ("TST-WATER", 2025): (100.0, 120.0),
                ("TST-SHARE", 2025): (50.0, 40.0),
                ("TST-WATER", january): (90.0, 110.0),
            },
        )
        copied = (
            self.env["csr.target"]
            .search([("company_id", "=", self.cacao.id), ("year", "=", 2025)])
            .filtered(lambda t: t.indicator_id == self.water and not t.period_id)
        )
        self.assertEqual((copied.baseline_value, copied.baseline_year), (130.0, 2024))
        self.assertEqual(
            wizard.summary,
            "Cacao del Sur SRL: 2 targets created, 0 overwritten, 1 kept",
        )
        self.assertEqual(wizard.state, "done")

    def test_copy_overwriting_existing_targets(self):
        wizard = self._wizard(self.cacao, conflict_policy="overwrite")
        wizard.action_copy()
        self.assertEqual(self.cacao_share.target_value, 30.0)
        self.assertEqual(self.cacao_share.amber_limit, 20.0)
        self.assertEqual(len(self._targets_of(self.cacao)), 3)
        self.assertEqual(
            wizard.summary,
            "Cacao del Sur SRL: 2 targets created, 1 overwritten, 0 kept",
        )
        # The source is untouched.
        self.assertEqual(len(self._targets_of(self.company)), 3)

    def test_all_or_nothing_when_a_period_is_missing(self):
        wizard = self._wizard(self.cacao | self.mercado)
        missing = re.escape(f"Mercado Central SA ({self.january.name})")
        with self.assertRefused(UserError, missing):
            wizard.action_copy()
        self.assertEqual(len(self._targets_of(self.cacao)), 1)
        self.assertFalse(self._targets_of(self.mercado))
        # Copying the yearly targets of 2025 still meets the January target.
        wizard = self._wizard(self.mercado, year=2025)
        with self.assertRefused(UserError, "Create these periods first"):
            wizard.action_copy()

    def test_bad_requests_are_refused(self):
        with self.assertRefused(UserError, "other than the source"):
            self._wizard(self.company).action_copy()
        with self.assertRefused(UserError, "Choose what to copy"):
            self._wizard(self.cacao, copy_targets=False).action_copy()
        with self.assertRefused(UserError, "has no target to copy"):
            self._wizard(self.cacao, year=2024).action_copy()
        own = self.env["csr.indicator"].create(
            {
                "code": "TST-OWN",
                "name": "Andina's own",
                "pillar": "social",
                "unit": "u",
                "company_id": self.company.id,
            }
        )
        self._target(self.company, own, 5.0, 4.0, year=2025)
        with self.assertRefused(
            UserError, "belong to Tostadora Andina SAS only.*TST-OWN"
        ):
            self._wizard(self.cacao).action_copy()
        self.assertEqual(len(self._targets_of(self.cacao)), 1)

    def test_only_between_allowed_companies(self):
        # Cacao is not selected in the consultant's switcher.
        wizard = self._wizard(self.cacao, selected=self.company | self.mercado)
        with self.assertRefused(UserError, "company switcher"):
            wizard.action_copy()
        # A manager of Andina only cannot even select Cacao.
        with self.assertRaises(AccessError):
            self._wizard(self.cacao, user=self.manager)

    def test_copy_settings_keeping_or_overwriting(self):
        self._wizard(self.cacao, copy_targets=False, copy_settings=True).action_copy()
        self.assertEqual(
            (
                self.cacao.csr_sector_id,
                self.cacao.csr_company_size,
                self.cacao.csr_base_year,
                self.cacao.csr_score_min_completeness,
            ),
            (self.commerce, "small", 2019, 50.0),
        )
        wizard = self._wizard(
            self.cacao,
            copy_targets=False,
            copy_settings=True,
            conflict_policy="overwrite",
        )
        wizard.action_copy()
        self.assertEqual(self.cacao.csr_sector_id, self.company.csr_sector_id)
        self.assertEqual(self.cacao.csr_score_min_completeness, 60.0)
        self.assertIn("settings copied: CSR sector", wizard.summary)

    def test_only_managers_copy(self):
        for user in (self.user, self.auditor):
            with self.subTest(user=user.login), self.assertRaises(AccessError):
                self._wizard(self.cacao, user=user, selected=self.company)
