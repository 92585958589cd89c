/** @odoo-module **/
// License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
/* global Chart */

import { Component, onWillStart, onWillUnmount, useEffect, useRef } from "@odoo/owl";
import { loadBundle } from "@web/core/assets";
import { registry } from "@web/core/registry";
import { formatFloat } from "@web/core/utils/numbers";

// One colour per scope; Scope 3 is drawn apart, never stacked on 1 and 2.
const SCOPE_COLORS = { 1: "#e15759", "2_location": "#f28e2b", 3: "#bab0ac" };

/** tCO2e with at most two decimals, small figures with three significant digits. */
export function formatTonnes(value) {
    if (value === null || value === undefined) {
        return "—";
    }
    const digits = Math.abs(value) > 0 && Math.abs(value) < 1 ? 3 : 2;
    return formatFloat(value, { digits: [false, digits], trailingZeros: false });
}

// Inventory lines keep 6 decimals (so that they add up to the figures); the
// pivot shows tonnes to the kilogram.
registry
    .category("formatters")
    .add("csr_tonnes", (value) => formatFloat(value, { digits: [16, 3] }));

/** Emissions by scope and month, with the totals an owner reads first. */
export class CsrGhgChart extends Component {
    static template = "csr_management.CsrGhgChart";
    static props = { ghg: Object, onOpen: Function };

    setup() {
        this.canvasRef = useRef("canvas");
        this.chart = null;
        this.formatTonnes = formatTonnes;
        onWillStart(() => loadBundle("web.chartjs_lib"));
        useEffect(
            () => this.renderChart(),
            () => [this.props.ghg]
        );
        onWillUnmount(() => this.chart?.destroy());
    }

    renderChart() {
        this.chart?.destroy();
        this.chart = null;
        if (this.canvasRef.el) {
            this.chart = new Chart(this.canvasRef.el, this.chartConfig());
        }
    }

    chartConfig() {
        const { labels, series } = this.props.ghg;
        return {
            type: "bar",
            data: {
                labels,
                datasets: series.map((serie) => ({
                    label: serie.label,
                    data: serie.data,
                    backgroundColor: SCOPE_COLORS[serie.scope],
                    stack: serie.scope === "3" ? "scope_3" : "scopes_1_2",
                })),
            },
            options: {
                maintainAspectRatio: false,
                scales: { x: { stacked: true }, y: { stacked: true, beginAtZero: true } },
                plugins: {
                    legend: { position: "bottom" },
                    tooltip: {
                        callbacks: {
                            label: (item) =>
                                `${item.dataset.label}: ${formatTonnes(item.raw)} tCO2e`,
                        },
                    },
                },
            },
        };
    }
}
