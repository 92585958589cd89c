# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Workforce indicators of January 2025, from contracts built by hand.

Employees (40 h/week unless said; monthly hours 40 x 52 / 12 = 173.33):
  Mateo (m)   manager of Lucía and Sofía, permanent, 4,000   -> 23.0769/h
  Lucía (f)   manager of Diego, permanent, 3,000              -> 17.3077/h
  Sofía (f)   fixed-term to June, 20 h/week, 1,500            -> 17.3077/h
  Diego (m)   fixed-term to December, 2,600                   -> 15.0000/h
  Andrés (m)  hired 15 January, permanent, 2,000              -> 11.5385/h
  Valeria (f) left 10 January (contract ended that day)
  a freelancer, a draft contract and another company's employee: excluded.
At 31 January: 5 employees, 3 permanent (60 %), 2 women (40 %), managers
Mateo and Lucía (50 % women). Hourly means: men (4,000 + 2,600 + 2,000) / 3
/ 173.33 and women (3,000 + 3,000) / 2 / 173.33 (Sofía's 1,500 for 86.67 h
equals 3,000 full time), so the gap is
(2,866.67 - 3,000) / 2,866.67 = -4.6512 %. Turnover: 1 leaver over the
average of 5 (1 January) and 5 (31 January) = 20 %; new hires 1 / 5 = 20 %.

Both schedules call 40 h full time: FTE = 4 x 1 + 20 / 40 = 4.5.
The company is in Colombia; Diego works from the Lima office: SOC-04 = 4
employees in Colombia, "Colombia 4, Peru 1".
Collective agreement on Mateo's and Sofía's contracts: 2 / 5 = 40 %.
On the books at 31 January (SOC-05): the five, plus Pendiente (draft contract
only), 6 people; with a running contract and a social-security number: Mateo,
Lucía, Sofía, Diego (Andrés has no number, Pendiente no contract) = 4 / 6 =
66.67 %. Futura, hired on 3 February, was not on the books yet.
Non-employees (SOC-08): the freelancer and a contractor = 2; a contractor who
left on 20 January and another company's do not count.
"""

from datetime import date

from odoo.tests import tagged

from .common import HrCase


@tagged("csr_compute")
class TestComputeWorkforce(HrCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.company.country_id = cls.env.ref("base.co")
        # The full-time schedule's lunch hour is not worked: 40 h, not 45.
        cls.full_time = cls._calendar(
            "CSR 40 h",
            [
                (False, "01234", 8.0, 12.0, "morning"),
                (False, "01234", 12.0, 13.0, "lunch"),
                (False, "01234", 13.0, 17.0, "afternoon"),
            ],
        )
        cls.part_time = cls._calendar("CSR 20 h", [(False, "01234", 8.0, 12.0)])
        employee = cls._employee
        full = cls.full_time
        mateo = employee("Mateo", full, "male", ssnid="CC-1")
        lucia = employee("Lucía", full, parent_id=mateo.id, ssnid="CC-2")
        sofia = employee("Sofía", full, parent_id=mateo.id, ssnid="CC-3")
        diego = employee("Diego", full, "male", parent_id=lucia.id, ssnid="CE-4")
        diego.address_id = cls.env["res.partner"].create(
            {"name": "Oficina Lima", "country_id": cls.env.ref("base.pe").id}
        )
        andres = employee("Andrés", full, "male")
        valeria = employee("Valeria", full, ssnid="CC-6")
        freelancer = employee("Freelance", full, "male", employee_type="freelance")
        pending = employee("Pendiente", full, ssnid="CC-7")
        contract = cls._contract
        contract(mateo, date(2020, 1, 1), wage=4000.0, csr_collective_agreement=True)
        contract(lucia, date(2021, 3, 1), wage=3000.0)
        contract(
            sofia,
            date(2024, 7, 1),
            date(2025, 6, 30),
            wage=1500.0,
            resource_calendar_id=cls.part_time.id,
            csr_collective_agreement=True,
        )
        contract(diego, date(2024, 1, 1), date(2025, 12, 31), wage=2600.0)
        contract(andres, date(2025, 1, 15), wage=2000.0)
        contract(valeria, date(2022, 1, 1), date(2025, 1, 10), wage=2500.0)
        valeria.write({"departure_date": date(2025, 1, 10), "active": False})
        contract(freelancer, date(2024, 1, 1), wage=9000.0)
        contract(pending, date(2024, 1, 1), state="draft", wage=9000.0)
        future = employee("Futura", full, ssnid="CC-8")
        contract(future, date(2025, 2, 3), wage=2200.0)
        employee("Contratista", full, employee_type="contractor")
        gone = employee("Exprestador", full, "male", employee_type="contractor")
        gone.write({"departure_date": date(2025, 1, 20), "active": False})
        other = cls.env["res.company"].create({"name": "Otra SAS"})
        contract(
            employee("Ajeno", full, "male", company_id=other.id),
            date(2024, 1, 1),
            wage=100.0,
        )
        employee("Ajena", full, employee_type="contractor", company_id=other.id)
        cls.january.action_compute()
        cls.values = {value.code: value for value in cls.january.value_ids}

    def test_headcount_and_composition(self):
        figures = {
            code: self.values[code].value for code in ("SOC-01", "SOC-02", "SOC-03")
        }
        self.assertEqual(figures, {"SOC-01": 5.0, "SOC-02": 60.0, "SOC-03": 40.0})

    def test_women_in_management(self):
        self.assertEqual(self.values["SOC-20"].value, 50.0)

    def test_gender_pay_gap_uses_hourly_pay(self):
        men = (4000.0 + 2600.0 + 2000.0) / 3.0
        women = (3000.0 + 1500.0 * 2.0) / 2.0
        self.assertAlmostEqual(
            self.values["SOC-15"].value, (men - women) / men * 100.0, 4
        )
        self.assertAlmostEqual(self.values["SOC-15"].value, -4.6512, 4)

    def test_turnover_and_new_hires(self):
        self.assertEqual(self.values["SOC-06"].value, 20.0)
        self.assertEqual(self.values["SOC-07"].value, 20.0)
        hires = self.env["hr.employee"].search(
            self.values["SOC-07"].action_open_source_records()["domain"]
        )
        self.assertEqual(hires.mapped("name"), ["Andrés"])

    def test_source_records_are_the_counted_contracts(self):
        action = self.values["SOC-01"].action_open_source_records()
        contracts = self.env["hr.contract"].search(action["domain"])
        self.assertEqual(
            sorted(contracts.employee_id.mapped("name")),
            ["Andrés", "Diego", "Lucía", "Mateo", "Sofía"],
        )

    def test_unmapped_training_spend_is_no_data_not_zero(self):
        # No account carries the training tag here: the figure is unknown.
        self.assertNotIn("SOC-19", self.values)

    def test_full_time_equivalents_in_the_headcount_note(self):
        self.assertEqual(self.values["SOC-01"].calculation_note, "FTE 4.5")

    def test_employees_by_country_of_work(self):
        value = self.values["SOC-04"]
        self.assertEqual(value.value, 4.0)
        self.assertEqual(value.calculation_note, "Colombia 4, Peru 1")

    def test_collective_bargaining_coverage(self):
        self.assertEqual(self.values["SOC-17"].value, 40.0)
        self.assertEqual(self.values["SOC-17"].calculation_note, "2 of 5 covered")

    def test_formal_employment_needs_contract_and_social_security(self):
        value = self.values["SOC-05"]
        self.assertAlmostEqual(value.value, 4.0 / 6.0 * 100.0, 4)
        people = self._source_records(value)
        self.assertEqual(
            sorted(people.mapped("name")),
            ["Andrés", "Diego", "Lucía", "Mateo", "Pendiente", "Sofía"],
        )

    def test_non_employee_workers_on_the_books(self):
        value = self.values["SOC-08"]
        self.assertEqual(value.value, 2.0)
        self.assertEqual(
            sorted(self._source_records(value).mapped("name")),
            ["Contratista", "Freelance"],
        )
        self.assertEqual(value.calculation_note, "Contractor 1, Freelancer 1")

    def test_schedules_without_full_time_hours_take_the_company_reference(self):
        """Odoo leaves "Company Full Time" at 0 on schedules users create. With
        both schedules at 0, the company's reference schedule (Odoo's
        "Standard 40 hours/week", full time 40 h) stands in: Sofía's 20 h
        still count 0.5 FTE (FTE 4.5), and the warning names the schedules."""
        (self.full_time | self.part_time).full_time_required_hours = 0.0
        self.company.resource_calendar_id.full_time_required_hours = 0.0
        self.january.action_compute()
        soc_01 = self.january.value_ids.filtered(lambda v: v.code == "SOC-01")
        self.assertEqual(soc_01.calculation_note, "FTE 4.5")
        self.assertIn("CSR 20 h", soc_01.warning)
        self.assertIn("CSR 40 h", soc_01.warning)
        self.assertIn(self.company.resource_calendar_id.name, soc_01.warning)
        # Without a reference schedule, part-timers count as full time: said.
        self.company.resource_calendar_id = False
        self.january.action_compute()
        soc_01 = self.january.value_ids.filtered(lambda v: v.code == "SOC-01")
        self.assertEqual(soc_01.calculation_note, "FTE 5")
        self.assertIn("part-time contracts count as full time", soc_01.warning)
        # Set on each schedule, the warning goes.
        (self.full_time | self.part_time).full_time_required_hours = 40.0
        self.january.action_compute()
        soc_01 = self.january.value_ids.filtered(lambda v: v.code == "SOC-01")
        self.assertEqual(soc_01.calculation_note, "FTE 4.5")
        self.assertFalse(soc_01.warning)
