# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The indicators of one realistic year on each Latin-American chart Odoo
ships, against values derived by hand from the business facts (never from
account types or tags). The year is described in ``books.py``; its amounts
are base units x the chart's scale S, with the chart's VAT rate r and the USD
rates R1 (bill) and R2 (payment). Per chart:

  chart  S      r     R1/R2        legal week  2025 minimum wage  grid factor
  co     4,000  19 %  4,200/4,100  44 h        1,423,500 COP      0.112
  mx     20     16 %  20.5/20.0    48 h        278.80 x 30 MXN    0.423
  br     5      17 %  5.8/5.6      44 h        1,518 BRL          0.0385
  cl     1,000  19 %  950/930      44 h        529,000 CLP        0.238 (LAC)
  pe     4      18 %  3.8/3.7      48 h        1,130 PEN          0.238 (LAC)
  ar     1,000  21 %  1,075/1,065  48 h        334,800 ARS        0.238 (LAC)
  ec     1      15 %  1/1 (USD)    40 h        470 USD            0.238 (LAC)
  uy     40     22 %  43/42        48 h        23,604 UYU         0.238 (LAC)

ar (minimum in force from 1 Dec 2025), ec and uy: the legal minimum of
Ecuador and Uruguay does not ship, the user enters it (a documented setup).
"""

from odoo import Command
from odoo.tests import tagged

from . import books
from .books import (
    BANK_FEE,
    CREDIT_NOTE,
    DEPRECIATION,
    DIESEL_L,
    DIVIDENDS,
    DONATION,
    EMPLOYEE_SS,
    EMPLOYER_SS,
    EXPORT,
    FINE,
    INPUT_VAT_BASE_H1,
    INTEREST_EARNED,
    INTEREST_PAID,
    KWH,
    LOCAL_TAX,
    OPENING_BANK,
    OUTPUT_VAT_BASE_H1,
    RAW_1,
    RAW_2,
    SALARIES,
    SALES,
    SERVICES,
    TRAINING,
    USD_SOFTWARE,
    WATER_M3,
)

MONEY = 0.01
ENV_CODES = ("ENV-01", "ENV-02", "ENV-05", "ENV-06", "ENV-11")


class RealBooksTests:
    """The checks, shared by every chart (a mixin, so not collected alone)."""

    # -- hand values -------------------------------------------------------------

    @property
    def rates(self):
        return self.spec["usd_rates"]

    def hand_revenue(self):
        return (SALES - CREDIT_NOTE + EXPORT) * self.S

    def hand_fx_gain(self):
        r1, r2 = self.rates
        return USD_SOFTWARE * (r1 - r2)

    def hand_services(self):
        return SERVICES * self.S if self.spec.get("withholding") else 0.0

    def hand_operating_costs(self):
        S = self.S
        bought = RAW_1 + RAW_2 + 6_000 + 1_800 + 600 + TRAINING + 12 * BANK_FEE
        return bought * S + USD_SOFTWARE * self.rates[0] + self.hand_services()

    def hand_wages(self):
        return 12 * (SALARIES + EMPLOYER_SS) * self.S

    def hand_capital(self):
        dividends = DIVIDENDS if self.spec.get("dividends") else 0
        return (4 * INTEREST_PAID + dividends) * self.S

    def hand_government(self):
        return (LOCAL_TAX + FINE) * self.S

    def hand_community(self):
        return DONATION * self.S

    def hand_distributed(self):
        return (
            self.hand_operating_costs()
            + self.hand_wages()
            + self.hand_capital()
            + self.hand_government()
            + self.hand_community()
        )

    def hand_generated(self):
        return self.hand_revenue() + INTEREST_EARNED * self.S + self.hand_fx_gain()

    def hand_net_result(self):
        S = self.S
        income = self.hand_generated()
        expenses = (
            self.hand_operating_costs()
            + self.hand_wages()
            + 4 * INTEREST_PAID * S
            + self.hand_government()
            + self.hand_community()
            + 12 * DEPRECIATION * S
        )
        return income - expenses

    def hand_vat_paid(self):
        return (OUTPUT_VAT_BASE_H1 - INPUT_VAT_BASE_H1) * self.S * self.r

    def hand_assets(self):
        S, r = self.S, self.r
        withholding = self.spec.get("withholding")
        gross = 1 + r
        bank = (
            OPENING_BANK * S
            + (10_000 + 12_000 - 2_000) * S * gross  # collected, net of refund
            + EXPORT * S
            + INTEREST_EARNED * S
            - (RAW_1 + 6_000 + 1_800 + 600 + TRAINING) * S * gross  # bills paid
            - USD_SOFTWARE * self.rates[1]
            - (SERVICES * S * withholding["rate"] / 100 if withholding else 0)
            - 12 * (SALARIES - EMPLOYEE_SS) * S
            - 12 * (EMPLOYER_SS + EMPLOYEE_SS) * S
            - LOCAL_TAX * S
            - self.hand_vat_paid()
            - (DIVIDENDS * S if self.spec.get("dividends") else 0)
            - 4 * INTEREST_PAID * S
            - (FINE + DONATION + 12 * BANK_FEE) * S
        )
        receivable = 8_000 * S * gross
        machinery = (24_000 - 12 * DEPRECIATION) * S
        input_vat = RAW_2 * S * r
        if withholding and withholding["vat"]:
            input_vat += SERVICES * S * r
        if self.spec.get("one_vat_account") or self.spec.get("vat_presented_net"):
            # output VAT of the Sep sale offsets, on one account (PE 40111) or
            # in one group presented net (CO 2408)
            input_vat = max(input_vat - 8_000 * S * r, 0.0)
        return bank + receivable + machinery + input_vat

    def hand_local_share(self):
        local = (RAW_1 + RAW_2 + 6_000 + 1_800 + 600 + TRAINING) * self.S
        local += self.hand_services()
        return local, USD_SOFTWARE * self.rates[0]

    # -- helpers ---------------------------------------------------------------

    def assertValue(self, code, expected, delta=MONEY, period=None):
        value = self.value(code, period)
        self.assertTrue(value, f"{self.CHART}: {code} has no value")
        self.assertAlmostEqual(
            value.value, expected, delta=delta, msg=f"{self.CHART}: {code}"
        )
        return value

    def assertNoValue(self, code, period=None):
        value = self.value(code, period)
        self.assertFalse(
            value, f"{self.CHART}: {code} should have no value, has {value.value}"
        )

    def documented_setup(self, code):
        """Where the chart lacks the account a figure needs, the figure first
        says so (no value, or a value with a warning), then the setup the
        README gives for that chart makes it right."""
        gaps = self.spec.get("gaps", {}).get(code)
        if not gaps:
            return
        value = self.value(code)
        if value:
            self.assertTrue(
                value.warning, f"{self.CHART}: {code} is doubtful but silent"
            )
        else:
            self.assertIn(f"{code}: ", self.period.compute_warnings or "")
        for kind, key, what in [gaps] if isinstance(gaps, tuple) else gaps:
            if kind == "minimum_wage":
                # Configuration › Minimum Wages: the user enters the year's.
                self.env["csr.minimum.wage"].create(
                    {
                        "country_id": self.company.country_id.id,
                        "date_from": "2025-01-01",
                        "amount": self.spec["minimum_wage"],
                        "currency_id": self.company.currency_id.id,
                        "basis": "monthly",
                        "source_publisher": "Ministry of Labour",
                        "source_document": "Minimum wage decree 2025",
                        "source_year": 2025,
                    }
                )
                continue
            account = self.account(key)
            if kind == "tag":
                tag = self.env.ref(f"csr_management.{what}").with_company(self.company)
                tag.write({"csr_account_ids": [Command.link(account.id)]})
            else:
                self.env["csr.account.rule"].create(
                    {
                        "company_id": self.company.id,
                        "bucket": what,
                        "account_prefixes": account.code,
                    }
                )
        self.recompute()

    def recompute(self):
        self.env.flush_all()
        result = self.period.sudo().action_compute()
        self.period.invalidate_recordset()
        return result

    # -- the books themselves ---------------------------------------------------

    def test_books_balance(self):
        """The fixture posted what it says: the bank ends at the hand balance
        and the USD payment produced an automatic FX gain of 500 x (R1 - R2)."""
        company = self.company
        lines = self.env["account.move.line"].search(
            [("company_id", "=", company.id), ("parent_state", "=", "posted")]
        )
        fx_account = company.income_currency_exchange_account_id
        self.assertTrue(fx_account, f"{self.CHART}: no FX gain account")
        fx = -sum(
            lines.filtered(lambda line: line.account_id == fx_account).mapped("balance")
        )
        self.assertAlmostEqual(fx, self.hand_fx_gain(), delta=MONEY)
        self.assertEqual(
            self.worklist_products,
            self.electricity | self.diesel | self.water,
            "the worklist found exactly the energy and water products",
        )

    # -- economic --------------------------------------------------------------

    def test_eco_01_net_revenue(self):
        """ECO-01 = sales 10,000 + 12,000 + 8,000 - credit note 2,000 + export
        5,000 = 33,000 x S, untaxed; not the bank interest (150), the FX gain
        nor (PE) the class-79 destino credit."""
        self.assertValue("ECO-01", self.hand_revenue())

    def test_eco_10_operating_costs(self):
        """ECO-10 = raw material 9,000 + 15,000, electricity 6,000, diesel
        1,800, water 600, training 1,200, bank fees 12 x 20 (= 33,840 x S),
        services 4,000 x S where withheld, and software USD 500 x R1; not
        payroll, interest, taxes, fines, donations, depreciation."""
        self.documented_setup("ECO-10")
        self.assertValue("ECO-10", self.hand_operating_costs())

    def test_eco_11_wages_and_benefits(self):
        """ECO-11 = 12 x (salaries 5,000 + employer contributions 1,500)
        = 78,000 x S (CO: ARL 200 on the user's 510568 included)."""
        self.assertValue("ECO-11", self.hand_wages())

    def test_eco_12_providers_of_capital(self):
        """ECO-12 = interest 4 x 400 + dividends declared 3,000 (co, mx, br)
        = 4,600 x S, else 1,600 x S."""
        self.documented_setup("ECO-12")
        self.assertValue("ECO-12", self.hand_capital())

    def test_eco_13_government(self):
        """ECO-13 = local tax 800 + fine 300 = 1,100 x S."""
        self.documented_setup("ECO-13")
        self.assertValue("ECO-13", self.hand_government())

    def test_eco_14_community(self):
        """ECO-14 = donation 500 x S."""
        self.documented_setup("ECO-14")
        self.assertValue("ECO-14", self.hand_community())

    def test_eco_04_distributed(self):
        """ECO-04 = ECO-10 + ECO-11 + ECO-12 + ECO-13 + ECO-14; depreciation
        (2,400 x S) and FX losses are not distributed."""
        self.documented_setup("ECO-04")
        self.assertValue("ECO-04", self.hand_distributed())

    def test_eco_03_generated(self):
        """ECO-03 = ECO-01 33,000 x S + interest earned 150 x S + FX gain
        500 x (R1 - R2)."""
        self.assertValue("ECO-03", self.hand_generated())

    def test_eco_05_retained(self):
        """ECO-05 = ECO-03 - ECO-04."""
        self.documented_setup("ECO-05")
        self.assertValue("ECO-05", self.hand_generated() - self.hand_distributed())

    def test_eco_06_net_margin(self):
        """ECO-06 = (income 33,150 x S + FX gain - expenses: ECO-10, 78,000,
        interest 1,600, 1,100, 500, depreciation 2,400, all x S) / ECO-01 x 100.
        Dividends are not an expense; the PE destino entry nets to nothing."""
        expected = self.hand_net_result() / self.hand_revenue() * 100.0
        self.assertValue("ECO-06", expected, delta=0.0001)

    def test_eco_02_total_assets(self):
        """ECO-02 = bank (70,000 opening + collections - payments, see
        hand_assets) + receivable of the September sale 8,000 x (1 + r)
        + machinery 24,000 - 2,400 + input VAT still to credit at year end
        (15,000 r of the November bill, + 4,000 r of the services bill where
        it bears VAT; PE: net of the September output IGV on the same 40111,
        a debit balance of a liability-typed tax account; CO: net of the
        output VAT 240805 of the same group 2408, presented net), all x S."""
        self.assertValue("ECO-02", self.hand_assets())

    def test_eco_07_local_suppliers(self):
        """ECO-07 = local bills 33,600 x S (+ services 4,000 x S where
        withheld) / (local + USD 500 x R1) x 100."""
        local, foreign = self.hand_local_share()
        self.assertValue("ECO-07", local / (local + foreign) * 100.0, delta=0.0001)

    def test_eco_07_supplier_without_country(self):
        """The water company loses its country: its 600 x S is left out of
        both sides and the value's warning names it."""
        self.water_company.country_id = False
        self.recompute()
        local, foreign = self.hand_local_share()
        local -= 600 * self.S
        value = self.assertValue(
            "ECO-07", local / (local + foreign) * 100.0, delta=0.0001
        )
        self.assertIn(self.water_company.name, value.warning or "")

    def test_eco_08_payment_days(self):
        """ECO-08 = amount-weighted days: raw material 9,000(1+r)S x 30,
        electricity 6,000(1+r)S x 0, diesel 1,800(1+r)S x 60, water
        600(1+r)S x 30, training 1,200(1+r)S x 5, software 500 R1 x 30."""
        S, gross, r1 = self.S, 1 + self.r, self.rates[0]
        paid = [
            (RAW_1 * S * gross, 30),
            (6_000 * S * gross, 0),
            (1_800 * S * gross, 60),
            (600 * S * gross, 30),
            (TRAINING * S * gross, 5),
            (USD_SOFTWARE * r1, 30),
        ]
        expected = sum(a * d for a, d in paid) / sum(a for a, _d in paid)
        self.assertValue("ECO-08", expected, delta=0.0001)

    def test_eco_09_taxes_paid(self):
        """ECO-09 = VAT settled 1,400 r x S + local tax 800 x S + social
        security remitted 12 x 1,900 x S; not the input VAT, the credit-note
        VAT, the settlement offset nor the supplier withholding remitted."""
        expected = (
            self.hand_vat_paid()
            + LOCAL_TAX * self.S
            + 12 * (EMPLOYER_SS + EMPLOYEE_SS) * self.S
        )
        self.assertValue("ECO-09", expected)

    # -- social ------------------------------------------------------------------

    def test_soc_headcount_and_shares(self):
        """Running contracts on 31 Dec: Ana (f, manager), Carlos (m, manager),
        Diana (f, fixed term), Eduardo (m, part time); Felipe left in August.
        SOC-01 = 4, SOC-02 = 3/4 = 75 %, SOC-03 = 2/4 = 50 %, SOC-20 = 1 woman
        of 2 managers = 50 %."""
        self.assertValue("SOC-01", 4.0, delta=0)
        self.assertValue("SOC-02", 75.0, delta=0.0001)
        self.assertValue("SOC-03", 50.0, delta=0.0001)
        self.assertValue("SOC-20", 50.0, delta=0.0001)

    def test_soc_19_training_per_employee(self):
        """SOC-19 = training course 1,200 x S / 4 employees."""
        self.documented_setup("SOC-19")
        self.assertValue("SOC-19", TRAINING * self.S / 4)

    def test_soc_15_pay_gap(self):
        """Hourly wages in units of M / (H x 52/12): Ana 3, Carlos 2.5,
        Diana 1, Eduardo 0.6 M on H/2 = 1.2. Men (2.5 + 1.2)/2 = 1.85, women
        (3 + 1)/2 = 2.0: SOC-15 = (1.85 - 2.0)/1.85 x 100 = -8.1081 %."""
        self.assertValue("SOC-15", (1.85 - 2.0) / 1.85 * 100.0, delta=0.001)

    def test_soc_13_14_minimum_wage(self):
        """Diana earns exactly the 2025 minimum M full time; Eduardo 0.6 M on
        half the legal week, i.e. 1.2 M full time. SOC-13 = 1 (all at or
        above), SOC-14 = M / M = 1.0. Both calendars have "Company Full Time"
        0, so the scaling uses the company's schedule and the values warn."""
        self.documented_setup("SOC-13")
        self.assertEqual(self.full_time.full_time_required_hours, 0.0)
        self.assertEqual(self.part_time.full_time_required_hours, 0.0)
        soc13 = self.assertValue("SOC-13", 1.0, delta=0)
        soc14 = self.assertValue("SOC-14", 1.0, delta=0.0001)
        for value in (soc13, soc14):
            self.assertRegex(value.warning or "", r"(?i)full.time")

    # -- environment -------------------------------------------------------------

    def test_env_mapped(self):
        """ENV-02 = 12,000 kWh / 1,000 = 12 MWh. The 1,500 L of generator
        diesel are split by the country's blend in April 2025 (share s: CO
        10 %, BR 14 %, PE and AR 5 %, else none): fossil 1,500 (1 - s) L at
        36.12 MJ/L, biodiesel 1,500 s L at 33 MJ/L. ENV-01 = 12 + MJ / 3,600
        (27.05 MWh with no blend, 26.92 in Colombia). ENV-05 = fossil x
        2.6765 kg CO2 + MJ x (10 kg CH4/TJ x 28 + 0.6 kg N2O/TJ x 265) / 1e6
        (AR5), in t: 4.038535 with no blend, 3.636855 in Colombia (1,350 L,
        53,712 MJ). ENV-06 = 12,000 x the grid factor of 2025 or the latest
        before it / 1,000; ENV-11 = 300 m³."""
        ncv = self.env.ref("csr_management.activity_diesel").ncv_mj
        share = self.spec.get("diesel_bio_share", 0.0)
        fossil = DIESEL_L * (1 - share)
        energy_mj = fossil * ncv + DIESEL_L * share * 33.0
        # Values are stored with 4 decimals.
        self.assertValue("ENV-02", KWH / 1000.0, delta=1e-4)
        self.assertValue("ENV-01", KWH / 1000.0 + energy_mj / 3600.0, delta=1e-4)
        scope_1_kg = fossil * 2.6765 + energy_mj * (10 * 28 + 0.6 * 265) / 1e6
        self.assertValue("ENV-05", scope_1_kg / 1000.0, delta=1e-4)
        self.assertValue("ENV-06", KWH * self.spec["grid_factor"] / 1000.0, delta=1e-4)
        self.assertValue("ENV-11", float(WATER_M3), delta=1e-4)

    def test_env_unmapped(self):
        """Products left unmapped: no ENV value at all (not 0.0), and the
        compute names the products to map."""
        products = self.electricity | self.diesel | self.water
        products.product_tmpl_id.write({"csr_activity_id": False})
        result = self.recompute()
        for code in ENV_CODES:
            self.assertNoValue(code)
        said = "\n".join(
            [
                str(result.get("params", {}).get("message", "")),
                self.period.compute_warnings or "",
                self.period.message_ids[:1].body or "",
            ]
        )
        for product in products:
            self.assertIn(product.name, said)


@tagged("post_install", "-at_install", "real_books", "csr_compute")
class TestRealBooksCO(RealBooksTests, books.RealBooksCase):
    CHART = "co"


@tagged("post_install", "-at_install", "real_books", "csr_compute")
class TestRealBooksMX(RealBooksTests, books.RealBooksCase):
    CHART = "mx"


@tagged("post_install", "-at_install", "real_books", "csr_compute")
class TestRealBooksBR(RealBooksTests, books.RealBooksCase):
    CHART = "br"


@tagged("post_install", "-at_install", "real_books", "csr_compute")
class TestRealBooksCL(RealBooksTests, books.RealBooksCase):
    CHART = "cl"


@tagged("post_install", "-at_install", "real_books", "csr_compute")
class TestRealBooksPE(RealBooksTests, books.RealBooksCase):
    CHART = "pe"


@tagged("post_install", "-at_install", "real_books", "csr_compute")
class TestRealBooksAR(RealBooksTests, books.RealBooksCase):
    CHART = "ar"


@tagged("post_install", "-at_install", "real_books", "csr_compute")
class TestRealBooksEC(RealBooksTests, books.RealBooksCase):
    CHART = "ec"


@tagged("post_install", "-at_install", "real_books", "csr_compute")
class TestRealBooksUY(RealBooksTests, books.RealBooksCase):
    CHART = "uy"
