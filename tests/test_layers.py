# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The layers import downwards only: models → services → engine.

``engine/`` is plain Python (no ``odoo``), ``services/`` adapts the ERP for
it; neither reaches up into ``models/`` or ``wizards/``: what both sides
share (pillars, states, lights, defaults) lives in ``engine/vocabulary.py``.
Read from the source with ``ast``, so that a late import inside a function
is caught as well as one at the top of a module.
"""

import ast
import unittest
from pathlib import Path

ADDON = Path(__file__).resolve().parent.parent
ADDON_PACKAGE = "odoo.addons.csr_management"
UPWARD = {"models", "wizards"}
FORBIDDEN = {
    "engine": UPWARD | {"services", "odoo"},
    "services": UPWARD | {"report"},
}


def imported_names(path):
    """What a module imports, as dotted names: an addon-relative name
    (``models.csr_indicator``) for the addon's own modules, the absolute name
    otherwise. ``path`` is relative to the addon.
    """
    tree = ast.parse((ADDON / path).read_text(), str(path))
    return _names(tree, path.with_suffix("").parts)


def _names(tree, parts):
    package = list(parts[:-1])  # the package a relative import starts from
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                yield _own(alias.name)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package[: len(package) - node.level + 1]
                if node.module:
                    yield ".".join([*base, node.module])
                else:  # from . import a, b: each name is a module
                    for alias in node.names:
                        yield ".".join([*base, alias.name])
            else:
                yield _own(node.module)


def _own(name):
    if name.startswith(ADDON_PACKAGE + "."):
        return name[len(ADDON_PACKAGE) + 1 :]
    return name


class TestLayers(unittest.TestCase):
    def test_imports_only_point_down(self):
        checked = 0
        for layer, forbidden in FORBIDDEN.items():
            for path in sorted((ADDON / layer).rglob("*.py")):
                relative = path.relative_to(ADDON)
                checked += 1
                for name in imported_names(relative):
                    with self.subTest(module=str(relative), imports=name):
                        self.assertNotIn(name.split(".")[0], forbidden)
        # Both layers were read: a moved folder cannot make this test pass.
        self.assertGreater(checked, 40)

    def test_the_reader_sees_upward_imports(self):
        """The parser itself: a relative import from a services package two
        levels deep still resolves to the addon's ``models``."""
        tree = ast.parse("from ...models.csr_period import X\nfrom .figure import F")
        names = set(_names(tree, ("services", "sources", "workforce")))
        self.assertEqual(names, {"models.csr_period", "services.sources.figure"})
