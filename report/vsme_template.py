# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""EFRAG's VSME Digital Template 1.3.0, filled from the digital VSME report
of one period (``VsmeDigital``), so that a customer or bank can run EFRAG's
own converter on it.

The template (``data/vsme/``, © 2025 EFRAG, MIT licence, notice in
``data/vsme/LICENSE``) names its input cells after the taxonomy's concepts;
``CELLS`` gives the cell of each concept the addon answers, the other inputs
are written below. Where the template computes a datapoint from inputs (the
accident rate from the hours worked, the pay gap from the average hourly pay
of men and women, the turnover rate from leavers and headcounts,
collective-bargaining coverage from the employees covered) the inputs are
written and the template's formula stays. Values the addon has in another
shape replace the template's formula in that cell: the fuels row of the B3
table (the template's fuel converter is not used), hazardous and
non-hazardous waste in tonnes (the template sums its waste-type table), the
mass of materials in kg, and the total hours worked.

Only the current period is written: the template holds one period. The
drop-down lists take EFRAG's English wording, read from the template's own
enumeration lists. The identifier scheme accepts LEI, DUNS, EU ID and PermID
only: without a LEI both identifier cells stay empty and the notes say so.
"""

from odoo.tools.misc import file_open

from ..engine import workforce as workforce_engine
from ..engine import xlsx_fill
from ..services import workforce
from ..services.vsme_digital import (
    COUNTRY_AXIS,
    CURRENT,
    ENERGY_AXIS,
    MATTER_MEMBERS,
    NON_RENEWABLE,
    RENEWABLE,
    SITE_AXIS,
)

TEMPLATE_FILE = "csr_management/data/vsme/VSME-Digital-Template-1.3.0.xlsx"
GENERAL = "General Information"
ENVIRONMENT = "Environmental Disclosures"
SOCIAL = "Social Disclosures"
GOVERNANCE = "Governance Disclosures"
LISTS = "Enumeration Lists"
FIRST_SITE_ROW, FIRST_BIODIVERSITY_ROW, FIRST_COUNTRY_ROW = 406, 188, 29
MAX_ROWS = 100  # the template's tables hold 100 sites, 100 countries
CELLS = {
    "vsme:Assets": (GENERAL, "E282"),
    "vsme:Turnover": (GENERAL, "E283"),
    "vsme:NumberOfEmployees": (GENERAL, "E284"),
    "vsme:OtherUndertakingsLegalForm": (GENERAL, "E181"),
    "vsme:DescriptionOfSustainabilityRelatedCertificationsOrLabels": (
        GENERAL,
        "E397",
    ),
    "vsme:TotalEnergyConsumption": (ENVIRONMENT, "G5"),
    "vsme:GrossScope1GreenhouseGasEmissions": (ENVIRONMENT, "D22"),
    "vsme:GrossLocationBasedScope2GreenhouseGasEmissions": (ENVIRONMENT, "D23"),
    "vsme:GrossMarketBasedScope2GreenhouseGasEmissions": (ENVIRONMENT, "D24"),
    "vsme:TotalAmountOfWaterWithdrawnFromAllSites": (ENVIRONMENT, "D303"),
    "vsme:AmountOfWaterWithdrawnAtSitesLocatedInAreasOfHighWaterStress": (
        ENVIRONMENT,
        "D304",
    ),
    "vsme:DescriptionOfHowCircularEconomyPrinciplesAreApplied": (
        ENVIRONMENT,
        "D317",
    ),
    "vsme:TotalHazardousWasteGeneratedMass": (ENVIRONMENT, "J423"),
    "vsme:TotalNonHazardousWasteGeneratedMass": (ENVIRONMENT, "J424"),
    "vsme:NumberOfPermanentContractEmployees": (SOCIAL, "D10"),
    "vsme:NumberOfMaleEmployees": (SOCIAL, "D18"),
    "vsme:NumberOfFemaleEmployees": (SOCIAL, "D19"),
    "vsme:NumberOfOtherGenderEmployees": (SOCIAL, "D20"),
    "vsme:NumberOfNonReportedGenderEmployees": (SOCIAL, "D21"),
    "vsme:NumberOfRecordableWorkRelatedAccidentsInTheReportingPeriod": (
        SOCIAL,
        "D140",
    ),
    "vsme:NumberOfFatalitiesAsAResultOfWorkRelatedInjuriesAndWorkRelatedIllHealth": (
        SOCIAL,
        "D144",
    ),
    "vsme:AverageNumberOfAnnualTrainingHoursPerMaleEmployee": (SOCIAL, "D157"),
    "vsme:AverageNumberOfAnnualTrainingHoursPerFemaleEmployee": (SOCIAL, "D158"),
}
# The B3 table: row of each source; renewable in G, non-renewable in J.
ENERGY_ROWS = {
    "vsme:EnergyConsumptionFromElectricity": 12,
    "vsme:EnergyConsumptionFromSelfGeneratedElectricity": 13,
    "vsme:EnergyConsumptionFromFuels": 14,
}
# B2: the column of each matter in row 512, in the standard's order.
MATTER_COLUMNS = dict(zip(MATTER_MEMBERS.values(), "DEFGHIJKLM", strict=True))
LEGAL_FORMS = {
    "vsme:PrivateLimitedLiabilityUndertakingMember": (
        "private limited liability undertaking"
    ),
    "vsme:SoleProprietorshipMember": "sole proprietorship",
    "vsme:PartnershipMember": "partnership",
    "vsme:CooperativeMember": "cooperative",
    "vsme:OtherUndertakingsLegalFormMember": (
        "other (please specify the legal form in the row below)"
    ),
}
OPTION_A = "Option A (Basic Module only)"
INDIVIDUAL = "Sustainability report prepared on an individual basis"
AT_PERIOD_END = "At the end of the reporting period"
HEADCOUNT = "Headcount"
TONNES = "metric tonnes (t)"
HECTARES = "hectares (ha)"


def template_bytes():
    with file_open(TEMPLATE_FILE, "rb") as handle:
        return handle.read()


class VsmeTemplate:
    """The template's cells of one digital report, and what could not go
    into them (``notes``)."""

    def __init__(self, digital):
        self.digital = digital
        self.env = digital.env
        self.company = digital.company
        self.period = digital.period
        self.template = template_bytes()
        self.cells = {}
        self.notes = []

    # -- reading the report ---------------------------------------------------

    def fact(self, concept, **dims):
        for fact in self.digital.facts:
            if (
                fact.concept == concept
                and fact.period == CURRENT
                and dict(fact.dims + fact.typed) == dims
            ):
                return fact.value
        return None

    def put(self, sheet, ref, value):
        if isinstance(value, float):
            value = round(value, 6)  # no binary noise (4.790000000000001)
        if value is not None and value != "":
            self.cells[sheet, ref] = value

    def _list(self, letters):
        return xlsx_fill.read_column(self.template, LISTS, letters)

    # -- building ------------------------------------------------------------------

    def build(self):
        for concept, (sheet, ref) in CELLS.items():
            self.put(sheet, ref, self.fact(concept))
        self._report()
        self._profile()
        self._sites()
        self._b2()
        self._b3()
        self._b5()
        self._b6_b7()
        self._b8_b9_b10()
        self._b11()
        return self

    def content(self):
        return xlsx_fill.fill(self.template, self.cells)

    def _report(self):
        _ = self.env._
        company, period = self.company, self.period
        self.put(GENERAL, "D3", company.name)
        lei = company.csr_lei
        if lei:
            self.put(GENERAL, "D4", "LEI")
            self.put(GENERAL, "E4", lei)
        else:
            self.notes.append(
                _(
                    "The template identifies the company by its LEI, DUNS, EU ID or "
                    "PermID only, and %(company)s has no LEI: the identifier cells "
                    "(General Information, D4 and E4) are left empty. Enter one "
                    "before converting the file with EFRAG's tools.",
                    company=company.name,
                )
            )
        currency = self.digital.currency
        if currency in self._list("Y").values():
            self.put(GENERAL, "D5", currency)
        for start, day in (("D6", period.date_from), ("D10", period.date_to)):
            row = int(start[1:])
            self.put(GENERAL, f"D{row}", day.year)
            self.put(GENERAL, f"D{row + 1}", day.month)
            self.put(GENERAL, f"D{row + 2}", day.day)

    def _profile(self):
        self.put(GENERAL, "E125", OPTION_A)
        self.put(GENERAL, "E179", INDIVIDUAL)
        self.put(
            GENERAL, "E180", LEGAL_FORMS.get(self.fact("vsme:UndertakingsLegalForm"))
        )
        codes = self.fact("vsme:NaceSectorClassificationCodes")
        if codes:
            self.put(GENERAL, "E182", self._nace(codes[0]))
        if self.fact("vsme:NumberOfEmployees") is not None:
            self.put(GENERAL, "E285", AT_PERIOD_END)
            self.put(GENERAL, "E286", HEADCOUNT)
        country = self.fact(
            "vsme:CountryOfPrimaryOperationsAndLocationOfSignificantAssets"
        )
        self.put(GENERAL, "E287", self._country(country))
        certified = self.fact(
            "vsme:DescriptionOfSustainabilityRelatedCertificationsOrLabels"
        )
        self.put(GENERAL, "E396", bool(certified))

    def _nace(self, member):
        """The template's wording of a NACE member: "NACE C - 10.83 ..."."""
        code = member.removeprefix("nace:NACE_")
        section, digits = code[:1], code[1:]
        if len(digits) > 2:
            digits = f"{digits[:2]}.{digits[2:]}"
        prefix = f"NACE {section} - {digits} " if digits else f"NACE {section} - "
        for text in self._list("A").values():
            if text.startswith(prefix) and (digits or text[len(prefix) :].isupper()):
                return text
        return None

    def _country(self, member):
        if not member:
            return None
        names = self._list("C")
        for row, code in self._list("D").items():
            if code == member:
                return names.get(row)
        return None

    def _sites(self):
        sites = self.company.csr_site_ids[:MAX_ROWS]
        for index, site in enumerate(sites):
            row = FIRST_SITE_ROW + index
            self.put(GENERAL, f"D{row}", site.street)
            self.put(GENERAL, f"E{row}", site.zip)
            self.put(GENERAL, f"F{row}", site.city)
            member = f"country:{site.country_id.code}" if site.country_id else None
            self.put(GENERAL, f"G{row}", self._country(member))
            if site.latitude or site.longitude:
                self.put(
                    GENERAL, f"H{row}", f"{site.latitude:.6f}, {site.longitude:.6f}"
                )

    def _b2(self):
        matters = self.fact(
            "vsme:SustainabilityIssueAddressedByPracticePolicyAndOrFutureInitiative"
        )
        if not matters:
            return
        self.put(GENERAL, "C512", True)
        for member in matters:
            self.put(GENERAL, f"{MATTER_COLUMNS[member]}512", True)
        for ref, concept in (
            ("N512", "vsme:PracticePolicyAndOrFutureInitiativeIsPubliclyAvailable"),
            ("O512", "vsme:UndertakingHasSetATargetWhichIsRelatedToAPolicy"),
        ):
            self.put(GENERAL, ref, self.fact(concept))

    def _b3(self):
        filled = False
        for concept, row in ENERGY_ROWS.items():
            renewable = self.fact(concept, **{ENERGY_AXIS: RENEWABLE})
            other = self.fact(concept, **{ENERGY_AXIS: NON_RENEWABLE})
            if renewable is None or other is None:
                continue
            filled = True
            self.put(ENVIRONMENT, f"G{row}", renewable)
            self.put(ENVIRONMENT, f"J{row}", other)
        self.put(ENVIRONMENT, "G10", filled)
        if self.fact("vsme:GrossScope3GreenhouseGasEmissions") is not None:
            self.notes.append(
                self.env._(
                    "Scope 3 (voluntary) is not written: the template asks it "
                    "category by category."
                )
            )

    def _b5(self):
        sites = self.company.csr_site_ids[:MAX_ROWS]
        flagged = [
            (index + 1, site)
            for index, site in enumerate(sites)
            if site.in_biodiversity_area or site.near_biodiversity_area
        ]
        self.put(ENVIRONMENT, "G184", bool(flagged))
        if flagged:
            self.put(ENVIRONMENT, "C186", HECTARES)
        for offset, (number, site) in enumerate(flagged):
            row = FIRST_BIODIVERSITY_ROW + offset
            typed = {SITE_AXIS: f"site-{site.id}"}
            self.put(ENVIRONMENT, f"C{row}", number)
            self.put(
                ENVIRONMENT,
                f"G{row}",
                self.fact("vsme:AreaOfSiteInBiodiversitySensitiveArea", **typed),
            )
            self.put(ENVIRONMENT, f"J{row}", bool(site.in_biodiversity_area))
            self.put(ENVIRONMENT, f"K{row}", bool(site.near_biodiversity_area))

    def _b6_b7(self):
        withdrawn = self.fact("vsme:TotalAmountOfWaterWithdrawnFromAllSites")
        consumed = self.fact("vsme:TotalWaterConsumption")
        if withdrawn is not None and consumed is not None:
            # the template computes consumption as withdrawal less discharge
            self.put(ENVIRONMENT, "D309", True)
            self.put(ENVIRONMENT, "D310", max(withdrawn - consumed, 0.0))
        circular = self.fact("vsme:UndertakingAppliesCircularEconomyPrinciples")
        if circular is not None:
            self.put(ENVIRONMENT, "D316", "YES" if circular else "NO")
        if self.fact("vsme:TotalHazardousWasteGeneratedMass") is not None:
            self.put(ENVIRONMENT, "G423", TONNES)
        materials = self.fact("vsme:TotalMassOfMaterialUsed")
        if materials is not None:
            self.put(ENVIRONMENT, "G535", materials * 1000.0)  # the template's kg

    def _b8_b9_b10(self):
        period = self.period
        rows = workforce.employments_on(self.env, self.company, period.date_to)
        countries = [
            fact
            for fact in self.digital.facts
            if fact.period == CURRENT
            and fact.concept == "vsme:NumberOfEmployeesForCountryOfEmploymentContract"
        ][:MAX_ROWS]
        self.put(SOCIAL, "E27", bool(countries))
        for offset, fact in enumerate(countries):
            row = FIRST_COUNTRY_ROW + offset
            self.put(SOCIAL, f"C{row}", self._country(dict(fact.dims)[COUNTRY_AXIS]))
            self.put(SOCIAL, f"E{row}", fact.value)
        if rows and self.fact("vsme:EmployeeTurnoverRate") is not None:
            start = workforce.employments_on(self.env, self.company, period.date_from)
            left = workforce.leavers(self.env, self.company, period)
            self.put(SOCIAL, "D134", len(left))
            self.put(SOCIAL, "D135", len(start))
            self.put(SOCIAL, "D136", len(rows))
        accidents = self.fact(
            "vsme:NumberOfRecordableWorkRelatedAccidentsInTheReportingPeriod"
        )
        if accidents is not None:
            self.put(SOCIAL, "D142", self.digital.hours_worked(CURRENT))
        minimum = self.fact(
            "vsme:EmployeesReceivePayEqualOrAboveMinimumWageDeterminedByNationalLawOrCollectiveAgreement"
        )
        if minimum is not None:
            self.put(SOCIAL, "D147", "YES" if minimum else "NO")
        if (
            self.fact("vsme:PercentageGapInPayBetweenFemaleAndMaleEmployees")
            is not None
        ):
            men, women = workforce_engine.mean_hourly_wages(rows)
            self.put(SOCIAL, "D148", men)
            self.put(SOCIAL, "D149", women)
        covered = "vsme:PercentageOfEmployeesCoveredByCollectiveBargainingAgreements"
        if self.fact(covered) is not None:
            self.put(SOCIAL, "D151", sum(1 for row in rows if row.collective))

    def _b11(self):
        convictions = self.fact(
            "vsme:TotalNumberOfConvictionsForTheViolationOfAntiCorruptionAndAntiBriberyLaws"
        )
        fines = self.fact(
            "vsme:TotalAmountOfFinesForTheViolationOfAnticorruptionAndAntibriberyLaws"
        )
        if convictions is None:
            return
        incurred = bool(convictions or fines)
        self.put(GOVERNANCE, "H5", incurred)
        if incurred:  # the template asks the figures only after a yes
            self.put(GOVERNANCE, "H6", convictions)
            self.put(GOVERNANCE, "H7", fines or 0.0)
