# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The demo company's VSME Basic Module in its three formats (workbook,
xBRL-JSON, Inline XBRL), on the short demo plan of test_demo_data (January
to March 2026, ten employees) with the VSME profile of demo/vsme.py.

Every Basic-Module datapoint of ``BASIC_DATAPOINTS`` is either a fact of
March 2026 or an omission the report states with its reason.
"""

import json
from datetime import date
from io import BytesIO

import openpyxl

from odoo.tests import TransactionCase, tagged

from ..demo.plan import build_plan
from ..demo.writer import DemoWriter
from ..engine import vsme_xbrl
from ..report.vsme_export import build_vsme_workbook, vsme_labels
from ..report.vsme_template import VsmeTemplate
from ..services.report_data import ReportData
from ..services.vsme_digital import VsmeDigital, taxonomy
from .common import DISABLED_MAIL
from .vsme_stub_taxonomy import run_arelle

TODAY = date(2026, 4, 15)

# The Basic-Module datapoints (B1-B11), by the concept answering them or, for
# those the addon cannot derive, by the omission key stating why.
BASIC_DATAPOINTS = {
    "B1": (
        "vsme:BasisForPreparation",
        "vsme:BasisForReporting",
        "vsme:UndertakingsLegalForm",
        "vsme:NaceSectorClassificationCodes",
        "vsme:Assets",
        "vsme:Turnover",
        "vsme:NumberOfEmployees",
        "vsme:EmployeeCountingMethodology",
        "vsme:TypeOfNumberOfEmployees",
        "vsme:CountryOfPrimaryOperationsAndLocationOfSignificantAssets",
        "vsme:GPSLocationOfSite",
        "vsme:DescriptionOfSustainabilityRelatedCertificationsOrLabels",
    ),
    # without a policy in force, B2 says so
    "B2": (
        (
            "vsme:SustainabilityIssueAddressedByPracticePolicyAndOrFutureInitiative",
            "no_policies",
        ),
        ("vsme:PracticePolicyAndOrFutureInitiativeIsPubliclyAvailable", "no_policies"),
        ("vsme:UndertakingHasSetATargetWhichIsRelatedToAPolicy", "no_policies"),
    ),
    "B3": (
        "vsme:TotalEnergyConsumption",
        "vsme:EnergyConsumptionFromElectricity",
        "vsme:EnergyConsumptionFromFuels",
        "vsme:EnergyConsumptionFromSelfGeneratedElectricity",
        "vsme:GrossScope1GreenhouseGasEmissions",
        "vsme:GrossLocationBasedScope2GreenhouseGasEmissions",
        "vsme:GrossMarketBasedScope2GreenhouseGasEmissions",
        "vsme:TotalGrossLocationBasedScope1AndScope2GHGEmissions",
        "vsme:Scope1AndScope2GreenhouseGasEmissionsIntensityValueLocationBased",
    ),
    "B4": ("pollution",),
    "B5": (
        "vsme:SiteLocatedInABiodiversitySensitiveArea",
        "vsme:SiteLocatedNearABiodiversitySensitiveArea",
        "land_use",
    ),
    "B6": (
        "vsme:TotalAmountOfWaterWithdrawnFromAllSites",
        "vsme:TotalWaterConsumption",
    ),
    "B7": (
        "vsme:UndertakingAppliesCircularEconomyPrinciples",
        "vsme:DescriptionOfHowCircularEconomyPrinciplesAreApplied",
        "vsme:TotalWasteGeneratedMass",
        "vsme:TotalHazardousWasteGeneratedMass",
        "vsme:TotalNonHazardousWasteGeneratedMass",
        "waste_diverted",
        "vsme:TotalMassOfMaterialUsed",
    ),
    "B8": (
        "vsme:NumberOfPermanentContractEmployees",
        "vsme:NumberOfTemporaryContractEmployees",
        "vsme:NumberOfMaleEmployees",
        "vsme:NumberOfFemaleEmployees",
        "vsme:NumberOfOtherGenderEmployees",
        "vsme:NumberOfNonReportedGenderEmployees",
        "vsme:EmployeeTurnoverRate",
    ),
    "B9": (
        "vsme:NumberOfRecordableWorkRelatedAccidentsInTheReportingPeriod",
        "vsme:RateOfRecordableWorkRelatedAccidentsInTheReportingPeriod",
        "vsme:NumberOfFatalitiesAsAResultOfWorkRelatedInjuriesAndWorkRelatedIllHealth",
    ),
    "B10": (
        "vsme:EmployeesReceivePayEqualOrAboveMinimumWageDeterminedByNationalLawOrCollectiveAgreement",
        "vsme:PercentageOfEmployeesCoveredByCollectiveBargainingAgreements",
        "vsme:AverageNumberOfAnnualTrainingHoursPerMaleEmployee",
        "vsme:AverageNumberOfAnnualTrainingHoursPerFemaleEmployee",
    ),
    "B11": (
        "vsme:TotalNumberOfConvictionsForTheViolationOfAntiCorruptionAndAntiBriberyLaws",
        "vsme:TotalAmountOfFinesForTheViolationOfAnticorruptionAndAntibriberyLaws",
    ),
}


@tagged("post_install", "-at_install")
class TestVsmeDemo(TransactionCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env = cls.env(context=dict(cls.env.context, **DISABLED_MAIL))
        company = DemoWriter(cls.env, build_plan(TODAY, months=3, employees=10)).run()
        cls.env = cls.env(
            context=dict(cls.env.context, allowed_company_ids=[company.id])
        )
        cls.company = company.with_env(cls.env)  # the demo gives it its VSME profile
        cls.march = cls.env["csr.period"].search(
            [
                ("company_id", "=", company.id),
                ("kind", "=", "month"),
                ("date_from", "=", date(2026, 3, 1)),
            ]
        )
        cls.digital = VsmeDigital(cls.env, cls.march).build()

    def test_every_basic_datapoint_is_filled_or_justified(self):
        answered = {f.concept for f in self.digital.facts if f.period == "current"}
        answered |= set(self.digital.omissions)
        missing = [
            (disclosure, item)
            for disclosure, items in BASIC_DATAPOINTS.items()
            for item in items
            if not answered & set(item if isinstance(item, tuple) else (item,))
        ]
        self.assertEqual(missing, [])

    def test_demo_datapoints(self):
        def value(concept):
            (fact,) = (
                f
                for f in self.digital.facts
                if f.concept == concept and f.period == "current" and not f.dims
            )
            return fact.value

        self.assertEqual(
            value("vsme:NaceSectorClassificationCodes"), ("nace:NACE_C1083",)
        )
        # the plan's ten contracts running on 31 March, counted three ways
        self.assertEqual(value("vsme:NumberOfEmployees"), 10)
        self.assertEqual(
            value("vsme:NumberOfPermanentContractEmployees")
            + value("vsme:NumberOfTemporaryContractEmployees"),
            10,
        )
        self.assertEqual(
            value("vsme:NumberOfMaleEmployees")
            + value("vsme:NumberOfFemaleEmployees")
            + value("vsme:NumberOfOtherGenderEmployees")
            + value("vsme:NumberOfNonReportedGenderEmployees"),
            10,
        )
        # the B3 table from the stored ENV-21 to ENV-23: each source is its
        # renewable plus its non-renewable part, and the sources add up to
        # the total energy
        axis = "vsme:BreakdownOfEnergyConsumptionAxis"
        sources = (
            "vsme:EnergyConsumptionFromElectricity",
            "vsme:EnergyConsumptionFromSelfGeneratedElectricity",
            "vsme:EnergyConsumptionFromFuels",
        )
        for concept in sources:
            parts = {
                dict(f.dims)[axis]: f.value
                for f in self.digital.facts
                if f.concept == concept and f.period == "current" and f.dims
            }
            self.assertEqual(len(parts), 2, concept)
            self.assertAlmostEqual(sum(parts.values()), value(concept), places=6)
        self.assertAlmostEqual(
            sum(value(concept) for concept in sources),
            value("vsme:TotalEnergyConsumption"),
            places=6,
        )
        # Colombia's NIT under the DIAN's scheme (no LEI in the demo)
        oim = json.loads(self.digital.xbrl_json())
        entity = next(iter(oim["facts"].values()))["dimensions"]["entity"]
        self.assertEqual(entity, "scheme:9014567898")
        self.assertEqual(
            oim["documentInfo"]["namespaces"]["scheme"], "https://www.dian.gov.co"
        )

    def test_three_formats(self):
        self.assertEqual(vsme_xbrl.check_facts(self.digital.facts, taxonomy()), [])
        html = self.digital.ixbrl()
        self.assertIn("ix:nonFraction", html)
        self.assertIn("Not applicable: B4 applies only", html)
        reports = ReportData(self.env, today=TODAY).build(self.march)
        content = build_vsme_workbook(
            reports,
            vsme_labels(self.env),
            {self.company.id: self.digital.workbook_data()},
        )
        sheet = openpyxl.load_workbook(BytesIO(content)).active
        values = {
            row[2].value: row[4].value
            for row in sheet.iter_rows(min_row=5)
            if row[0].value and row[1].value
        }
        self.assertEqual(values["NACE sector classification code"], "C10.83")
        self.assertEqual(values["Legal form"], "Private limited liability undertaking")
        self.assertIn(
            "Not applicable", values["Pollutants emitted to air, water and soil"]
        )
        # SOC-23, computed with the demo's periods
        self.assertIsInstance(
            values["Rate of recordable work-related accidents (per 200,000 hours)"],
            int | float,
        )

    def test_efrag_template(self):
        """The fourth format: EFRAG's template, with the demo's ten employees
        in its B8 tables and its identifier left empty (no LEI)."""
        template = VsmeTemplate(self.digital).build()
        book = openpyxl.load_workbook(BytesIO(template.content()))
        general, social = book["General Information"], book["Social Disclosures"]
        self.assertEqual(general["D3"].value, self.company.name)
        self.assertIsNone(general["E4"].value)
        self.assertTrue(general["E182"].value.startswith("NACE C - 10.83 "))
        self.assertEqual(general["E284"].value, 10)
        self.assertEqual(
            sum(social[ref].value for ref in ("D18", "D19", "D20", "D21")), 10
        )
        self.assertLessEqual(social["D10"].value, 10)
        self.assertTrue(template.notes)

    def test_arelle_on_the_demo_report(self):
        self.assertEqual(run_arelle(self.digital.ixbrl(), stub=True), [])
        codes = {code for code, _text in run_arelle(self.digital.ixbrl())}
        self.assertEqual(codes, {"IOerror", "ix11.12.1.2:missingReferences"})
