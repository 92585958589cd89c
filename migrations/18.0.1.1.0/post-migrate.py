# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""18.0.1.1.0: the policy register computes GOV-02 and GOV-05, and answers
three maturity questions about written policies.

The catalogue and question bank are noupdate data, so an update does not
touch the records a database already has: switch them here, unless the user
already changed them (an indicator no longer manual, a question given another
pre-answer is left as the user set it).
"""

from odoo import SUPERUSER_ID, api

POLICY_INDICATORS = ("indicator_gov_02", "indicator_gov_05")
POLICY_QUESTIONS = {
    "question_eco_3_03": "suppliers",
    "question_env_3_03": "environmental",
    "question_soc_3_07": "labour_human_rights",
}


def migrate(cr, version):
    if not version:
        return
    env = api.Environment(cr, SUPERUSER_ID, {})
    for xmlid in POLICY_INDICATORS:
        indicator = env.ref(f"csr_management.{xmlid}", raise_if_not_found=False)
        if indicator and indicator.source_type == "manual":
            indicator.source_type = "computed"
    for xmlid, area in POLICY_QUESTIONS.items():
        question = env.ref(f"csr_management.{xmlid}", raise_if_not_found=False)
        if question and question.auto_kind == "none":
            question.write({"auto_kind": "policy", "auto_policy_area": area})
