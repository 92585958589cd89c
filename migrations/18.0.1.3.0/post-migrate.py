# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""18.0.1.3.0: the greenhouse-gas inventory.

- Fuels say how they are burnt and whether the law blends them; the shipped
  IPCC fuel factors gain their CH4 and N2O (and wood its biogenic CO2); grid
  factors say their data year and basis (Ember's regional average is a
  lifecycle figure).
- The default energy and Scope 1 sources count the new activities (vehicle
  diesel, ethanol, own solar, refrigerants) and ENV-03 the renewable part of
  blended fuels.
- The second measures become indicators of their own (B8 counts, the
  female-to-male ratio of managers, the lost-day rate, employees trained on
  anti-corruption, matters with a policy target, the renewable, renewable
  electricity and self-generated energy of VSME B3): the data files create
  them; the texts that promised them are reloaded.

Records the user changed are left alone: each is rewritten only while it is
still as 18.0.1.2.0 shipped it. The rewritten texts (RELOADED) are library
records nobody is expected to edit: they are read again from the data files
(a noupdate file never updates an existing record by itself), with their
translations.
"""

from lxml import etree

from odoo import SUPERUSER_ID, api
from odoo.tools import file_open
from odoo.tools.translate import TranslationImporter

ACTIVITIES = {
    "activity_diesel": (
        "Diesel",
        {
            "combustion": "stationary",
            "blend_family": "diesel",
            "name": "Diesel (generators, boilers)",
        },
    ),
    "activity_gasoline": (
        "Gasoline",
        {
            "combustion": "mobile",
            "blend_family": "gasoline",
            "name": "Petrol (vehicles)",
        },
    ),
    "activity_lpg_litre": (None, {"combustion": "stationary"}),
    "activity_lpg_kg": (None, {"combustion": "stationary"}),
    "activity_natural_gas": (None, {"combustion": "stationary"}),
    "activity_wood": (None, {"combustion": "stationary"}),
}
MOBILE = (
    "2006 IPCC Guidelines, Vol. 2: CO2 ch. 1 table 1.4; CH4 and N2O ch. 3 "
    "table 3.2.2 (road transport)"
)
STATIONARY = (
    "2006 IPCC Guidelines, Vol. 2: CO2 ch. 1 table 1.4; CH4 and N2O ch. 2 "
    "table 2.4 (commercial/institutional)"
)
# xmlid: (the kgCO2e 18.0.1.2.0 shipped, the new values)
FACTORS = {
    "factor_diesel_ipcc": (
        2.6765,
        {
            "kgco2e_per_unit": 2.692357,
            "ch4_per_unit": 0.0003612,
            "n2o_per_unit": 0.00002167,
            "gwp_set": "ar5",
            "source_document": STATIONARY,
        },
    ),
    "factor_gasoline_ipcc": (
        2.2717,
        {
            "kgco2e_per_unit": 2.36414,
            "ch4_per_unit": 0.0008195,
            "n2o_per_unit": 0.00026224,
            "gwp_set": "ar5",
            "source_document": MOBILE,
        },
    ),
    "factor_lpg_litre_ipcc": (
        1.6116,
        {
            "kgco2e_per_unit": 1.615852,
            "ch4_per_unit": 0.0001277,
            "n2o_per_unit": 0.000002554,
            "gwp_set": "ar5",
            "source_document": STATIONARY,
        },
    ),
    "factor_lpg_kg_ipcc": (
        2.9846,
        {
            "kgco2e_per_unit": 2.992475,
            "ch4_per_unit": 0.0002365,
            "n2o_per_unit": 0.00000473,
            "gwp_set": "ar5",
            "source_document": STATIONARY,
        },
    ),
    "factor_natural_gas_ipcc": (
        2.0196,
        {
            "kgco2e_per_unit": 2.025594,
            "ch4_per_unit": 0.00018,
            "n2o_per_unit": 0.0000036,
            "gwp_set": "ar5",
            "source_document": STATIONARY,
        },
    ),
    "factor_wood_ipcc": (
        0.147576,
        {
            "biogenic_co2_per_unit": 1.7472,
            "ch4_per_unit": 0.00468,
            "n2o_per_unit": 0.0000624,
        },
    ),
    "factor_grid_mx_2020": (0.494, {"data_year": 2020}),
    "factor_grid_mx_2021": (0.423, {"data_year": 2021}),
    "factor_grid_co_2022": (0.112, {"data_year": 2022}),
    "factor_grid_br_2023": (0.0385, {"data_year": 2023, "co2_per_unit": 0.0385}),
    "factor_grid_lac_2021": (0.262, {"data_year": 2021, "basis": "lifecycle"}),
    "factor_grid_lac_2022": (0.238, {"data_year": 2022, "basis": "lifecycle"}),
}
OLD_ENERGY = (
    "activity_electricity_grid activity_electricity_renewable activity_diesel "
    "activity_gasoline activity_lpg_litre activity_lpg_kg activity_natural_gas "
    "activity_wood"
)
NEW_ENERGY = (
    OLD_ENERGY
    + " activity_electricity_self_solar activity_diesel_vehicles activity_ethanol"
)
OLD_SCOPE_1 = (
    "activity_diesel activity_gasoline activity_lpg_litre activity_lpg_kg "
    "activity_natural_gas activity_wood"
)
REFRIGERANTS = " ".join(
    f"activity_refrigerant_{code}"
    for code in (
        "r404a",
        "r410a",
        "r134a",
        "r32",
        "r407c",
        "r22",
        "r290",
        "r600a",
        "r744",
        "r717",
    )
)
# xmlid: (method shipped, activities shipped, new method, new activities)
SOURCES = {
    "source_env_01": ("activity_energy", OLD_ENERGY, "activity_energy", NEW_ENERGY),
    "source_env_02": (
        "activity_quantity",
        "activity_electricity_grid activity_electricity_renewable",
        "activity_quantity",
        "activity_electricity_grid activity_electricity_renewable "
        "activity_electricity_self_solar",
    ),
    "source_env_03": (
        "activity_energy",
        "activity_electricity_renewable activity_wood",
        "activity_renewable_energy",
        NEW_ENERGY,
    ),
    "source_env_05": (
        "activity_emissions",
        OLD_SCOPE_1,
        "activity_emissions",
        OLD_SCOPE_1 + " activity_diesel_vehicles activity_ethanol " + REFRIGERANTS,
    ),
}
RELOADED = (
    "resource_gloss_scope_1_en",
    "resource_gloss_scope_1_es",
    "resource_gloss_scope_1_pt",
    "recommendation_i_env_05_2",
    "recommendation_q_env_2_01",
    "recommendation_q_env_2_03",
    "question_env_2_03",
    "indicator_env_05",
    "indicator_env_01",
    "indicator_env_02",
    "indicator_env_03",
    "indicator_env_08",
    "benchmark_range_env_03_all",
    # The guidance and advice that promised "second measures" now name the
    # indicators holding them (SOC-24 to SOC-31, GOV-07, GOV-08).
    "indicator_soc_01",
    "indicator_soc_02",
    "indicator_soc_03",
    "indicator_soc_04",
    "indicator_soc_09",
    "indicator_soc_11",
    "indicator_soc_13",
    "indicator_soc_14",
    "indicator_soc_20",
    "indicator_soc_21",
    "indicator_gov_01",
    "indicator_gov_02",
    "indicator_gov_03",
    "indicator_gov_05",
    "recommendation_i_soc_02_1",
    "recommendation_i_soc_09_1",
    "recommendation_i_soc_20_1",
    "recommendation_i_gov_02_1",
    "recommendation_i_gov_05_1",
)


def _records(env, names):
    return env["csr.activity"].browse(
        [env.ref(f"csr_management.{name}").id for name in names.split()]
    )


def _update_activities(env):
    for xmlid, (old_name, vals) in ACTIVITIES.items():
        activity = env.ref(f"csr_management.{xmlid}", raise_if_not_found=False)
        if not activity:
            continue
        vals = dict(vals)
        if (
            old_name is not None
            and activity.with_context(lang="en_US").name != old_name
        ):
            vals.pop("name")
        activity.write(
            {k: v for k, v in vals.items() if k == "name" or not activity[k]}
        )


def _update_factors(env):
    for xmlid, (old_value, vals) in FACTORS.items():
        factor = env.ref(f"csr_management.{xmlid}", raise_if_not_found=False)
        if factor and abs(factor.kgco2e_per_unit - old_value) < 1e-9:
            factor.write(vals)


def _update_sources(env):
    for xmlid, (method, old, new_method, new) in SOURCES.items():
        source = env.ref(f"csr_management.{xmlid}", raise_if_not_found=False)
        if not source or source.method != method:
            continue
        if set(source.activity_ids.ids) != set(_records(env, old).ids):
            continue
        source.write(
            {"method": new_method, "activity_ids": [(6, 0, _records(env, new).ids)]}
        )


def migrate(cr, version):
    if not version:
        return
    env = api.Environment(cr, SUPERUSER_ID, {})
    _update_activities(env)
    _update_factors(env)
    _update_sources(env)
    _reload_texts(env)


# The data files holding the RELOADED records.
TEXT_FILES = (
    "data/csr_indicator_data.xml",
    "data/csr_indicator_recommendation_data.xml",
    "data/csr_question_bank_data.xml",
    "data/csr_question_recommendation_data.xml",
    "data/csr_resource_glossary_data.xml",
    "data/csr_benchmark_range_data.xml",
)


def _field_value(node):
    if node.get("type") == "html":
        return (node.text or "") + "".join(
            etree.tostring(child, encoding="unicode") for child in node
        )
    return node.text or ""


def _reload_texts(env):
    """Write the texts of the RELOADED records as the data files have them
    now, then their translations from the module's .po files."""
    wanted = set(RELOADED)
    for path in TEXT_FILES:
        with file_open(f"csr_management/{path}", "rb") as handle:
            tree = etree.parse(handle)
        for record in tree.iterfind(".//record"):
            if record.get("id") not in wanted:
                continue
            target = env.ref(
                f"csr_management.{record.get('id')}", raise_if_not_found=False
            )
            if not target:
                continue
            vals = {
                node.get("name"): _field_value(node)
                for node in record.iterfind("field")
                if not (node.get("eval") or node.get("ref"))
                and target._fields.get(node.get("name"))
                and target._fields[node.get("name")].translate
            }
            target.with_context(lang="en_US").write(vals)
    importer = TranslationImporter(env.cr, verbose=False)
    xmlids = {f"csr_management.{name}" for name in RELOADED}
    for lang, _name in env["res.lang"].get_installed():
        if lang == "en_US":
            continue
        for candidate in dict.fromkeys((lang, lang.split("_")[0])):
            importer.load_file(
                f"csr_management/i18n/{candidate}.po", lang, xmlids=xmlids
            )
    importer.save(overwrite=True, force_overwrite=True)
