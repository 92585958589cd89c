/** @odoo-module **/
// License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
// An indicator figure in a narrow column: millions and more in a compact,
// locale-aware form (935.2M); otherwise at most two decimals (16.83), four
// below one (an intensity of 0.0312), without padding zeros (0.68, not
// 0.6800); the full number while the cell is being edited.

import { formatFloat, humanNumber } from "@web/core/utils/numbers";
import { registry } from "@web/core/registry";
import { FloatField, floatField } from "@web/views/fields/float/float_field";

export const COMPACT_FROM = 1e6;

/** The figure as a narrow column shows it. */
export function formatFigure(value) {
    if (Math.abs(value) >= COMPACT_FROM) {
        return humanNumber(value, { decimals: 1 });
    }
    const decimals = Math.abs(value) < 1 ? 4 : 2;
    return formatFloat(value, { digits: [16, decimals], trailingZeros: false });
}

export class CsrFigureField extends FloatField {
    get formattedValue() {
        const value = this.value;
        if (this.state.hasFocus || typeof value !== "number") {
            return super.formattedValue;
        }
        return formatFigure(value);
    }
}

registry.category("fields").add("csr_figure", {
    ...floatField,
    component: CsrFigureField,
});
