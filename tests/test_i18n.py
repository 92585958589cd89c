# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from pathlib import Path

import polib

from odoo.tests import tagged
from odoo.tools.translate import TranslationModuleReader

from .common import CsrCase

I18N = Path(__file__).resolve().parent.parent / "i18n"


@tagged("csr_catalogue")
class TestTranslations(CsrCase):
    def test_template_holds_every_term_the_addon_shows(self):
        reader = TranslationModuleReader(self.env.cr, ["csr_management"])
        exported = {
            source
            for module, _type, _name, _res_id, source, _value, _comments in reader
            if module == "csr_management" and source
        }
        template = {
            entry.msgid for entry in polib.pofile(str(I18N / "csr_management.pot"))
        }
        missing = sorted(exported - template)
        self.assertFalse(missing, f"run 'make pot': the template misses {missing[:5]}")

    def test_catalogue_loads_in_every_shipped_language(self):
        env_05 = self.env.ref("csr_management.indicator_env_05")
        xmlid = "csr_management.indicator_env_05"
        for lang, po_file in (
            ("es_419", "es.po"),
            ("pt_BR", "pt_BR.po"),
            ("fr_FR", "fr.po"),
        ):
            with self.subTest(lang=lang):
                entries = polib.pofile(str(I18N / po_file))
                name = self._translations(entries, f"model:csr.indicator,name:{xmlid}")
                guidance = self._translations(
                    entries, f"model_terms:csr.indicator,guidance:{xmlid}"
                )
                self.assertEqual(len(name), 1)
                self.assertEqual(len(guidance), 3)  # measures, obtained, improve
                self.env["res.lang"]._activate_lang(lang)
                self.env["ir.module.module"]._load_module_terms(
                    ["csr_management"], [lang], overwrite=True
                )
                translated = env_05.with_context(lang=lang)
                self.assertEqual(translated.name, name[0])
                self.assertNotEqual(translated.name, env_05.name)
                for paragraph in guidance:
                    self.assertIn(paragraph, str(translated.guidance))

    @staticmethod
    def _translations(entries, occurrence):
        """msgstr of the entries used at ``occurrence`` (e.g. model:...,name:xmlid)."""
        return [
            entry.msgstr
            for entry in entries
            if occurrence in {":".join(filter(None, o)) for o in entry.occurrences}
        ]
