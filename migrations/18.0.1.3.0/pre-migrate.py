# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""18.0.1.3.0: texts that promised what the addon did not read (vehicle
kilometres from Fleet, refrigerant kilograms typed over the fuel figure) are
rewritten. They are noupdate library records nobody is expected to edit:
let this update reload them from the data files."""

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
)


def migrate(cr, version):
    if not version:
        return
    cr.execute(
        """
        UPDATE ir_model_data SET noupdate = FALSE
         WHERE module = 'csr_management' AND name IN %s
        """,
        (RELOADED,),
    )
