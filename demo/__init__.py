# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The demo company's generator, apart from the production code.

``plan`` computes the demo's history in plain Python (doctested by
tests/test_demo_plan.py); ``writer`` writes it as records. Nothing of the
addon imports this package at load time: only ``csr.demo``, called by the
demo data file ``csr_demo_company.xml``, imports it, when demo data loads.
"""
