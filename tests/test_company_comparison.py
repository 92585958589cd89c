# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""A consultant compares January 2025 of three client companies; only the
two test indicators apply (the shipped catalogue is archived), both
environmental, with the same targets in each company: WATER (lower is
better, January target 100 / amber 120) and SHARE (higher is better, 2025
target 30 / amber 20, which judges a month since it is a share).

            sector         WATER  score              SHARE  score
  Andina    manufacturing  110    50+50x10/20 = 75   40     100 (green)
  Cacao     manufacturing   90    100 (green)        10     one band below
                                                            the amber: 0
  Mercado   commerce       130    half a band        25     50+50x5/10 = 75
                                  beyond: 25

Environmental score (equal weights): Andina (75 + 100) / 2 = 87.5, Cacao
(100 + 0) / 2 = 50, Mercado (25 + 75) / 2 = 50. The other pillars have no
applicable indicator, so no score; the index is the environmental score.

Medians over the three: WATER 110 (90, 110, 130), SHARE 25 (10, 25, 40),
environmental 50 (50, 50, 87.5). Manufacturing (Andina and Cacao): WATER
(110 + 90) / 2 = 100, SHARE (40 + 10) / 2 = 25, environmental
(87.5 + 50) / 2 = 68.75. Commerce has Mercado only: its median is its value,
and it is not shown as a shared sector.

Reference ranges:
  SHARE  manufacturing 20-50; every sector 30-60; commerce 35-70 for yearly
         figures only (a month is not positioned against it).
         Andina 40 within (typical); Cacao 10 below the manufacturing range
         (worse: higher is better); Mercado 25 below the all-sector range.
  WATER  every sector 95-120; Mercado's own range 120-140.
         Andina 110 within; Cacao 90 below (better: lower is better);
         Mercado 130 within its own range, which the others do not use.
"""

from datetime import date

from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import new_test_user, tagged

from ..services.company_comparison import CompanyComparison
from .common import DISABLED_MAIL, MANAGER_GROUPS, CsrCase

JANUARY = date(2025, 1, 1)


class ComparisonCase(CsrCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env["csr.indicator"].search(
            [("code", "not in", ("TST-WATER", "TST-SHARE"))]
        ).write({"active": False})
        cls.manufacturing = cls.env.ref("csr_management.sector_manufacturing")
        cls.commerce = cls.env.ref("csr_management.sector_commerce")
        cls.company.csr_sector_id = cls.manufacturing
        Company = cls.env["res.company"]
        cls.cacao = Company.create(
            {"name": "Cacao del Sur SRL", "csr_sector_id": cls.manufacturing.id}
        )
        cls.mercado = Company.create(
            {"name": "Mercado Central SA", "csr_sector_id": cls.commerce.id}
        )
        cls.clients = cls.company | cls.cacao | cls.mercado
        cls.periods = {cls.company: cls.january}
        for company in (cls.cacao, cls.mercado):
            cls.periods[company] = cls._make_period(
                "month", JANUARY, date(2025, 1, 31), company=company
            )
        figures = {cls.company: (110.0, 40.0), cls.cacao: (90.0, 10.0)}
        figures[cls.mercado] = (130.0, 25.0)
        for company, (water, share) in figures.items():
            cls._setup_company(company, water, share)
        cls.consultant = new_test_user(
            cls.env,
            login="csr_test_consultant",
            groups=MANAGER_GROUPS,
            company_id=cls.company.id,
            company_ids=cls.clients.ids,
            context=DISABLED_MAIL,
        )

    @classmethod
    def _setup_company(cls, company, water, share):
        period = cls.periods[company]
        Target = cls.env["csr.target"]
        Target.create(
            {
                "indicator_id": cls.water.id,
                "company_id": company.id,
                "period_id": period.id,
                "target_value": 100.0,
                "amber_limit": 120.0,
            }
        )
        Target.create(
            {
                "indicator_id": cls.share.id,
                "company_id": company.id,
                "year": 2025,
                "target_value": 30.0,
                "amber_limit": 20.0,
            }
        )
        Value = cls.env["csr.indicator.value"]
        for indicator, figure in ((cls.water, water), (cls.share, share)):
            Value.create(
                {"indicator_id": indicator.id, "period_id": period.id, "value": figure}
            )

    def _env_of(self, user, companies):
        return self.env(
            user=user, context=dict(self.env.context, allowed_company_ids=companies.ids)
        )

    def _compare(self, user=None, companies=None, selected=None, kind="month"):
        user = user or self.consultant
        companies = companies or self.clients
        env = self._env_of(user, selected or companies)
        return CompanyComparison(env).build(companies.with_env(env), kind, JANUARY)


@tagged("csr_report")
class TestCompanyComparison(ComparisonCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        Range = cls.env["csr.benchmark.range"]

        def add(indicator, low, median, high, sector=None, **extra):
            return Range.create(
                {
                    "indicator_id": indicator.id,
                    "sector_id": sector and sector.id,
                    "low": low,
                    "median": median,
                    "high": high,
                    "year": 2023,
                    "source": "Test source",
                    **extra,
                }
            )

        add(cls.share, 20.0, 30.0, 50.0, cls.manufacturing)
        add(cls.share, 30.0, 45.0, 60.0)
        add(cls.share, 35.0, 50.0, 70.0, cls.commerce, annual_only=True)
        add(cls.water, 95.0, 100.0, 120.0)
        cls.own_water_range = add(
            cls.water, 120.0, 130.0, 140.0, company_id=cls.mercado.id
        )

    def test_each_company_side_by_side_with_medians(self):
        comparison = self._compare()
        self.assertEqual(
            [column.name for column in comparison.columns],
            # By company sequence, then name.
            ["Cacao del Sur SRL", "Mercado Central SA", "Tostadora Andina SAS"],
        )
        andina, cacao, mercado = (c.id for c in self.clients)
        expected = {
            "TST-WATER": ((110.0, 90.0, 130.0), 110.0, 100.0),
            "TST-SHARE": ((40.0, 10.0, 25.0), 25.0, 25.0),
            "pillar:environmental": ((87.5, 50.0, 50.0), 50.0, 68.75),
            "index": ((87.5, 50.0, 50.0), 50.0, 68.75),
        }
        for key, (values, median, manufacturing) in expected.items():
            with self.subTest(key=key):
                row = comparison.row(key)
                self.assertEqual(
                    tuple(row.values[company] for company in (andina, cacao, mercado)),
                    values,
                )
                self.assertEqual(row.median, median)
                self.assertEqual(
                    row.sector_medians[self.manufacturing.id], manufacturing
                )
        self.assertEqual(
            comparison.sectors, ((self.manufacturing.id, self.manufacturing.name),)
        )
        self.assertEqual(
            comparison.row("TST-WATER").sector_medians[self.commerce.id], 130
        )
        self.assertIsNone(comparison.row("pillar:social").median)
        # Rows: the index, the four pillar scores, then the indicators.
        self.assertEqual(
            [row.key for row in comparison.rows][:5],
            ["index", "pillar:economic", "pillar:environmental", "pillar:social"]
            + ["pillar:governance"],
        )
        self.assertEqual({row.kind for row in comparison.rows[5:]}, {"indicator"})

    def test_positions_against_the_sector_ranges(self):
        comparison = self._compare()
        andina, cacao, mercado = (c.id for c in self.clients)
        share = comparison.row("TST-SHARE")
        self.assertEqual(
            [share.positions[c] for c in (andina, cacao, mercado)],
            ["within", "below", "below"],
        )
        self.assertEqual(
            [share.standings[c] for c in (andina, cacao, mercado)],
            ["typical", "worse", "worse"],
        )
        self.assertEqual((share.ranges[cacao].low, share.ranges[cacao].high), (20, 50))
        self.assertEqual(
            (share.ranges[mercado].low, share.ranges[mercado].high), (30, 60)
        )
        water = comparison.row("TST-WATER")
        self.assertEqual(
            [water.positions[c] for c in (andina, cacao, mercado)],
            ["within", "below", "within"],
        )
        self.assertEqual(water.standings[cacao], "better")
        self.assertEqual(water.ranges[mercado].range_id, self.own_water_range.id)
        self.assertEqual(water.ranges[andina].high, 120.0)
        self.assertTrue(water.ranges[andina].indicative)
        # Scores have no reference range.
        self.assertEqual(comparison.row("index").positions, {})

    def test_user_of_one_company_never_sees_another(self):
        # A user allowed Andina only cannot select Cacao in the switcher...
        with self.assertRaises(AccessError):
            self._env_of(self.user, self.company | self.cacao).companies  # noqa: B018
        # ...nor compare it when only Andina is selected.
        with self.assertRaisesRegex(UserError, "company switcher"):
            self._compare(
                user=self.user,
                companies=self.company | self.cacao,
                selected=self.company,
            )
        # His own company alone: no other company's figure appears.
        comparison = self._compare(user=self.user, companies=self.company)
        self.assertEqual([c.company_id for c in comparison.columns], [self.company.id])
        self.assertEqual(set(comparison.row("TST-WATER").values), {self.company.id})
        # Mercado's own range is not even read for him.
        ranges = self.env["csr.benchmark.range"].with_env(
            self._env_of(self.user, self.company)
        )
        self.assertNotIn(self.own_water_range, ranges.search([]))

    def test_consultant_compares_only_the_selected_companies(self):
        with self.assertRaisesRegex(UserError, "company switcher"):
            self._compare(selected=self.company | self.cacao)
        comparison = self._compare(
            companies=self.company | self.cacao, selected=self.company | self.cacao
        )
        self.assertEqual(len(comparison.columns), 2)
        # Without Mercado, no range of Mercado's own is offered.
        water = comparison.row("TST-WATER")
        self.assertNotIn(
            self.own_water_range.id, [r.range_id for r in water.ranges.values()]
        )

    def test_missing_period_is_refused_clearly(self):
        self.periods[self.mercado].unlink()
        with self.assertRaisesRegex(UserError, "Mercado Central SA: no period"):
            self._compare()

    def test_yearly_ranges_position_only_years(self):
        # Mercado's yearly commerce range (35-70) is ignored for a month: its
        # SHARE of 25 is placed against the all-sector range (30-60).
        share = self._compare().row("TST-SHARE")
        self.assertEqual(share.ranges[self.mercado.id].low, 30.0)

    def test_wizard_shows_the_table(self):
        env = self._env_of(self.consultant, self.clients)
        wizard = env["csr.company.comparison"].create(
            {"period_kind": "month", "date_from": JANUARY}
        )
        self.assertEqual(wizard.company_ids, self.clients)
        action = wizard.action_compare()
        self.assertEqual(action["res_id"], wizard.id)
        html = str(wizard.result_html)
        for text in ("Cacao del Sur SRL", "Median <span>Manufacturing", "68.75"):
            self.assertIn(text, html)
        self.assertIn("below", html)
        self.assertIn("(20.00 – 50.00)", html)

    def test_queries_do_not_grow_with_the_reference_ranges(self):
        def queries():
            self.env.flush_all()
            self.env.invalidate_all()
            start = self.env.cr.sql_log_count
            self._compare()
            return self.env.cr.sql_log_count - start

        queries()  # the first call fills the caches of rules and labels
        before = queries()
        for sector in self.env["csr.sector"].search([]):
            for indicator in (self.water, self.share):
                self.env["csr.benchmark.range"].create(
                    {
                        "indicator_id": indicator.id,
                        "sector_id": sector.id,
                        "low": 1.0,
                        "median": 2.0,
                        "high": 3.0,
                        "year": 2024,
                        "source": "More",
                    }
                )
        self.assertEqual(queries(), before)
        # The newer, sector-specific ranges now position the companies.
        water = self._compare().row("TST-WATER")
        self.assertEqual(water.positions[self.cacao.id], "above")

    def test_comparison_access_per_role(self):
        for user in (self.user, self.auditor, self.manager):
            with self.subTest(user=user.login):
                env = self._env_of(user, self.company)
                wizard = env["csr.company.comparison"].create(
                    {"period_kind": "month", "date_from": JANUARY}
                )
                wizard.action_compare()
                self.assertIn("Tostadora Andina SAS", str(wizard.result_html))
        # A comparison is private to its author.
        other = self.env(user=self.auditor)["csr.company.comparison"]
        with self.assertRaises(AccessError):
            other.browse(wizard.id).read(["result_html"])


@tagged("csr_report")
class TestBenchmarkRange(ComparisonCase):
    def _range(self, env=None, **extra):
        env = env or self.env
        return env["csr.benchmark.range"].create(
            {
                "indicator_id": self.share.id,
                "low": 10.0,
                "median": 20.0,
                "high": 30.0,
                "year": 2024,
                "source": "Test source",
                **extra,
            }
        )

    def test_access_per_role(self):
        shared = self._range()
        for user in (self.user, self.auditor):
            with self.subTest(user=user.login):
                env = self._env_of(user, self.company)
                self.assertEqual(env["csr.benchmark.range"].browse(shared.id).low, 10.0)
                with self.assertRaises(AccessError):
                    self._range(env)
                with self.assertRaises(AccessError):
                    env["csr.benchmark.range"].browse(shared.id).write({"low": 5.0})
        env = self._env_of(self.manager, self.company)
        with self.assertRaises(AccessError):
            env["csr.benchmark.range"].browse(shared.id).write({"low": 5.0})
        created = self._range(
            env, sector_id=self.commerce.id, company_id=self.company.id
        )
        created.write({"high": 40.0})
        created.unlink()

    def test_company_rule(self):
        shared = self._range()
        own = self._range(company_id=self.cacao.id)
        cacao_user = self._make_user(
            "csr_test_cacao",
            "base.group_user,csr_management.group_csr_user",
            self.cacao,
        )
        Range = self.env["csr.benchmark.range"]
        andina_sees = Range.with_env(self._env_of(self.user, self.company)).search([])
        cacao_sees = Range.with_env(self._env_of(cacao_user, self.cacao)).search([])
        self.assertIn(shared, andina_sees)
        self.assertNotIn(own, andina_sees)
        self.assertIn(own, cacao_sees)
        with self.assertRaises(AccessError):
            Range.with_env(self._env_of(self.user, self.company)).browse(own.id).read(
                ["low"]
            )

    def test_range_must_be_ordered(self):
        with self.assertRefused(ValidationError, "increasing order"):
            self._range(median=40.0)
        with self.assertRefused(ValidationError, "year must lie"):
            self._range(year=1800)

    def test_shipped_ranges_are_indicative_and_sourced(self):
        shipped = (
            self.env["csr.benchmark.range"]
            .with_context(active_test=False)
            .search([("indicator_id.code", "=like", "%-%"), ("company_id", "=", False)])
            .filtered(lambda r: not r.indicator_id.code.startswith("TST-"))
        )
        self.assertGreaterEqual(len(shipped), 20)
        self.assertEqual(set(shipped.mapped("reliability")), {"indicative"})
        self.assertTrue(all(r.source and r.note for r in shipped))
        # Women in the workforce: one range for every sector of the catalogue.
        sectors = self.env["csr.sector"].search([])
        women = shipped.filtered(lambda r: r.indicator_id.code == "SOC-03")
        self.assertEqual(women.sector_id, sectors)


class TestComparisonCurrencies(ComparisonCase):
    """Revenue (an amount) of the three clients, January 2025:
        Andina   1,000,000 COP   manufacturing
        Cacao       50,000 MXN   manufacturing
        Mercado  3,000,000 COP   commerce
    COP and MXN are not added up or ranked against each other: the revenue
    row has no median over all, none for manufacturing (COP and MXN), and
    commerce's is Mercado's 3,000,000 COP. Water and share, not amounts, keep
    their medians (110 and 25). With Cacao in COP too, the revenue median is
    the middle of 50,000, 1,000,000 and 3,000,000: 1,000,000."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cop, mxn = cls.env.ref("base.COP"), cls.env.ref("base.MXN")
        (cop | mxn).active = True
        (cls.company | cls.mercado).currency_id = cop
        cls.cacao.currency_id = mxn
        cls.revenue = cls.env["csr.indicator"].create(
            {
                "code": "TST-REVENUE",
                "name": "Test revenue",
                "pillar": "economic",
                "unit": "currency",
                "value_type": "monetary",
                "direction": "higher",
                "aggregation": "sum",
                "source_type": "manual",
            }
        )
        amounts = {cls.company: 1e6, cls.cacao: 5e4, cls.mercado: 3e6}
        for company, amount in amounts.items():
            cls.env["csr.indicator.value"].create(
                {
                    "indicator_id": cls.revenue.id,
                    "period_id": cls.periods[company].id,
                    "value": amount,
                }
            )

    def test_no_median_across_currencies(self):
        comparison = self._compare()
        revenue = comparison.row("TST-REVENUE")
        self.assertEqual(revenue.currencies, ("COP", "MXN"))
        self.assertIsNone(revenue.median)
        self.assertNotIn(self.manufacturing.id, revenue.sector_medians)
        self.assertEqual(revenue.sector_medians[self.commerce.id], 3e6)
        self.assertEqual(revenue.units[self.cacao.id], "MXN")
        self.assertEqual(comparison.row("TST-WATER").median, 110.0)
        self.assertEqual(comparison.row("TST-SHARE").median, 25.0)

    def test_one_currency_has_its_median(self):
        self.cacao.currency_id = self.env.ref("base.COP")
        revenue = self._compare().row("TST-REVENUE")
        self.assertFalse(revenue.mixed_currencies)
        self.assertEqual(revenue.median, 1e6)

    def test_wizard_names_each_currency(self):
        env = self._env_of(self.consultant, self.clients)
        wizard = env["csr.company.comparison"].create(
            {"period_kind": "month", "date_from": JANUARY}
        )
        wizard.action_compare()
        html = str(wizard.result_html)
        for text in (
            "1.0 M COP",
            "50,000.00 MXN",
            "own currency (COP, MXN)",
        ):
            self.assertIn(text, html)

    def test_amounts_of_one_currency_keep_its_unit_and_median(self):
        """Cacao (MXN) has no revenue: the row is all pesos colombianos, its
        unit is COP (not Cacao's MXN) and its median (1,000,000 + 3,000,000)
        / 2 = 2.0 M COP."""
        self.env["csr.indicator.value"].search(
            [
                ("indicator_id", "=", self.revenue.id),
                ("period_id.company_id", "=", self.cacao.id),
            ]
        ).unlink()
        env = self._env_of(self.consultant, self.clients)
        wizard = env["csr.company.comparison"].create(
            {"period_kind": "month", "date_from": JANUARY}
        )
        comparison = self._compare()
        values = wizard._table_values(comparison)
        row = next(r for r in values["rows"] if r["label"].startswith("TST-REVENUE"))
        self.assertEqual(row["unit"], "COP")
        self.assertEqual(row["median"], "2.0 M COP")
        self.assertEqual(
            [cell["value"] for cell in row["cells"]], ["–", "3.0 M COP", "1.0 M COP"]
        )
