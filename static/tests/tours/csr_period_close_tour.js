/** @odoo-module **/
// License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
// A CSR manager closes January 2025 (dataset of tests/test_period_close_tour.py):
// computes the period, validates its three values, refreshes and reads the
// scorecard, then prints the Triple Bottom Line Report from the period.

import { registry } from "@web/core/registry";
import { download } from "@web/core/network/download";
import { stepUtils } from "@web_tour/tour_service/tour_utils";

// Steps waiting on the server (compute, validate, score, print) get more than
// the default 10 s: the test machine is small and busy.
const SLOW = 30000;
const REPORT_URL = "/report/pdf/csr_management.report_triple_bottom_line/";
const ENVIRONMENTAL = ".o_field_widget[name=pillar_ids] .o_kanban_record:contains(Environmental)";

function valueRow(code) {
    return `.o_list_view .o_data_row:has(td[name=indicator_id]:contains(${code}))`;
}

function validateSteps(code) {
    return [
        {
            content: `Validate ${code}`,
            trigger: `${valueRow(code)} button[name=action_validate]`,
            run: "click",
        },
        {
            content: `${code} is validated`,
            trigger: `${valueRow(code)} td[name=state]:contains(Validated)`,
            timeout: SLOW,
        },
    ];
}

registry.category("web_tour.tours").add("csr_period_close_tour", {
    steps: () => [
        ...stepUtils.goToAppSteps("csr_management.csr_root_menu", "Open the CSR app"),
        {
            content: "Open the Data menu",
            trigger: ".o_main_navbar button[data-menu-xmlid='csr_management.csr_data_menu']",
            run: "click",
        },
        {
            content: "Open the periods",
            trigger: ".o-dropdown--menu [data-menu-xmlid='csr_management.csr_period_menu']",
            run: "click",
        },
        {
            content: "Open January 2025",
            trigger: ".o_list_view .o_data_row td[name=name]:contains(2025-01)",
            run: "click",
        },
        {
            content: "Two values entered by hand so far",
            trigger: ".o_form_view button[name=action_open_values] .o_stat_value:contains(2)",
        },
        {
            content: "Compute the period",
            trigger: ".o_form_view .o_statusbar_buttons button[name=action_compute]",
            run: "click",
        },
        {
            content: "The formula value was added: open the three values",
            trigger: ".o_form_view button[name=action_open_values]:has(.o_stat_value:contains(3))",
            run: "click",
            timeout: SLOW,
        },
        {
            content: "Unfold the environmental pillar",
            trigger: ".o_list_view .o_group_header:contains(Environmental)",
            run: "click",
        },
        ...validateSteps("TST-WATER"),
        ...validateSteps("TST-SHARE"),
        ...validateSteps("TST-GREEN-WATER"),
        {
            content: "Back to the period",
            trigger: ".o_breadcrumb .breadcrumb-item a:contains(2025-01)",
            run: "click",
        },
        {
            content: "All three values are validated: open the scorecard",
            trigger:
                ".o_form_view:has(.o_field_widget[name=validated_count]:contains(3)) button[name=action_open_scorecard]",
            run: "click",
        },
        {
            content: "Score the validated values again",
            trigger: ".o_form_view .o_statusbar_buttons button[name=action_refresh]",
            run: "click",
        },
        {
            content: "The environmental pillar: every value validated",
            trigger: `${ENVIRONMENTAL} div:has(> span:contains(Validated values)) > span:contains(100.00)`,
            timeout: SLOW,
        },
        {
            content: "The environmental pillar scores 87.50, green",
            trigger: `${ENVIRONMENTAL}:has([name=light]:contains(Green)) .fs-2:contains(87.50)`,
        },
        {
            content: "The triple-bottom-line index",
            trigger: ".o_form_view .o_field_widget[name=overall_index]:contains(87.50)",
        },
        {
            content: "Back to the period to print its report",
            trigger: ".o_breadcrumb .breadcrumb-item a:contains(2025-01)",
            run: "click",
        },
        {
            content: "Back on the period, open its actions menu (the gear)",
            trigger: ".o_form_view:has(button[name=action_compute]) .o_cp_action_menus button:has(.fa-cog)",
            run: "click",
        },
        {
            content: "Its print entries",
            trigger: ".o-dropdown--menu .fa-print",
            async run(helpers) {
                // With more than one report, they sit in a Print submenu.
                const submenu = document.querySelector(".o-dropdown--menu button:has(.fa-print)");
                if (submenu) {
                    await helpers.click(submenu);
                }
            },
        },
        {
            content: "Print the Triple Bottom Line Report",
            trigger: ".o-dropdown--menu .o_menu_item:contains(Triple Bottom Line Report)",
            async run(helpers) {
                // Mark the page once the report is downloaded, for the next step
                // to wait on (the download itself shows nothing).
                const original = download._download;
                download._download = async (options) => {
                    try {
                        return await original(options);
                    } finally {
                        download._download = original;
                        const [url] = JSON.parse(options.data.data);
                        document.body.dataset.csrReportUrl = url;
                    }
                };
                await helpers.click();
            },
        },
        {
            content: "The PDF of this period was requested and received",
            trigger: `body[data-csr-report-url^='${REPORT_URL}']`,
            timeout: SLOW,
        },
    ],
});
