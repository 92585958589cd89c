# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Time-off indicators of January 2025, from leaves and schedules built by hand.

Schedules (time zone America/Bogota):
  "CSR 40 h"   Monday to Friday, 8-12 and 13-17.
  "CSR 2 sem"  two weeks: first week Monday, Wednesday, Friday 8-12; second
               week Tuesday 8-12. Odoo's parity (whole weeks since 1 January
               of year 1) makes 6-12 and 20-26 January first weeks, 1-5,
               13-19 and 27-31 January second weeks.
Public holidays: 1 January for every schedule of the company; 6 January for
"CSR 40 h" only; 14 January of another company (ignored). Stored in UTC, as
Odoo does: 1 January is 05:00 UTC on the 1st to 04:59:59 UTC on the 2nd, and
must not take the 2nd away.

Contracts and scheduled working days in January (23 weekdays):
  Ana     all month, 40 h: 23 - 1 and 6 January = 21
  Bruno   from Thursday 16 January, 40 h: 16, 17, 20-24, 27-31 = 12
  Carla   all month, two weeks: 6, 8, 10, 20, 22, 24 (first weeks) and
          14, 28 (Tuesdays of second weeks) = 8 (the other company's
          holiday on the 14th does not count; 1 January is not hers to work)
  Dario   contract ended Friday 10 January, 40 h: 2, 3, 7, 8, 9, 10 = 6
  a freelancer's contract and a draft contract: not counted.
Scheduled: 21 + 12 + 8 + 6 = 47 days.

Leaves:
  Ana    sick, validated, Wednesday 8 to Friday 10 January: 3 days
  Ana    sick, awaiting approval, 20 January: ignored
  Bruno  sick, validated, Wednesday 29 January to Tuesday 4 February: 5
         working days over 7 calendar days, 3 in January: 5 x 3/7 = 2.142857
  Ana    work accident, validated, Monday 30 December to Friday 3 January: 4
         working days (1 January is a holiday) over 5 calendar days, 3 in
         January: 4 x 3/5 = 2.4
  Bruno  work accident, validated, 20-21 January: 2
  the freelancer's work accident and another company's sick leave: ignored.
SOC-11 = 2.4 + 2 = 4.4 days; SOC-12 = (3 + 15/7) / 47 x 100 = 10.9422 %.

Return after parental leave (another company, Mexico, same month):
  Elena (f)  leave ended 17 January, contract runs on: back
  Fabio (m)  leave ended 24 January, contract ended that day: not back
  Gael (m)   leave ended 31 January, contract runs on 1 February: back
  Hugo (m)   leave ends 14 February: not due yet
SOC-21 = 2 / 3 = 66.67 %, women 100 %, men 50 %. That company marks no type
as work accident: SOC-11 is unknown there, not zero.
"""

from datetime import date, datetime, time, timedelta

from odoo.tests import tagged

from .common import TZ, HrCase


class LeaveCase(HrCase):
    @classmethod
    def _leave_type(cls, name, kind, validation="no_validation", company=None):
        return cls.env["hr.leave.type"].create(
            {
                "name": name,
                "csr_leave_kind": kind,
                "requires_allocation": "no",
                "leave_validation_type": validation,
                "company_id": (company or cls.company).id,
            }
        )

    @classmethod
    def _leave(cls, employee, leave_type, first, last):
        return cls.env["hr.leave"].create(
            {
                "employee_id": employee.id,
                "holiday_status_id": leave_type.id,
                "request_date_from": first,
                "request_date_to": last,
            }
        )

    @classmethod
    def _holiday(cls, name, day, calendar=None, company=None):
        """A public holiday: the whole local day, stored in UTC (UTC-5)."""
        start = datetime.combine(day, time(5, 0))
        return (
            cls.env["resource.calendar.leaves"]
            .with_company(company or cls.company)
            .create(
                {
                    "name": name,
                    "calendar_id": calendar.id if calendar else False,
                    "date_from": start,
                    "date_to": start + timedelta(hours=23, minutes=59, seconds=59),
                }
            )
        )


@tagged("csr_compute")
class TestAbsenceIndicators(LeaveCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        week = cls._calendar(
            "CSR 40 h", [(False, "01234", 8.0, 12.0), (False, "01234", 13.0, 17.0)]
        )
        fortnight = cls._calendar(
            "CSR 2 sem", [("0", "024", 8.0, 12.0), ("1", "1", 8.0, 12.0)], True
        )
        other = cls.env["res.company"].create({"name": "Otra SAS"})
        cls._holiday("Año Nuevo", date(2025, 1, 1))
        cls._holiday("Reyes", date(2025, 1, 6), calendar=week)
        cls._holiday("Fiesta ajena", date(2025, 1, 14), company=other)

        ana = cls._employee("Ana", week)
        bruno = cls._employee("Bruno", week, gender="male")
        carla = cls._employee("Carla", fortnight)
        dario = cls._employee("Dario", week, gender="male")
        freelancer = cls._employee("Libre", week, employee_type="freelance")
        pending = cls._employee("Pendiente", week)
        cls._contract(ana, date(2024, 1, 1))
        cls._contract(bruno, date(2025, 1, 16))
        cls._contract(carla, date(2024, 1, 1))
        cls._contract(dario, date(2024, 6, 1), date(2025, 1, 10), state="close")
        cls._contract(freelancer, date(2024, 1, 1))
        cls._contract(pending, date(2024, 1, 1), state="draft")

        sick = cls._leave_type("Incapacidad", "sick")
        sick_to_approve = cls._leave_type("Incapacidad (aprobar)", "sick", "hr")
        accident = cls._leave_type("Accidente de trabajo", "accident")
        cls.ana_sick = cls._leave(ana, sick, date(2025, 1, 8), date(2025, 1, 10))
        cls.pending_sick = cls._leave(
            ana, sick_to_approve, date(2025, 1, 20), date(2025, 1, 20)
        )
        cls.bruno_sick = cls._leave(bruno, sick, date(2025, 1, 29), date(2025, 2, 4))
        cls.ana_accident = cls._leave(
            ana, accident, date(2024, 12, 30), date(2025, 1, 3)
        )
        cls.bruno_accident = cls._leave(
            bruno, accident, date(2025, 1, 20), date(2025, 1, 21)
        )
        cls._leave(freelancer, accident, date(2025, 1, 15), date(2025, 1, 15))
        stranger = cls.env["hr.employee"].create(
            {"name": "Ajena", "company_id": other.id, "tz": TZ}
        )
        other_sick = cls._leave_type("Incapacidad ajena", "sick", company=other)
        cls._leave(stranger, other_sick, date(2025, 1, 14), date(2025, 1, 15))

        cls.january.action_compute()
        cls.values = {value.code: value for value in cls.january.value_ids}

    def test_the_dataset_is_what_the_docstring_says(self):
        self.assertEqual(self.pending_sick.state, "confirm")
        self.assertEqual(
            (self.ana_sick | self.bruno_sick | self.ana_accident).mapped("state"),
            ["validate"] * 3,
        )
        self.assertEqual(self.bruno_sick.number_of_days, 5.0)
        self.assertEqual(self.ana_accident.number_of_days, 4.0)

    def test_days_lost_to_work_accidents_are_prorated(self):
        value = self.values["SOC-11"]
        self.assertAlmostEqual(value.value, 4.4, 4)
        self.assertEqual(
            self._source_records(value), self.ana_accident | self.bruno_accident
        )

    def test_absenteeism_over_scheduled_working_days(self):
        value = self.values["SOC-12"]
        sick_days = 3.0 + 5.0 * 3.0 / 7.0
        self.assertAlmostEqual(value.value, sick_days / 47.0 * 100.0, 4)
        self.assertAlmostEqual(value.value, 10.9422, 4)
        self.assertEqual(
            value.calculation_note, "5.14 sick days over 47 scheduled days"
        )
        self.assertEqual(self._source_records(value), self.ana_sick | self.bruno_sick)

    def test_shipped_sick_time_off_counts_as_sick_leave(self):
        shipped = self.env.ref("hr_holidays.holiday_status_sl")
        self.assertEqual(shipped.csr_leave_kind, "sick")


@tagged("csr_compute")
class TestParentalReturn(LeaveCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.company.country_id = cls.env.ref("base.mx")
        week = cls._calendar("CSR 40 h", [(False, "01234", 8.0, 16.0)])
        parental = cls._leave_type("Licencia parental", "parental")
        elena = cls._employee("Elena", week)
        fabio = cls._employee("Fabio", week, gender="male")
        gael = cls._employee("Gael", week, gender="male")
        hugo = cls._employee("Hugo", week, gender="male")
        cls._contract(elena, date(2023, 1, 1))
        cls._contract(fabio, date(2023, 1, 1), date(2025, 1, 24), state="close")
        cls._contract(gael, date(2023, 1, 1))
        cls._contract(hugo, date(2023, 1, 1))
        cls.due = (
            cls._leave(elena, parental, date(2024, 11, 4), date(2025, 1, 17))
            | cls._leave(fabio, parental, date(2025, 1, 6), date(2025, 1, 24))
            | cls._leave(gael, parental, date(2025, 1, 6), date(2025, 1, 31))
        )
        cls._leave(hugo, parental, date(2025, 1, 20), date(2025, 2, 14))
        cls.january.action_compute()
        cls.values = {value.code: value for value in cls.january.value_ids}

    def test_return_rate_by_gender(self):
        value = self.values["SOC-21"]
        self.assertAlmostEqual(value.value, 2.0 / 3.0 * 100.0, 4)
        self.assertEqual(value.calculation_note, "women 100%, men 50%")
        self.assertEqual(self._source_records(value), self.due)

    def test_no_work_accident_type_means_no_figure(self):
        self.assertNotIn("SOC-11", self.values)
        # No sick leave taken, but the shipped sick type is marked: a real 0 %.
        self.assertEqual(self.values["SOC-12"].value, 0.0)
