# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Scope 3 screening of January 2025, checked by hand.

Factors: UK DESNZ 2025 conversion factors (kgCO2e per unit).

Employee commuting (ENV-19), a Colombian company, schedule "CSR 40 h"
Monday to Friday; January 2025 has 23 weekdays; Monday 6 January (Reyes) is a
public holiday of every schedule of the company.
  Ana    12 km, car petrol, all month, validated time off Thursday 16 and
         Friday 17 January: 23 - 1 - 2 = 20 days; 2 x 12 x 20 = 480 km.
  Bruno  5 miles (5 x 1.609344 = 8.04672 km), bus, contract from Wednesday
         8 January: 3 + 5 + 5 + 5 = 18 days; 2 x 8.04672 x 18 = 289.68192 km.
  Carla  no distance: not guessed, warned about.
  Dario  2 km, walking or cycling: counted, no emissions.
  Elena  3 km, no commute mode: not counted, warned about.
  an employee of another company (40 km, car diesel): ignored.
ENV-19 = (480 x 0.16272 + 289.68192 x 0.10385) / 1,000
       = (78.1056 + 30.08346739) / 1,000 = 0.10818907 tCO2e.
Another company whose employees have no distance: no data, not zero.

Business travel (ENV-18), a Colombian company, bills of January 2025:
  flight Bogotá–Lima, short-haul, bought by the unit at 1,880 km per unit:
  3 tickets billed, 1 refunded: 2 x 1,880 = 3,760 passenger-km x 0.07559
  = 284.2184 kg;
  bus bought by the km: 830 km x 0.10385 = 86.1955 kg;
  hotel nights: 3 from a Mexican hotel x 19.3 = 57.9 kg; 2 from a supplier
  without a country (taken as Colombia) x 14.7 = 29.4 kg; 1 from a Peruvian
  hotel, no Peruvian factor: Colombia's stands in, flagged, 14.7 kg;
  taxis bought as money only (no kilometres): named, not counted;
  a draft bill and another company's bill: ignored.
ENV-18 = (284.2184 + 86.1955 + 57.9 + 29.4 + 14.7) / 1,000 = 0.4724139 tCO2e.
"""

import unittest
from datetime import date

from odoo import Command
from odoo.exceptions import AccessError, UserError
from odoo.tests import Form, new_test_user, tagged

from odoo.addons.account.tests.common import AccountTestInvoicingCommon

from ..services import scope3
from .common import DISABLED_MAIL, USER_GROUPS, HrCase
from .test_compute_leaves import LeaveCase

JANUARY = date(2025, 1, 1)


class TestCommuting(LeaveCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.company.country_id = cls.env.ref("base.co")
        week = cls._calendar(
            "CSR 40 h", [(False, "01234", 8.0, 12.0), (False, "01234", 13.0, 17.0)]
        )
        cls._holiday("Reyes", date(2025, 1, 6))
        staff = {
            "Ana": dict(distance_home_work=12, csr_commute_mode="car_petrol"),
            "Bruno": dict(
                distance_home_work=5,
                distance_home_work_unit="miles",
                csr_commute_mode="bus",
            ),
            "Carla": dict(csr_commute_mode="bus"),
            "Dario": dict(distance_home_work=2, csr_commute_mode="active"),
            "Elena": dict(distance_home_work=3),
        }
        cls.staff = {
            name: cls._employee(name, week, **extra) for name, extra in staff.items()
        }
        for name, employee in cls.staff.items():
            start = date(2025, 1, 8) if name == "Bruno" else date(2024, 1, 1)
            cls._contract(employee, start)
        time_off = cls._leave_type("Vacaciones", False)
        cls._leave(cls.staff["Ana"], time_off, date(2025, 1, 16), date(2025, 1, 17))

        cls.other = cls.env["res.company"].create(
            {"name": "Otra SAS", "country_id": cls.env.ref("base.co").id}
        )
        for name, extra in (
            ("Lejana", {"distance_home_work": 40, "csr_commute_mode": "car_diesel"}),
            ("Sin distancia", {"csr_commute_mode": "car_petrol"}),
        ):
            stranger = cls.env["hr.employee"].create(
                {"name": name, "company_id": cls.other.id, **extra}
            )
            cls._contract(stranger, date(2024, 1, 1))
        cls.other_january = cls._make_period(
            "month", date(2025, 1, 1), date(2025, 1, 31), cls.other
        )

    def _figure(self, period=None):
        return scope3.commuting_figure(self.env, period or self.january)

    def test_unrounded_figure(self):
        self.assertAlmostEqual(self._figure().value, 0.108189067392, places=10)

    def test_the_working_days_are_what_the_docstring_says(self):
        commutes = scope3.commutes(
            self.env, self.company, self.january.date_from, self.january.date_to
        )
        days = {c.employee_id: c.days for c in commutes}
        self.assertAlmostEqual(days[self.staff["Ana"].id], 20.0)
        self.assertAlmostEqual(days[self.staff["Bruno"].id], 18.0)
        self.assertEqual(len(commutes), 5)  # the other company's: not read

    def test_commuting_from_employee_distances(self):
        self.january.action_compute()
        value = self.january.value_ids.filtered(lambda v: v.code == "ENV-19")
        expected = (480 * 0.16272 + 2 * 8.04672 * 18 * 0.10385) / 1000
        self.assertAlmostEqual(expected, 0.10818907, places=8)
        self.assertAlmostEqual(value.value, expected, places=4)  # as stored
        self.assertIn("Activity-based", value.calculation_note)
        self.assertIn("DESNZ", value.calculation_note)
        self.assertEqual(value.data_quality, "estimated")

    def test_one_line_per_activity_and_month(self):
        lines = {
            self.env["csr.activity"].browse(line.activity_id).code: line
            for line in self._figure().emission_lines
        }
        self.assertEqual(set(lines), {"travel_car_petrol", "travel_bus"})
        car, bus = lines["travel_car_petrol"], lines["travel_bus"]
        self.assertAlmostEqual(car.quantity, 480.0)
        self.assertAlmostEqual(bus.quantity, 289.68192, places=5)
        self.assertAlmostEqual(car.tco2e, 0.0781056, places=7)
        for line in (car, bus):
            self.assertEqual(
                (line.scope, line.category, line.tier, line.month, line.gas),
                ("3", "7", "activity", JANUARY, "co2e"),
            )
        factor = self.env["csr.emission.factor"].browse(car.factor_id)
        self.assertEqual(factor.source_year, 2025)
        self.assertIn("gov.uk", factor.source_url)

    def test_missing_distances_and_modes_are_warned_not_guessed(self):
        warnings = "\n".join(self._figure().warnings)
        self.assertIn("1 of 5 employees have no home–work distance", warnings)
        self.assertIn("1 of 5 employees have a home–work distance but no", warnings)

    def test_no_distance_at_all_is_no_data_not_zero(self):
        self.assertIsNotNone(self._figure(self.other_january).value)
        self.env["hr.employee"].search(
            [("company_id", "=", self.other.id), ("name", "=", "Lejana")]
        ).distance_home_work = 0
        figure = self._figure(self.other_january)
        self.assertIsNone(figure.value)
        self.assertFalse(figure.emission_lines)
        self.assertIn("2 of 2 employees have no home–work distance", figure.warnings[0])

    def test_a_factor_of_another_year_is_named(self):
        december = self._make_period("month", date(2024, 12, 1), date(2024, 12, 31))
        figure = self._figure(december)
        self.assertGreater(figure.value, 0.0)
        self.assertIn("published for 2025, not for 2024", "\n".join(figure.warnings))
        self.assertNotIn("published for", "\n".join(self._figure().warnings))

    def test_no_factor_is_no_data_not_zero(self):
        self.env["csr.emission.factor"].search([("scope", "=", "3")]).active = False
        figure = self._figure()
        self.assertIsNone(figure.value)
        self.assertIn("No Scope 3 emission factor", "\n".join(figure.warnings))

    def test_another_company_is_counted_apart(self):
        figure = self._figure(self.other_january)
        # 23 weekdays (the holiday is this company's), 2 x 40 x 23 x 0.17304.
        self.assertAlmostEqual(figure.value, 2 * 40 * 23 * 0.17304 / 1000, places=6)


class TestCommuteFieldsArePrivate(HrCase):
    def test_only_hr_officers_read_and_write_the_commute(self):
        employee = self._employee(
            "Ana", self._calendar("CSR", [(False, "01234", 8.0, 16.0)])
        )
        csr_user = self._make_user("csr_commute_reader", USER_GROUPS)
        with self.assertRaises(AccessError):
            employee.with_user(csr_user).read(["csr_commute_mode"])
        with self.assertRaises(AccessError):
            employee.with_user(csr_user).read(["distance_home_work"])
        officer = new_test_user(
            self.env,
            login="hr_officer_commute",
            groups="base.group_user,hr.group_hr_user",
            company_id=self.company.id,
            company_ids=[self.company.id],
            context=DISABLED_MAIL,
        )
        with Form(employee.with_user(officer)) as form:
            form.distance_home_work = 9
            form.csr_commute_mode = "light_rail"
        self.assertEqual(employee.csr_commute_mode, "light_rail")


@tagged("post_install", "-at_install")
class TestBusinessTravel(AccountTestInvoicingCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env.user.groups_id |= cls.env.ref("csr_management.group_csr_manager")
        cls.company = cls.company_data["company"]
        cls.company.country_id = cls.env.ref("base.co")
        unit = "uom.product_uom_unit"
        cls.flight = cls._product("Tiquete BOG-LIM", "flight_short", unit, 1880.0)
        cls.bus = cls._product("Bus BOG-MDE", "bus", "uom.product_uom_km")
        cls.hotel = cls._product("Noche de hotel", "hotel_night", unit)
        cls.taxi = cls._product("Taxi", "taxi", unit)
        partner = cls.env["res.partner"]
        mexican = partner.create({"name": "Hotel CDMX", "country_id": cls._c("mx")})
        peruvian = partner.create({"name": "Hotel Lima", "country_id": cls._c("pe")})
        nowhere = partner.create({"name": "Agencia sin país"})
        jan = date(2025, 1, 15)
        cls._bill(nowhere, jan, [(cls.flight, 3), (cls.bus, 830), (cls.hotel, 2)])
        cls._bill(nowhere, jan, [(cls.flight, 1)], move_type="in_refund")
        cls._bill(mexican, jan, [(cls.hotel, 3)])
        cls._bill(peruvian, jan, [(cls.hotel, 1)])
        cls._bill(nowhere, jan, [(cls.taxi, 4)], price=50000.0)
        cls._bill(nowhere, jan, [(cls.flight, 10)], post=False)
        cls.other = cls.setup_other_company()["company"]
        cls._bill(nowhere, jan, [(cls.flight, 7)], company=cls.other)
        cls.period = cls.env["csr.period"].create(
            {
                "company_id": cls.company.id,
                "kind": "month",
                "date_from": date(2025, 1, 1),
                "date_to": date(2025, 1, 31),
            }
        )
        cls.source = cls.env.ref("csr_management.source_env_18")

    @classmethod
    def _c(cls, code):
        return cls.env.ref(f"base.{code}").id

    @classmethod
    def _product(cls, name, activity, uom, km_per_unit=0.0):
        uom = cls.env.ref(uom)
        return cls.env["product.product"].create(
            {
                "name": name,
                "uom_id": uom.id,
                "uom_po_id": uom.id,
                "csr_activity_id": cls.env.ref(
                    f"csr_management.activity_travel_{activity}"
                ).id,
                "csr_km_per_unit": km_per_unit,
            }
        )

    @classmethod
    def _bill(
        cls,
        partner,
        when,
        lines,
        move_type="in_invoice",
        post=True,
        price=1.0,
        company=None,
    ):
        move = (
            cls.env["account.move"]
            .with_company(company or cls.company)
            .create(
                {
                    "move_type": move_type,
                    "partner_id": partner.id,
                    "invoice_date": when,
                    "date": when,
                    "invoice_line_ids": [
                        (
                            0,
                            0,
                            {
                                "product_id": product.id,
                                "quantity": quantity,
                                "price_unit": price,
                                "tax_ids": [(6, 0, [])],
                            },
                        )
                        for product, quantity in lines
                    ],
                }
            )
        )
        if post:
            move.action_post()
        return move

    def _figure(self):
        return scope3.business_travel_figure(self.env, self.period, self.source)

    def test_business_travel_from_bills(self):
        self.period.action_compute()
        value = self.period.value_ids.filtered(lambda v: v.code == "ENV-18")
        expected = (3760 * 0.07559 + 830 * 0.10385 + 3 * 19.3 + 3 * 14.7) / 1000
        self.assertAlmostEqual(expected, 0.4724139, places=7)
        self.assertAlmostEqual(value.value, expected, places=4)  # as stored
        self.assertAlmostEqual(self._figure().value, expected, places=9)
        self.assertTrue(value.uses_fallback_factor)  # the Peruvian night
        self.assertIn("Activity-based", value.calculation_note)
        action = value.action_open_source_records()
        lines = self.env[action["res_model"]].search(action["domain"])
        # 3 + 1 refunded + 1 + 1 hotel + 1 taxi; no draft, no other company.
        self.assertEqual(len(lines), 7)
        self.assertEqual(lines.company_id, self.company)

    def test_lines_refunds_and_countries(self):
        lines = self._figure().emission_lines
        by_activity = {}
        for line in lines:
            code = self.env["csr.activity"].browse(line.activity_id).code
            by_activity.setdefault(code, []).append(line)
            self.assertEqual((line.scope, line.category), ("3", "6"))
        (flight,) = by_activity["travel_flight_short"]
        self.assertAlmostEqual(flight.quantity, 3760.0)  # 3 tickets - 1 refunded
        (bus,) = by_activity["travel_bus"]
        self.assertAlmostEqual(bus.quantity, 830.0)
        hotel = {
            self.env["csr.emission.factor"].browse(line.factor_id).country_id.code: (
                line.quantity
            )
            for line in by_activity["travel_hotel_night"]
        }
        self.assertEqual(hotel, {"MX": 3.0, "CO": 3.0})
        self.assertNotIn("travel_taxi", by_activity)

    def test_money_only_travel_and_missing_factor_are_warned(self):
        warnings = "\n".join(self._figure().warnings)
        self.assertIn("as money only", warnings)
        self.assertIn("Taxi", warnings)
        self.assertIn("Peru", warnings)

    def test_a_ticket_bought_by_the_unit_maps_to_a_flight(self):
        ticket = self.env["product.template"].create({"name": "Tiquete MDE-MIA"})
        flight = self.env.ref("csr_management.activity_travel_flight_long")
        ticket._csr_map_to_activity(flight)
        self.assertEqual(ticket.csr_activity_id, flight)
        with self.assertRaisesRegex(UserError, "cannot be mapped"):
            ticket._csr_map_to_activity(self.env.ref("csr_management.activity_diesel"))

    def test_no_travel_product_is_no_data(self):
        (self.flight | self.bus | self.hotel | self.taxi).product_tmpl_id.write(
            {"csr_activity_id": False}
        )
        self.assertIsNone(self._figure().value)

    def test_another_companys_user_cannot_read_the_figures(self):
        self.period.action_compute()
        value = self.period.value_ids.filtered(lambda v: v.code == "ENV-18")
        other = self.other
        user_b = new_test_user(
            self.env,
            login="csr_travel_b",
            groups=USER_GROUPS,
            company_id=other.id,
            company_ids=[other.id],
            context=DISABLED_MAIL,
        )
        env_b = self.env(user=user_b, context={"allowed_company_ids": [other.id]})
        self.assertFalse(env_b["csr.indicator.value"].search([("id", "=", value.id)]))
        with self.assertRaises(AccessError):
            env_b["csr.indicator.value"].browse(value.id).read(["value"])


@tagged("post_install", "-at_install")
class TestBusinessTravelExpenses(AccountTestInvoicingCommon):
    """Expenses (when the app is installed): one paid by the employee (a vendor
    bill to the employee) and one paid by the company (a journal entry whose
    line carries quantity 1: the quantity is the expense's). Two tickets and
    one ticket of 1,880 km: 3 x 1,880 = 5,640 passenger-km."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        if "hr.expense" not in cls.env:
            raise unittest.SkipTest("Expenses is not installed")
        cls.env.user.groups_id |= cls.env.ref("csr_management.group_csr_manager")
        cls.company = cls.company_data["company"]
        cls.company.country_id = cls.env.ref("base.co")
        unit = cls.env.ref("uom.product_uom_unit")
        flight = cls.env["product.product"].create(
            {
                "name": "Tiquete BOG-LIM",
                "uom_id": unit.id,
                "uom_po_id": unit.id,
                "standard_price": 500.0,
                "can_be_expensed": True,
                "supplier_taxes_id": [Command.clear()],
                "csr_activity_id": cls.env.ref(
                    "csr_management.activity_travel_flight_short"
                ).id,
                "csr_km_per_unit": 1880.0,
            }
        )
        employee = cls.env["hr.employee"].create(
            {
                "name": "Viajera",
                "company_id": cls.company.id,
                "work_email": "viajera@example.com",
            }
        )
        for name, quantity, mode in (
            ("Tiquetes pagados por la empresa", 2, "company_account"),
            ("Tiquete pagado por la viajera", 1, "own_account"),
        ):
            sheet = cls.env["hr.expense.sheet"].create(
                {
                    "name": name,
                    "employee_id": employee.id,
                    "company_id": cls.company.id,
                    "expense_line_ids": [
                        Command.create(
                            {
                                "name": name,
                                "employee_id": employee.id,
                                "product_id": flight.id,
                                "quantity": quantity,
                                "payment_mode": mode,
                                "date": date(2025, 1, 20),
                                "company_id": cls.company.id,
                                "tax_ids": [Command.clear()],
                            }
                        )
                    ],
                }
            )
            sheet.action_submit_sheet()
            sheet.action_approve_expense_sheets()
            sheet.action_sheet_move_post()
        cls.period = cls.env["csr.period"].create(
            {
                "company_id": cls.company.id,
                "kind": "month",
                "date_from": date(2025, 1, 1),
                "date_to": date(2025, 1, 31),
            }
        )

    def test_expenses_count_with_their_own_quantity(self):
        source = self.env.ref("csr_management.source_env_18")
        figure = scope3.business_travel_figure(self.env, self.period, source)
        (line,) = figure.emission_lines
        self.assertAlmostEqual(line.quantity, 3 * 1880.0)
        self.assertAlmostEqual(figure.value, 5640 * 0.07559 / 1000, places=9)
