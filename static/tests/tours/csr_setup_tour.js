/** @odoo-module **/
// License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
// A consultant walks the guided setup of a new company on the CSR Overview
// (tests/test_setup_checklist.py): the profile opens the company form, the
// periods step creates the fiscal year's periods and turns done, and the
// campaign step opens the input campaigns.

import { registry } from "@web/core/registry";

// Steps waiting on the server get more than the default 10 s: the test
// machine is small and busy.
const SLOW = 30000;
const step = (key, done) => `.o_csr_setup_step[data-step=${key}][data-done=${done}]`;
const BACK_TO_OVERVIEW = ".o_breadcrumb .breadcrumb-item a:contains(CSR Overview)";

registry.category("web_tour.tours").add("csr_setup_tour", {
    steps: () => [
        {
            content: "The checklist of the new company: 3 of 10 steps done",
            trigger: ".o_csr_setup .o_csr_setup_progress:contains(3 of 10)",
            timeout: SLOW,
        },
        {
            content: "Its profile is to do: open it",
            trigger: `${step("profile", "no")} .o_csr_setup_open`,
            run: "click",
        },
        {
            content: "The company form opens",
            trigger: ".o_form_view .o_last_breadcrumb_item:contains(Café Fresco SAS)",
        },
        {
            content: "Back to the overview",
            trigger: BACK_TO_OVERVIEW,
            run: "click",
        },
        {
            content: "The periods are to do: open the generator",
            trigger: `${step("periods", "no")} .o_csr_setup_open`,
            run: "click",
        },
        {
            content: "Create the fiscal year's periods",
            trigger: ".modal button[name=action_generate]",
            run: "click",
        },
        {
            content: "The periods created are listed",
            trigger: ".o_list_view .o_data_row",
            timeout: SLOW,
        },
        {
            content: "Back to the overview",
            trigger: BACK_TO_OVERVIEW,
            run: "click",
        },
        {
            content: "The periods step is done: 4 of 10",
            trigger: `${step("periods", "yes")}`,
            timeout: SLOW,
        },
        {
            trigger: ".o_csr_setup .o_csr_setup_progress:contains(4 of 10)",
        },
        {
            content: "Open the input campaigns",
            trigger: `${step("campaign", "no")} .o_csr_setup_open`,
            run: "click",
        },
        {
            content: "The campaigns screen opens",
            trigger: ".o_last_breadcrumb_item:contains(Input Campaigns)",
        },
    ],
});
