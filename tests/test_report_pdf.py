# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The printed Triple Bottom Line report on the hand-computed scorecard of
``test_scorecard`` (its docstring explains every score used here).

Formats chosen for the report, in English:
- scores and the index with two decimals: 50.28, 87.50, 0.00; missing "—";
- changes in points, signed: +37.78 (index 50.28 - 12.50), +62.50
  (environmental 87.50 - 25.00), +63.33 (social against December's 0.00);
  economic and governance had no December score: "—";
- completeness as a trimmed share: 75 % (3 of 4), 100 %, 33.33 % (1 of 3);
- indicator figures trimmed, with their unit: water 110 m³, previous 130 m³,
  target 100 m³; share 40 %, target 30 %; yes/no as Yes; money in the
  company currency (USD, symbol before): $ 1,234,567.50;
- dates in the language's format: January ends 01/31/2025 in English,
  31/01/2025 in Latin-American Spanish, which also writes 50,28, 87,50,
  +37,78 and $ 1.234.567,50, and "Amarillo" for amber (the shipped es.po).

Actions are dated from today: one due ten days ago is "Overdue by 10 days"
and listed first; one due in twenty days is not overdue. The diesel factor
(IPCC 2006, 2.6765 kgCO2e per litre) is recorded on January's energy value.
A self-assessment closed on 20 January 2025 with the social questions of
stages 1 and 2 met and stage 3 not met puts social at stage 2 and the three
pillars without questions at stage 0: two filled steps over four ladders.
The overall stage is the lowest, 0; the maturity index (2 + 0 of stage 3
met) / 5 x 25 = 10.00.
"""

import contextlib
import io
import os
from datetime import date, timedelta
from unittest.mock import PropertyMock, patch

from lxml import html as lxml_html

from odoo import Command, fields
from odoo.exceptions import AccessError
from odoo.tests import new_test_user, tagged
from odoo.tools import mute_logger
from odoo.tools.pdf import PdfReader, PdfWriter

from odoo.addons.base.models import ir_actions_report as base_report_module
from odoo.addons.base.models.ir_actions_report import IrActionsReport as BaseReport

from ..models import ir_actions_report as csr_report_module
from ..report.report_format import ReportFormat
from ..services import report_styles
from .common import DISABLED_MAIL, ScorecardCase

REPORT = "csr_management.action_report_triple_bottom_line"
OTHER_REPORT = "base.report_ir_model_overview"
SPANISH = "es_419"


@tagged("csr_report")
class TestReportPdf(ScorecardCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.company.currency_id = cls.env.ref("base.USD")
        cls.today = fields.Date.context_today(cls.env.user)
        cls._action("Train the drivers", cls.today - timedelta(days=10))
        cls._action("Install water meters", cls.today + timedelta(days=20))
        cls.values[cls.january, cls.energy].with_context(csr_system_write=True).write(
            {
                "emission_factor_ids": [
                    Command.link(cls.env.ref("csr_management.factor_diesel_ipcc").id)
                ]
            }
        )
        for period in (cls.december, cls.january):
            period.with_user(cls.manager).action_compute()

    @classmethod
    def _action(cls, name, deadline):
        return cls.env["csr.action"].create(
            {
                "name": name,
                "pillar": "social",
                "company_id": cls.company.id,
                "deadline": deadline,
                "responsible_id": cls.manager.id,
            }
        )

    def _html(self, periods=None, user=None):
        Report = self.env["ir.actions.report"]
        if user:
            Report = Report.with_user(user)
        content, kind = Report._render_qweb_html(REPORT, (periods or self.january).ids)
        self.assertEqual(kind, "html")
        return content.decode()

    @staticmethod
    def _table(html, heading):
        """The body rows of the table under ``heading``, as lists of the
        cells' texts with their whitespace collapsed (a ladder's SVG title
        left out)."""
        tree = lxml_html.fromstring(html)
        blocks = tree.xpath(
            "//div[contains(@class, 'csr-block')]"
            f"[h4[starts-with(normalize-space(), '{heading}')]]"
        )
        return [
            [
                " ".join(" ".join(cell.xpath(".//text()[not(ancestor::svg)]")).split())
                for cell in row.xpath("td")
            ]
            for block in blocks
            for row in block.xpath(".//tbody/tr")
        ]

    def _monetary_indicator(self):
        sales = self._make_indicator("TST-SALES", "economic", "higher", "monetary")
        self._make_value(sales, self.january, 1234567.5)
        # The stored scorecard lists the indicators it judged: score again.
        self.january.with_user(self.manager).action_compute()

    def test_cover_index_and_pillars(self):
        html = self._html()
        for text in (
            "Tostadora Andina SAS",
            self.january.name,
            "01/01/2025",
            "01/31/2025",
            "50.28",
            "+37.78",
            "12.50",
            "No self-assessment closed yet",
            "Change against the previous period: +37.78 points",
        ):
            self.assertIn(text, html)
        pillars = self._table(html, "Pillars")
        self.assertEqual(
            pillars,
            [
                ["Economic", "0.00", "Red", "—", "100 %", "—"],
                ["Environmental", "87.50", "Green", "+62.50", "75 %", "—"],
                ["Social", "63.33", "Amber", "+63.33", "100 %", "—"],
                ["Governance", "—", "Not enough data", "—", "33.33 %", "—"],
            ],
        )
        # The index light, its label beside the dot.
        tree = lxml_html.fromstring(html)
        light = tree.xpath("//td[contains(@class, 'csr-index-light')]")[0]
        self.assertEqual(" ".join(light.text_content().split()), "Amber")
        self.assertTrue(light.xpath(".//span[contains(@class, 'csr-dot-amber')]"))

    def test_indicator_tables(self):
        html = self._html()
        environmental = {row[0]: row for row in self._table(html, "Environmental")}
        self.assertEqual(
            environmental["TST-WATER"],
            [
                "TST-WATER",
                "Test water withdrawal",
                "110 m³",
                "130 m³",
                "100 m³",
                "Amber",
                "Manual input",
                "Validated",
                "—",
            ],
        )
        self.assertEqual(
            environmental["TST-SHARE"][2:8],
            ["40 % estimated", "—", "30 %", "Green", "Manual input", "Draft"],
        )
        self.assertEqual(
            environmental["TST-WASTE"][2:8],
            ["—", "—", "—", "No value", "Manual input", "—"],
        )
        social = {row[0]: row for row in self._table(html, "Social")}
        self.assertEqual(social["TST-WAGE"][2:4], ["Yes", "No"])
        self.assertEqual(social["TST-WAGE"][5], "Green")
        self.assertEqual(social["TST-TRAINING"][2:6], ["9.8 u", "10 u", "—", "Amber"])
        self.assertEqual(social["TST-ACCIDENTS"][5], "Red")
        self.assertEqual(social["TST-HEADCOUNT"][5], "Context figure")
        governance = self._table(html, "Governance")
        self.assertEqual(
            sorted(row[0] for row in governance),
            ["TST-BOARD", "TST-CHANNEL", "TST-CODE"],
        )

    def test_actions_factors_and_reading_note(self):
        html = self._html()
        actions = self._table(html, "Open improvement actions")
        self.assertEqual(
            [(row[0], row[5]) for row in actions],
            [
                ("Train the drivers", "Overdue by 10 days"),
                ("Install water meters", "—"),
            ],
        )
        self.assertEqual(actions[0][2], self.manager.name)
        tree = lxml_html.fromstring(html)
        overdue = tree.xpath("//tr[contains(@class, 'csr-overdue')]")
        self.assertEqual(len(overdue), 1)
        factors = self._table(html, "Emission factors used")
        self.assertEqual(len(factors), 1)
        self.assertEqual(factors[0][3], "2.692357 / L")
        self.assertIn("CO2, CH4, N2O", factors[0][4])
        self.assertIn("IPCC, 2006 IPCC Guidelines", factors[0][5])
        self.assertEqual(factors[0][6], "TST-ENERGY")
        self.assertIn("How to read this report", html)
        self.assertIn("means no value", html)

    def test_money_in_the_company_currency(self):
        self._monetary_indicator()
        economic = {row[0]: row for row in self._table(self._html(), "Economic")}
        self.assertEqual(economic["TST-SALES"][2], "$ 1,234,567.50")

    def test_ladder_of_the_last_closed_assessment(self):
        bank = self.env["csr.question.bank"].create(
            {"name": "Test bank", "version": "TEST.1"}
        )
        self.env["csr.question"].create(
            [
                {
                    "bank_id": bank.id,
                    "code": f"soc-{stage}-1",
                    "name": f"Question soc-{stage}-1",
                    "pillar": "social",
                    "stage": str(stage),
                    "iso_subject": "labour",
                }
                for stage in (1, 2, 3)
            ]
        )
        assessment = self.env["csr.assessment"].create(
            {"bank_id": bank.id, "date": date(2025, 1, 20)}
        )
        answers = {"soc-1-1": "yes", "soc-2-1": "yes", "soc-3-1": "no"}
        assessment.write(
            {
                "answer_ids": [
                    Command.update(answer.id, {"manual_answer": answers[answer.code]})
                    for answer in assessment.answer_ids
                ]
            }
        )
        assessment.action_close()

        html = self._html()
        self.assertNotIn("No self-assessment closed yet", html)
        self.assertEqual(html.count("<svg"), 4)
        self.assertEqual(html.count('class="reached"'), 2)
        self.assertEqual(html.count('class="ahead"'), 18)
        pillars = {row[0]: row for row in self._table(html, "Pillars")}
        self.assertEqual(pillars["Social"][5], "2 Initiatives")
        self.assertEqual(pillars["Economic"][5], "0 Not yet compliant")
        tree = lxml_html.fromstring(html)
        facts = {
            row.findtext("th"): " ".join(row.xpath("string(td)").split())
            for row in tree.xpath("//table[contains(@class, 'csr-facts')]//tr")
        }
        self.assertEqual(facts["Overall stage"], "0 Not yet compliant")
        self.assertEqual(facts["Maturity index (0-100)"], "10.00")

    def test_spanish_company_prints_in_spanish(self):
        self._monetary_indicator()
        self.env["res.lang"]._activate_lang(SPANISH)
        self.env["ir.module.module"]._load_module_terms(
            ["csr_management"], [SPANISH], overwrite=True
        )
        self.company.partner_id.lang = SPANISH
        html = self._html()
        for text in (
            "50,28",
            "+37,78",
            "87,50",
            "33,33",
            "31/01/2025",
            "Amarillo",
            # the template's own words, and a sentence with its number inside
            "Reporte de triple resultado",
            "Pilares",
            "Variación respecto del período anterior: +37,78 puntos",
            "Vencida hace 10 días",
        ):
            self.assertIn(text, html)
        self.assertNotIn("50.28", html)
        self.assertIn(f'data-oe-lang="{SPANISH}"', html)
        economic = {row[0]: row for row in self._table(html, "Económico")}
        self.assertEqual(economic["TST-SALES"][2], "$ 1.234.567,50")

    def test_each_period_in_its_company_layout(self):
        other = self.env["res.company"].create({"name": "Cacao del Sur SRL"})
        twin = self._make_period(
            "month", date(2025, 1, 1), date(2025, 1, 31), company=other
        )
        companies = self.company | other
        self.env = self.env(
            context=dict(self.env.context, allowed_company_ids=companies.ids)
        )
        tree = lxml_html.fromstring(self._html(self.january | twin))
        articles = tree.xpath("//div[contains(@class, 'article')]")
        self.assertEqual(
            [int(article.get("data-oe-id")) for article in articles],
            [self.january.id, twin.id],
        )
        for article, company in zip(articles, companies, strict=True):
            self.assertIn(f"o_company_{company.id}_layout", article.get("class"))
            self.assertIn(company.name, article.text_content())

    def test_who_may_print(self):
        outsider = new_test_user(
            self.env,
            login="csr_test_outsider",
            groups="base.group_user",
            company_id=self.company.id,
            company_ids=[self.company.id],
            context=DISABLED_MAIL,
        )
        with self.assertRaises(AccessError):
            self._html(user=outsider)
        self.assertIn("50.28", self._html(user=self.auditor))

    @mute_logger("odoo.addons.base.models.ir_actions_report")
    def test_real_pdf(self):
        Report = self.env["ir.actions.report"].with_context(force_report_rendering=True)
        content, kind = Report._render_qweb_pdf(REPORT, self.january.ids)
        self.assertEqual(kind, "pdf")
        self.assertTrue(content.startswith(b"%PDF"))
        self.assertGreater(len(content), 10000)

    @mute_logger("odoo.addons.base.models.ir_actions_report")
    def test_several_periods_print_into_one_pdf(self):
        """December and January printed at once give one PDF holding each
        period's pages, as many as each prints alone, whatever wkhtmltopdf
        build the machine has (Debian's takes one document at a time and,
        given two, wrote an empty file: the print failed)."""
        Report = self.env["ir.actions.report"].with_context(force_report_rendering=True)
        alone = [
            self._page_count(Report._render_qweb_pdf(REPORT, period.ids)[0])
            for period in (self.december, self.january)
        ]
        content, kind = Report._render_qweb_pdf(
            REPORT, (self.december | self.january).ids
        )
        self.assertEqual(kind, "pdf")
        self.assertEqual(self._page_count(content), sum(alone))

    def test_one_document_at_a_time_only_where_wkhtmltopdf_needs_it(self):
        """Three bodies go to wkhtmltopdf together with the patched-Qt build,
        one by one (three runs, three pages joined) with Debian's; another
        addon's report is left to Odoo either way."""
        runs = []

        def wkhtmltopdf(report, bodies, report_ref=False, **options):
            runs.append(len(bodies))
            return self._blank_pdf(len(bodies))

        bodies = ["<p>1</p>", "<p>2</p>", "<p>3</p>"]
        Report = self.env["ir.actions.report"]
        with patch.object(BaseReport, "_run_wkhtmltopdf", wkhtmltopdf):
            for patched_qt, expected in ((True, [3]), (False, [1, 1, 1])):
                runs.clear()
                with self._build(patched_qt):
                    content = Report._run_wkhtmltopdf(bodies, report_ref=REPORT)
                self.assertEqual(runs, expected)
                self.assertEqual(self._page_count(content), 3)
            runs.clear()
            with self._build(False):
                Report._run_wkhtmltopdf(bodies, report_ref=OTHER_REPORT)
            self.assertEqual(runs, [3])

    def test_header_and_footer_carry_only_the_styles_they_use(self):
        """With the patched-Qt build, which lays the header and footer out on
        every page, they go to wkhtmltopdf with Odoo's report stylesheet
        inlined and cut to the rules that can style them: the rule placing
        the header stays, the buttons' rules go, and the sheet is less than
        a tenth of the bundle. Another addon's report keeps its link."""
        pages = {}

        def wkhtmltopdf(report, bodies, report_ref=False, **options):
            pages[report_ref] = options
            return self._blank_pdf(len(bodies))

        Report = self.env["ir.actions.report"].with_context(force_report_rendering=True)
        with (
            patch.object(BaseReport, "_run_wkhtmltopdf", wkhtmltopdf),
            self._build(True),
        ):
            Report._render_qweb_pdf(REPORT, self.january.ids)
            header = pages[REPORT]["header"]
            bundle_href = lxml_html.fromstring(self._html()).xpath(
                "//link[contains(@href, 'web.report_assets_common')]/@href"
            )[0]
            Report._run_wkhtmltopdf(
                ["<p>1</p>"], report_ref=OTHER_REPORT, header=self._page(bundle_href)
            )
        bundle = report_styles._bundle_css(self.env, bundle_href)
        self.assertIn(".btn-primary", bundle)
        for part in ("header", "footer"):
            page = lxml_html.fromstring(pages[REPORT][part])
            self.assertFalse(page.xpath(f"//link[@href='{bundle_href}']"), part)
            style = "".join(page.xpath("//style/text()"))
            self.assertLess(len(style) * 10, len(bundle), part)
            self.assertNotIn(".btn-primary", style, part)
        self.assertIn(".o_body_pdf.o_css_margins .header", header)
        self.assertEqual(pages[OTHER_REPORT]["header"], self._page(bundle_href))

    def test_a_stylesheet_a_user_uploaded_is_never_inlined(self):
        """A public attachment a user stores under the URL of Odoo's report
        stylesheet is not the stylesheet: the header gets the bundle's own
        rules, never the uploaded text; under a URL no bundle has, the link
        stays as it was."""
        href = (
            self.env["ir.qweb"]
            ._get_asset_bundle("web.report_assets_common", js=False)
            .get_link("css")
        )
        forged = "/web/assets/0000000/web.report_assets_forged.min.css"
        for url in (href, forged):
            self.env["ir.attachment"].with_user(self.manager).sudo().create(
                {
                    "name": url.rsplit("/", 1)[-1],
                    "url": url,
                    "public": True,
                    "res_model": "ir.ui.view",
                    "res_id": 0,
                    "raw": b".header{background:url(https://attacker.example/x)}",
                }
            )
        header = report_styles.with_used_styles(
            self.env(user=self.auditor), self._page(href)
        )
        self.assertNotIn("attacker.example", header)
        self.assertIn(".o_body_pdf.o_css_margins .header", header)
        page = self._page(forged)
        self.assertEqual(report_styles.with_used_styles(self.env, page), page)

    def test_no_stylesheet_is_compiled_on_a_read_only_cursor(self):
        """A print on a read-only cursor (Odoo 18's /report routes) cannot
        store a stylesheet Odoo has not compiled yet: the header keeps its
        link, as Odoo made it. On a read/write cursor the stylesheet is
        compiled, as Odoo's asset route would, and inlined."""
        bundle = self.env["ir.qweb"]._get_asset_bundle(
            "web.report_assets_common", js=False
        )
        page = self._page(bundle.get_link("css"))
        self.assertFalse(bundle.get_attachments("min.css"))
        read_only = patch.object(
            type(self.env.cr), "readonly", new_callable=PropertyMock, return_value=True
        )
        with read_only:
            self.assertEqual(report_styles.with_used_styles(self.env, page), page)
        self.assertFalse(bundle.get_attachments("min.css"))
        self.assertIn("<style>", report_styles.with_used_styles(self.env, page))
        self.assertTrue(bundle.get_attachments("min.css"))

    @mute_logger("odoo.addons.base.models.ir_actions_report")
    def test_cut_styles_print_the_same_pages(self):
        """January printed by the patched-Qt build gives, page by page, the
        same drawing (PDF content streams) with the header's and footer's
        stylesheet cut as with the whole stylesheet (inlined the same way:
        the test's wkhtmltopdf cannot reach a server for a linked one)."""
        binary = os.environ.get("CSR_PATCHED_WKHTMLTOPDF")
        if not binary:
            self.skipTest("no wkhtmltopdf with patched Qt (CSR_PATCHED_WKHTMLTOPDF)")
        Report = self.env["ir.actions.report"].with_context(force_report_rendering=True)
        with self._wkhtmltopdf_binary(binary):
            cut = Report._render_qweb_pdf(REPORT, self.january.ids)[0]
            with patch.object(
                report_styles.stylesheet, "subset", side_effect=lambda css, *_names: css
            ):
                whole = Report._render_qweb_pdf(REPORT, self.january.ids)[0]
        drawings = [
            [
                page.get_contents().get_data()
                for page in PdfReader(io.BytesIO(pdf)).pages
            ]
            for pdf in (cut, whole)
        ]
        self.assertGreater(len(drawings[1]), 1)
        self.assertEqual(drawings[0], drawings[1])

    @staticmethod
    def _page(href):
        return (
            '<!DOCTYPE html><html><head><link type="text/css" rel="stylesheet" '
            f'href="{href}"/></head><body class="o_body_pdf o_css_margins">'
            '<div class="header">H</div></body></html>'
        )

    @staticmethod
    def _build(patched_qt):
        return patch(
            "odoo.addons.csr_management.models.ir_actions_report."
            "prints_several_documents",
            return_value=patched_qt,
        )

    @staticmethod
    @contextlib.contextmanager
    def _wkhtmltopdf_binary(binary):
        with (
            patch.object(
                base_report_module, "_get_wkhtmltopdf_bin", return_value=binary
            ),
            patch.object(
                csr_report_module, "_get_wkhtmltopdf_bin", return_value=binary
            ),
        ):
            yield

    @staticmethod
    def _page_count(content):
        return len(PdfReader(io.BytesIO(content)).pages)

    @staticmethod
    def _blank_pdf(pages):
        writer = PdfWriter()
        for _page in range(pages):
            writer.add_blank_page(595, 842)
        stream = io.BytesIO()
        writer.write(stream)
        return stream.getvalue()

    def test_small_figures_keep_their_significant_digits(self):
        fmt = ReportFormat(self.env, self.company.currency_id)
        # 0.0016 tCO2e per million of revenue must not print as 0.
        self.assertEqual(
            [fmt.figure(v) for v in (0.0016, 0.5, 0.123456, 110.0, 2.6765, 0.0)],
            ["0.0016", "0.5", "0.123", "110", "2.68", "0"],
        )
        self.assertEqual(
            (fmt.overdue(1), fmt.overdue(3)), ("Overdue by 1 day", "Overdue by 3 days")
        )
