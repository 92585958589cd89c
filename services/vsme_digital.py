# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The digital VSME Basic Module of one period: the facts of B1 to B11 for
the period and the one before it, from ``ReportData`` (the indicators), the
company's profile (legal form, NACE, sites...), the period's VSME inputs and
the stored second measures (B8 counts SOC-24 to SOC-29, B9 accident rate
SOC-23, B2 matters with a target GOV-08, B3 renewable, renewable electricity
and self-generated energy ENV-21 to ENV-23). ``engine.vsme_xbrl`` writes them
as xBRL-JSON and Inline XBRL.

Identification: the company's LEI under the ISO 17442 scheme, else its tax
identifier (``vat``) under the tax authority's scheme of ``TAX_ID_SCHEMES``
(its web address, the usual choice where no registry URI exists), else
``urn:csr-management:tax-id:<country code>``. Datapoints the addon cannot
derive are listed in the readable report with the reason (``OMISSIONS``).
"""

import functools
import json

from odoo.exceptions import UserError
from odoo.tools.misc import file_path

from ..engine import policies as policy_engine
from ..engine import vsme_xbrl
from ..engine import workforce as workforce_engine
from ..engine.vsme_xbrl import Fact, Row, Section
from . import leaves, workforce
from . import policies as policy_source
from .report_data import ReportData

TAXONOMY_FILE = "csr_management/data/vsme/vsme-2026-05-01.json.gz"
CURRENT, PREVIOUS = "current", "previous"
TAX_ID_SCHEMES = {
    "AR": "https://www.arca.gob.ar",
    "BR": "https://www.gov.br/receitafederal",
    "CL": "https://www.sii.cl",
    "CO": "https://www.dian.gov.co",
    "EC": "https://www.sri.gob.ec",
    "MX": "https://www.sat.gob.mx",
    "PE": "https://www.sunat.gob.pe",
    "UY": "https://www.gub.uy/direccion-general-impositiva",
}
LEGAL_FORM_MEMBERS = {
    "private_limited": "vsme:PrivateLimitedLiabilityUndertakingMember",
    "sole_proprietorship": "vsme:SoleProprietorshipMember",
    "partnership": "vsme:PartnershipMember",
    "cooperative": "vsme:CooperativeMember",
    "other": "vsme:OtherUndertakingsLegalFormMember",
}
MATTER_MEMBERS = {
    "climate": "vsme:ClimateChangeMember",
    "pollution": "vsme:PollutionMember",
    "water": "vsme:WaterAndMarineResourcesMember",
    "biodiversity": "vsme:BiodiversityAndEcosystemsMember",
    "circular": "vsme:CircularEconomyMember",
    "own_workforce": "vsme:OwnWorkforceMember",
    "value_chain_workers": "vsme:WorkersInTheValueChainMember",
    "communities": "vsme:AffectedCommunitiesMember",
    "consumers": "vsme:ConsumersAndEndUsersMember",
    "business_conduct": "vsme:BusinessConductMember",
}
SITE_AXIS = "vsme:IdentifierOfSiteTypedAxis"
ENERGY_AXIS = "vsme:BreakdownOfEnergyConsumptionAxis"
RENEWABLE = "vsme:RenewableEnergyMember"
NON_RENEWABLE = "vsme:NonRenewableEnergyMember"
COUNTRY_AXIS = "vsme:CountryOfEmploymentContractAxis"
# B8 counts: concept, the indicator storing it, the gender it counts ("" not
# reported; None: a contract count).
B8_COUNTS = (
    ("vsme:NumberOfPermanentContractEmployees", "SOC-24", None),
    ("vsme:NumberOfTemporaryContractEmployees", "SOC-25", None),
    ("vsme:NumberOfMaleEmployees", "SOC-27", "male"),
    ("vsme:NumberOfFemaleEmployees", "SOC-26", "female"),
    ("vsme:NumberOfOtherGenderEmployees", "SOC-28", "other"),
    ("vsme:NumberOfNonReportedGenderEmployees", "SOC-29", ""),
)
UNIT_TEXT = {
    "utr:MWh": "MWh",
    "utr:tCO2e": "tCO2e",
    "utr:t": "t",
    "utr:m3": "m³",
    "utr:ha": "ha",
}


@functools.cache
def taxonomy():
    """EFRAG's VSME taxonomy 2026-05-01 (read once per process)."""
    return vsme_xbrl.load_taxonomy(file_path(TAXONOMY_FILE))


@functools.cache
def nace_members():
    return frozenset(taxonomy().members("vsme:NaceSectorClassificationCodes"))


def nace_member(code):
    """The taxonomy member of a NACE code: "C10.83" -> "nace:NACE_C1083".

    >>> nace_member("c10.83"), nace_member("A01")
    ('nace:NACE_C1083', 'nace:NACE_A01')
    """
    return "nace:NACE_" + (code or "").upper().replace(".", "").replace(" ", "")


def entity_of(company):
    """The entity identifier of the report (see the module's docstring)."""
    if company.csr_lei:
        return vsme_xbrl.Entity(vsme_xbrl.LEI_SCHEME, company.csr_lei)
    vat = "".join(char for char in (company.vat or "") if char.isalnum())
    if not vat:
        raise UserError(
            company.env._(
                "%(company)s has neither a LEI nor a tax identifier: enter one "
                "of them on the company to identify it in the digital report.",
                company=company.name,
            )
        )
    code = company.country_id.code or ""
    scheme = TAX_ID_SCHEMES.get(code, f"urn:csr-management:tax-id:{code or 'XX'}")
    return vsme_xbrl.Entity(scheme, vat)


class VsmeDigital:
    """The facts and the readable layout of one company's VSME report."""

    def __init__(self, env, period):
        self.env = env
        self.period = period
        self.company = period.company_id
        self.tax = taxonomy()
        self.lang = env.lang or "en_US"
        report = ReportData(env, history=1).build(period)[0]
        self.report = report
        self.currency = report.currency_name
        self.money_decimals = report.currency_decimals
        previous = report.columns[:-1]
        self.periods = {CURRENT: (period.date_from, period.date_to)}
        self.records = {CURRENT: period}
        if previous:
            self.periods[PREVIOUS] = (previous[0].date_from, previous[0].date_to)
            self.records[PREVIOUS] = env["csr.period"].browse(previous[0].period_id)
        self.facts = []
        self.breakdown_missing = False
        self.rows = {}  # section key -> ordered {row key: Row}
        self.omissions = {}  # key -> (section key, label, reason)

    # -- values ---------------------------------------------------------

    def value(self, code, key):
        row = self.report.value_of(code)
        if row is None:
            return None
        if key == CURRENT:
            return row.value
        return row.history[0] if len(row.history) > 1 else None

    # -- facts -------------------------------------------------------------

    def add(self, section, fact, label=None, shown=None):
        self.facts.append(fact)
        row_key = (fact.concept, fact.dims, fact.typed)
        rows = self.rows.setdefault(section, {})
        if row_key not in rows:
            rows[row_key] = Row(label or self._label(fact), {}, {})
        rows[row_key].cells[fact.period] = fact
        if shown is not None:
            rows[row_key].shown[fact.period] = shown

    def _label(self, fact):
        label = self.tax.label(fact.concept, self.lang)
        unit = _unit_text(fact.unit, self.currency)
        if unit and fact.scale != 2:
            label += f" ({unit})"
        return label

    def number(  # noqa: PLR0913
        self, section, concept, value, key, decimals, unit=None, label=None, **kw
    ):
        if value is None:
            return
        unit = unit or self.tax.default_unit(concept, self.currency)
        self.add(section, Fact(concept, value, key, unit, decimals, **kw), label)

    def member(self, section, concept, member, key, **kw):
        shown = " · ".join(
            self._member_label(m)
            for m in (member if isinstance(member, tuple) else (member,))
        )
        self.add(section, Fact(concept, member, key, **kw), shown=shown)

    def _member_label(self, member):
        if member.startswith("country:"):
            country = self.env["res.country"].search(
                [("code", "=", member.split(":")[1])], limit=1
            )
            return country.name or member
        if member.startswith("nace:"):
            code = member.split("_", 1)[1]  # C1083 -> C10.83
            return f"{code[:3]}.{code[3:]}" if len(code) > 3 else code
        return self.tax.label(member, self.lang).removesuffix(" [member]")

    def boolean(self, section, concept, value, key, **kw):
        _ = self.env._
        self.add(
            section,
            Fact(concept, bool(value), key, **kw),
            shown=_("Yes") if value else _("No"),
        )

    def text(self, section, concept, value, key, **kw):
        if value and value.strip():
            self.add(section, Fact(concept, value.strip(), key, **kw))

    def omit(self, key, section, label, reason):
        self.omissions[key] = (section, label, reason)

    # -- the disclosures ---------------------------------------------------------

    def build(self):
        for key in self.periods:
            self._b1(key)
            self._b2(key)
            self._b3(key)
            self._b6(key)
            self._b7(key)
            self._b8(key)
            self._b9(key)
            self._b10(key)
            self._b11(key)
        self._sites()
        self._omissions()
        problems = vsme_xbrl.check_facts(self.facts, self.tax)
        if problems:  # a defect of this module, never of the user's data
            raise UserError("\n".join(problems))
        return self

    def _b1(self, key):
        company = self.company
        self.member(
            "B1", "vsme:BasisForPreparation", "vsme:OptionABasicModuleOnlyMember", key
        )
        self.member("B1", "vsme:BasisForReporting", "vsme:IndividualMember", key)
        if company.csr_legal_form:
            self.member(
                "B1",
                "vsme:UndertakingsLegalForm",
                LEGAL_FORM_MEMBERS[company.csr_legal_form],
                key,
            )
            if company.csr_legal_form == "other":
                self.text(
                    "B1",
                    "vsme:OtherUndertakingsLegalForm",
                    company.csr_legal_form_other,
                    key,
                )
        if company.csr_nace_code:
            member = nace_member(company.csr_nace_code)
            self.member("B1", "vsme:NaceSectorClassificationCodes", (member,), key)
        money = self.money_decimals
        self.number("B1", "vsme:Assets", self.value("ECO-02", key), key, money)
        self.number("B1", "vsme:Turnover", self.value("ECO-01", key), key, money)
        employees = self.value("SOC-01", key)
        if employees is not None:
            self.number("B1", "vsme:NumberOfEmployees", employees, key, 0)
            self.member(
                "B1",
                "vsme:EmployeeCountingMethodology",
                "vsme:AtTheEndOfTheReportingPeriodMember",
                key,
            )
            self.member(
                "B1", "vsme:TypeOfNumberOfEmployees", "vsme:HeadcountMember", key
            )
        country = company.country_id.code
        if country and f"country:{country}" in self.tax.members(
            "vsme:CountryOfPrimaryOperationsAndLocationOfSignificantAssets"
        ):
            self.member(
                "B1",
                "vsme:CountryOfPrimaryOperationsAndLocationOfSignificantAssets",
                f"country:{country}",
                key,
            )
        self.text(
            "B1",
            "vsme:DescriptionOfSustainabilityRelatedCertificationsOrLabels",
            company.csr_certifications,
            key,
        )

    def _sites(self):
        company = self.company
        for site in company.csr_site_ids:
            typed = ((SITE_AXIS, f"site-{site.id}"),)
            name = site.name
            label = self.tax.label
            for concept, value in (
                ("vsme:AddressOfSite", site.street),
                ("vsme:PostalCodeOfSite", site.zip),
                ("vsme:CityOfSite", site.city),
            ):
                if value:
                    self.add(
                        "B1",
                        Fact(concept, value, CURRENT, typed=typed),
                        f"{label(concept, self.lang)}: {name}",
                    )
            if site.country_id.code:
                self.add(
                    "B1",
                    Fact(
                        "vsme:CountryOfSite",
                        f"country:{site.country_id.code}",
                        CURRENT,
                        typed=typed,
                    ),
                    f"{label('vsme:CountryOfSite', self.lang)}: {name}",
                    shown=site.country_id.name,
                )
            if site.latitude or site.longitude:
                self.add(
                    "B1",
                    Fact(
                        "vsme:GPSLocationOfSite",
                        f"{site.latitude:.6f}, {site.longitude:.6f}",
                        CURRENT,
                        typed=typed,
                    ),
                    f"{label('vsme:GPSLocationOfSite', self.lang)}: {name}",
                )
            for concept, value in (
                (
                    "vsme:SiteLocatedInABiodiversitySensitiveArea",
                    site.in_biodiversity_area,
                ),
                (
                    "vsme:SiteLocatedNearABiodiversitySensitiveArea",
                    site.near_biodiversity_area,
                ),
            ):
                self.add(
                    "B5",
                    Fact(concept, bool(value), CURRENT, typed=typed),
                    f"{label(concept, self.lang)}: {name}",
                    shown=self.env._("Yes") if value else self.env._("No"),
                )
            if site.biodiversity_area_ha and (
                site.in_biodiversity_area or site.near_biodiversity_area
            ):
                self.add(
                    "B5",
                    Fact(
                        "vsme:AreaOfSiteInBiodiversitySensitiveArea",
                        site.biodiversity_area_ha,
                        CURRENT,
                        "utr:ha",
                        2,
                        typed=typed,
                    ),
                    f"{label('vsme:AreaOfSiteInBiodiversitySensitiveArea', self.lang)}"
                    f" (ha): {name}",
                )

    def _b2(self, key):
        period = self.records[key]
        rows, _recorded = policy_source.rows_on(self.env, self.company, period.date_to)
        matters = policy_engine.covered_matters(
            (area, matter) for area, matter, *_ids in rows
        )
        if not matters:
            if key == CURRENT:
                _ = self.env._
                self.omit(
                    "no_policies",
                    "B2",
                    _("Practices, policies and future initiatives"),
                    _("None in force at the end of the period."),
                )
            return
        members = tuple(MATTER_MEMBERS[matter] for matter in matters)
        self.member(
            "B2",
            "vsme:SustainabilityIssueAddressedByPracticePolicyAndOrFutureInitiative",
            members,
            key,
        )
        company = self.company
        self.boolean(
            "B2",
            "vsme:PracticePolicyAndOrFutureInitiativeIsPubliclyAvailable",
            company.csr_policies_public,
            key,
        )
        targeted = self.value("GOV-08", key)
        self.boolean(
            "B2",
            "vsme:UndertakingHasSetATargetWhichIsRelatedToAPolicy",
            company.csr_policies_targets or bool(targeted),
            key,
        )

    def _b3(self, key):
        value = self.value
        total = value("ENV-01", key)
        self.number("B3", "vsme:TotalEnergyConsumption", total, key, 3)
        self._energy_breakdown(key)
        scope1, location, market = (
            value("ENV-05", key),
            value("ENV-06", key),
            value("ENV-07", key),
        )
        scope3 = value("ENV-08", key)
        self.number("B3", "vsme:GrossScope1GreenhouseGasEmissions", scope1, key, 3)
        self.number(
            "B3",
            "vsme:GrossLocationBasedScope2GreenhouseGasEmissions",
            location,
            key,
            3,
        )
        self.number(
            "B3", "vsme:GrossMarketBasedScope2GreenhouseGasEmissions", market, key, 3
        )
        turnover = value("ECO-01", key)
        for scope2, total_concept, intensity_concept, all_concept in (
            (
                location,
                "vsme:TotalGrossLocationBasedScope1AndScope2GHGEmissions",
                "vsme:Scope1AndScope2GreenhouseGasEmissionsIntensityValueLocationBased",
                "vsme:TotalGrossLocationBasedGHGEmissions",
            ),
            (
                market,
                "vsme:TotalGrossMarketBasedScope1AndScope2GHGEmissions",
                "vsme:Scope1AndScope2GreenhouseGasEmissionsIntensityValueMarketBased",
                "vsme:TotalGrossMarketBasedGHGEmissions",
            ),
        ):
            if scope1 is None or scope2 is None:
                continue
            both = scope1 + scope2
            self.number("B3", total_concept, both, key, 3)
            if scope3 is not None:
                self.number("B3", all_concept, both + scope3, key, 3)
            if turnover:  # tCO2e per currency unit, four significant digits
                intensity = both / turnover
                self.number(
                    "B3",
                    intensity_concept,
                    intensity,
                    key,
                    vsme_xbrl.significant_decimals(intensity),
                )
        self.number("B3", "vsme:GrossScope3GreenhouseGasEmissions", scope3, key, 3)

    def _energy_breakdown(self, key):
        """The B3 table: electricity from the bills, self-generated
        electricity and fuels, renewable and non-renewable, in MWh."""
        figures = [
            self.value(code, key)
            for code in ("ENV-01", "ENV-02", "ENV-21", "ENV-22", "ENV-23")
        ]
        if None in figures:
            total, electricity = figures[0], figures[1]
            if key == CURRENT:
                self.breakdown_missing = True
            if electricity is not None:
                self.number(
                    "B3", "vsme:EnergyConsumptionFromElectricity", electricity, key, 3
                )
            if total is not None and electricity is not None:
                self.number(
                    "B3",
                    "vsme:EnergyConsumptionFromFuels",
                    max(total - electricity, 0.0),
                    key,
                    3,
                )
            return
        table = vsme_xbrl.energy_breakdown(*figures)
        for concept, (renewable, non_renewable) in table.items():
            self.number("B3", concept, renewable + non_renewable, key, 3)
            for member, mwh in ((RENEWABLE, renewable), (NON_RENEWABLE, non_renewable)):
                self.number(
                    "B3",
                    concept,
                    mwh,
                    key,
                    3,
                    dims=((ENERGY_AXIS, member),),
                    label=self._energy_label(concept, member),
                )

    def _energy_label(self, concept, member):
        label = self.tax.label(concept, self.lang)
        return f"{label}: {self._member_label(member)} (MWh)"

    def _b6(self, key):
        value = self.value
        self.number(
            "B6",
            "vsme:TotalAmountOfWaterWithdrawnFromAllSites",
            value("ENV-11", key),
            key,
            2,
        )
        self.number(
            "B6",
            "vsme:AmountOfWaterWithdrawnAtSitesLocatedInAreasOfHighWaterStress",
            value("ENV-12", key),
            key,
            2,
        )
        self.number("B6", "vsme:TotalWaterConsumption", value("ENV-13", key), key, 2)

    def _b7(self, key):
        company = self.company
        if key == CURRENT:
            self.boolean(
                "B7",
                "vsme:UndertakingAppliesCircularEconomyPrinciples",
                company.csr_circular_economy,
                key,
            )
            if company.csr_circular_economy:
                self.text(
                    "B7",
                    "vsme:DescriptionOfHowCircularEconomyPrinciplesAreApplied",
                    company.csr_circular_economy_text,
                    key,
                )
        waste, hazardous = self.value("ENV-14", key), self.value("ENV-15", key)
        if waste is not None and hazardous is not None:
            tonnes = waste * hazardous / 100.0
            self.number("B7", "vsme:TotalHazardousWasteGeneratedMass", tonnes, key, 3)
            self.number(
                "B7", "vsme:TotalNonHazardousWasteGeneratedMass", waste - tonnes, key, 3
            )
        self.number("B7", "vsme:TotalWasteGeneratedMass", waste, key, 3)
        self.number(
            "B7", "vsme:TotalMassOfMaterialUsed", self.value("ENV-17", key), key, 3
        )

    def _b8(self, key):
        period = self.records[key]
        rows = workforce.employments_on(self.env, self.company, period.date_to)
        counts = vsme_xbrl.workforce_counts(rows)
        if rows:
            for concept, code, gender in B8_COUNTS:
                self.number("B8", concept, self._count(code, gender, rows, key), key, 0)
            by_country = counts["country"]
            if len(by_country) > 1:
                ids = [country_id for country_id in by_country if country_id]
                countries = self.env["res.country"].browse(ids)
                for country in countries:
                    member = f"country:{country.code}"
                    self.number(
                        "B8",
                        "vsme:NumberOfEmployeesForCountryOfEmploymentContract",
                        by_country[country.id],
                        key,
                        0,
                        dims=((COUNTRY_AXIS, member),),
                    )
        rate = self.value("SOC-06", key)
        if rate is not None:
            self.number(
                "B8", "vsme:EmployeeTurnoverRate", rate / 100.0, key, 4, scale=2
            )

    def _count(self, code, gender, rows, key):
        """A B8 count: its stored indicator (computed, or entered over it),
        else counted here the same way (a period computed before the
        indicator existed)."""
        stored = self.value(code, key)
        if stored is not None:
            return stored
        if gender is None:
            return (
                workforce_engine.permanent_count(rows)
                if code == "SOC-24"
                else workforce_engine.temporary_count(rows)
            )
        return workforce_engine.gender_count(rows, gender)

    def hours_worked(self, key):
        """Hours worked in the period: SOC-22 (computed from the schedules,
        or entered over it), else computed here the same way."""
        hours = self.value("SOC-22", key)
        if hours is not None:
            return hours
        period = self.records[key]
        figure = leaves.LeaveFigures(self.env, period).hours_worked()
        return figure.value

    def _b9(self, key):
        accidents = self.value("SOC-09", key)
        self.number(
            "B9",
            "vsme:NumberOfRecordableWorkRelatedAccidentsInTheReportingPeriod",
            accidents,
            key,
            0,
        )
        rate = self.value("SOC-23", key)
        if rate is None and accidents is not None:
            rate = vsme_xbrl.accident_rate(accidents, self.hours_worked(key))
        if rate is not None:
            self.number(
                "B9",
                "vsme:RateOfRecordableWorkRelatedAccidentsInTheReportingPeriod",
                rate,
                key,
                2,
            )
        self.number(
            "B9",
            "vsme:NumberOfFatalitiesAsAResultOfWorkRelatedInjuriesAndWorkRelatedIllHealth",
            self.value("SOC-10", key),
            key,
            0,
        )

    def _b10(self, key):
        minimum = self.value("SOC-13", key)
        if minimum is not None:
            self.boolean(
                "B10",
                "vsme:EmployeesReceivePayEqualOrAboveMinimumWageDeterminedByNationalLawOrCollectiveAgreement",
                minimum >= 1,
                key,
            )
        gap = self.value("SOC-15", key)
        if gap is not None:
            self.number(
                "B10",
                "vsme:PercentageGapInPayBetweenFemaleAndMaleEmployees",
                gap / 100.0,
                key,
                4,
                scale=2,
            )
        covered = self.value("SOC-17", key)
        if covered is not None:
            self.number(
                "B10",
                "vsme:PercentageOfEmployeesCoveredByCollectiveBargainingAgreements",
                covered / 100.0,
                key,
                4,
                scale=2,
            )
        period = self.records[key]
        if period.csr_vsme_training_hours_male or period.csr_vsme_training_hours_female:
            self.number(
                "B10",
                "vsme:AverageNumberOfAnnualTrainingHoursPerMaleEmployee",
                period.csr_vsme_training_hours_male,
                key,
                2,
            )
            self.number(
                "B10",
                "vsme:AverageNumberOfAnnualTrainingHoursPerFemaleEmployee",
                period.csr_vsme_training_hours_female,
                key,
                2,
            )

    def _b11(self, key):
        convictions = self.value("GOV-01", key)
        self.number(
            "B11",
            "vsme:TotalNumberOfConvictionsForTheViolationOfAntiCorruptionAndAntiBriberyLaws",
            convictions,
            key,
            0,
        )
        if convictions is not None:
            self.number(
                "B11",
                "vsme:TotalAmountOfFinesForTheViolationOfAnticorruptionAndAntibriberyLaws",
                self.records[key].csr_vsme_fines_amount,
                key,
                self.money_decimals,
            )

    def _omissions(self):
        _ = self.env._
        if self.breakdown_missing:
            self.omit(
                "energy_breakdown",
                "B3",
                _("Energy by renewable and non-renewable source"),
                _(
                    "Not derivable: compute the period again so that the "
                    "renewable energy (ENV-21), renewable electricity (ENV-22) "
                    "and self-generated electricity (ENV-23) have a value."
                ),
            )
        self.omit(
            "pollution",
            "B4",
            _("Pollutants emitted to air, water and soil"),
            _(
                "Not applicable: B4 applies only where the law or an environmental "
                "management system already requires the company to report pollutants."
            ),
        )
        if not self.company.csr_site_ids:
            self.omit(
                "no_sites",
                "B5",
                _("Sites in or near biodiversity-sensitive areas"),
                _("No site is recorded on the company: 0 sites."),
            )
        self.omit(
            "land_use",
            "B5",
            _("Land use (voluntary)"),
            _("Not reported: a voluntary datapoint the addon does not record."),
        )
        self.omit(
            "waste_diverted",
            "B7",
            _("Waste diverted to recycling or reuse"),
            _(
                "Not derivable: the taxonomy asks it by waste type, which the "
                "waste log does not record."
            ),
        )

    # -- outputs ------------------------------------------------------------------

    def sections(self):
        """The readable report's sections, B1 to B11, facts then omissions."""
        from .vsme_basic import VSME_BASIC

        _ = self.env._
        out = []
        for disclosure in VSME_BASIC:
            key = disclosure.key
            rows = list(self.rows.get(key, {}).values())
            for section, label, reason in self.omissions.values():
                if section == key:
                    rows.append(Row(label, {CURRENT: reason}))
            if not rows:
                rows.append(
                    Row(_("No datapoint reported"), {CURRENT: _("Not reported")})
                )
            out.append(Section(f"{key} · {_(disclosure.title)}", rows))
        return out

    def page(self):
        _ = self.env._
        keys = tuple(self.periods)
        titles = [_("Datapoint")] + [
            _("%(start)s to %(end)s", start=start.isoformat(), end=end.isoformat())
            for start, end in self.periods.values()
        ]
        decimal_comma = self._lang_decimal_point() == ","
        return vsme_xbrl.Page(
            lang=self.lang.replace("_", "-"),
            title=_("VSME Basic Module: %(company)s", company=self.company.name),
            subtitle=_(
                "Sustainability report under the EFRAG VSME standard (Basic Module, "
                "option A), period %(period)s, compared with the previous period.",
                period=self.period.name,
            ),
            column_titles=tuple(titles),
            period_keys=keys,
            notes=(
                _(
                    "Prepared with Odoo CSR Management on the EFRAG VSME XBRL "
                    "taxonomy 2026-05-01 (labels © 2025 EFRAG, MIT licence)."
                ),
            ),
            decimal_comma=decimal_comma,
        )

    def datapoints(self):
        """The facts as the workbook shows them, plain data: {concept:
        {period key: (value, unit)}}; a number stays a number, a member or a
        boolean reads as words, the sites' facts are joined site by site.
        A fact broken down by one explicit axis is keyed (concept, member):
        the B3 energy table; B8 by country is left to the digital report."""
        out = {}
        for rows in self.rows.values():
            for (concept, dims, typed), row in rows.items():
                if len(dims) > 1:
                    continue
                if dims:
                    concept = (concept, dims[0][1])
                for key, fact in row.cells.items():
                    shown = row.shown.get(key, fact.value)
                    if typed:
                        shown = f"{row.label.rsplit(': ', 1)[-1]}: {shown}"
                    unit = _unit_text(fact.unit, self.currency)
                    cell = out.setdefault(concept, {})
                    if key in cell and typed:
                        shown = f"{cell[key][0]}; {shown}"
                    cell[key] = (shown, unit)
        return out

    def workbook_data(self):
        """What the VSME workbook shows beside the indicators (plain data)."""
        reasons = {key: reason for key, (_s, _l, reason) in self.omissions.items()}
        return self.datapoints(), reasons

    def _lang_decimal_point(self):
        lang = self.env["res.lang"]._lang_get(self.lang)
        return lang.decimal_point if lang else "."

    def ixbrl(self):
        return vsme_xbrl.build_ixbrl(
            self.sections(),
            self.tax,
            entity_of(self.company),
            self.periods,
            self.page(),
        )

    def xbrl_json(self):
        oim = vsme_xbrl.build_oim(
            self.facts, self.tax, entity_of(self.company), self.periods
        )
        return json.dumps(oim, indent=2, ensure_ascii=False)


def _unit_text(unit, currency):
    """How a unit reads: "USD", "tCO2e / USD", "MWh", "%" (ratios)..."""
    if unit.startswith("iso4217:"):
        return currency
    if "/" in unit:
        return f"tCO2e / {currency}"
    return UNIT_TEXT.get(unit, "")
