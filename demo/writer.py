# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Write a demo plan (``demo/plan.py``) into the database.

Records are created in bulk (lists of values, moves posted in batches),
in the order the CSR figures need them: the company and its chart of
accounts, partners and products, the books, the staff and their time off,
stock, then the CSR periods, targets and manual inputs, the compute of every
period (values, scorecards, suggestions), improvement actions and two
self-assessments. Demo data only: it runs as superuser, for one new company.
"""

import logging
import time
from collections import defaultdict
from datetime import date, datetime, timedelta

import pytz

from odoo import Command

from ..engine import periods
from ..services.case_study import CaseStudyWriter
from . import plan as demo_plan

_logger = logging.getLogger(__name__)

MOVE_BATCH = 200
# Accounts of the generic chart the plan books on, by their template id.
CHART_ACCOUNTS = {
    "receivable": "receivable",
    "payable": "payable",
    "income": "income",
    "other_income": "other_income",
    "cogs": "cost_of_goods_sold",
    "expense": "expense",
    "salaries": "expense_salary",
    "rent": "expense_rent",
    "bank_fees": "expense_finance",
    "salary_payable": "salary_payable",
    "contributions_payable": "employer_payroll_taxes",
    "tax_payable": "tax_payable",
    "fixed_assets": "fixed_assets",
    "capital": "capital",
    "loan": "non_current_liabilities",
}
# Accounts the generic chart lacks: code, name, type.
NEW_ACCOUNTS = {
    "utilities": ("610100", "Energía, combustibles y agua", "expense"),
    "interest": ("620100", "Intereses de obligaciones financieras", "expense"),
    "social_security": ("630100", "Aportes patronales y parafiscales", "expense"),
    "training": ("630200", "Capacitación del personal", "expense"),
    "tax_expense": ("640100", "Impuesto de industria y comercio", "expense"),
    "income_tax": ("640200", "Impuesto de renta y complementarios", "expense"),
    "donations": ("650100", "Donaciones y patrocinios", "expense"),
    "fines": ("650200", "Multas y sanciones", "expense"),
    "waste": ("660100", "Gestión de residuos y permisos ambientales", "expense"),
    "depreciation": (
        "680000",
        "Depreciación de propiedad, planta y equipo",
        "expense_depreciation",
    ),
    "accumulated_depreciation": ("159000", "Depreciación acumulada", "asset_fixed"),
}
# The CSR account tags (data/account_account_tag_data.xml) on those accounts.
ACCOUNT_TAGS = {
    "salaries": "account_tag_csr_payroll",
    "social_security": "account_tag_csr_payroll",
    "contributions_payable": "account_tag_csr_tax",
    "tax_payable": "account_tag_csr_tax",
    "interest": "account_tag_csr_fin_cost",
    "tax_expense": "account_tag_csr_tax_expense",
    "income_tax": "account_tag_csr_tax_expense",
    "training": "account_tag_csr_training",
    "donations": "account_tag_csr_donation",
    "fines": "account_tag_csr_fines",
    "waste": "account_tag_csr_env_exp",
}
UNITS = {
    "kg": "uom.product_uom_kgm",
    "unit": "uom.product_uom_unit",
    "kwh": "csr_management.uom_kwh",
    "litre": "uom.product_uom_litre",
    "m3": "uom.product_uom_cubic_meter",
}
DEMO_USERS = {
    "manager": ("csr_management.user_csr_manager_demo", "base.user_admin"),
    "user": ("csr_management.user_csr_user_demo", "base.user_admin"),
}
# (name, area, text) of the policies in force.
DEMO_POLICIES = (
    (
        "Política ambiental",
        "environmental",
        "<p>Medimos y reducimos el consumo de energía y agua, las emisiones y "
        "los residuos de la tostión; preferimos proveedores locales.</p>",
    ),
    (
        "Código de ética",
        "anti_corruption",
        "<p>Cero tolerancia con el soborno y los conflictos de interés; canal "
        "de denuncias confidencial.</p>",
    ),
    (
        "Política de trabajo digno",
        "labour_human_rights",
        "<p>Salario por encima del mínimo legal, igualdad de trato, seguridad y "
        "salud en el trabajo.</p>",
    ),
)
# Partner key of the plan -> its stakeholder group in the register.
DEMO_STAKEHOLDERS = {
    "cafes_montana": "customers",
    "la_canasta": "customers",
    "hotel_ruiz": "customers",
    "coop_caldas": "suppliers",
    "asoc_huila": "suppliers",
}
USERS_OF_THE_COMPANY = (
    "csr_management.user_csr_manager_demo",
    "csr_management.user_csr_user_demo",
    "csr_management.user_csr_auditor_demo",
    "base.user_admin",
)
# The demo's materiality: (impact, financial) per topic code, as a small
# food manufacturer would score them; material at the default threshold 3
# (9 topics): economic performance, local purchasing, climate, water, waste,
# working conditions, health and safety, consumers and business conduct.
DEMO_MATERIALITY = {
    "ECO-PERF": (2, 5),
    "ECO-LOCAL": (3, 2),
    "ECO-PAY": (2, 2),
    "ECO-TAX": (2, 2),
    "ENV-CLIMATE": (4, 3),
    "ENV-POLLUTION": (2, 2),
    "ENV-WATER": (4, 2),
    "ENV-BIODIV": (1, 1),
    "ENV-CIRCULAR": (3, 3),
    "SOC-WORK": (4, 3),
    "SOC-HEALTH": (5, 3),
    "SOC-EQUALITY": (2, 1),
    "SOC-SKILLS": (2, 2),
    "SOC-HUMAN": (2, 1),
    "SOC-COMMUNITY": (2, 1),
    "SOC-CONSUMERS": (3, 4),
    "GOV-ETHICS": (2, 3),
    "GOV-STRUCT": (2, 2),
}
# (stakeholder group, topic code, importance) said at the demo's dialogue.
DEMO_RATINGS = (
    ("employees", "SOC-HEALTH", 5),
    ("employees", "SOC-WORK", 4),
    ("community", "ENV-WATER", 5),
    ("community", "ENV-CLIMATE", 3),
    ("community", "SOC-COMMUNITY", 3),
)
MUTE = {
    "tracking_disable": True,
    "mail_create_nolog": True,
    "mail_create_nosubscribe": True,
    "mail_notrack": True,
    "mail_activity_automation_skip": True,
    "no_reset_password": True,
}


class DemoWriter:
    """Writes one plan for one new company; ``run`` returns the company."""

    def __init__(self, env, plan):
        self.plan = plan
        self.env = env(context=dict(env.context, **MUTE))
        self.company = None
        self.accounts = {}
        self.journals = {}
        self.partners = {}
        self.products = {}
        self.employees = {}
        self.moves = {}
        self.periods = {}

    def run(self):
        steps = (
            self._company,
            self._accounting,
            self._partners,
            self._products,
            self._books,
            self._payments,
            self._staff,
            self._leaves,
            self._stock,
            self._activity_data,
            self._periods,
            self._targets,
            self._manual_values,
            self._vsme_profile,
            self._policies,
            self._stakeholders,
            self._compute,
            self._actions,
            self._assessments,
            self._library,
            self._materiality,
            self._campaign,
            self._open_assessment,
            self._score,
            self._lock,
        )
        for step in steps:
            started = time.perf_counter()
            step()
            _logger.info(
                "Demo %s: %.1f s",
                step.__name__.strip("_"),
                time.perf_counter() - started,
            )
        return self.company

    def ref(self, xmlid):
        return self.env.ref(xmlid, raise_if_not_found=False)

    # -- company ----------------------------------------------------------

    def _company(self):
        data = self.plan.company
        currency = self.env.ref("base.COP")
        currency.active = True
        country = self.env.ref(f"base.{data['country'].lower()}")
        # As the chart template loader does: no localisation module gets
        # installed for the company's country, the generic chart serves.
        Company = self.env["res.company"].with_context(chart_template_load=True)
        # Partner Autocomplete would look the company up on the Internet.
        offline = (
            {"iap_enrich_auto_done": True}
            if "iap_enrich_auto_done" in Company._fields
            else {}
        )
        company = Company.create(
            {
                **offline,
                "name": data["name"],
                "street": data["street"],
                "city": data["city"],
                "zip": data["zip"],
                "country_id": country.id,
                "vat": data["vat"],
                "email": data["email"],
                "phone": data["phone"],
                "csr_sector_id": self.env.ref(
                    f"csr_management.sector_{data['sector']}"
                ).id,
                "csr_company_size": data["size"],
                "csr_base_year": self.plan.base_year,
            }
        )
        company.partner_id.tz = data["tz"]
        company.resource_calendar_id.tz = data["tz"]
        # As its owner did when the SOC-01 warning asked: Odoo leaves a new
        # company's schedule without its full-time hours.
        company.resource_calendar_id.full_time_required_hours = 40.0
        self.env["ir.model.data"].create(
            {
                "module": "csr_management",
                "name": "demo_company",
                "model": "res.company",
                "res_id": company.id,
                "noupdate": True,
            }
        )
        self.company = company
        self.env = self.env(
            context=dict(self.env.context, allowed_company_ids=[company.id])
        )
        self._give_users_the_company()

    def _give_users_the_company(self):
        """The demo users (and the administrator) work in the demo company."""
        for xmlid in USERS_OF_THE_COMPANY:
            user = self.ref(xmlid)
            if user:
                user.write(
                    {
                        "company_ids": [Command.link(self.company.id)],
                        "company_id": self.company.id,
                    }
                )

    def _responsible(self, role):
        for xmlid in DEMO_USERS[role]:
            user = self.ref(xmlid)
            if user:
                return user
        return self.env.user

    # -- accounting -------------------------------------------------------

    def _accounting(self):
        """The generic chart of accounts (no localisation needed), in pesos,
        without its sales taxes, plus the accounts and CSR tags the demo
        books need."""
        company = self.company
        # _load rather than try_loading: this runs while the addon installs,
        # and the chart is complete without any further module.
        self.env["account.chart.template"]._load("generic_coa", company, False)
        company.write(
            {
                "currency_id": self.env.ref("base.COP").id,
                "account_fiscal_country_id": company.country_id.id,
                "account_sale_tax_id": False,
                "account_purchase_tax_id": False,
            }
        )
        for key, template_id in CHART_ACCOUNTS.items():
            self.accounts[key] = self.env.ref(f"account.{company.id}_{template_id}")
        Account = self.env["account.account"].with_company(company)
        keys = list(NEW_ACCOUNTS)
        created = Account.create(
            [
                {
                    "code": NEW_ACCOUNTS[key][0],
                    "name": NEW_ACCOUNTS[key][1],
                    "account_type": NEW_ACCOUNTS[key][2],
                    "company_ids": [Command.link(company.id)],
                }
                for key in keys
            ]
        )
        self.accounts.update(zip(keys, created, strict=True))
        for key, tag in ACCOUNT_TAGS.items():
            self.accounts[key].tag_ids = [
                Command.link(self.env.ref(f"csr_management.{tag}").id)
            ]
        for kind in ("sale", "purchase", "bank", "general"):
            self.journals[kind] = self.env["account.journal"].search(
                [("company_id", "=", company.id), ("type", "=", kind)], limit=1
            )
        self.accounts["bank"] = self.journals["bank"].default_account_id

    # -- partners and products --------------------------------------------

    def _partners(self):
        partners = self.env["res.partner"].create(
            [
                {
                    "name": partner.name,
                    "is_company": partner.is_company,
                    "city": partner.city,
                    "country_id": self.env.ref(f"base.{partner.country.lower()}").id,
                    "company_id": self.company.id,
                }
                for partner in self.plan.partners
            ]
        )
        self.partners = {
            partner.key: record
            for partner, record in zip(self.plan.partners, partners, strict=True)
        }

    def _activity(self, code):
        if not code:
            return False
        return self.env["csr.activity"].search([("code", "=", code)], limit=1).id

    def _categories(self):
        """Categories, "Parent / Child" names made into a tree, with the
        accounts their sales and purchases go to and their CSR activity."""
        Category = self.env["product.category"].with_company(self.company)
        parents, categories = {}, {}
        for category in self.plan.categories:
            *path, name = category.name.split(" / ")
            parent = False
            for step in path:
                if step not in parents:
                    parents[step] = Category.create({"name": step})
                parent = parents[step].id
            account = self.accounts[category.account].id
            categories[category.key] = Category.create(
                {
                    "name": name,
                    "parent_id": parent,
                    "csr_activity_id": self._activity(category.activity),
                    "property_account_income_categ_id": self.accounts["income"].id,
                    "property_account_expense_categ_id": account,
                }
            )
        return categories

    def _products(self):
        categories = self._categories()
        products = self.env["product.product"].create(
            [
                {
                    "name": product.name,
                    "type": "service" if product.service else "consu",
                    "is_storable": product.storable,
                    "categ_id": categories[product.category].id,
                    "uom_id": self.env.ref(UNITS[product.uom]).id,
                    "uom_po_id": self.env.ref(UNITS[product.uom]).id,
                    "weight": product.weight,
                    "list_price": product.price,
                    "standard_price": product.price,
                    "csr_activity_id": self._activity(product.activity),
                    "company_id": self.company.id,
                    "taxes_id": [Command.clear()],
                    "supplier_taxes_id": [Command.clear()],
                }
                for product in self.plan.products
            ]
        )
        self.products = {
            product.key: record
            for product, record in zip(self.plan.products, products, strict=True)
        }

    # -- books ------------------------------------------------------------

    def _invoice_vals(self, invoice):
        sale = invoice.move_type.startswith("out_")
        return {
            "move_type": invoice.move_type,
            "journal_id": self.journals["sale" if sale else "purchase"].id,
            "partner_id": self.partners[invoice.partner].id,
            "invoice_date": invoice.date,
            "date": invoice.date,
            "ref": invoice.ref,
            "invoice_line_ids": [
                Command.create(
                    {
                        "product_id": self.products[line.product].id,
                        "quantity": line.quantity,
                        "price_unit": line.price,
                        "tax_ids": [Command.clear()],
                    }
                )
                for line in invoice.lines
            ],
        }

    def _entry_vals(self, entry):
        return {
            "move_type": "entry",
            "journal_id": self.journals["general"].id,
            "date": entry.date,
            "ref": entry.ref,
            "line_ids": [
                Command.create(
                    {
                        "account_id": self.accounts[line.account].id,
                        "name": line.label or entry.ref,
                        "debit": line.debit,
                        "credit": line.credit,
                    }
                )
                for line in entry.lines
            ],
        }

    def _books(self):
        """Invoices, bills and entries, oldest first, posted in batches."""
        items = [(i.date, 0, i) for i in self.plan.invoices]
        items += [(e.date, 1, e) for e in self.plan.entries]
        items.sort(key=lambda item: (item[0], item[1]))
        Move = self.env["account.move"].with_company(self.company)
        for start in range(0, len(items), MOVE_BATCH):
            batch = [item[2] for item in items[start : start + MOVE_BATCH]]
            moves = Move.create(
                [
                    self._entry_vals(item)
                    if isinstance(item, demo_plan.Entry)
                    else self._invoice_vals(item)
                    for item in batch
                ]
            )
            moves.action_post()
            for item, move in zip(batch, moves, strict=True):
                if isinstance(item, demo_plan.Invoice):
                    self.moves[item.ref] = move

    def _payments(self):
        """Each paid invoice or bill gets its payment on the planned day,
        reconciled with it: created, posted and matched in bulk."""
        paid = [i for i in self.plan.invoices if i.paid_on]
        moves = self.env["account.move"].union(*(self.moves[i.ref] for i in paid))
        open_lines = moves.line_ids.filtered(
            lambda line: line.account_type in ("asset_receivable", "liability_payable")
        )
        payments = self.env["account.payment"].create(
            [self._payment_vals(invoice, self.moves[invoice.ref]) for invoice in paid]
        )
        payments.action_post()
        plan = []
        for payment, invoice in zip(payments, paid, strict=True):
            due = open_lines.filtered(
                lambda line, i=invoice: line.move_id == self.moves[i.ref]
            )
            paying = payment.move_id.line_ids.filtered(
                lambda line, d=due: line.account_id == d.account_id
            )
            plan.append(due | paying)
        self.env["account.move.line"]._reconcile_plan(plan)

    def _payment_vals(self, invoice, move):
        inbound = invoice.move_type == "out_invoice"
        return {
            "payment_type": "inbound" if inbound else "outbound",
            "partner_type": "customer" if inbound else "supplier",
            "partner_id": move.commercial_partner_id.id,
            "amount": move.amount_total,
            "date": invoice.paid_on,
            "journal_id": self.journals["bank"].id,
            "company_id": self.company.id,
            "memo": move.name,
        }

    # -- staff ------------------------------------------------------------

    def _staff(self):
        company, plan = self.company, self.plan
        departments = {}
        for name in dict.fromkeys(e.department for e in plan.employees):
            departments[name] = self.env["hr.department"].create(
                {"name": name, "company_id": company.id}
            )
        employees = self.env["hr.employee"].create(
            [
                {
                    "name": e.name,
                    "gender": e.gender,
                    "job_title": e.job,
                    "department_id": departments[e.department].id,
                    "employee_type": e.employee_type,
                    "ssnid": e.ssn or False,
                    "company_id": company.id,
                    "address_id": company.partner_id.id,
                    "resource_calendar_id": company.resource_calendar_id.id,
                    "tz": plan.company["tz"],
                }
                for e in plan.employees
            ]
        )
        self.employees = {
            e.key: record for e, record in zip(plan.employees, employees, strict=True)
        }
        self._contracts()
        # Contracts and department managers reset who reports to whom (to the
        # department's manager): the plan's own line comes last.
        for name, department in departments.items():
            members = [e for e in plan.employees if e.department == name]
            keys = {e.key for e in members}
            head = next((e for e in members if e.manager not in keys), None)
            if head:
                department.manager_id = self.employees[head.key]
        for manager, reports in self._reports().items():
            reports.parent_id = self.employees[manager] if manager else False

    def _reports(self):
        reports = defaultdict(lambda: self.env["hr.employee"])
        for employee in self.plan.employees:
            reports[employee.manager] |= self.employees[employee.key]
        return reports

    def _contracts(self):
        today = self.plan.today
        permanent = self.ref("hr.contract_type_permanent")
        temporary = self.ref("hr.contract_type_temporary")
        vals = []
        for employee in self.plan.employees:
            record = self.employees[employee.key]
            for contract in employee.contracts:
                ended = contract.date_end and contract.date_end < today
                kind = temporary if contract.date_end else permanent
                vals.append(
                    {
                        "name": f"{employee.name} {contract.date_start:%Y-%m}",
                        "employee_id": record.id,
                        "company_id": self.company.id,
                        "department_id": record.department_id.id,
                        "wage": contract.wage,
                        "date_start": contract.date_start,
                        "date_end": contract.date_end or False,
                        "state": "close" if ended else "open",
                        "resource_calendar_id": self.company.resource_calendar_id.id,
                        "contract_type_id": kind.id if kind else False,
                        "csr_collective_agreement": contract.collective,
                    }
                )
        vals.sort(key=lambda v: v["state"] != "close")  # ended ones first
        self.env["hr.contract"].create(vals)

    def _leave_types(self):
        """Time Off's sick leave type (marked by the addon), and a work
        accident and a parental leave type of the company."""
        types = {}
        sick = self.ref("hr_holidays.holiday_status_sl")
        if sick and sick.csr_leave_kind == "sick" and not sick.company_id:
            types["sick"] = sick
        names = {
            "sick": "Incapacidad por enfermedad general",
            "accident": "Incapacidad por accidente de trabajo",
            "parental": "Licencia de maternidad o paternidad",
        }
        for kind, name in names.items():
            if kind not in types:
                types[kind] = self.env["hr.leave.type"].create(
                    {
                        "name": name,
                        "csr_leave_kind": kind,
                        "requires_allocation": "no",
                        "leave_validation_type": "no_validation",
                        "company_id": self.company.id,
                    }
                )
        return types

    def _leaves(self):
        types = self._leave_types()
        Leave = self.env["hr.leave"].with_context(leave_fast_create=True)
        leaves = Leave.create(
            [
                {
                    "employee_id": self.employees[leave.employee].id,
                    "holiday_status_id": types[leave.kind].id,
                    "request_date_from": leave.date_from,
                    "request_date_to": leave.date_to,
                }
                for leave in self.plan.leaves
            ]
        )
        leaves.action_validate(check_state=False)
        self._departures()

    def _departures(self):
        reasons = {
            "resigned": self.ref("hr.departure_resigned"),
            "fired": self.ref("hr.departure_fired"),
            "retired": self.ref("hr.departure_retired"),
        }
        for employee in self.plan.employees:
            if employee.departure:
                reason = reasons.get(employee.departure_reason)
                self.employees[employee.key].write(
                    {
                        "departure_date": employee.departure,
                        "departure_reason_id": reason.id if reason else False,
                        "active": False,
                    }
                )

    # -- stock ------------------------------------------------------------

    def _utc(self, local):
        zone = pytz.timezone(self.plan.company["tz"])
        return zone.localize(local).astimezone(pytz.utc).replace(tzinfo=None)

    def _warehouse(self):
        warehouse = self.env["stock.warehouse"].search(
            [("company_id", "=", self.company.id)], limit=1
        )
        return warehouse or self.env["stock.warehouse"].create(
            {
                "name": "Planta Manizales",
                "code": "MZL",
                "company_id": self.company.id,
                "partner_id": self.company.partner_id.id,
            }
        )

    def _activity_data(self):
        """What the bills do not show: the technician's recharge of the
        cold room's R-404A and the delivery van's fuel-card litres of the
        last three months, added to the fuel on the bills."""
        today = self.plan.today
        first = today.replace(day=1)
        months = [(first - timedelta(days=28 * n)).replace(day=15) for n in (1, 2, 3)]
        ref = self.env.ref
        van = ref("csr_management.activity_diesel_vehicles")
        rows = [
            {
                "company_id": self.company.id,
                "activity_id": van.id,
                "date": day,
                "quantity": litres,
                "origin": "fuel_card",
                "reference": "Terpel fuel card 4417",
            }
            for day, litres in zip(months, (182.0, 175.5, 190.0), strict=True)
        ]
        rows.append(
            {
                "company_id": self.company.id,
                "activity_id": ref("csr_management.activity_refrigerant_r404a").id,
                "date": months[1],
                "quantity": 1.2,
                "origin": "refrigerant_log",
                "reference": "Cold room, green coffee store",
                "note": "Technician's service report: leak at the valve repaired.",
            }
        )
        self.env["csr.activity.entry"].create(rows)

    def _vsme_profile(self):
        from .vsme import apply_vsme_demo

        apply_vsme_demo(self.company)

    def _stock(self):
        """Receipts and returns as done moves, then the scraps, each dated
        as planned (Odoo stamps them with the time they are done)."""
        stock = self._warehouse().lot_stock_id
        supplier = self.env.ref("stock.stock_location_suppliers")
        receipts = [r for r in self.plan.receipts if not r.returned]
        returns = [r for r in self.plan.receipts if r.returned]
        for moves in (receipts, returns):
            self._moves(moves, supplier, stock)
        scrap_location = self.env["stock.location"].search(
            [
                ("scrap_location", "=", True),
                ("company_id", "in", [self.company.id, False]),
            ],
            limit=1,
        )
        scraps = self.env["stock.scrap"].create(
            [
                {
                    "company_id": self.company.id,
                    "product_id": self.products[scrap.product].id,
                    "product_uom_id": self.products[scrap.product].uom_id.id,
                    "scrap_qty": scrap.quantity,
                    "location_id": stock.id,
                    "scrap_location_id": scrap_location.id,
                    "origin": scrap.reason,
                }
                for scrap in self.plan.scraps
            ]
        )
        scraps.do_scrap()
        for scrap, record in zip(self.plan.scraps, scraps, strict=True):
            when = self._utc(scrap.when)
            record.date_done = when
            record.move_ids.write({"date": when})
            record.move_ids.move_line_ids.write({"date": when})

    def _moves(self, planned, supplier, stock):
        if not planned:
            return
        moves = self.env["stock.move"].create(
            [
                {
                    "name": self.products[move.product].name,
                    "company_id": self.company.id,
                    "product_id": self.products[move.product].id,
                    "product_uom": self.products[move.product].uom_id.id,
                    "product_uom_qty": move.quantity,
                    "location_id": (stock if move.returned else supplier).id,
                    "location_dest_id": (supplier if move.returned else stock).id,
                }
                for move in planned
            ]
        )
        moves._action_confirm()
        moves._action_assign()
        for move, record in zip(planned, moves, strict=True):
            if record.quantity != move.quantity:
                record.quantity = move.quantity
        moves.picked = True
        moves._action_done()
        by_time = defaultdict(lambda: self.env["stock.move"])
        for move, record in zip(planned, moves, strict=True):
            by_time[self._utc(move.when)] |= record
        for when, records in by_time.items():
            records.write({"date": when})
            records.move_line_ids.write({"date": when})

    # -- CSR --------------------------------------------------------------

    def _periods(self):
        plan = self.plan
        spans = [("month", m) for m in plan.months]
        spans += [("quarter", q) for q in plan.quarters]
        spans += [("year", date(year, 1, 1)) for year in plan.years]
        records = self.env["csr.period"].create(
            [
                {
                    "company_id": self.company.id,
                    "kind": kind,
                    "date_from": start,
                    "date_to": periods.end_for(kind, start),
                }
                for kind, start in spans
            ]
        )
        self.periods = dict(zip(spans, records, strict=True))

    def _indicators(self, codes):
        records = self.env["csr.indicator"].search([("code", "in", list(codes))])
        return {record.code: record for record in records}

    def _targets(self):
        indicators = self._indicators(t.code for t in self.plan.targets)
        self.env["csr.target"].create(
            [
                {
                    "indicator_id": indicators[target.code].id,
                    "company_id": self.company.id,
                    "year": target.year,
                    "target_value": target.target,
                    "amber_limit": target.amber,
                    "note": target.note,
                }
                for target in self.plan.targets
                if target.code in indicators
            ]
        )

    def _manual_values(self):
        """The months' inputs, their roll-up into quarters and years, and the
        evidence files; then older values are submitted and validated, as a
        CSR team would have done month after month."""
        plan = self.plan
        by_month = {(v.code, v.month): v for v in plan.manual_values}
        indicators = self._indicators({v.code for v in plan.manual_values})
        rows = [(self.periods["month", v.month], v) for v in plan.manual_values]
        rows += self._rolled_up(by_month, indicators)
        values = self.env["csr.indicator.value"].create(
            [
                {
                    "indicator_id": indicators[planned.code].id,
                    "period_id": period.id,
                    "value": planned.value,
                    "comment": planned.comment,
                    "source": "manual",
                    "data_quality": "estimated" if planned.estimated else "measured",
                }
                for period, planned in rows
                if planned.code in indicators
            ]
        )
        self._evidence(
            [row for row in rows if row[1].code in indicators and row[1].evidence],
            values,
        )
        self._review(values)

    def _rolled_up(self, by_month, indicators):
        """Quarter and year values from their months' (those in the span):
        only where every one of them has a value."""
        rows = []
        for (kind, start), period in self.periods.items():
            if kind == "month":
                continue
            months = [
                m for m in self.plan.months if period.date_from <= m <= period.date_to
            ]
            for code, indicator in indicators.items():
                planned = [by_month.get((code, m)) for m in months]
                if not planned or None in planned:
                    continue
                value = demo_plan.roll_up(
                    indicator.aggregation, [p.value for p in planned]
                )
                rows.append(
                    (
                        period,
                        demo_plan.ManualValue(
                            code,
                            start,
                            round(value, 4),
                            planned[-1].comment,
                            any(p.estimated for p in planned),
                        ),
                    )
                )
        return rows

    def _evidence(self, rows, values):
        by_key = {(v.period_id.id, v.code): v for v in values}
        for period, planned in rows:
            value = by_key[period.id, planned.code]
            attachments = self.env["ir.attachment"].create(
                [
                    {
                        "name": name,
                        "raw": tiny_pdf(text)
                        if name.endswith(".pdf")
                        else text.encode(),
                        "res_model": "csr.indicator.value",
                        "res_id": value.id,
                    }
                    for name, text in planned.evidence
                ]
            )
            value.evidence_ids = [Command.set(attachments.ids)]

    def _review(self, values):
        """Validated up to two months before the latest, the month before it
        submitted, the latest month (and what contains it) still in draft."""
        latest = self.plan.months[-1]
        before = demo_plan.add_months(latest, -1)
        old = values.filtered(lambda v: v.period_id.date_to < before)
        recent = values.filtered(
            lambda v: v.period_id.date_from == before and v.period_kind == "month"
        )
        (old | recent).action_submit()
        old.action_validate()

    def _compute(self):
        """Compute every period: the base year's first, so that later periods
        find it for their reductions (ENV-10); then months before quarters
        before years. Scorecards and suggestions follow."""
        base = self.plan.base_year
        order = {"month": 0, "quarter": 1, "year": 2}
        periods = sorted(
            self.periods.values(),
            key=lambda p: (p.date_from.year != base, order[p.kind], p.date_from),
        )
        self.env["csr.period"].union(*periods).action_compute()

    def _score(self):
        """Score every period last: the materiality assessment, done after the
        compute, weighs the material indicators, so the stored scorecards
        then equal what the overview and the reports score."""
        periods = self.env["csr.period"].union(*self.periods.values())
        self.env["csr.scorecard"]._refresh_for(periods)

    def _actions(self):
        Action = self.env["csr.action"]
        indicators = self._indicators(
            a.indicator for a in self.plan.actions if a.indicator
        )
        for planned in self.plan.actions:
            indicator = indicators.get(planned.indicator)
            period = self.periods.get(("month", planned.baseline_month))
            action = Action.create(
                {
                    "name": planned.name,
                    "description": planned.description or False,
                    "origin": planned.origin,
                    "pillar": planned.pillar,
                    "company_id": self.company.id,
                    "responsible_id": self._responsible(planned.responsible).id,
                    "deadline": planned.deadline or False,
                    "priority": planned.priority,
                    "indicator_id": indicator.id if indicator else False,
                    "baseline_period_id": period.id if period else False,
                    "cost": planned.cost,
                    "saving_amount": planned.saving,
                    "saving_co2_kg": planned.co2_kg,
                    "verification_note": planned.verification_note or False,
                }
            )
            target = planned.target
            if planned.target_change is not None:
                target = action.baseline_value * (1 + planned.target_change)
            if (
                target is not None
                and indicator
                and indicator.value_type == "percentage"
            ):
                target = min(target, 100.0)
            if target is not None:
                action.target_value = round(target, 4)
            self._move_on(action, planned.state)
        Action._cron_flag_overdue()

    @staticmethod
    def _move_on(action, state):
        """Through the buttons, as a user would, up to the planned state."""
        steps = {
            "draft": [],
            "planned": [action.action_plan],
            "in_progress": [action.action_start],
            "done": [action.action_start, action.action_done],
            "verified": [action.action_start, action.action_done, action.action_verify],
            "cancelled": [action.action_cancel],
        }
        for step in steps[state]:
            step()

    def _assessments(self):
        for planned in self.plan.assessments:
            assessment = self.env["csr.assessment"].create(
                {
                    "company_id": self.company.id,
                    "date": planned.date,
                    "respondent_id": self._responsible("manager").id,
                    "note": planned.note,
                }
            )
            profile = {
                pillar: (stage, share) for pillar, stage, share in planned.profile
            }
            updates = answer_updates(assessment.answer_ids, profile)
            assessment.write({"answer_ids": updates})
            assessment.action_close()

    def _library(self):
        """The company's own library: two working documents, and each verified
        action that measured an improvement, shared as an anonymised case
        study."""
        ref = self.env.ref
        Resource = self.env["csr.resource"]
        Resource.create(
            [
                {
                    "name": "Recorrido semanal de fugas de aire y gas",
                    "code": "DEMO-LEAK-WALK",
                    "resource_type": "template",
                    "lang": "es",
                    "pillar": "environmental",
                    "summary": "Lista de chequeo de los lunes: compresor, "
                    "quemador y ductos del tostador.",
                    "topic_ids": ref("csr_management.material_topic_env_climate").ids,
                    "indicator_ids": ref("csr_management.indicator_env_04").ids,
                    "company_id": self.company.id,
                },
                {
                    "name": "Inducción en seguridad para tostadores",
                    "code": "DEMO-ROASTER-SAFETY",
                    "resource_type": "training",
                    "lang": "es",
                    "pillar": "social",
                    "summary": "Quemaduras, polvo de cascarilla y manejo del gas: "
                    "la primera mañana de cada tostador nuevo.",
                    "topic_ids": ref("csr_management.material_topic_soc_health").ids,
                    "company_id": self.company.id,
                },
            ]
        )
        measured = self.env["csr.action"].search(
            [
                ("company_id", "=", self.company.id),
                ("state", "=", "verified"),
                ("efficacy", "in", ("effective", "not_effective")),
                ("value_change", ">", 0),
            ],
            order="id",
        )
        Resource.create(
            [
                dict(
                    CaseStudyWriter(action, "es", anonymise=True).values(),
                    company_id=self.company.id,
                )
                for action in measured
            ]
        )

    def _materiality(self):
        """A dialogue held in the last planned month, its commitment turned
        into an improvement action, and the year's materiality assessment,
        done. Scorecards already computed keep their weights until refreshed."""
        last = self.plan.months[-1]
        topics = {
            topic.code: topic
            for topic in self.env["csr.material.topic"].search(
                [("code", "in", list(DEMO_MATERIALITY))]
            )
        }
        groups = {
            key: self.ref(f"csr_management.stakeholder_group_{key}")
            for key in ("employees", "community")
        }
        start = self._utc(datetime(last.year, last.month, 10, 9, 0))
        dialogue = self.env["csr.dialogue"].create(
            {
                "name": "Neighbours and staff meeting",
                "engagement_type": "meeting",
                "date_start": start,
                "date_end": start + timedelta(hours=2),
                "company_id": self.company.id,
                "organiser_id": self._responsible("manager").id,
                "stakeholder_group_ids": [Command.set([g.id for g in groups.values()])],
                "topic_ids": [
                    Command.set([topics[code].id for _g, code, _i in DEMO_RATINGS])
                ],
                "concerns": "<p>Water use in the dry season; "
                "noise of the night shift.</p>",
                "rating_ids": [
                    Command.create(
                        {
                            "group_id": groups[group].id,
                            "topic_id": topics[code].id,
                            "importance": importance,
                        }
                    )
                    for group, code, importance in DEMO_RATINGS
                ],
                "commitment_ids": [
                    Command.create(
                        {
                            "name": "Publish the plant's water use every quarter",
                            "topic_id": topics["ENV-WATER"].id,
                            "responsible_id": self._responsible("user").id,
                            "deadline": last + timedelta(days=90),
                        }
                    )
                ],
            }
        )
        dialogue.action_held()
        dialogue.commitment_ids.action_create_action()
        assessment = self.env["csr.materiality.assessment"].create(
            {
                "company_id": self.company.id,
                "year": last.year,
                "line_ids": [
                    Command.create(
                        {
                            "topic_id": topics[code].id,
                            "impact_score": impact,
                            "financial_score": financial,
                        }
                    )
                    for code, (impact, financial) in DEMO_MATERIALITY.items()
                ],
            }
        )
        assessment.action_done()

    # -- what a consultant shows a client on day one ------------------------

    def _policies(self):
        """Three policies in force, approved a year after the plan starts:
        what GOV-05's comment and the maturity pre-answers speak of."""
        months = self.plan.months
        approved_on = min(demo_plan.add_months(months[0], 12), months[-1])
        owner = self._responsible("manager")
        policies = self.env["csr.policy"].create(
            [
                {
                    "name": name,
                    "policy_area": area,
                    "company_id": self.company.id,
                    "owner_id": owner.id,
                    "approval_date": approved_on,
                    "body": body,
                    "communicated": True,
                    "communication_date": approved_on,
                }
                for name, area, body in DEMO_POLICIES
            ]
        )
        policies.action_approve()

    def _stakeholders(self):
        """The stakeholder register: customers and suppliers of the books in
        their groups, and the neighbours' board."""
        groups = {
            key: self.ref(f"csr_management.stakeholder_group_{key}")
            for key in ("customers", "suppliers", "community")
        }
        for key, group in DEMO_STAKEHOLDERS.items():
            partner = self.partners.get(key)
            if partner and groups[group]:
                partner.csr_stakeholder_group_ids = [Command.link(groups[group].id)]
        self.env["res.partner"].create(
            {
                "name": "Junta de Acción Comunal vereda La Cabaña",
                "is_company": True,
                "city": "Manizales",
                "country_id": self.company.country_id.id,
                "company_id": self.company.id,
                "csr_stakeholder_group_ids": [Command.link(groups["community"].id)],
            }
        )

    def _campaign(self):
        """The input campaign of the latest month, launched: the people in
        charge have their to-dos, some figures are still to enter."""
        period = self.periods["month", self.plan.months[-1]]
        campaign = self.env["csr.campaign"].create(
            {
                "period_id": period.id,
                "user_id": self._responsible("manager").id,
            }
        )
        campaign.action_prepare()
        campaign.line_ids.user_id = self._responsible("user")
        campaign.action_launch()

    def _open_assessment(self):
        """A self-assessment under way, next to the closed ones."""
        self.env["csr.assessment"].create(
            {
                "company_id": self.company.id,
                "date": self.plan.months[-1],
                "respondent_id": self._responsible("manager").id,
                "note": "Revisión de mitad de año, en curso.",
            }
        )

    def _lock(self):
        """The oldest quarter and its months, reviewed and locked: what an
        auditor finds closed."""
        quarter = min(
            (start for kind, start in self.periods if kind == "quarter"),
            default=None,
        )
        if quarter is None:
            return
        first = self.periods["quarter", quarter]
        months = [
            record
            for (kind, _start), record in self.periods.items()
            if kind == "month" and first.date_from <= record.date_from <= first.date_to
        ]
        to_lock = first.union(*months)
        values = self.env["csr.indicator.value"].search(
            [("period_id", "in", to_lock.ids), ("state", "=", "draft")]
        )
        values.action_submit()
        self.env["csr.indicator.value"].search(
            [("period_id", "in", to_lock.ids), ("state", "=", "submitted")]
        ).action_validate()
        to_lock.action_lock()


def answer_updates(answers, profile):
    """Answers for the questions the ERP could not pre-answer, following the
    pillar's profile (stage reached, share of the next stage met): yes up to
    the stage, yes for that share of the next one, no beyond."""
    pending = defaultdict(list)
    for answer in answers.sorted(lambda a: (a.pillar, a.stage, a.sequence)):
        if answer.auto_answer not in ("yes", "no"):
            pending[answer.pillar, int(answer.stage)].append(answer)
    updates = []
    for (pillar, stage), group in pending.items():
        reached, share = profile.get(pillar, (0, 0.0))
        met = len(group) if stage <= reached else 0
        if stage == reached + 1:
            met = round(len(group) * share)
        updates += [
            Command.update(answer.id, {"manual_answer": "yes" if n < met else "no"})
            for n, answer in enumerate(group)
        ]
    return updates


def tiny_pdf(text):
    """A one-page PDF showing ``text``: evidence files of the demo."""
    escaped = text.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")
    stream = f"BT /F1 11 Tf 50 780 Td ({escaped}) Tj ET".encode("latin-1", "replace")
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] "
        b"/Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        b"<< /Length %d >>\nstream\n%s\nendstream" % (len(stream), stream),
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n%s\nendobj\n" % (number, body)
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1,
        xref,
    )
    return bytes(out)
