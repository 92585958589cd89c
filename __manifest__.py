# Copyright 2026 csr_management contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
{
    "name": "CSR Management",
    "summary": "Corporate social responsibility for SMEs: triple-bottom-line "
    "indicators, periods, targets and evidence inside Odoo",
    "version": "18.0.1.0.0",
    "category": "Productivity/CSR",
    "license": "LGPL-3",
    "author": "csr_management contributors",
    "website": "https://github.com/csr-management/csr_management",
    "maintainers": [],
    "development_status": "Alpha",
    "depends": [
        "mail",
        "account",
        "hr",
        "hr_contract",
        "hr_holidays",
        "stock",
    ],
    "data": [
        "security/csr_security.xml",
        "security/ir.model.access.csv",
        "security/csr_rules.xml",
        "data/csr_sector_data.xml",
        "data/csr_framework_tag_data.xml",
        "data/csr_indicator_data.xml",
        "views/csr_sector_views.xml",
        "views/csr_framework_tag_views.xml",
        "views/csr_indicator_views.xml",
        "views/csr_indicator_value_views.xml",
        "views/csr_period_views.xml",
        "views/csr_target_views.xml",
        "wizards/csr_period_generate_views.xml",
        "views/csr_menus.xml",
    ],
    "demo": [
        "demo/csr_demo.xml",
    ],
    "application": True,
    "installable": True,
}
