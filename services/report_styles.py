# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The header and footer of the addon's PDF reports carry only the styles
they use.

wkhtmltopdf (the patched-Qt build Odoo asks for) loads the header and the
footer again for every page it prints, each time with Odoo's whole report
stylesheet (``web.report_assets_common``, ~470 kB). For the year report of
50 companies (350 pages) that is ~35 s of a ~60 s print. The stylesheet is
inlined instead with only the rules that may style the header or footer
(``engine.stylesheet.subset``), so they look exactly as before.
"""

import re

import lxml.html

from ..engine import stylesheet

BUNDLE_PREFIX = "/web/assets/"


def with_used_styles(env, page):
    """``page`` (the HTML of a report's header or footer) with each of its
    asset-bundle stylesheets inlined, reduced to the rules that may style
    it. A stylesheet that cannot be read stays linked as it was."""
    page = str(page)
    root = lxml.html.document_fromstring(page)
    elements = [element for element in root.iter() if isinstance(element.tag, str)]
    classes = {name for element in elements for name in element.classes}
    ids = {element.get("id") for element in elements if element.get("id")}
    tags = {element.tag.lower() for element in elements}
    for link in root.xpath("//link[@rel='stylesheet'][@href]"):
        href = link.get("href")
        css = _bundle_css(env, href)
        if css is None:
            continue
        used = stylesheet.subset(css, classes, ids, tags)
        if "</" in used:  # would end the <style> element early
            continue
        page = re.sub(
            rf'<link\b[^>]*\bhref="{re.escape(href)}"[^>]*>',
            lambda _link, used=used: f"<style>{used}</style>",
            page,
            count=1,
        )
    return page


def _bundle_css(env, href):
    """The text of Odoo's stylesheet bundle linked at ``href``, None if
    ``href`` is not the link Odoo makes for one of its bundles. The text
    comes from the bundle itself, generated if need be as Odoo's asset
    route would when wkhtmltopdf asks for it (not on a read-only cursor),
    never from an attachment looked up by its URL, which a user could
    have uploaded."""
    if not href.startswith(BUNDLE_PREFIX) or not href.endswith(".min.css"):
        return None
    try:
        name, rtl, _kind = env["ir.asset"]._parse_bundle_name(
            href.rsplit("/", 1)[-1], False
        )
        bundle = env["ir.qweb"]._get_asset_bundle(name, css=True, js=False, rtl=rtl)
        if not bundle.stylesheets or bundle.get_link("css") != href:
            return None
        stored = bundle.get_attachments("min.css") if env.cr.readonly else bundle.css()
    except ValueError:  # not a bundle name, or a bundle that does not parse
        return None
    if not stored[:1].raw:
        return None
    return stored[:1].raw.decode("utf-8", errors="replace")
