# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The VSME Basic Module, B1 to B11, as data: each disclosure's datapoints
with the catalogue indicators, company facts or digital-report concepts
answering them. Read by the digital report (``services/vsme_digital``) and
by the VSME workbook (``report/vsme_export``)."""

from dataclasses import dataclass

from odoo.tools.translate import LazyTranslate

_lt = LazyTranslate(__name__)

# Company facts of B1 (``DataPoint.fact``); empty ones read "Not reported".
FACT_OPTION = "option"
FACT_BASIS = "basis"
FACT_NAME = "name"
FACT_SECTOR = "sector"
FACT_SIZE = "size"
FACT_COUNTRY = "country"
FACT_PERIOD = "period"


@dataclass(frozen=True)
class DataPoint:
    paragraph: str  # of the VSME Standard, e.g. "§30(a)"
    title: object  # a lazy translated term
    codes: tuple = ()  # catalogue indicators answering it, by code
    fact: str = ""  # or a company fact (B1)
    concept: str = ""  # or a fact of the digital report (services/vsme_digital)
    member: str = ""  # of the concept's one explicit axis (the B3 energy table)
    omission: str = ""  # or why the digital report leaves it out


@dataclass(frozen=True)
class Disclosure:
    key: str  # "B3"
    title: object
    points: tuple

    @property
    def tag(self):
        """The framework tag code the catalogue gives its indicators."""
        return f"VSME {self.key}"


def _energy_table():
    """The rows of the B3 table: each source in total, renewable and not."""
    sources = (
        (
            "vsme:EnergyConsumptionFromElectricity",
            _lt("Electricity from the grid (as billed)"),
            _lt("Electricity from the grid (as billed), renewable"),
            _lt("Electricity from the grid (as billed), non-renewable"),
        ),
        (
            "vsme:EnergyConsumptionFromSelfGeneratedElectricity",
            _lt("Self-generated electricity"),
            _lt("Self-generated electricity, renewable"),
            _lt("Self-generated electricity, non-renewable"),
        ),
        (
            "vsme:EnergyConsumptionFromFuels",
            _lt("Energy consumption from fuels"),
            _lt("Energy consumption from fuels, renewable"),
            _lt("Energy consumption from fuels, non-renewable"),
        ),
    )
    for concept, total, renewable, non_renewable in sources:
        yield DataPoint("§29", total, concept=concept, omission="energy_breakdown")
        for member, title in (
            ("vsme:RenewableEnergyMember", renewable),
            ("vsme:NonRenewableEnergyMember", non_renewable),
        ):
            yield DataPoint(
                "§29",
                title,
                concept=concept,
                member=member,
                omission="energy_breakdown",
            )


VSME_BASIC = (
    Disclosure(
        "B1",
        _lt("Basis for preparation"),
        (
            DataPoint("§24(a)", _lt("Reporting option"), fact=FACT_OPTION),
            DataPoint(
                "§24(c)",
                _lt("Basis: individual or consolidated"),
                fact=FACT_BASIS,
            ),
            DataPoint("§24", _lt("Name of the undertaking"), fact=FACT_NAME),
            DataPoint("§24", _lt("Reporting period"), fact=FACT_PERIOD),
            DataPoint(
                "§24(e)(i)", _lt("Legal form"), concept="vsme:UndertakingsLegalForm"
            ),
            DataPoint("§24(e)(ii)", _lt("Sector of activity"), fact=FACT_SECTOR),
            DataPoint(
                "§24(e)(ii)",
                _lt("NACE sector classification code"),
                concept="vsme:NaceSectorClassificationCodes",
            ),
            DataPoint("§24(e)(iii)", _lt("Balance-sheet total"), ("ECO-02",)),
            DataPoint("§24(e)(iv)", _lt("Turnover"), ("ECO-01",)),
            DataPoint("§24(e)(v)", _lt("Number of employees"), ("SOC-01",)),
            DataPoint("§24(e)(v)", _lt("Size class"), fact=FACT_SIZE),
            DataPoint(
                "§24(e)(vi)",
                _lt("Country of primary operations"),
                fact=FACT_COUNTRY,
            ),
            DataPoint(
                "§24(e)(v)",
                _lt("Employee counting methodology"),
                concept="vsme:EmployeeCountingMethodology",
            ),
            DataPoint(
                "§24(e)(vii)",
                _lt("Geolocation of sites"),
                concept="vsme:GPSLocationOfSite",
            ),
            DataPoint(
                "§25",
                _lt("Sustainability certifications or labels"),
                concept="vsme:DescriptionOfSustainabilityRelatedCertificationsOrLabels",
            ),
        ),
    ),
    Disclosure(
        "B2",
        _lt("Practices, policies and future initiatives"),
        (
            DataPoint(
                "§26",
                _lt("Sustainability matters with a policy (out of 10)"),
                ("GOV-05",),
            ),
            DataPoint(
                "§26",
                _lt("Sustainability matters with a policy target (out of 10)"),
                ("GOV-08",),
            ),
            DataPoint(
                "§26",
                _lt("Whether the policies are publicly available"),
                concept="vsme:PracticePolicyAndOrFutureInitiativeIsPubliclyAvailable",
                omission="no_policies",
            ),
            DataPoint(
                "§26",
                _lt("Targets set for the policies"),
                concept="vsme:UndertakingHasSetATargetWhichIsRelatedToAPolicy",
                omission="no_policies",
            ),
        ),
    ),
    Disclosure(
        "B3",
        _lt("Energy and greenhouse gas emissions"),
        (
            DataPoint("§29", _lt("Total energy consumption"), ("ENV-01",)),
            DataPoint("§29", _lt("Electricity consumption"), ("ENV-02",)),
            DataPoint("§29", _lt("Renewable share of energy"), ("ENV-03",)),
            DataPoint("§29", _lt("Renewable energy consumption"), ("ENV-21",)),
            DataPoint("§29", _lt("Renewable electricity consumption"), ("ENV-22",)),
            DataPoint(
                "§29", _lt("Self-generated electricity consumption"), ("ENV-23",)
            ),
            *_energy_table(),
            DataPoint("§30(a)", _lt("Gross Scope 1 GHG emissions"), ("ENV-05",)),
            DataPoint(
                "§30(b)",
                _lt("Gross location-based Scope 2 GHG emissions"),
                ("ENV-06",),
            ),
            DataPoint(
                "§30(b)",
                _lt("Gross market-based Scope 2 GHG emissions"),
                ("ENV-07",),
            ),
            DataPoint("§31", _lt("GHG intensity per turnover"), ("ENV-09",)),
            DataPoint(
                "§31", _lt("Turnover (denominator of the intensity)"), ("ECO-01",)
            ),
            DataPoint(
                "§50-53",
                _lt("Scope 3 GHG emissions (voluntary)"),
                ("ENV-08",),
            ),
        ),
    ),
    Disclosure(
        "B4",
        _lt("Pollution of air, water and soil"),
        (
            DataPoint(
                "§32",
                _lt("Pollutants emitted to air, water and soil"),
                omission="pollution",
            ),
        ),
    ),
    Disclosure(
        "B5",
        _lt("Biodiversity"),
        (
            DataPoint(
                "§33",
                _lt("Sites in a biodiversity-sensitive area"),
                concept="vsme:SiteLocatedInABiodiversitySensitiveArea",
                omission="no_sites",
            ),
            DataPoint(
                "§33",
                _lt("Sites near a biodiversity-sensitive area"),
                concept="vsme:SiteLocatedNearABiodiversitySensitiveArea",
                omission="no_sites",
            ),
            DataPoint(
                "§33",
                _lt("Area of the sites in or near such areas"),
                concept="vsme:AreaOfSiteInBiodiversitySensitiveArea",
            ),
            DataPoint("§34", _lt("Land use (voluntary)"), omission="land_use"),
        ),
    ),
    Disclosure(
        "B6",
        _lt("Water"),
        (
            DataPoint("§35", _lt("Total water withdrawal"), ("ENV-11",)),
            DataPoint(
                "§35",
                _lt("Water withdrawal in areas of high water stress"),
                ("ENV-12",),
            ),
            DataPoint("§36", _lt("Water consumption"), ("ENV-13",)),
        ),
    ),
    Disclosure(
        "B7",
        _lt("Resource use, circular economy and waste management"),
        (
            DataPoint(
                "§37",
                _lt("Circular-economy principles applied"),
                concept="vsme:UndertakingAppliesCircularEconomyPrinciples",
            ),
            DataPoint(
                "§37",
                _lt("How circular-economy principles are applied"),
                concept="vsme:DescriptionOfHowCircularEconomyPrinciplesAreApplied",
            ),
            DataPoint("§38(a)", _lt("Total waste generated"), ("ENV-14",)),
            DataPoint("§38(a)", _lt("Hazardous waste share"), ("ENV-15",)),
            DataPoint(
                "§38(b)",
                _lt("Waste diverted to recycling or reuse"),
                ("ENV-16",),
            ),
            DataPoint(
                "§38(a)",
                _lt("Hazardous waste generated"),
                concept="vsme:TotalHazardousWasteGeneratedMass",
            ),
            DataPoint(
                "§38(a)",
                _lt("Non-hazardous waste generated"),
                concept="vsme:TotalNonHazardousWasteGeneratedMass",
            ),
            DataPoint(
                "§38(c)",
                _lt("Annual mass-flow of relevant materials"),
                ("ENV-17",),
            ),
        ),
    ),
    Disclosure(
        "B8",
        _lt("Workforce: general characteristics"),
        (
            DataPoint("§39", _lt("Number of employees"), ("SOC-01",)),
            DataPoint("§39(a)", _lt("Employees on permanent contracts"), ("SOC-02",)),
            DataPoint(
                "§39(a)",
                _lt("Number of employees on permanent contracts"),
                ("SOC-24",),
            ),
            DataPoint(
                "§39(a)",
                _lt("Number of employees on temporary contracts"),
                ("SOC-25",),
            ),
            DataPoint("§39(b)", _lt("Women in the workforce"), ("SOC-03",)),
            DataPoint("§39(b)", _lt("Number of male employees"), ("SOC-27",)),
            DataPoint("§39(b)", _lt("Number of female employees"), ("SOC-26",)),
            DataPoint(
                "§39(b)", _lt("Number of employees of other gender"), ("SOC-28",)
            ),
            DataPoint(
                "§39(b)",
                _lt("Number of employees whose gender is not reported"),
                ("SOC-29",),
            ),
            DataPoint("§39(c)", _lt("Employees by country"), ("SOC-04",)),
            DataPoint("§40", _lt("Employee turnover rate"), ("SOC-06",)),
        ),
    ),
    Disclosure(
        "B9",
        _lt("Workforce: health and safety"),
        (
            DataPoint(
                "§41(a)",
                _lt("Number of recordable work-related accidents"),
                ("SOC-09",),
            ),
            DataPoint(
                "§41(a)",
                _lt("Rate of recordable work-related accidents (per 200,000 hours)"),
                ("SOC-23",),
            ),
            DataPoint("§41(b)", _lt("Number of work-related fatalities"), ("SOC-10",)),
        ),
    ),
    Disclosure(
        "B10",
        _lt("Workforce: remuneration, collective bargaining and training"),
        (
            DataPoint(
                "§42(a)",
                _lt("Employees paid at or above the minimum wage"),
                ("SOC-13",),
            ),
            DataPoint("§42(b)", _lt("Gender pay gap"), ("SOC-15",)),
            DataPoint(
                "§42(c)",
                _lt("Employees covered by collective bargaining"),
                ("SOC-17",),
            ),
            DataPoint(
                "§42(d)",
                _lt("Average annual training hours per employee"),
                ("SOC-18",),
            ),
            DataPoint(
                "§42(d)",
                _lt("Average training hours per male employee"),
                concept="vsme:AverageNumberOfAnnualTrainingHoursPerMaleEmployee",
            ),
            DataPoint(
                "§42(d)",
                _lt("Average training hours per female employee"),
                concept="vsme:AverageNumberOfAnnualTrainingHoursPerFemaleEmployee",
            ),
        ),
    ),
    Disclosure(
        "B11",
        _lt("Convictions and fines for corruption and bribery"),
        (
            DataPoint(
                "§43",
                _lt("Convictions for corruption or bribery"),
                ("GOV-01",),
            ),
            DataPoint(
                "§43",
                _lt("Total amount of fines for corruption or bribery"),
                concept="vsme:TotalAmountOfFinesForTheViolationOfAnticorruptionAndAntibriberyLaws",
            ),
        ),
    ),
)


def mapped_codes():
    """{disclosure key: set of the indicator codes answering it}."""
    return {
        disclosure.key: {code for point in disclosure.points for code in point.codes}
        for disclosure in VSME_BASIC
    }
