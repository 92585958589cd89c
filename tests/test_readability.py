# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Readable lists: a grouped list never sums what has no meaning summed,
such as the figures of indicators in different units, minimum wages of
different countries, emission factors, rates, thresholds or years (the
assessment found "Economic (184) 84,044,173" and a sum of 28 Argentine
minimum wages)."""

from lxml import etree

from odoo.tests import TransactionCase, tagged

from odoo.addons.csr_management.services.report_data import ReportData

from .common import CsrCase

NOT_SUMMED = {
    "csr.indicator.value": ["value"],
    "csr.scorecard.line": [
        "value",
        "target_value",
        "amber_limit",
        "previous_value",
        "improvement",
    ],
    "csr.minimum.wage": ["amount", "units_per_month", "monthly_amount", "source_year"],
    "csr.emission.factor": [
        "kgco2e_per_unit",
        "co2_per_unit",
        "ch4_per_unit",
        "n2o_per_unit",
        "source_year",
    ],
    "csr.target": [
        "year",
        "target_value",
        "amber_limit",
        "baseline_value",
        "baseline_year",
    ],
    "csr.benchmark.range": ["low", "median", "high", "year"],
    "csr.activity": ["ncv_mj"],
}


@tagged("csr_catalogue")
class TestReadableLists(TransactionCase):
    def test_no_meaningless_sums_in_grouped_lists(self):
        for model, names in NOT_SUMMED.items():
            for name in names:
                with self.subTest(field=f"{model}.{name}"):
                    field = self.env[model]._fields[name]
                    self.assertIsNone(field.aggregator)

    def test_a_grouped_read_gives_no_total_for_them(self):
        groups = self.env["csr.emission.factor"].web_read_group(
            [], ["kgco2e_per_unit", "source_year"], ["scope"]
        )["groups"]
        self.assertTrue(groups)
        for group in groups:
            self.assertNotIn("kgco2e_per_unit", group)
            self.assertNotIn("source_year", group)


# Integer fields holding a year: shown "2026", never "2,026".
YEARS = {
    "csr.target": ["year", "baseline_year"],
    "csr.benchmark.range": ["year"],
    "csr.emission.factor": ["source_year"],
    "csr.minimum.wage": ["source_year"],
    "csr.materiality.assessment": ["year"],
    "csr.materiality.line": ["year"],
    "csr.dialogue.rating": ["year"],
    "res.company": ["csr_base_year"],
}


@tagged("csr_catalogue")
class TestYearsWithoutSeparator(TransactionCase):
    def test_every_year_field_is_shown_without_thousands_separator(self):
        """Every list and form view showing a year field asks the client not
        to group its digits (``widget="integer"`` with
        ``options="{'enable_formatting': false}"``)."""
        checked = 0
        for model, names in YEARS.items():
            views = self.env["ir.ui.view"].search(
                [
                    ("model", "=", model),
                    ("type", "in", ("list", "form")),
                    ("mode", "=", "primary"),
                ]
            )
            for view in views:
                arch = self.env[model].get_view(view.id, view.type)["arch"]
                tree = etree.fromstring(arch)
                for name in names:
                    for node in tree.iter("field"):
                        if node.get("name") != name:
                            continue
                        with self.subTest(view=view.xml_id, field=name):
                            options = (node.get("options") or "{}").replace('"', "'")
                            # Odoo 18's option (its 'format' of older versions
                            # is ignored); the widget makes a list cell use it.
                            self.assertIn("'enable_formatting': false", options)
                            self.assertEqual(node.get("widget"), "integer")
                            checked += 1
        self.assertGreater(checked, 10)


# Figures in list columns: compact from a million up (935.2M), no padding
# zeros below (static/src/fields/csr_figure_field.js).
COMPACT_FIGURES = {
    "csr.indicator.value": ["value"],
    "csr.scorecard.line": ["value", "target_value", "previous_value"],
    "csr.target": ["target_value", "amber_limit", "baseline_value"],
}


@tagged("csr_catalogue")
class TestCompactFiguresInLists(TransactionCase):
    def test_list_figures_use_the_compact_widget(self):
        for model, names in COMPACT_FIGURES.items():
            arch = self.env[model].get_view(view_type="list")["arch"]
            tree = etree.fromstring(arch)
            for name in names:
                with self.subTest(field=f"{model}.{name}"):
                    nodes = [n for n in tree.iter("field") if n.get("name") == name]
                    self.assertTrue(nodes)
                    self.assertEqual(
                        {node.get("widget") for node in nodes}, {"csr_figure"}
                    )


@tagged("csr_catalogue")
class TestAmountsNameTheirCurrency(CsrCase):
    def test_a_monetary_unit_is_the_company_currency(self):
        """ECO-01 reads "currency" in the catalogue; its values, scorecard
        lines and report rows say the company's currency code instead, and
        SOC-19 "currency per employee" reads "<code> per employee"."""
        code = self.company.currency_id.name
        revenue = self.env.ref("csr_management.indicator_eco_01")
        training = self.env.ref("csr_management.indicator_soc_19")
        values = self.env["csr.indicator.value"].create(
            [
                {
                    "indicator_id": revenue.id,
                    "period_id": self.january.id,
                    "value": 9.0,
                },
                {
                    "indicator_id": training.id,
                    "period_id": self.january.id,
                    "value": 1.0,
                },
                {
                    "indicator_id": self.water.id,
                    "period_id": self.january.id,
                    "value": 2.0,
                },
            ]
        )
        self.assertEqual(values.mapped("unit"), [code, f"{code} per employee", "m³"])
        self.january._refresh_scorecards()
        lines = self.january.scorecard_ids.line_ids
        line = lines.filtered(lambda scored: scored.indicator_id == revenue)
        self.assertEqual(line.unit, code)
        report = ReportData(self.env).build(self.january)[0]
        self.assertEqual(report.value_of("ECO-01").unit, code)
