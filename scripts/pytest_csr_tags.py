# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""A pytest plugin: the tests' Odoo tags (``@tagged("csr_compute")``) become
pytest markers, so that one concern runs alone with ``-m csr_compute``, as
``--test-tags csr_compute`` does with Odoo's own runner. Plain-Python test
classes (the engine's, which have no Odoo tags) are marked ``csr_engine``.

Load it with ``-p pytest_csr_tags`` and this folder on ``PYTHONPATH``
(``scripts/test.sh`` does both). It cannot be a ``conftest.py`` in
``tests/``: pytest imports an initial conftest before pytest-odoo has taught
it to name the addon's modules ``odoo.addons.*``. It imports nothing from
Odoo. DEVELOP.md lists the concerns.
"""

CONCERNS = {
    "csr_engine": "plain-Python rules, doctests and the layering (no database)",
    "csr_compute": "figures computed from the ERP (accounting, HR, stock...)",
    "csr_values": "entering, importing, checking and locking values",
    "csr_scorecard": "scores, lights and the scorecard snapshot",
    "csr_report": "the report data, PDF, workbook, VSME export and dashboard",
    "csr_maturity": "self-assessment, suggestions, actions, library, policies",
    "csr_materiality": "stakeholder dialogues and materiality",
    "csr_security": "access rights, record rules and multi-company",
    "csr_catalogue": "the shipped catalogue, kits, setup copy and migration",
}


def pytest_configure(config):
    for name, description in CONCERNS.items():
        config.addinivalue_line("markers", f"{name}: {description}")


def pytest_collection_modifyitems(config, items):
    for item in items:
        tags = getattr(getattr(item, "cls", None), "test_tags", None)
        if tags is None:
            item.add_marker("csr_engine")
            continue
        for tag in sorted(tags & CONCERNS.keys()):
            item.add_marker(tag)
