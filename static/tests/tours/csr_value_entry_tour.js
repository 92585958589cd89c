/** @odoo-module **/
// License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
// A CSR user enters the January water withdrawal of a running input campaign:
// from the CSR app to the campaign, its "Open value" button, the figure, a
// meter reading as evidence, then Submit (see tests/test_value_entry_tour.py).

import { registry } from "@web/core/registry";
import { inputFiles } from "@web/../tests/utils";
import { stepUtils } from "@web_tour/tour_service/tour_utils";

// Steps waiting on the server get more than the default 10 s: the test
// machine is small and busy.
const SLOW = 30000;
const EVIDENCE = ".o_field_widget[name=evidence_ids]";

registry.category("web_tour.tours").add("csr_value_entry_tour", {
    steps: () => [
        ...stepUtils.goToAppSteps("csr_management.csr_root_menu", "Open the CSR app"),
        {
            content: "Open the Data menu",
            trigger: ".o_main_navbar button[data-menu-xmlid='csr_management.csr_data_menu']",
            run: "click",
        },
        {
            content: "Open the input campaigns",
            trigger: ".o-dropdown--menu [data-menu-xmlid='csr_management.csr_campaign_menu']",
            run: "click",
        },
        {
            content: "Open the campaign of January 2025 (2025-01)",
            trigger: ".o_list_view .o_data_row td[name=name]:contains(2025-01)",
            run: "click",
        },
        {
            content: "Open the water value the user is in charge of",
            trigger:
                ".o_field_widget[name=line_ids] .o_data_row:contains(TST-WATER) button[name=action_open_value]",
            run: "click",
        },
        {
            content: "The value form, still a draft",
            trigger:
                ".o_form_view:has(.o_last_breadcrumb_item:contains(TST-WATER)) .o_statusbar_status .o_arrow_button_current:contains(Draft)",
        },
        {
            content: "Type the figure",
            trigger: ".o_form_view .o_field_widget[name=value] input",
            run: "edit 87.5",
        },
        {
            content: "Attach the meter reading",
            trigger: `${EVIDENCE} .o_attach`,
            async run() {
                const reading = new File(["January meter: 87.5 m3"], "meter_reading.txt", {
                    type: "text/plain",
                });
                await inputFiles(`${EVIDENCE} .o_input_file`, [reading]);
            },
        },
        {
            content: "Wait for the upload to finish",
            trigger: `${EVIDENCE} .o_attachment:not(.o_attachment_uploading):contains(meter_reading.txt)`,
            timeout: SLOW,
        },
        {
            content: "Submit the value",
            trigger: ".o_form_view .o_statusbar_buttons button[name=action_submit]",
            run: "click",
        },
        {
            content: "The value is submitted and its figure and evidence are frozen",
            trigger:
                ".o_form_view .o_statusbar_status .o_arrow_button_current:contains(Submitted)",
            timeout: SLOW,
        },
        {
            content: "The figure is read-only now",
            trigger: ".o_form_view .o_field_widget[name=value]:not(:has(input)):contains(87.5)",
        },
    ],
});
