# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""A CSR user enters a manual figure in a browser
(static/tests/tours/csr_value_entry_tour.js).

A manager has launched January 2025's input campaign with one line, TST-WATER
in the user's charge: the launch made the draft value (0 m³) and the user's
to-do. The user goes CSR > Data > Input Campaigns > 2025-01, opens the
value from its line, types 87.5, attaches meter_reading.txt and submits. The
value is then submitted at 87.5 m³ with that one file as evidence, entered by
the user, and the to-do is done (so gone), which shows the campaign line as
submitted."""

import base64

from odoo import Command
from odoo.tests import HttpCase, tagged

from .common import CsrCase


@tagged("post_install", "-at_install", "csr_values")
class TestValueEntryTour(HttpCase, CsrCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.campaign = cls.env["csr.campaign"].create(
            {
                "period_id": cls.january.id,
                "user_id": cls.manager.id,
                "line_ids": [
                    Command.create(
                        {"indicator_id": cls.water.id, "user_id": cls.user.id}
                    )
                ],
            }
        )
        cls.campaign.with_user(cls.manager).action_launch()
        cls.line = cls.campaign.line_ids

    def test_user_enters_a_value_with_evidence_and_submits_it(self):
        value = self.line.value_id
        self.assertEqual((value.state, value.value), ("draft", 0.0))
        self.assertTrue(self.line.activity_id)
        self.start_tour(
            "/odoo",
            "csr_value_entry_tour",
            login=self.user.login,
            # The first page load builds the asset bundles: slow on a busy
            # 2-core machine, so more than the default minute.
            timeout=180,
        )
        self.env.invalidate_all()
        self.assertEqual(value.state, "submitted")
        self.assertEqual(value.value, 87.5)
        self.assertEqual(value.entered_by_id, self.user)
        evidence = value.evidence_ids
        self.assertEqual(evidence.mapped("name"), ["meter_reading.txt"])
        self.assertEqual(base64.b64decode(evidence.datas), b"January meter: 87.5 m3")
        self.assertEqual(
            (evidence.res_model, evidence.res_id), ("csr.indicator.value", value.id)
        )
        self.assertEqual(self.line.status, "submitted")
        self.assertFalse(value.activity_ids)
