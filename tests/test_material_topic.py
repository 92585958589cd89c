# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The shipped sustainability topics and stakeholder groups.

The catalogue ships 18 topics (4 economic, 5 environmental, 7 social,
2 governance) and the 8 ISO 26000 stakeholder groups. Climate change is
measured by the ten energy/GHG indicators ENV-01..ENV-10 plus GOV-06 (a GHG
reduction target), so 11 indicators; biodiversity has no indicator yet.
"""

from odoo.exceptions import AccessError
from odoo.tests import tagged

from .common import CsrCase


@tagged("csr_materiality")
class TestMaterialTopic(CsrCase):
    def test_catalogue_covers_every_pillar(self):
        topics = self.env["csr.material.topic"].search([])
        per_pillar = {
            pillar: len(topics.filtered(lambda t, p=pillar: t.pillar == p))
            for pillar in ("economic", "environmental", "social", "governance")
        }
        self.assertEqual(
            per_pillar,
            {"economic": 4, "environmental": 5, "social": 7, "governance": 2},
        )

    def test_topic_links_its_indicators_both_ways(self):
        climate = self.env.ref("csr_management.material_topic_env_climate")
        codes = set(climate.indicator_ids.mapped("code"))
        self.assertEqual(len(codes), 11)
        self.assertIn("ENV-05", codes)
        self.assertIn("GOV-06", codes)
        scope1 = self.env.ref("csr_management.indicator_env_05")
        self.assertEqual(scope1.material_topic_ids, climate)
        biodiversity = self.env.ref("csr_management.material_topic_env_biodiv")
        self.assertEqual(biodiversity.indicator_count, 0)

    def test_register_lists_contacts_of_a_group(self):
        suppliers = self.env.ref("csr_management.stakeholder_group_suppliers")
        community = self.env.ref("csr_management.stakeholder_group_community")
        miller = self.env["res.partner"].create(
            {"name": "Trilladora del Huila", "csr_stakeholder_group_ids": suppliers.ids}
        )
        self.env["res.partner"].create({"name": "Not a stakeholder"})
        action = suppliers.action_open_register()
        self.assertEqual(self.env["res.partner"].search(action["domain"]), miller)
        self.assertEqual(suppliers.partner_count, 1)
        self.assertEqual(community.partner_count, 0)
        self.assertEqual(len(self.env["csr.stakeholder.group"].search([])), 8)

    def test_only_administrators_edit_the_catalogue(self):
        topic = self.env.ref("csr_management.material_topic_env_water")
        self.assertEqual(topic.with_user(self.user).name, "Water")
        for user in (self.user, self.auditor, self.manager):
            with self.assertRaises(AccessError):
                topic.with_user(user).write({"name": "Agua"})
        self.assertEqual(topic.name, "Water")
        topic.with_user(self.env.ref("base.user_admin")).write(
            {"name": "Water and effluents"}
        )
        self.assertEqual(topic.name, "Water and effluents")
