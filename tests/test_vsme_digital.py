# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The digital VSME report (xBRL-JSON and Inline XBRL) of a hand-built
company, January 2025 against December 2024.

The company works Monday to Friday, 8 h a day (40 h a week, 5 days). Four
employees: a permanent woman and man since 2024-01-01, a temporary man and a
temporary employee of other gender from 2024-07-01 to 2025-06-30.

- B8 counts on 31 January: permanent 2, temporary 2; male 2, female 1,
  other 1, not reported 0.
- B9 hours worked in January: 1 January 2025 is a Wednesday, so January has
  3 + 4 x 5 = 23 working days; 4 employees x 23 days = 92 days, no leave;
  92 x 40 h / 5 days = 736 h. One accident: 1 / 736 x 200,000 = 271.739...
  = 271.74. December 2024: 22 working days x 4 = 88 days x 8 h = 704 h, no
  accident: rate 0.
- B3 location-based intensity: (3.2 + 1.5) tCO2e / 100,000 USD
  = 0.000047 tCO2e per USD.
- B3 table, from ENV-01 20 MWh, ENV-02 12.5 (bought and own), ENV-21
  renewable 6, ENV-22 renewable electricity 4, ENV-23 own solar 1.5:
  electricity from the grid 12.5 - 1.5 = 11, renewable 4 - 1.5 = 2.5,
  non-renewable 11 - 2.5 = 8.5; self-generated 1.5, all renewable; fuels
  20 - 12.5 = 7.5, renewable 6 - 4 = 2, non-renewable 5.5. December has no
  ENV-21 to ENV-23: its totals only.
- Managers on 31 January: Luis (male) manages Ana, Ana (female) manages
  Pedro, Pedro (male) manages Alex: 1 woman for 2 men, ratio 0.5 (SOC-30);
  SOC-20 1 / 3 = 33.33 %.
- B7 waste 2 t, 25 % hazardous: 0.5 t hazardous, 1.5 t non-hazardous.
- Percentages become ratios: turnover 10 % -> 0.1, pay gap 5 % -> 0.05,
  collective bargaining 50 % -> 0.5.
"""

import base64
import json
import re
import zipfile
from datetime import date
from io import BytesIO

import openpyxl

from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import Form

from ..engine import vsme_xbrl
from ..report.vsme_template import VsmeTemplate, template_bytes
from ..services.vsme_digital import VsmeDigital, entity_of, taxonomy
from .common import HrCase
from .vsme_stub_taxonomy import run_arelle


class TestVsmeDigital(HrCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        calendar = cls._calendar(
            "Office", [(False, "01234", 8.0, 12.0), (False, "01234", 13.0, 17.0)]
        )
        cls.company.write(
            {
                "country_id": cls.env.ref("base.co").id,
                "vat": "900.123.456-7",
                "currency_id": cls.env.ref("base.USD").id,
                "resource_calendar_id": calendar.id,
                "csr_legal_form": "private_limited",
                "csr_nace_code": "C10.83",
                "csr_certifications": "Rainforest Alliance since 2022",
                "csr_circular_economy": True,
                "csr_circular_economy_text": "Coffee husks go to compost.",
                "csr_policies_public": True,
            }
        )
        cls.site = cls.env["csr.site"].create(
            {
                "name": "Roastery",
                "company_id": cls.company.id,
                "street": "Calle 10 # 5-20",
                "city": "Bogotá",
                "country_id": cls.env.ref("base.co").id,
                "latitude": 4.6097,
                "longitude": -74.0817,
            }
        )
        people = [
            ("Ana", "female", date(2024, 1, 1), None),
            ("Luis", "male", date(2024, 1, 1), None),
            ("Pedro", "male", date(2024, 7, 1), date(2025, 6, 30)),
            ("Alex", "other", date(2024, 7, 1), date(2025, 6, 30)),
        ]
        for name, gender, start, end in people:
            employee = cls._employee(name, calendar, gender=gender)
            cls._contract(employee, start, end)
            cls.people = getattr(cls, "people", {}) | {name: employee}
        staff = cls.people
        staff["Ana"].parent_id = staff["Luis"]
        staff["Pedro"].parent_id = staff["Ana"]
        staff["Alex"].parent_id = staff["Pedro"]
        cls.december = cls._make_period("month", date(2024, 12, 1), date(2024, 12, 31))
        january = {
            "ECO-01": 100000.0,
            "ECO-02": 250000.0,
            "SOC-01": 4.0,
            "ENV-01": 20.0,
            "ENV-02": 12.5,
            "ENV-21": 6.0,
            "ENV-22": 4.0,
            "ENV-23": 1.5,
            "ENV-05": 3.2,
            "ENV-06": 1.5,
            "ENV-07": 1.0,
            "ENV-11": 80.0,
            "ENV-14": 2.0,
            "ENV-15": 25.0,
            "SOC-06": 10.0,
            "SOC-09": 1.0,
            "SOC-10": 0.0,
            "SOC-13": 1.0,
            "SOC-15": 5.0,
            "SOC-17": 50.0,
            "GOV-01": 0.0,
        }
        december = {"ECO-01": 80000.0, "SOC-09": 0.0, "SOC-01": 4.0}
        codes = list(january)
        indicators = cls.env["csr.indicator"].search([("code", "in", codes)])
        by_code = {indicator.code: indicator for indicator in indicators}
        cls.env["csr.indicator.value"].create(
            [
                {"indicator_id": by_code[c].id, "period_id": p.id, "value": v}
                for p, figures in ((cls.january, january), (cls.december, december))
                for c, v in figures.items()
            ]
        )
        cls.january.csr_vsme_training_hours_female = 12.0
        cls.january.csr_vsme_training_hours_male = 10.0
        cls.digital = VsmeDigital(cls.env, cls.january).build()
        cls.oim = json.loads(cls.digital.xbrl_json())

    def facts(self, concept, period="current", **dims):
        return [
            fact
            for fact in self.digital.facts
            if fact.concept == concept
            and fact.period == period
            and dict(fact.dims + fact.typed) == dims
        ]

    def value(self, concept, period="current", **dims):
        found = self.facts(concept, period, **dims)
        self.assertEqual(len(found), 1, concept)
        return found[0].value

    # -- the datapoints --------------------------------------------------------

    def test_b1_profile(self):
        self.assertEqual(
            self.value("vsme:UndertakingsLegalForm"),
            "vsme:PrivateLimitedLiabilityUndertakingMember",
        )
        self.assertEqual(
            self.value("vsme:NaceSectorClassificationCodes"), ("nace:NACE_C1083",)
        )
        self.assertEqual(self.value("vsme:Turnover"), 100000.0)
        self.assertEqual(self.value("vsme:Turnover", "previous"), 80000.0)
        self.assertEqual(self.value("vsme:Assets"), 250000.0)
        self.assertEqual(self.value("vsme:NumberOfEmployees"), 4.0)
        self.assertEqual(
            self.value("vsme:CountryOfPrimaryOperationsAndLocationOfSignificantAssets"),
            "country:CO",
        )
        site = {"vsme:IdentifierOfSiteTypedAxis": f"site-{self.site.id}"}
        self.assertEqual(
            self.value("vsme:GPSLocationOfSite", **site), "4.609700, -74.081700"
        )
        self.assertEqual(
            self.value("vsme:DescriptionOfSustainabilityRelatedCertificationsOrLabels"),
            "Rainforest Alliance since 2022",
        )

    def test_b3_b5_b7_environment(self):
        self.assertEqual(self.value("vsme:EnergyConsumptionFromFuels"), 7.5)
        self.assertAlmostEqual(
            self.value("vsme:TotalGrossLocationBasedScope1AndScope2GHGEmissions"), 4.7
        )
        self.assertAlmostEqual(
            self.value(
                "vsme:Scope1AndScope2GreenhouseGasEmissionsIntensityValueLocationBased"
            ),
            0.000047,
        )
        site = {"vsme:IdentifierOfSiteTypedAxis": f"site-{self.site.id}"}
        # B5: the zero is stated, site by site
        self.assertIs(
            self.value("vsme:SiteLocatedInABiodiversitySensitiveArea", **site), False
        )
        self.assertEqual(self.value("vsme:TotalHazardousWasteGeneratedMass"), 0.5)
        self.assertEqual(self.value("vsme:TotalNonHazardousWasteGeneratedMass"), 1.5)
        self.assertIs(
            self.value("vsme:UndertakingAppliesCircularEconomyPrinciples"), True
        )

    def test_b3_energy_table(self):
        axis = "vsme:BreakdownOfEnergyConsumptionAxis"
        renewable = {axis: "vsme:RenewableEnergyMember"}
        fossil = {axis: "vsme:NonRenewableEnergyMember"}
        expected = {
            "vsme:EnergyConsumptionFromElectricity": (11.0, 2.5, 8.5),
            "vsme:EnergyConsumptionFromSelfGeneratedElectricity": (1.5, 1.5, 0.0),
            "vsme:EnergyConsumptionFromFuels": (7.5, 2.0, 5.5),
        }
        for concept, (total, green, other) in expected.items():
            with self.subTest(concept=concept):
                self.assertAlmostEqual(self.value(concept), total)
                self.assertAlmostEqual(self.value(concept, **renewable), green)
                self.assertAlmostEqual(self.value(concept, **fossil), other)
        self.assertFalse(self.facts("vsme:EnergyConsumptionFromFuels", "previous"))
        self.assertNotIn("energy_breakdown", self.digital.omissions)
        datapoints = self.digital.datapoints()
        key = ("vsme:EnergyConsumptionFromFuels", "vsme:RenewableEnergyMember")
        self.assertEqual(datapoints[key]["current"], (2.0, "MWh"))

    def test_b3_table_not_derivable_without_the_energy_parts(self):
        self.january.value_ids.filtered(lambda v: v.code == "ENV-22").unlink()
        digital = VsmeDigital(self.env, self.january).build()
        self.assertIn("energy_breakdown", digital.omissions)
        electricity = [
            f
            for f in digital.facts
            if f.concept == "vsme:EnergyConsumptionFromElectricity"
            and f.period == "current"
        ]
        self.assertEqual([(f.value, f.dims) for f in electricity], [(12.5, ())])

    def test_b8_counts_and_the_managers_ratio_are_stored_figures(self):
        """The period's compute stores the B8 counts (SOC-24 to SOC-29) and
        the managers' ratio; a count entered over the computed one is what
        the digital report states."""
        self.january.action_compute()
        values = {v.code: v for v in self.january.value_ids}
        counts = {
            code: values[code].value
            for code in ("SOC-24", "SOC-25", "SOC-26", "SOC-27", "SOC-28", "SOC-29")
        }
        self.assertEqual(
            counts,
            {
                "SOC-24": 2.0,
                "SOC-25": 2.0,
                "SOC-26": 1.0,
                "SOC-27": 2.0,
                "SOC-28": 1.0,
                "SOC-29": 0.0,
            },
        )
        self.assertEqual(values["SOC-30"].value, 0.5)
        self.assertAlmostEqual(values["SOC-20"].value, 33.33, places=2)
        self.assertIn("Managers: 1 female, 2 male", values["SOC-30"].calculation_note)
        values["SOC-26"].write({"value": 3.0, "source": "manual"})
        rebuilt = VsmeDigital(self.env, self.january).build()
        female = [
            f.value
            for f in rebuilt.facts
            if f.concept == "vsme:NumberOfFemaleEmployees" and f.period == "current"
        ]
        self.assertEqual(female, [3.0])

    def test_b8_counts(self):
        expected = {
            "vsme:NumberOfPermanentContractEmployees": 2,
            "vsme:NumberOfTemporaryContractEmployees": 2,
            "vsme:NumberOfMaleEmployees": 2,
            "vsme:NumberOfFemaleEmployees": 1,
            "vsme:NumberOfOtherGenderEmployees": 1,
            "vsme:NumberOfNonReportedGenderEmployees": 0,
        }
        for concept, count in expected.items():
            self.assertEqual(self.value(concept), count, concept)
        self.assertEqual(self.value("vsme:EmployeeTurnoverRate"), 0.1)

    def test_b9_accident_rate_per_200000_hours(self):
        self.assertEqual(self.digital.hours_worked("current"), 736.0)
        self.assertEqual(self.digital.hours_worked("previous"), 704.0)
        rate = "vsme:RateOfRecordableWorkRelatedAccidentsInTheReportingPeriod"
        self.assertAlmostEqual(self.value(rate), 271.739130, places=5)
        self.assertEqual(self.value(rate, "previous"), 0.0)

    def test_hours_worked_and_accident_rate_are_indicators(self):
        """SOC-22 computed from the schedules (736 h), SOC-23 its formula:
        1 / 736 x 200,000 = 271.74; hours entered over SOC-22 (100,000 h)
        give 1 / 100,000 x 200,000 = 2."""
        self.january.action_compute()
        values = {v.code: v for v in self.january.value_ids}
        self.assertEqual(values["SOC-22"].value, 736.0)
        self.assertIn(
            "92 scheduled days less 0 days", values["SOC-22"].calculation_note
        )
        self.assertAlmostEqual(values["SOC-23"].value, 271.74, places=2)
        values["SOC-22"].write({"value": 100000.0, "source": "manual"})
        self.january.action_compute()
        self.assertAlmostEqual(values["SOC-23"].value, 2.0)
        rebuilt = VsmeDigital(self.env, self.january).build()
        rate = "vsme:RateOfRecordableWorkRelatedAccidentsInTheReportingPeriod"
        self.assertEqual(
            [
                f.value
                for f in rebuilt.facts
                if f.concept == rate and f.period == "current"
            ],
            [2.0],
        )

    def test_b10_b11(self):
        self.assertIs(
            self.value(
                "vsme:EmployeesReceivePayEqualOrAboveMinimumWageDeterminedByNationalLawOrCollectiveAgreement"
            ),
            True,
        )
        self.assertEqual(
            self.value("vsme:PercentageGapInPayBetweenFemaleAndMaleEmployees"), 0.05
        )
        self.assertEqual(
            self.value("vsme:AverageNumberOfAnnualTrainingHoursPerFemaleEmployee"), 12.0
        )
        self.assertEqual(
            self.value(
                "vsme:TotalAmountOfFinesForTheViolationOfAnticorruptionAndAntibriberyLaws"
            ),
            0.0,
        )

    # -- validation against the taxonomy -----------------------------------------

    def test_every_fact_is_valid_for_the_taxonomy(self):
        tax = taxonomy()
        self.assertEqual(vsme_xbrl.check_facts(self.digital.facts, tax), [])
        for fact in self.oim["facts"].values():
            dims = fact["dimensions"]
            concept = tax.concept(dims["concept"])
            self.assertIsNotNone(concept, dims["concept"])
            self.assertFalse(concept.get("abstract"), dims["concept"])
            is_duration = "/" in dims["period"]
            self.assertEqual(
                is_duration, concept["periodType"] == "duration", dims["concept"]
            )
            if concept["dataType"] == "xbrli:monetaryItemType":
                self.assertEqual(dims["unit"], "iso4217:USD")
            if concept.get("numeric"):
                self.assertIn("decimals", fact)
        self.assertEqual(
            self.oim["documentInfo"]["taxonomy"],
            ["https://xbrl.efrag.org/taxonomy/vsme/2026-05-01/vsme-all.xsd"],
        )

    def test_checks_refuse_what_the_taxonomy_does_not_allow(self):
        tax = taxonomy()
        bad = [
            vsme_xbrl.Fact("vsme:NoSuchConcept", 1, "current", "xbrli:pure", 0),
            vsme_xbrl.Fact("vsme:BasisForPreparationAbstract", "x", "current"),
            vsme_xbrl.Fact("vsme:TotalEnergyConsumption", 5, "current", "utr:t", 3),
            vsme_xbrl.Fact("vsme:BasisForReporting", "vsme:OptionAMember", "current"),
            vsme_xbrl.Fact(
                "vsme:EnergyConsumptionFromFuels",
                1,
                "current",
                "utr:MWh",
                3,
                dims=(
                    (
                        "vsme:BreakdownOfEnergyConsumptionAxis",
                        "vsme:TotalRenewableAndNonRenewableEnergyMember",
                    ),
                ),
            ),
            vsme_xbrl.Fact("vsme:GPSLocationOfSite", "1, 2", "current"),
            vsme_xbrl.Fact("vsme:Turnover", 1, "current", "iso4217:USD", 0),
            vsme_xbrl.Fact("vsme:Turnover", 2, "current", "iso4217:USD", 0),
        ]
        problems = vsme_xbrl.check_facts(bad, tax)
        self.assertEqual(len(problems), 7, problems)  # the first Turnover is fine
        for text in (
            "not a concept",
            "abstract",
            "unit utr:MWh expected",
            "not an allowed member",
            "fit none of its tables",  # the default member stated, typed axis missing
            "two values",
        ):
            self.assertTrue(any(text in p for p in problems), text)

    def test_inline_xbrl_is_a_readable_report(self):
        html = self.digital.ixbrl()
        self.assertIn('xml:lang="en-US"', html)
        self.assertIn("VSME Basic Module: Tostadora Andina SAS", html)
        self.assertIn("2025-01-01 to 2025-01-31", html)
        self.assertIn("2024-12-01 to 2024-12-31", html)
        self.assertIn("Not applicable: B4 applies only", html)
        # every fact of the report is tagged once
        tagged = re.findall(r"<ix:non(?:Numeric|Fraction) ", html)
        self.assertEqual(len(tagged), len(self.digital.facts))
        self.assertIn('scheme="https://www.dian.gov.co">9001234567<', html)

    def test_spanish_labels(self):
        self.env["res.lang"]._activate_lang("es_ES")
        html = VsmeDigital(self.env(context={"lang": "es_ES"}), self.january).build()
        self.assertIn("Volumen de negocio (USD)", html.ixbrl())

    def test_entity_identifier(self):
        self.assertEqual(
            entity_of(self.company),
            vsme_xbrl.Entity("https://www.dian.gov.co", "9001234567"),
        )
        self.company.csr_lei = "5493001KJTIIGC8Y1R12"
        self.assertEqual(entity_of(self.company).scheme, vsme_xbrl.LEI_SCHEME)
        self.company.csr_lei = False
        self.company.vat = False
        with self.assertRaisesRegex(UserError, "neither a LEI nor a tax identifier"):
            entity_of(self.company)

    def test_bad_profile_input_is_refused(self):
        with self.assertRaisesRegex(ValidationError, "not a valid LEI"):
            self.company.csr_lei = "5493001KJTIIGC8Y1R13"
        with self.assertRaisesRegex(ValidationError, "not a NACE code"):
            self.company.csr_nace_code = "C99.99"
        with self.assertRaisesRegex(ValidationError, "latitude"):
            self.site.latitude = 95.0
        self.january.action_lock()
        with self.assertRaisesRegex(UserError, "locked"):
            self.january.csr_vsme_fines_amount = 10.0

    def test_export_wizard_offers_the_digital_formats(self):
        wizard = Form(
            self.env["csr.report.export"].with_context(
                active_model="csr.period", active_ids=self.january.ids
            )
        )
        wizard.export_format = "vsme_ixbrl"
        record = wizard.save()
        record.action_export()
        self.assertEqual(
            record.file_name, "VSME - Tostadora Andina SAS - 2025-01.xhtml"
        )
        record.export_format = "vsme_json"
        record.action_export()
        self.assertTrue(record.file_name.endswith(".json"))
        record.export_format = "vsme_template"  # notes first, then the file
        action = record.action_export()
        self.assertEqual(action["tag"], "display_notification")
        self.assertIn("no LEI", action["params"]["message"])
        self.assertEqual(action["params"]["next"]["type"], "ir.actions.act_url")
        self.assertEqual(
            record.file_name,
            "VSME Digital Template - Tostadora Andina SAS - 2025-01.xlsx",
        )
        record.export_format = "vsme"  # the workbook reads the same datapoints
        record.action_export()
        sheet = openpyxl.load_workbook(
            BytesIO(base64.b64decode(record.file_data))
        ).active
        values = {row[2].value: row[4:6] for row in sheet.iter_rows(min_row=5)}
        legal = values["Legal form"][0].value
        self.assertEqual(legal, "Private limited liability undertaking")
        # the B3 table and the stored B8 counts reach the workbook
        renewable_fuels = values["Energy consumption from fuels, renewable"]
        self.assertEqual(renewable_fuels[0].value, 2)
        self.assertEqual(
            values["Electricity from the grid (as billed), non-renewable"][0].value,
            8.5,
        )
        self.assertIn(
            "Not applicable",
            values["Pollutants emitted to air, water and soil"][0].value,
        )

    # -- EFRAG's Digital Template ---------------------------------------------------

    @staticmethod
    def _validations(content):
        """Data validations of every sheet, drop-down lists included (counted
        in the XML: openpyxl drops the extension ones it reads)."""
        archive = zipfile.ZipFile(BytesIO(content))
        return sum(
            len(re.findall(rb"<(?:x14:)?dataValidation ", archive.read(name)))
            for name in archive.namelist()
            if name.startswith("xl/worksheets/sheet")
        )

    def test_efrag_template_is_filled_where_efrag_expects_it(self):
        """The values of the docstring, in the template's input cells; the
        template's own formulas stay where nothing is written (the accident
        rate reads the 736 hours written in D142)."""
        template = VsmeTemplate(self.digital).build()
        content = template.content()
        original = template_bytes()
        self.assertEqual(self._validations(content), self._validations(original))
        self.assertGreater(self._validations(original), 100)
        archive = zipfile.ZipFile(BytesIO(content))
        self.assertNotIn("xl/calcChain.xml", archive.namelist())
        self.assertIn(b'fullCalcOnLoad="1"', archive.read("xl/workbook.xml"))
        book = openpyxl.load_workbook(BytesIO(content))
        general = book["General Information"]
        expected = {
            "D3": "Tostadora Andina SAS",
            "D4": None,  # no LEI: left empty, and said
            "E4": None,
            "D5": "USD",
            "D6": 2025,
            "D7": 1,
            "D8": 1,
            "D10": 2025,
            "D11": 1,
            "D12": 31,
            "E125": "Option A (Basic Module only)",
            "E179": "Sustainability report prepared on an individual basis",
            "E180": "private limited liability undertaking",
            "E182": "NACE C - 10.83 Processing of tea and coffee",
            "E283": 100000,
            "E284": 4,
            "E285": "At the end of the reporting period",
            "E287": "Colombia",
            "E396": True,
            "D406": "Calle 10 # 5-20",
            "G406": "Colombia",
            "H406": "4.609700, -74.081700",
            "N512": None,  # no policy in force: B2 left as the template has it
        }
        environment = book["Environmental Disclosures"]
        expected_environment = {
            "G5": 20,
            "G10": True,
            "G12": 2.5,
            "J12": 8.5,
            "G13": 1.5,
            "J13": 0,
            "G14": 2,
            "J14": 5.5,
            "D22": 3.2,
            "D23": 1.5,
            "G184": False,
            "D316": "YES",
            "G423": "metric tonnes (t)",
            "J423": 0.5,
            "J424": 1.5,
        }
        social = book["Social Disclosures"]
        expected_social = {
            "D10": 2,
            "D18": 2,
            "D19": 1,
            "D20": 1,
            "D21": 0,
            "D140": 1,
            "D142": 736,
            "D147": "YES",
            "D157": 10,
            "D158": 12,
        }
        for sheet, cells in (
            (general, expected),
            (environment, expected_environment),
            (social, expected_social),
        ):
            for ref, value in cells.items():
                with self.subTest(sheet=sheet.title, ref=ref):
                    self.assertEqual(sheet[ref].value, value)
        # the template's formulas that read them are still there
        self.assertTrue(str(social["D143"].value).startswith("=IFERROR("))
        self.assertTrue(str(environment["K12"].value).startswith("=IF("))
        self.assertIs(book["Governance Disclosures"]["H5"].value, False)
        self.assertIn("no LEI", template.notes[0])

    def test_efrag_template_takes_the_lei(self):
        self.company.csr_lei = "5493001KJTIIGC8Y1R12"
        template = VsmeTemplate(VsmeDigital(self.env, self.january).build()).build()
        self.assertEqual(
            (
                template.cells["General Information", "D4"],
                template.cells["General Information", "E4"],
            ),
            ("LEI", "5493001KJTIIGC8Y1R12"),
        )
        self.assertFalse(template.notes)

    def test_sites_are_private_to_their_company(self):
        other = self.env["res.company"].create({"name": "Flores del Sur"})
        theirs = self.env["csr.site"].create(
            {"name": "Greenhouse", "company_id": other.id}
        )
        sites = self.env["csr.site"].with_user(self.manager).search([])
        self.assertIn(self.site, sites)
        self.assertNotIn(theirs, sites)
        self.assertTrue(self.site.with_user(self.user).name)
        with self.assertRaises(AccessError):
            self.site.with_user(self.user).write({"name": "x"})

    # -- Arelle -------------------------------------------------------------------

    def test_arelle_finds_no_error_but_the_unreachable_schema(self):
        """Arelle opens the Inline XBRL offline. EFRAG's schema is not
        reachable, so Arelle reports it (IOerror) and, as a consequence,
        every fact's concept as undefined (ix11.12.1.2:missingReferences);
        any other message is a defect of the report."""
        messages = run_arelle(self.digital.ixbrl())
        codes = {code for code, _text in messages}
        self.assertEqual(codes, {"IOerror", "ix11.12.1.2:missingReferences"})
        io_errors = [text for code, text in messages if code == "IOerror"]
        self.assertTrue(all("vsme-all.xsd" in text for text in io_errors))

    def test_arelle_finds_no_error_on_the_stub_taxonomy(self):
        """With the stand-in schemas of tests/vsme_stub_taxonomy.py, Arelle
        checks the XBRL 2.1 rules too (concepts, period types, units,
        decimals, lexical values, dimension names): not one message. The
        same stub reports a broken fact, so the check can fail."""
        self.assertEqual(run_arelle(self.digital.ixbrl(), stub=True), [])
        broken = self.digital.ixbrl().replace(
            'name="vsme:Turnover" contextRef="c',
            'name="vsme:NumberOfEmployees" contextRef="c',
            1,
        )
        codes = {code for code, _text in run_arelle(broken, stub=True)}
        self.assertIn("xbrl.4.7.2:contextPeriodType", codes)
