# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The VSME profile of the demo company (Tostadora Andina SAS, a coffee
roaster in Manizales): what a roaster would enter for the VSME Basic Module
beside the indicators the demo already feeds. Invented demo data, not
reference data; the coordinates are those of Manizales' centre, rounded.

``apply_vsme_demo`` runs as a step of ``DemoWriter.run`` (``demo/writer.py``),
once the periods exist, and writes only open periods.
"""

DEMO_PROFILE = {
    "csr_legal_form": "private_limited",  # a Colombian S.A.S.
    "csr_nace_code": "C10.83",  # processing of tea and coffee
    "csr_certifications": (
        "Rainforest Alliance chain-of-custody certificate for the roasted "
        "coffee (since 2023); Fairtrade licensee for the single-origin line."
    ),
    "csr_circular_economy": True,
    "csr_circular_economy_text": (
        "Coffee husks and chaff go to a local compost maker; jute sacks "
        "are returned to the green-coffee suppliers for reuse."
    ),
    "csr_policies_public": True,
    "csr_policies_targets": True,
}
DEMO_SITE = {
    "name": "Manizales roastery",
    "latitude": 5.07,
    "longitude": -75.52,
    "in_biodiversity_area": False,
    "near_biodiversity_area": False,
}
DEMO_PERIOD_INPUTS = {
    "csr_vsme_fines_amount": 0.0,
    "csr_vsme_training_hours_male": 6.0,
    "csr_vsme_training_hours_female": 7.5,
}


def apply_vsme_demo(company):
    """Give the demo company its VSME profile, site and period inputs."""
    env = company.env
    company.write(DEMO_PROFILE)
    env["csr.site"].create(
        {
            **DEMO_SITE,
            "company_id": company.id,
            "street": company.street,
            "zip": company.zip,
            "city": company.city,
            "country_id": company.country_id.id,
        }
    )
    periods = env["csr.period"].search(
        [("company_id", "=", company.id), ("state", "=", "open")]
    )
    periods.write(DEMO_PERIOD_INPUTS)
    return company
