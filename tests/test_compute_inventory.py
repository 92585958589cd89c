# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Purchased materials (ENV-17) and the scrap proxy of waste (ENV-14), by hand.

A Bogotá company (UTC-5), January 2025; done moves unless said otherwise.
Products mapped to "Purchased materials" (cement and paint on the product,
pigment through its category):
  cement (kg)     2 t received (bought by the tonne)           +2,000 kg
                  500 kg returned to the supplier                 -500 kg
  pigment (kg)    4,000 g received                                  +4 kg
  bricks (Units, 2.5 kg each)  40 received                         +100 kg
                  8 received at 22:00 on 31 January in Bogotá,
                  i.e. 03:00 UTC on 1 February: still January        +20 kg
  paint (Units, no weight)  10 received        left out, named in the note
Ignored: 9 t of cement reserved but not received (not done), 1 t received
on 3 February (outside), 7 t received by another company, 300 kg of an
unmapped coffee.
ENV-17 = (2,000 - 500 + 4 + 100 + 20) / 1,000 = 1.624 t: received 2.124 t,
returned 0.5 t.
With product weights in pounds (the "weight in lbs" setting), bricks weigh
48 x 2.5 lb = 120 lb = 120 / 2.20462 = 54.4312 kg, so ENV-17 = 1.5584 t.

Scrapped in January: 30 bricks (75 kg) and 200 kg of cement, and 2 paint
cans (no weight): ENV-14 = 0.275 t, stored as an estimate. Nothing was
scrapped in February: no ENV-14 figure there, rather than 0 t of waste.
"""

from datetime import date, datetime

from odoo.tests import tagged

from odoo.addons.csr_management.services.period_compute import PeriodCompute

from .common import CsrCase


@tagged("csr_compute")
class TestComputeInventory(CsrCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.company.partner_id.tz = "America/Bogota"
        ref = cls.env.ref
        cls.kg, cls.unit = ref("uom.product_uom_kgm"), ref("uom.product_uom_unit")
        cls.materials = ref("csr_management.activity_materials")
        cls.raw = cls.env["product.category"].create(
            {"name": "Materias primas", "csr_activity_id": cls.materials.id}
        )
        cls.cement = cls._product("Cemento gris", cls.kg)
        cls.pigment = cls._product("Pigmento ocre", cls.kg, mapped=False)
        cls.pigment.categ_id = cls.raw
        cls.bricks = cls._product("Ladrillo", cls.unit, weight=2.5)
        cls.paint = cls._product("Pintura", cls.unit)
        cls.coffee = cls._product("Café verde", cls.kg, mapped=False)
        jan = datetime(2025, 1, 10, 15, 0)
        cls._receive(cls.cement, 2.0, jan, uom=ref("uom.product_uom_ton"))
        cls._receive(cls.cement, 500.0, datetime(2025, 1, 20), returned=True)
        cls._receive(cls.pigment, 4000.0, jan, uom=ref("uom.product_uom_gram"))
        cls._receive(cls.bricks, 40.0, jan)
        cls._receive(cls.bricks, 8.0, datetime(2025, 2, 1, 3, 0))
        cls._receive(cls.paint, 10.0, jan)
        cls._receive(cls.cement, 9000.0, jan, done=False)
        cls._receive(cls.cement, 1000.0, datetime(2025, 2, 3, 12, 0))
        cls._receive(cls.coffee, 300.0, jan)
        cls.other = cls.env["res.company"].create({"name": "Concretos del Sur SAS"})
        cls._receive(cls.cement, 7000.0, jan, company=cls.other)
        cls._scrap(cls.bricks, 30.0, jan)
        cls._scrap(cls.cement, 200.0, jan)
        cls._scrap(cls.paint, 2.0, jan)

    @classmethod
    def _product(cls, name, uom, weight=0.0, mapped=True):
        return cls.env["product.product"].create(
            {
                "name": name,
                "is_storable": True,
                "uom_id": uom.id,
                "uom_po_id": uom.id,
                "weight": weight,
                "csr_activity_id": cls.materials.id if mapped else False,
            }
        )

    @classmethod
    def _stock(cls, company):
        return (
            cls.env["stock.warehouse"]
            .search([("company_id", "=", company.id)], limit=1)
            .lot_stock_id
        )

    @classmethod
    def _receive(
        cls, product, qty, when, uom=None, returned=False, done=True, company=None
    ):
        """A move from the supplier to stock (or back), dated ``when`` (UTC)."""
        company = company or cls.company
        supplier = cls.env.ref("stock.stock_location_suppliers")
        stock = cls._stock(company)
        source, target = (stock, supplier) if returned else (supplier, stock)
        move = cls.env["stock.move"].create(
            {
                "name": product.name,
                "company_id": company.id,
                "product_id": product.id,
                "product_uom": (uom or product.uom_id).id,
                "product_uom_qty": qty,
                "location_id": source.id,
                "location_dest_id": target.id,
            }
        )
        move._action_confirm()
        if done:
            move.write({"quantity": qty, "picked": True})
            move._action_done()
        move.date = when
        return move

    @classmethod
    def _scrap(cls, product, qty, when):
        scrap = cls.env["stock.scrap"].create(
            {
                "company_id": cls.company.id,
                "product_id": product.id,
                "product_uom_id": product.uom_id.id,
                "scrap_qty": qty,
                "location_id": cls._stock(cls.company).id,
            }
        )
        scrap.do_scrap()
        scrap.date_done = when
        return scrap

    def _compute(self, period=None):
        period = period or self.january
        report = PeriodCompute(period).run()
        return report, {value.code: value for value in period.value_ids}

    # -- ENV-17 -----------------------------------------------------------

    def test_received_minus_returned_in_tonnes(self):
        _report, values = self._compute()
        materials = values["ENV-17"]
        self.assertAlmostEqual(materials.value, 1.624, places=4)
        self.assertEqual(materials.data_quality, "measured")
        self.assertIn(
            "Received 2.124 t, returned to suppliers 0.500 t",
            (materials.calculation_note),
        )

    def test_product_without_weight_is_named_not_counted(self):
        _report, values = self._compute()
        note = values["ENV-17"].calculation_note
        self.assertIn("1 product(s) without a weight were left out: Pintura", note)
        self.assertNotIn("Ladrillo", note)

    def test_source_records_are_the_counted_moves(self):
        _report, values = self._compute()
        domain = values["ENV-17"].action_open_source_records()["domain"]
        moves = self.env["stock.move"].search(domain)
        self.assertEqual(
            sorted((m.product_id.name, m.quantity) for m in moves),
            [
                ("Cemento gris", 2.0),
                ("Cemento gris", 500.0),
                ("Ladrillo", 8.0),
                ("Ladrillo", 40.0),
                ("Pigmento ocre", 4000.0),
            ],
        )

    def test_weights_in_pounds(self):
        self.env["ir.config_parameter"].set_param("product.weight_in_lbs", "1")
        _report, values = self._compute()
        bricks_kg = 48 * 2.5 / 2.20462
        self.assertAlmostEqual(
            values["ENV-17"].value, (1504.0 + bricks_kg) / 1000.0, places=4
        )
        self.assertAlmostEqual(values["ENV-17"].value, 1.5584, places=4)

    def test_only_unweighed_receipts_give_no_figure(self):
        march = self._make_period("month", date(2025, 3, 1), date(2025, 3, 31))
        self._receive(self.paint, 5.0, datetime(2025, 3, 5, 12, 0))
        report, values = self._compute(march)
        # Paint came in: saying 0 t would be false, so there is no figure.
        self.assertNotIn("ENV-17", values)
        self.assertIn("ENV-17", report.no_data)

    # -- ENV-14 -----------------------------------------------------------

    def test_scrap_proxy_is_stored_as_estimate(self):
        _report, values = self._compute()
        waste = values["ENV-14"]
        self.assertAlmostEqual(waste.value, 0.275, places=4)
        self.assertEqual(waste.data_quality, "estimated")
        self.assertIn("Estimate", waste.calculation_note)
        self.assertIn("Pintura", waste.calculation_note)
        scraps = self.env["stock.scrap"].search(
            waste.action_open_source_records()["domain"]
        )
        self.assertEqual(
            sorted(scraps.product_id.mapped("name")), ["Cemento gris", "Ladrillo"]
        )

    def test_no_scrap_is_no_waste_figure(self):
        february = self._make_period("month", date(2025, 2, 1), date(2025, 2, 28))
        report, values = self._compute(february)
        self.assertNotIn("ENV-14", values)
        self.assertIn("ENV-14", report.no_data)
        self.assertAlmostEqual(values["ENV-17"].value, 1.0, places=4)

    def test_waste_entered_by_hand_is_left_alone(self):
        _report, values = self._compute()
        waste = values["ENV-14"]
        # The manifests say 1.8 t: the user takes the figure over.
        waste.with_user(self.user).action_enter_by_hand()
        waste.with_user(self.user).write({"value": 1.8, "data_quality": "measured"})
        self.assertFalse(waste.calculation_note)
        self.assertFalse(waste.source_model)
        report, values = self._compute()
        self.assertIn("ENV-14", report.skipped_manual)
        self.assertEqual(values["ENV-14"], waste)
        self.assertEqual(
            (waste.value, waste.source, waste.data_quality), (1.8, "manual", "measured")
        )

    # -- volume -----------------------------------------------------------

    def test_queries_do_not_grow_with_moves(self):
        march = self._make_period("month", date(2025, 3, 1), date(2025, 3, 31))
        april = self._make_period("month", date(2025, 4, 1), date(2025, 4, 30))
        for day in (3, 4):
            self._receive(self.bricks, 1.0, datetime(2025, 3, day, 12, 0))
        for day in range(1, 31):
            self._receive(self.bricks, 1.0, datetime(2025, 4, day, 12, 0))
            self._scrap(self.bricks, 1.0, datetime(2025, 4, day, 12, 0))
        self._scrap(self.bricks, 1.0, datetime(2025, 3, 3, 12, 0))
        # The first round warms the caches; the second measures the same work.
        for _round in range(2):
            counts = []
            for period in (march, april):
                period.value_ids.unlink()
                self.env.invalidate_all()
                before = self.env.cr.sql_log_count
                PeriodCompute(period).run()
                counts.append(self.env.cr.sql_log_count - before)
        self.assertEqual(counts[0], counts[1])
        self.assertAlmostEqual(
            april.value_ids.filtered(lambda v: v.code == "ENV-17").value, 0.075
        )
