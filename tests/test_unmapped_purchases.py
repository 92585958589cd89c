# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The worklist of purchases that look like energy, fuel or water but feed
no CSR figure, built from hand-made vendor bills (no taxes).

Company A, posted unless said otherwise:
  "Diésel" (L, no activity)             bill 100 L x 1.20 on 10 January and
                                        refund 20 L x 1.20 on 20 January
      -> 2 lines, 80 L, 96.00, last bill 20 January, suggested Diesel
  "Servicio mensual" (no activity) in category "Servicios / Energía eléctrica"
                                        bill 1 x 250 -> suggested Grid electricity
                                        (found in the category)
  "Pipeta gas propano" (kg)             bill 45 kg x 3 -> suggested LPG (by
                                        weight): both LPG activities share
                                        the keyword, the unit decides
  ignored: "ACPM" (mapped to Diesel on the product), "Gasolina extra" (its
  category is mapped to Gasoline), "Café verde" and "Aguacate Hass" (no
  keyword; "agua" is not a word of "aguacate"), a draft bill of "Gasolina
  corriente".
Company B: "Diésel" bill 10 L x 1.50 -> its own row, 10 L, 15.00.
"""

from datetime import date

from odoo import Command
from odoo.exceptions import AccessError, UserError
from odoo.tests import new_test_user, tagged

from odoo.addons.account.tests.common import AccountTestInvoicingCommon

MANAGER = "base.group_user,csr_management.group_csr_manager"


@tagged("post_install", "-at_install", "csr_compute")
class TestUnmappedPurchases(AccountTestInvoicingCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.company = cls.company_data["company"]
        cls.company_b = cls.setup_other_company()["company"]
        ref = cls.env.ref
        cls.litre, cls.kg = ref("uom.product_uom_litre"), ref("uom.product_uom_kgm")
        cls.unit = ref("uom.product_uom_unit")
        cls.act_diesel = ref("csr_management.activity_diesel")
        cls.act_electricity = ref("csr_management.activity_electricity_grid")
        cls.act_lpg_kg = ref("csr_management.activity_lpg_kg")
        services = cls.env["product.category"].create({"name": "Servicios"})
        power = cls.env["product.category"].create(
            {"name": "Energía eléctrica", "parent_id": services.id}
        )
        fuels = cls.env["product.category"].create(
            {
                "name": "Combustibles",
                "csr_activity_id": ref("csr_management.activity_gasoline").id,
            }
        )
        cls.diesel = cls._product("Diésel", cls.litre)
        cls.service = cls._product("Servicio mensual", cls.unit, category=power)
        cls.propane = cls._product("Pipeta gas propano", cls.kg)
        acpm = cls._product("ACPM", cls.litre, activity=cls.act_diesel)
        extra = cls._product("Gasolina extra", cls.litre, category=fuels)
        coffee = cls._product("Café verde", cls.kg)
        avocado = cls._product("Aguacate Hass", cls.kg)
        regular = cls._product("Gasolina corriente", cls.litre)
        jan10, jan20 = date(2025, 1, 10), date(2025, 1, 20)
        cls._bill(jan10, [(cls.diesel, 100.0, 1.2), (acpm, 50.0, 1.1)])
        cls._bill(jan20, [(cls.diesel, 20.0, 1.2)], move_type="in_refund")
        cls._bill(jan10, [(cls.service, 1.0, 250.0), (cls.propane, 45.0, 3.0)])
        cls._bill(jan10, [(extra, 30.0, 1.0), (coffee, 10.0, 8.0)])
        cls._bill(jan10, [(avocado, 5.0, 2.0)])
        cls._bill(jan10, [(regular, 40.0, 1.0)], post=False)
        cls._bill(jan10, [(cls.diesel, 10.0, 1.5)], company=cls.company_b)
        cls.manager = cls._user("csr_worklist_manager", MANAGER, cls.company)
        cls.manager_b = cls._user("csr_worklist_manager_b", MANAGER, cls.company_b)
        cls.csr_user = cls._user(
            "csr_worklist_user",
            "base.group_user,csr_management.group_csr_user",
            cls.company,
        )

    @classmethod
    def _product(cls, name, uom, category=None, activity=None):
        values = {
            "name": name,
            "uom_id": uom.id,
            "uom_po_id": uom.id,
            "csr_activity_id": activity.id if activity else False,
        }
        if category:
            values["categ_id"] = category.id
        return cls.env["product.product"].create(values)

    @classmethod
    def _bill(cls, when, lines, move_type="in_invoice", post=True, company=None):
        company = company or cls.company
        move = (
            cls.env["account.move"]
            .with_company(company)
            .create(
                {
                    "move_type": move_type,
                    "partner_id": cls.partner_a.id,
                    "invoice_date": when,
                    "date": when,
                    "invoice_line_ids": [
                        Command.create(
                            {
                                "product_id": product.id,
                                "quantity": quantity,
                                "price_unit": price,
                                "tax_ids": [Command.clear()],
                            }
                        )
                        for product, quantity, price in lines
                    ],
                }
            )
        )
        if post:
            move.action_post()
        return move

    @classmethod
    def _user(cls, login, groups, company):
        return new_test_user(
            cls.env,
            login=login,
            groups=groups,
            company_id=company.id,
            company_ids=[company.id],
        )

    def _rows(self, user):
        # A new request would see the committed writes: flush them first.
        self.env.flush_all()
        self.env.invalidate_all()
        return self.env["csr.unmapped.purchase"].with_user(user).search([])

    def _by_product(self, rows):
        return {row.product_id.name: row for row in rows}

    def test_worklist_finds_unmapped_energy_fuel_and_water(self):
        rows = self._by_product(self._rows(self.manager))
        self.assertEqual(
            sorted(rows), ["Diésel", "Pipeta gas propano", "Servicio mensual"]
        )
        diesel = rows["Diésel"]
        self.assertEqual(
            (diesel.line_count, diesel.quantity, diesel.amount, diesel.last_date),
            (2, 80.0, 96.0, date(2025, 1, 20)),
        )
        self.assertEqual(diesel.uom_id, self.litre)
        self.assertEqual(diesel.currency_id, self.company.currency_id)
        self.assertEqual(diesel.activity_id, self.act_diesel)
        self.assertEqual(rows["Servicio mensual"].activity_id, self.act_electricity)
        self.assertEqual(rows["Pipeta gas propano"].activity_id, self.act_lpg_kg)

    def test_each_company_sees_its_own_rows(self):
        rows_a, rows_b = self._rows(self.manager), self._rows(self.manager_b)
        self.assertEqual(rows_a.company_id, self.company)
        self.assertEqual(rows_b.company_id, self.company_b)
        diesel_b = self._by_product(rows_b)["Diésel"]
        self.assertEqual((diesel_b.quantity, diesel_b.amount), (10.0, 15.0))
        row_a = self._by_product(rows_a)["Diésel"]
        with self.assertRaises(AccessError):
            row_a.with_user(self.manager_b).read(["amount"])

    def test_map_to_suggested_activity(self):
        row = self._by_product(self._rows(self.manager))["Diésel"]
        action = row.with_user(self.manager).action_map_suggested()
        self.assertEqual(self.diesel.csr_activity_id, self.act_diesel)
        self.assertIn("Diésel", action["params"]["message"])
        self.assertNotIn("Diésel", self._by_product(self._rows(self.manager)))
        # The product is shared: mapped once, it leaves every company's list.
        self.assertFalse(self._rows(self.manager_b))

    def test_wizard_maps_the_selected_products_to_the_chosen_activity(self):
        rows = self._by_product(self._rows(self.manager))
        selected = rows["Servicio mensual"] | rows["Pipeta gas propano"]
        Wizard = (
            self.env["csr.unmapped.purchase.map"]
            .with_user(self.manager)
            .with_context(active_model="csr.unmapped.purchase", active_ids=selected.ids)
        )
        # Two different suggestions: the activity is left to choose.
        self.assertFalse(Wizard.default_get(["activity_id"]).get("activity_id"))
        wizard = Wizard.create({"activity_id": self.act_electricity.id})
        self.assertEqual(wizard.product_tmpl_ids, selected.product_tmpl_id)
        # Propane in kg cannot become kWh: refused, nothing mapped.
        with self.assertRaisesRegex(UserError, "Pipeta gas propano"):
            with self.env.cr.savepoint():
                wizard.action_map()
        self.assertFalse(self.propane.csr_activity_id)
        Wizard.with_context(active_ids=rows["Pipeta gas propano"].ids).create(
            {"activity_id": self.act_lpg_kg.id}
        ).action_map()
        self.assertEqual(self.propane.csr_activity_id, self.act_lpg_kg)
        self.assertEqual(
            sorted(self._by_product(self._rows(self.manager))),
            ["Diésel", "Servicio mensual"],
        )

    def test_wizard_proposes_a_shared_suggestion(self):
        row = self._by_product(self._rows(self.manager))["Servicio mensual"]
        defaults = (
            self.env["csr.unmapped.purchase.map"]
            .with_user(self.manager)
            .with_context(active_model="csr.unmapped.purchase", active_ids=row.ids)
            .default_get(["activity_id"])
        )
        self.assertEqual(defaults["activity_id"], self.act_electricity.id)

    def test_only_csr_managers_map(self):
        row = self._by_product(self._rows(self.csr_user))["Diésel"]
        with self.assertRaises(AccessError):
            row.with_user(self.csr_user).action_map_suggested()
        self.assertFalse(self.diesel.csr_activity_id)

    def test_unmapped_purchases_make_figures_no_data_and_say_so(self):
        """January of company A: the only product known as grid electricity
        is none, and "Servicio mensual" looks like it: electricity bought
        (ENV-02) is no data, not 0 MWh, and the compute names the product.
        Diesel is known (ACPM, 50 L), so scope 1 (ENV-05) is computed, with a
        warning that "Diésel" (80 L more) is left out until mapped; mapped
        from the worklist, the warning goes and the 80 L count."""
        self.company.country_id = self.env.ref("base.co")
        period = (
            self.env["csr.period"]
            .with_user(self.manager)
            .create(
                {
                    "company_id": self.company.id,
                    "kind": "month",
                    "date_from": date(2025, 1, 1),
                    "date_to": date(2025, 1, 31),
                }
            )
        )
        period.with_user(self.manager).action_compute()
        values = {value.code: value for value in period.value_ids}
        self.assertNotIn("ENV-02", values)
        self.assertRegex(period.compute_warnings, r"ENV-02: .*Servicio mensual")
        self.assertIn("Diésel", values["ENV-05"].warning)
        before = values["ENV-05"].value
        row = self._by_product(self._rows(self.manager))["Diésel"]
        row.with_user(self.manager).action_map_suggested()
        period.with_user(self.manager).action_compute()
        env_05 = period.value_ids.filtered(lambda v: v.code == "ENV-05")
        self.assertNotIn("Diésel", env_05.warning or "")
        # 80 L more of Colombian B10 diesel (generator): 72 L fossil x 2.6765
        # = 192.708 kg CO2; energy 72 x 36.12 + 8 x 33 = 2,864.64 MJ, CH4
        # 10 kg/TJ x 28 = 0.80210 kg CO2e, N2O 0.6 kg/TJ x 265 = 0.45548;
        # 193.96558 kg. Both values are stored to 4 places.
        self.assertAlmostEqual(env_05.value - before, 0.193966, places=3)

    def test_a_unit_that_cannot_convert_is_refused_in_words(self):
        """ "Servicio mensual" is billed in Units: mapped to grid electricity
        (kWh) it would fall out of ENV-02 without a word, so the mapping is
        refused, naming the unit to use; nothing is mapped."""
        row = self._by_product(self._rows(self.manager))["Servicio mensual"]
        with self.assertRaisesRegex(UserError, "cannot be converted to kWh"):
            with self.env.cr.savepoint():
                row.with_user(self.manager).action_map_suggested()
        self.assertFalse(self.service.csr_activity_id)
