/** @odoo-module **/
// License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
// The owner lands on the CSR Overview of January 2025 (the dataset of
// tests/test_scorecard.py) and opens a red indicator from it.

import { registry } from "@web/core/registry";

registry.category("web_tour.tours").add("csr_dashboard_tour", {
    steps: () => [
        {
            content: "The overview shows January's index, amber",
            trigger: ".o_csr_index_card[data-light=amber] .o_csr_index_value:contains(50.28)",
        },
        {
            content: "The economic pillar card",
            trigger: ".o_csr_pillar_card[data-pillar=economic][data-light=red] .o_csr_pillar_score:contains(0)",
        },
        {
            content: "The environmental pillar card",
            trigger: ".o_csr_pillar_card[data-pillar=environmental][data-light=green] .o_csr_pillar_score:contains(87.5)",
        },
        {
            content: "The social pillar card",
            trigger: ".o_csr_pillar_card[data-pillar=social][data-light=amber] .o_csr_pillar_score:contains(63.33)",
        },
        {
            content: "The governance pillar card, without a score",
            trigger: ".o_csr_pillar_card[data-pillar=governance] .o_csr_pillar_score:contains(—)",
        },
        {
            content: "Open the red accidents indicator",
            trigger: ".o_csr_red_indicator[data-code=TST-ACCIDENTS]",
            run: "click",
        },
        {
            content: "Its January value opens in a form",
            trigger: ".o_form_view .o_last_breadcrumb_item:contains(TST-ACCIDENTS)",
        },
    ],
});
