/** @odoo-module **/
// License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
/* global Chart */

import { Component, onWillStart, onWillUnmount, useEffect, useRef, useState } from "@odoo/owl";
import { loadBundle } from "@web/core/assets";
import { _t } from "@web/core/l10n/translation";
import { registry } from "@web/core/registry";
import { KeepLast } from "@web/core/utils/concurrency";
import { useService } from "@web/core/utils/hooks";
import { formatFloat } from "@web/core/utils/numbers";
import { useSetupAction } from "@web/search/action_hook";
import { Layout } from "@web/search/layout";
import { standardActionServiceProps } from "@web/webclient/actions/action_service";
import { CsrGhgChart } from "./csr_ghg_chart";

// Bootstrap contextual colour of each traffic light.
const LIGHT_CLASSES = { green: "success", amber: "warning", red: "danger" };
// Line colours of the trend: the index stands out, each pillar keeps its own.
const INDEX_COLOR = "#714b67";
const PILLAR_COLORS = {
    economic: "#4e79a7",
    environmental: "#59a14f",
    social: "#f28e2b",
    governance: "#76b7b2",
};

/** A score or index as the report shows it: at most two decimals. */
export function formatScore(value) {
    if (value === null || value === undefined) {
        return "—";
    }
    return formatFloat(value, { digits: [false, 2], trailingZeros: false });
}

/** A change in points, signed. */
export function formatChange(value) {
    const text = formatScore(Math.abs(value));
    if (value > 0) {
        return `+${text}`;
    }
    return value < 0 ? `−${text}` : text;
}

/** The index and the four pillar scores over the periods, drawn by Chart.js. */
export class CsrTrendChart extends Component {
    static template = "csr_management.CsrTrendChart";
    static props = { trend: Object };

    setup() {
        this.canvasRef = useRef("canvas");
        this.chart = null;
        onWillStart(() => loadBundle("web.chartjs_lib"));
        useEffect(
            () => this.renderChart(),
            () => [this.props.trend]
        );
        onWillUnmount(() => this.chart?.destroy());
    }

    get hasPoints() {
        return this.props.trend.index.some((value) => value !== null);
    }

    renderChart() {
        this.chart?.destroy();
        this.chart = null;
        if (this.canvasRef.el) {
            this.chart = new Chart(this.canvasRef.el, this.chartConfig());
        }
    }

    chartConfig() {
        const { labels, index, pillars } = this.props.trend;
        const datasets = [
            {
                label: _t("CSR index"),
                data: index,
                borderColor: INDEX_COLOR,
                backgroundColor: INDEX_COLOR,
                borderWidth: 3,
                pointRadius: 4,
            },
            ...pillars.map((pillar) => ({
                label: pillar.label,
                data: pillar.scores,
                borderColor: PILLAR_COLORS[pillar.key],
                backgroundColor: PILLAR_COLORS[pillar.key],
                borderWidth: 1.5,
                borderDash: [5, 4],
                pointRadius: 3,
            })),
        ];
        return {
            type: "line",
            data: { labels, datasets },
            options: {
                maintainAspectRatio: false,
                spanGaps: true,
                interaction: { mode: "index", intersect: false },
                scales: { y: { min: 0, max: 100 } },
                plugins: {
                    legend: { position: "bottom", labels: { usePointStyle: true } },
                    tooltip: {
                        callbacks: {
                            label: (item) => `${item.dataset.label}: ${formatScore(item.raw)}`,
                        },
                    },
                },
            },
        };
    }
}

/** The CSR Overview: the owner's first screen of the CSR app. */
export class CsrDashboard extends Component {
    static template = "csr_management.CsrDashboard";
    static components = { Layout, CsrTrendChart, CsrGhgChart };
    static props = { ...standardActionServiceProps };

    setup() {
        this.orm = useService("orm");
        this.actionService = useService("action");
        this.keepLast = new KeepLast();
        this.state = useState({ data: null });
        // Back from a record opened here, show the period left.
        useSetupAction({ getLocalState: () => ({ periodId: this.state.data?.period_id }) });
        onWillStart(() => this.load({ period_id: this.props.state?.periodId || false }));
    }

    async load(options) {
        this.state.data = await this.keepLast.add(
            this.orm.call("csr.dashboard", "get_overview", [], options)
        );
    }

    get overview() {
        return this.state.data.overview;
    }

    // -- formatting ----------------------------------------------------------

    formatScore(value) {
        return formatScore(value);
    }

    formatChange(value) {
        return formatChange(value);
    }

    formatPercent(value) {
        return `${formatFloat(value, { digits: [false, 0] })} %`;
    }

    formatFigure(value, row) {
        if (value === null || value === undefined) {
            return "—";
        }
        if (row.value_type === "boolean") {
            return value ? _t("Yes") : _t("No");
        }
        const number = formatFloat(value, { digits: [false, 2], trailingZeros: false });
        return row.unit ? `${number} ${row.unit}` : number;
    }

    lightClass(light) {
        return LIGHT_CLASSES[light] || "secondary";
    }

    changeIcon(change) {
        if (change > 0) {
            return "fa-arrow-up text-success";
        }
        return change < 0 ? "fa-arrow-down text-danger" : "fa-arrow-right text-muted";
    }

    periodOptionText(period) {
        if (period.scored) {
            return period.name;
        }
        return _t("%(period)s (not scored yet)", { period: period.name });
    }

    get emptyHelp() {
        return _t(
            "The overview shows the CSR index, its pillars and what needs attention for a reporting period of %(company)s. Create the periods of the fiscal year to start entering indicator values.",
            { company: this.state.data.company_name }
        );
    }

    get indexChangeText() {
        return _t("%(change)s points since the previous period (%(previous)s)", {
            change: formatChange(this.overview.index_change),
            previous: formatScore(this.overview.previous_index),
        });
    }

    get completenessText() {
        const { valued_count, applicable_count, share } = this.overview.completeness;
        return _t("%(valued)s of %(applicable)s indicators (%(share)s)", {
            valued: valued_count,
            applicable: applicable_count,
            share: this.formatPercent(share),
        });
    }

    get maturityText() {
        const maturity = this.overview.maturity;
        return _t("Maturity: %(stage)s (%(assessment)s, %(date)s)", {
            stage: maturity.stage_label,
            assessment: maturity.assessment_name,
            date: maturity.date,
        });
    }

    get overdueCountText() {
        return _t("(%(overdue)s of %(open)s open)", {
            overdue: this.overview.overdue_actions.length,
            open: this.overview.open_action_count,
        });
    }

    get setupTitle() {
        return _t("Set up %(company)s", { company: this.state.data.company_name });
    }

    get setupProgressText() {
        const { done_count, count } = this.state.data.setup;
        return _t("%(done)s of %(count)s steps done", { done: done_count, count });
    }

    get setupShare() {
        const { done_count, count } = this.state.data.setup;
        return Math.round((100 * done_count) / count);
    }

    stageText(pillar) {
        if (pillar.stage === null) {
            return _t("No closed self-assessment");
        }
        return _t("Maturity stage: %(stage)s", { stage: pillar.stage_label });
    }

    // -- handlers ------------------------------------------------------------

    onKindSelected(kind) {
        if (kind !== this.state.data.kind) {
            return this.load({ kind });
        }
    }

    onPeriodSelected(ev) {
        return this.load({ period_id: parseInt(ev.target.value, 10) });
    }

    openRecord(resModel, resId) {
        return this.actionService.doAction({
            type: "ir.actions.act_window",
            res_model: resModel,
            res_id: resId,
            views: [[false, "form"]],
            target: "current",
        });
    }

    openRedIndicator(row) {
        if (row.value_id) {
            return this.openRecord("csr.indicator.value", row.value_id);
        }
        return this.openRecord("csr.indicator", row.indicator_id);
    }

    openWarnings(pillar) {
        const period = this.state.data.overview.period;
        return this.actionService.doAction({
            type: "ir.actions.act_window",
            name: pillar.label,
            res_model: "csr.indicator.value",
            views: [
                [false, "list"],
                [false, "form"],
            ],
            domain: [
                ["period_id", "=", period.id],
                ["pillar", "=", pillar.key],
                ["has_warning", "=", true],
            ],
            target: "current",
        });
    }

    openAction(action) {
        return this.openRecord("csr.action", action.id);
    }

    openGhgInventory() {
        return this.actionService.doAction("csr_management.csr_emission_line_action", {
            additionalContext: {
                search_default_period_id: this.overview.period.id,
                search_default_yearly: 0,
            },
        });
    }

    /** The screen of a setup step: its action, or the record it names. */
    openSetupStep(step) {
        if (step.action) {
            return this.actionService.doAction(step.action);
        }
        return this.openRecord(step.res_model, step.res_id);
    }

    openPeriods() {
        return this.actionService.doAction("csr_management.csr_period_action");
    }
}

registry.category("actions").add("csr_management.dashboard", CsrDashboard);
