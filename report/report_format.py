# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""How the printed report writes the provider's plain numbers and dates.

One ``ReportFormat`` per printed period, bound to the period's report
language: numbers take that language's separators, dates its format, money
the company's currency. Missing figures print as an em dash.
"""

import math

from markupsafe import Markup

from odoo.tools import format_amount, format_date, format_datetime, formatLang, get_lang

from ..engine.ladder import ladder_svg

NO_VALUE = "—"
SCORE_DIGITS = 2
FIGURE_DIGITS = 2
FACTOR_DIGITS = 6
# Below 1, a figure keeps three significant digits (an intensity of 0.0016
# tCO2e per million of revenue must not print as 0), up to this many decimals.
SMALL_FIGURE_MAX_DIGITS = 6


class ReportFormat:
    """Formatting helpers handed to the QWeb template."""

    def __init__(self, env, currency):
        self.env = env
        self.currency = currency
        self.decimal_point = get_lang(env).decimal_point

    def score(self, value):
        """A 0-100 score with two decimals, e.g. 87.50."""
        if value is None:
            return NO_VALUE
        return formatLang(self.env, value, digits=SCORE_DIGITS)

    def change(self, value):
        """A change in points, signed, e.g. +37.78 or -2.00."""
        if value is None:
            return NO_VALUE
        text = formatLang(self.env, value, digits=SCORE_DIGITS)
        return f"+{text}" if value > 0 else text

    def figure(self, value, digits=FIGURE_DIGITS):
        """A measured figure with no trailing zeros: 110, 9.8, 2.6765, 0.0016."""
        if value is None:
            return NO_VALUE
        if 0 < abs(value) < 1:
            significant = 2 - math.floor(math.log10(abs(value)))
            digits = max(digits, min(significant, SMALL_FIGURE_MAX_DIGITS))
        text = formatLang(self.env, value, digits=digits)
        if digits and self.decimal_point in text:
            text = text.rstrip("0").rstrip(self.decimal_point)
        return text

    def change_sentence(self, value):
        return self.env._(
            "Change against the previous period: %(change)s points",
            change=self.change(value),
        )

    def overdue(self, days):
        if days == 1:
            return self.env._("Overdue by 1 day")
        return self.env._("Overdue by %(days)s days", days=days)

    def factor(self, value):
        return self.figure(value, digits=FACTOR_DIGITS)

    def percent(self, value):
        """A share, e.g. 75 % or 33.33 %."""
        if value is None:
            return NO_VALUE
        return f"{self.figure(value)}\N{NO-BREAK SPACE}%"

    def value(self, row, number):
        """One of an indicator row's numbers (value, previous, target) with
        its unit: money in the company currency, yes/no as words."""
        if number is None:
            return NO_VALUE
        if row.value_type == "monetary":
            return format_amount(self.env, number, self.currency)
        if row.value_type == "boolean":
            return self.env._("Yes") if number else self.env._("No")
        text = self.figure(number)
        return f"{text}\N{NO-BREAK SPACE}{row.unit}" if row.unit else text

    def date(self, value):
        if not value:
            return NO_VALUE
        return format_date(self.env, value)

    def datetime(self, value):
        """A moment in the reader's time zone, to the minute."""
        if not value:
            return NO_VALUE
        return format_datetime(self.env, value, dt_format="short")

    @staticmethod
    def ladder(stage, title=""):
        """The maturity ladder of a stage, as markup QWeb prints unescaped."""
        return Markup(ladder_svg(stage, title=title))
