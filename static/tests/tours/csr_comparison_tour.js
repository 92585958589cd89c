/** @odoo-module **/
// License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
// A consultant compares last year of two clients in two currencies
// (tests/test_comparison_tour.py).

import { registry } from "@web/core/registry";

const SLOW = 30000;

registry.category("web_tour.tours").add("csr_comparison_tour", {
    steps: () => [
        {
            content: "Both clients ticked in the switcher are proposed",
            trigger: ".modal .o_field_widget[name=company_ids] .o_tag:contains(Bajío Tour SA de CV)",
            timeout: SLOW,
        },
        {
            trigger: ".modal .o_field_widget[name=company_ids] .o_tag:contains(Andina Tour SAS)",
        },
        {
            content: "Compare",
            trigger: ".modal button[name=action_compare]",
            run: "click",
        },
        {
            content: "Each amount in its own currency",
            trigger: ".modal .o_csr_company_comparison td:contains(50,000.00 MXN)",
            timeout: SLOW,
        },
        {
            trigger: ".modal .o_csr_company_comparison td:contains(1.0 M COP)",
        },
        {
            content: "No median across COP and MXN, and the table says why",
            trigger: ".modal .o_csr_mixed_currencies:contains(COP, MXN)",
        },
    ],
});
