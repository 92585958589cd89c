# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The CSR Overview in a browser, on the dataset of ``test_scorecard``: the
tour (static/tests/tours/csr_dashboard_tour.js) reads January's index 50.28
and the four pillar cards, then opens the red TST-ACCIDENTS value.

pytest-odoo runs an ``HttpCase`` only with ``--odoo-http`` (scripts/test.sh
passes it); ``odoo-bin --test-tags /csr_management`` runs it as is."""

from odoo.tests import HttpCase, tagged

from .common import ScorecardCase


@tagged("post_install", "-at_install", "csr_report")
class TestDashboardTour(HttpCase, ScorecardCase):
    def test_owner_opens_the_overview_and_a_red_indicator(self):
        self._compute(self.december, self.january)
        self.start_tour(
            "/odoo/action-csr_management.csr_dashboard_action",
            "csr_dashboard_tour",
            login=self.manager.login,
            # The first page load builds the asset bundles: slow on a busy
            # 2-core machine, so more than the default minute.
            timeout=180,
        )
