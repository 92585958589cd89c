/** @odoo-module **/
// License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
// A CSR user accepts the suggestion of a red indicator, gives the new
// improvement action a deadline and drags it on the kanban from Draft to
// Planned (dataset of tests/test_suggestion_to_action_tour.py).

import { registry } from "@web/core/registry";
import { stepUtils } from "@web_tour/tour_service/tour_utils";

// Steps waiting on the server get more than the default 10 s: the test
// machine is small and busy.
const SLOW = 30000;
const TITLE = "Fix the water leaks";

function column(label) {
    return `.o_kanban_view .o_kanban_group:has(.o_column_title:contains(${label}))`;
}

registry.category("web_tour.tours").add("csr_suggestion_to_action_tour", {
    steps: () => [
        ...stepUtils.goToAppSteps("csr_management.csr_root_menu", "Open the CSR app"),
        {
            content: "Open the Improvement menu",
            trigger:
                ".o_main_navbar button[data-menu-xmlid='csr_management.csr_improvement_menu']",
            run: "click",
        },
        {
            content: "Open the suggestions",
            trigger:
                ".o-dropdown--menu [data-menu-xmlid='csr_management.csr_action_suggestion_menu']",
            run: "click",
        },
        {
            content: "Open the suggestion to decide",
            trigger: `.o_list_view .o_data_row:has(td[name=state]:contains(To decide)) td[name=name]:contains(${TITLE})`,
            run: "click",
        },
        {
            content: "Accept it",
            trigger: ".o_form_view .o_statusbar_buttons button[name=action_accept]",
            run: "click",
        },
        {
            content: "The new improvement action opens as a draft",
            trigger: `.o_form_view:has(.o_last_breadcrumb_item:contains(${TITLE})) .o_statusbar_status .o_arrow_button_current:contains(Draft)`,
            timeout: SLOW,
        },
        {
            content: "Give it a deadline",
            trigger: ".o_form_view .o_field_widget[name=deadline] input",
            run: "edit 12/31/2025 && press Enter",
        },
        {
            content: "The deadline is taken",
            trigger: ".o_form_view .o_form_dirty",
        },
        {
            content: "Save the action",
            trigger: ".o_form_view .o_form_button_save",
            run: "click",
        },
        {
            content: "Saved",
            trigger: ".o_form_view .o_form_saved",
            timeout: SLOW,
        },
        {
            content: "Open the Improvement menu again",
            trigger:
                ".o_main_navbar button[data-menu-xmlid='csr_management.csr_improvement_menu']",
            run: "click",
        },
        {
            content: "Open all the actions, on their kanban",
            trigger: ".o-dropdown--menu [data-menu-xmlid='csr_management.csr_action_menu']",
            run: "click",
        },
        {
            content: "Drag the draft action to the Planned column",
            trigger: `${column("Draft")} .o_kanban_record:contains(${TITLE})`,
            async run(helpers) {
                // Dropped on the column's middle: the helper's default, just
                // above the column, is outside it on this kanban.
                await helpers.drag_and_drop(column("Planned"), {
                    position: "center",
                    relative: true,
                });
            },
        },
        {
            content: "The action is planned",
            trigger: `${column("Planned")} .o_kanban_record:contains(${TITLE})`,
            timeout: SLOW,
        },
        {
            content: "And no longer a draft",
            trigger: `${column("Draft")}:not(:has(.o_kanban_record))`,
        },
    ],
});
