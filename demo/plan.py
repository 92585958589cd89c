# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The demo company, planned in plain Python: what its books, staff, stock and
CSR inputs hold over its last whole months.

Tostadora Andina SAS roasts Colombian specialty coffee in Manizales: it buys
green coffee from growers' cooperatives, roasts and packs it, and sells it to
café chains, supermarkets, hotels, a distributor and two importers abroad.
It runs on grid electricity, LPG for the roasters, diesel for its vans and
network water; packaging comes from a local and a German supplier.

Everything random comes from ``random.Random(seed)`` and every date is placed
relative to the reference date ``today``: the same seed and the same date give
the same plan (the dataclasses compare equal), whoever builds it.

Over the span the company gets better, so that trends and the effect of its
actions show: revenue grows (with coffee's seasons), the roaster's heat
recovery and LED lighting cut the energy per kilogram, part of the electricity
becomes certified renewable, local suppliers replace the German bags, waste
is sorted and composted, managers' teams led by women grow, fixed-term
packers get permanent contracts, informal helpers leave the books, and the
governance register fills in.

The plan is sized by ``months`` and ``employees`` so that tests can write a
short one; the writer (``demo/writer.py``) turns it into records.
"""

import calendar
import math
import random
from dataclasses import dataclass, field, replace
from datetime import date, datetime, time, timedelta

DEFAULT_SEED = 2026
# Monthly legal minimum wage of Colombia (COP), as in
# data/csr_minimum_wage_data.xml; the writer passes the table it finds.
DEFAULT_MINIMUM_WAGES = (
    (date(2024, 1, 1), 1300000.0),
    (date(2025, 1, 1), 1423500.0),
    (date(2026, 1, 1), 1750905.0),
)
# Energy content per unit, as the catalogue's activities count it (IPCC 2006
# defaults): used only to set targets that the computed figures can meet.
MJ_PER_KWH = 3.6
MJ_PER_KG_LPG = 47.3
MJ_PER_L_DIESEL = 36.12
MJ_PER_MWH = 3600.0

LATEST_REVENUE = 820_000_000.0  # COP in the latest month, before its season
MONTHLY_GROWTH = 1.009
# Coffee sells more at year end (gifts, holidays) and less after January.
SEASON = {
    1: 0.90,
    2: 0.88,
    3: 0.95,
    4: 0.97,
    5: 1.00,
    6: 0.98,
    7: 1.00,
    8: 1.02,
    9: 1.00,
    10: 1.05,
    11: 1.12,
    12: 1.20,
}
ROAST_LOSS = 1.19  # kg of green coffee per kg roasted
SACK_KG = 70.0
YEARLY_RAISE = 1.09
PILLARS = ("economic", "environmental", "social", "governance")


# -- the plan's records ------------------------------------------------------


@dataclass(frozen=True)
class Partner:
    key: str
    name: str
    country: str  # ISO code; the company's own (CO) makes a supplier local
    city: str
    is_company: bool = True


@dataclass(frozen=True)
class Category:
    key: str
    name: str
    activity: str | None  # code of a csr.activity, for every product in it
    account: str  # key of the account its purchases are booked on


@dataclass(frozen=True)
class Product:
    key: str
    name: str
    category: str
    uom: str  # kg, unit, kwh, litre, m3
    price: float  # sale price, or usual purchase price
    weight: float = 0.0  # kg per unit, for what is counted in units
    activity: str | None = None  # set on the product itself
    storable: bool = False
    service: bool = False


@dataclass(frozen=True)
class Line:
    product: str
    quantity: float
    price: float

    @property
    def amount(self):
        return self.quantity * self.price


@dataclass(frozen=True)
class Invoice:
    ref: str
    move_type: str  # out_invoice, out_refund, in_invoice, in_refund
    partner: str
    date: date
    lines: tuple
    paid_on: date | None = None

    @property
    def amount(self):
        return sum(line.amount for line in self.lines)


@dataclass(frozen=True)
class EntryLine:
    account: str
    debit: float
    credit: float
    label: str


@dataclass(frozen=True)
class Entry:
    ref: str
    date: date
    lines: tuple


@dataclass(frozen=True)
class Contract:
    date_start: date
    date_end: date | None  # None: permanent
    wage: float
    collective: bool = False


@dataclass(frozen=True)
class Employee:
    key: str
    name: str
    gender: str
    job: str
    department: str
    manager: str | None
    employee_type: str = "employee"
    ssn: str | None = None
    contracts: tuple = ()
    departure: date | None = None
    departure_reason: str | None = None  # resigned, fired, retired

    def contract_on(self, day):
        for contract in self.contracts:
            if contract.date_start <= day and (
                contract.date_end is None or day <= contract.date_end
            ):
                return contract
        return None


@dataclass(frozen=True)
class Leave:
    employee: str
    kind: str  # sick, accident, parental
    date_from: date
    date_to: date


@dataclass(frozen=True)
class StockMove:
    product: str
    quantity: float
    when: datetime  # local time of the company
    returned: bool = False


@dataclass(frozen=True)
class Scrap:
    product: str
    quantity: float
    when: datetime
    reason: str


@dataclass(frozen=True)
class ManualValue:
    code: str
    month: date
    value: float
    comment: str = ""
    estimated: bool = False
    evidence: tuple = ()  # (file name, text) pairs


@dataclass(frozen=True)
class Target:
    code: str
    year: int
    target: float
    amber: float
    note: str


@dataclass(frozen=True)
class Assessment:
    date: date
    profile: tuple  # (pillar, stage reached, share of the next stage met)
    note: str


@dataclass(frozen=True)
class Action:
    key: str
    name: str
    state: str  # draft, planned, in_progress, done, verified, cancelled
    pillar: str
    origin: str
    responsible: str  # manager or user (the demo users)
    indicator: str | None = None
    baseline_month: date | None = None
    deadline: date | None = None
    target_change: float | None = None  # relative to the baseline
    target: float | None = None  # or absolute
    priority: str = "0"
    cost: float = 0.0
    saving: float = 0.0
    co2_kg: float = 0.0
    description: str = ""
    verification_note: str = ""


@dataclass(frozen=True)
class Month:
    """What the company did in one month, in physical units: the figures the
    bills and sales lines carry, kept for targets and checks."""

    start: date
    revenue: float
    roasted_kg: float
    green_kg: float
    electricity_kwh: float
    renewable_kwh: float
    lpg_kg: float
    diesel_l: float
    water_m3: float
    expenses: float
    local_spend: float
    total_spend: float
    other_income: float = 0.0

    @property
    def energy_mwh(self):
        mj = (
            (self.electricity_kwh + self.renewable_kwh) * MJ_PER_KWH
            + self.lpg_kg * MJ_PER_KG_LPG
            + self.diesel_l * MJ_PER_L_DIESEL
        )
        return mj / MJ_PER_MWH

    @property
    def energy_intensity(self):
        """MWh per million COP of revenue (ENV-04)."""
        return self.energy_mwh / self.revenue * 1e6

    @property
    def local_share(self):
        return self.local_spend / self.total_spend * 100.0

    @property
    def margin(self):
        """Net result over revenue (ECO-06), other income included."""
        result = self.revenue + self.other_income - self.expenses
        return result / self.revenue * 100.0


@dataclass(frozen=True)
class DemoPlan:
    seed: int
    today: date
    months: tuple  # first day of each whole month, oldest first
    base_year: int
    company: dict = field(hash=False)
    partners: tuple = ()
    categories: tuple = ()
    products: tuple = ()
    invoices: tuple = ()
    entries: tuple = ()
    employees: tuple = ()
    leaves: tuple = ()
    receipts: tuple = ()
    scraps: tuple = ()
    manual_values: tuple = ()
    targets: tuple = ()
    assessments: tuple = ()
    actions: tuple = ()
    figures: tuple = ()  # Month per month

    @property
    def span(self):
        """First and last day of the planned months."""
        return self.months[0], month_end(self.months[-1])

    @property
    def quarters(self):
        """First days of the calendar quarters the span covers whole."""
        return tuple(
            month
            for month in self.months
            if month.month in (1, 4, 7, 10) and add_months(month, 2) in self.months
        )

    @property
    def years(self):
        """The calendar years the span covers whole, and the year of the
        reference date when the span reaches into it (a year in progress)."""
        whole = [
            year
            for year in sorted({m.year for m in self.months})
            if sum(1 for m in self.months if m.year == year) == 12
        ]
        if self.today.year in {m.year for m in self.months}:
            whole.append(self.today.year)
        return tuple(sorted(set(whole)))

    def figures_of(self, year):
        return [f for f in self.figures if f.start.year == year]

    def headcount_on(self, day):
        return sum(1 for e in self.employees if e.contract_on(day))

    def managers_on(self, day):
        """Employees with a running contract and a report under contract."""
        running = {e.key: e for e in self.employees if e.contract_on(day)}
        bosses = {e.manager for e in running.values() if e.manager in running}
        return [running[key] for key in sorted(bosses)]

    def women_in_management(self, day):
        managers = self.managers_on(day)
        women = sum(1 for e in managers if e.gender == "female")
        return women / len(managers) * 100.0 if managers else None

    def permanent_share(self, day):
        contracts = [e.contract_on(day) for e in self.employees]
        running = [c for c in contracts if c]
        permanent = sum(1 for c in running if c.date_end is None)
        return permanent / len(running) * 100.0 if running else None


# -- dates -------------------------------------------------------------------


def month_end(start):
    return start.replace(day=calendar.monthrange(start.year, start.month)[1])


def add_months(day, count):
    index = day.year * 12 + day.month - 1 + count
    return date(index // 12, index % 12 + 1, 1)


def whole_months(today, count):
    """The ``count`` whole months before ``today``'s month, oldest first.

    >>> [m.isoformat() for m in whole_months(date(2026, 1, 15), 3)]
    ['2025-10-01', '2025-11-01', '2025-12-01']
    """
    first = add_months(today.replace(day=1), -count)
    return tuple(add_months(first, offset) for offset in range(count))


def base_year(months):
    """The first calendar year the span covers whole, else its first year.

    >>> base_year(whole_months(date(2026, 11, 26), 24))
    2025
    >>> base_year(whole_months(date(2026, 4, 10), 3))
    2026
    """
    years = [m.year for m in months]
    whole = [year for year in sorted(set(years)) if years.count(year) == 12]
    return whole[0] if whole else years[0]


def on_day(month, day):
    """That day of the month, or its last day."""
    return month.replace(day=min(day, calendar.monthrange(month.year, month.month)[1]))


def weekday_from(day):
    """The day itself, or the Monday after a weekend."""
    while day.weekday() >= 5:
        day += timedelta(days=1)
    return day


def minimum_wage_on(table, day):
    """The monthly minimum wage in force on ``day`` (the oldest before any).

    >>> minimum_wage_on(DEFAULT_MINIMUM_WAGES, date(2025, 6, 1))
    1423500.0
    """
    amount = table[0][1]
    for date_from, value in table:
        if date_from <= day:
            amount = value
    return amount


def roll_up(aggregation, values):
    """A longer period's figure from its months': sum, average or last.

    >>> roll_up("sum", [1.0, 2.0, 3.0]), roll_up("average", [1.0, 2.0, 3.0])
    (6.0, 2.0)
    >>> roll_up("last", [1.0, 2.0, 3.0])
    3.0
    """
    if aggregation == "sum":
        return sum(values)
    if aggregation == "average":
        return sum(values) / len(values)
    return values[-1]


# -- the fixed cast ----------------------------------------------------------

COMPANY = {
    "name": "Tostadora Andina SAS",
    "street": "Carrera 23 # 64-15, Parque Industrial Juanchito",
    "city": "Manizales",
    "zip": "170001",
    "country": "CO",
    "vat": "901456789-8",
    "email": "contacto@tostadora-andina.example.com",
    "phone": "+57 606 880 1234",
    "tz": "America/Bogota",
    "sector": "manufacturing",
    "size": "small",
}

PARTNERS = (
    # Customers.
    Partner("cafes_montana", "Cafés de la Montaña SAS", "CO", "Medellín"),
    Partner("la_canasta", "Supermercados La Canasta SA", "CO", "Bogotá"),
    Partner("hotel_ruiz", "Hotel Termales del Ruiz SAS", "CO", "Villamaría"),
    Partner("distrinal", "Distribuidora Nacional de Alimentos SAS", "CO", "Cali"),
    Partner("green_bean", "Green Bean Imports LLC", "US", "Portland"),
    Partner("kaffeehaus", "Kaffeehaus Berlin GmbH", "DE", "Berlin"),
    # Suppliers.
    Partner("coop_caldas", "Cooperativa de Caficultores de Caldas", "CO", "Chinchiná"),
    Partner("asoc_huila", "Asociación de Productores del Huila", "CO", "Pitalito"),
    Partner("electrificadora", "Electrificadora del Eje SA ESP", "CO", "Manizales"),
    Partner("energia_verde", "Energía Verde Andina SAS ESP", "CO", "Pereira"),
    Partner("gas_andino", "Gas Andino SA ESP", "CO", "Manizales"),
    Partner("combustibles", "Combustibles La Treinta SAS", "CO", "Manizales"),
    Partner("aguas_eje", "Aguas del Eje SA ESP", "CO", "Manizales"),
    Partner("empaques_valle", "Empaques Flexibles del Valle SAS", "CO", "Yumbo"),
    Partner("verpackung", "Verpackungswerk Hamburg GmbH", "DE", "Hamburg"),
    Partner("cartones", "Cartones del Café SAS", "CO", "Pereira"),
    Partner("transportes", "Transportes Cordillera SAS", "CO", "Manizales"),
    Partner("agencia", "Agencia Grano Creativo SAS", "CO", "Bogotá"),
    Partner("torrefazione", "Macchine per Torrefazione Srl", "IT", "Bologna"),
    Partner("taller", "Taller Industrial El Cable SAS", "CO", "Manizales"),
)
CUSTOMERS = (
    # key, share of revenue, invoices a month, payment days, product mix
    ("cafes_montana", 0.27, 2, 30, (("beans_kg", 0.7), ("origin_340", 0.3))),
    ("la_canasta", 0.24, 2, 45, (("ground_500", 0.6), ("origin_340", 0.4))),
    ("hotel_ruiz", 0.11, 1, 30, (("beans_kg", 0.8), ("ground_500", 0.2))),
    ("distrinal", 0.17, 1, 60, (("ground_500", 0.7), ("beans_kg", 0.3))),
    ("green_bean", 0.13, 1, 45, (("export_kg", 1.0),)),
    ("kaffeehaus", 0.08, 1, 45, (("export_kg", 0.8), ("origin_340", 0.2))),
)

CATEGORIES = (
    Category("roasted", "Café tostado", None, "income"),
    Category("green", "Materias primas / Café verde", "materials", "cogs"),
    Category("packaging", "Materias primas / Empaques", "materials", "cogs"),
    Category("utilities", "Servicios públicos y combustibles", None, "utilities"),
    Category("services", "Servicios contratados", None, "expense"),
)
PRODUCTS = (
    # Sold.
    Product(
        "beans_kg", "Café tostado en grano, bolsa 1 kg", "roasted", "unit", 78000.0, 1.0
    ),
    Product("ground_500", "Café molido 500 g", "roasted", "unit", 41000.0, 0.5),
    Product(
        "origin_340", "Café de origen Caldas 340 g", "roasted", "unit", 33000.0, 0.34
    ),
    Product(
        "export_kg", "Café tostado de exportación (granel)", "roasted", "kg", 64000.0
    ),
    # Bought: materials, through their category's activity.
    Product(
        "green_coffee",
        "Café verde excelso (saco 70 kg)",
        "green",
        "kg",
        29500.0,
        storable=True,
    ),
    Product(
        "valve_bag",
        "Bolsa con válvula desgasificadora",
        "packaging",
        "unit",
        640.0,
        0.018,
        storable=True,
    ),
    Product(
        "carton_box",
        "Caja de cartón corrugado x 12",
        "packaging",
        "unit",
        3100.0,
        0.45,
        storable=True,
    ),
    # Bought: energy and water, mapped on the product.
    Product(
        "grid_kwh",
        "Energía eléctrica de la red",
        "utilities",
        "kwh",
        880.0,
        activity="electricity_grid",
    ),
    Product(
        "green_kwh",
        "Energía renovable certificada (I-REC)",
        "utilities",
        "kwh",
        905.0,
        activity="electricity_renewable",
    ),
    Product(
        "lpg_kg",
        "Gas propano GLP a granel",
        "utilities",
        "kg",
        4600.0,
        activity="lpg_kg",
    ),
    Product(
        "diesel_l",
        "ACPM (diésel) para vehículos",
        "utilities",
        "litre",
        2780.0,
        activity="diesel",
    ),
    Product(
        "water_m3", "Agua de acueducto", "utilities", "m3", 6200.0, activity="water"
    ),
    # Bought: services, no CSR activity.
    Product(
        "freight", "Flete nacional de despachos", "services", "unit", 1.0, service=True
    ),
    Product(
        "marketing",
        "Servicios de mercadeo digital",
        "services",
        "unit",
        1.0,
        service=True,
    ),
    Product(
        "spare_parts",
        "Repuestos y servicio técnico de tostadora",
        "services",
        "unit",
        1.0,
        service=True,
    ),
    Product(
        "maintenance",
        "Mantenimiento locativo y eléctrico",
        "services",
        "unit",
        1.0,
        service=True,
    ),
)

# The staff, in the order a smaller demo takes them: every manager comes
# before the people they lead. Columns: key (its first part names the job),
# gender, department, manager, wage in minimum wages of today, contract
# (permanent or fixed-term), hired and left (fractions of the span; "-": before
# it, still there), covered by the collective pact.
ROSTER_TABLE = """
ceo                 M  GER  -               8.00  perm   -     -     -
cfo                 F  ADM  ceo             4.90  perm   -     -     -
sales_head          F  COM  ceo             4.80  perm   -     -     -
prod_head           M  PRO  ceo             4.30  perm   -     -     -
master_roaster      M  PRO  prod_head       2.80  perm   -     -     pact
quality_lead        F  CAL  prod_head       3.00  perm   -     -     -
cupper              F  CAL  quality_lead    1.85  perm   0.35  -     -
roaster_1           M  PRO  master_roaster  1.40  perm   -     -     pact
packer_1            F  PRO  prod_head       1.06  fixed  -     -     pact
accountant          F  ADM  cfo             2.20  perm   -     -     -
logistics_head      M  LOG  ceo             3.20  perm   -     -     -
ecommerce_lead      F  COM  sales_head      2.60  perm   -     -     -
sales_1             F  COM  sales_head      1.65  perm   -     -     -
driver_1            M  LOG  logistics_head  1.23  perm   -     0.45  -
packer_2            F  PRO  prod_head       1.06  fixed  -     0.20  pact
roaster_2           M  PRO  master_roaster  1.40  fixed  -     -     pact
roaster_3           F  PRO  master_roaster  1.40  perm   -     -     pact
packer_3            F  PRO  prod_head       1.06  fixed  -     -     pact
packer_4            M  PRO  prod_head       1.06  perm   -     -     pact
hr_analyst          F  ADM  cfo             1.65  perm   -     -     -
acct_assistant      M  ADM  cfo             1.25  perm   -     -     -
sales_2             M  COM  sales_head      1.65  perm   -     0.60  -
sales_3             F  COM  sales_head      1.65  perm   -     -     -
sales_4             M  COM  sales_head      1.65  perm   -     -     -
driver_2            M  LOG  logistics_head  1.23  perm   -     -     -
warehouse_1         M  LOG  logistics_head  1.10  perm   -     -     pact
warehouse_2         F  LOG  logistics_head  1.10  fixed  -     -     pact
roaster_4           M  PRO  master_roaster  1.40  perm   -     -     pact
packer_5            F  PRO  prod_head       1.06  fixed  -     -     pact
packer_6            F  PRO  prod_head       1.06  perm   -     -     pact
packer_7            F  PRO  prod_head       1.06  fixed  -     -     pact
packer_8            M  PRO  prod_head       1.06  perm   -     -     pact
packer_9            F  PRO  prod_head       1.06  perm   -     -     pact
technician          M  PRO  prod_head       1.55  perm   -     -     pact
cleaner             F  ADM  cfo             1.04  perm   -     -     -
packer_10           F  PRO  prod_head       1.06  fixed  0.25  -     pact
barista             F  COM  sales_head      1.45  perm   0.45  -     -
driver_3            M  LOG  logistics_head  1.23  perm   0.48  -     -
quality_assistant   M  CAL  quality_lead    1.20  fixed  0.55  -     -
ecommerce_1         F  COM  ecommerce_lead  1.60  perm   0.70  -     -
ecommerce_2         M  COM  ecommerce_lead  1.50  fixed  0.72  -     -
apprentice          M  PRO  master_roaster  1.03  fixed  0.80  -     pact
roaster_5           F  PRO  master_roaster  1.40  perm   0.60  -     pact
sales_5             F  COM  sales_head      1.65  perm   0.65  -     -
packer_11           F  PRO  prod_head       1.06  fixed  0.90  -     pact
"""
DEPARTMENTS = {
    "GER": "Gerencia",
    "ADM": "Administración y finanzas",
    "COM": "Comercial",
    "PRO": "Producción",
    "CAL": "Calidad",
    "LOG": "Logística",
}
# Job titles by the first part of the key: (for a woman, for a man).
JOBS = {
    "ceo": ("Gerente general", "Gerente general"),
    "cfo": ("Directora administrativa y financiera", "Director administrativo"),
    "sales_head": ("Directora comercial", "Director comercial"),
    "prod_head": ("Jefa de producción", "Jefe de producción"),
    "master_roaster": ("Maestra tostadora", "Maestro tostador"),
    "quality_lead": ("Líder de calidad y catación", "Líder de calidad y catación"),
    "cupper": ("Catadora y analista de calidad", "Catador y analista de calidad"),
    "roaster": ("Tostadora", "Tostador"),
    "packer": ("Operaria de empaque", "Operario de empaque"),
    "accountant": ("Contadora", "Contador"),
    "logistics_head": ("Jefa de logística", "Jefe de logística"),
    "ecommerce_lead": (
        "Líder de comercio electrónico",
        "Líder de comercio electrónico",
    ),
    "sales": ("Ejecutiva de ventas", "Ejecutivo de ventas"),
    "driver": ("Conductora", "Conductor"),
    "hr_analyst": ("Analista de talento humano", "Analista de talento humano"),
    "acct_assistant": ("Auxiliar contable", "Auxiliar contable"),
    "warehouse": ("Auxiliar de bodega", "Auxiliar de bodega"),
    "technician": ("Técnica de mantenimiento", "Técnico de mantenimiento"),
    "cleaner": ("Auxiliar de servicios generales", "Auxiliar de servicios generales"),
    "barista": ("Barista formadora", "Barista formador"),
    "quality_assistant": ("Auxiliar de calidad", "Auxiliar de calidad"),
    "ecommerce": ("Analista de comercio electrónico", "Diseñador de contenido digital"),
    "apprentice": ("Aprendiz de tostión", "Aprendiz de tostión"),
}


@dataclass(frozen=True)
class Role:
    key: str
    gender: str
    department: str
    manager: str | None
    level: float
    permanent: bool
    hired: float | None
    left: float | None
    pact: bool

    @property
    def job(self):
        base = self.key.rstrip("_0123456789")
        female, male = JOBS[base]
        return female if self.gender == "female" else male


def _fraction(text):
    return None if text == "-" else float(text)


def parse_roster(table):
    """The roles of a roster table.

    >>> role = parse_roster(ROSTER_TABLE)[6]
    >>> role.key, role.job, role.department, role.manager, role.hired
    ('cupper', 'Catadora y analista de calidad', 'Calidad', 'quality_lead', 0.35)
    """
    roles = []
    for row in table.strip().splitlines():
        key, gender, dept, manager, level, kind, hired, left, pact = row.split()
        roles.append(
            Role(
                key=key,
                gender="female" if gender == "F" else "male",
                department=DEPARTMENTS[dept],
                manager=None if manager == "-" else manager,
                level=float(level),
                permanent=kind == "perm",
                hired=_fraction(hired),
                left=_fraction(left),
                pact=pact == "pact",
            )
        )
    return tuple(roles)


ROSTER = parse_roster(ROSTER_TABLE)
# Fixed-term contracts that become permanent, at these fractions of the span.
MADE_PERMANENT = {
    "packer_1": 0.3,
    "roaster_2": 0.5,
    "packer_3": 0.6,
    "warehouse_2": 0.75,
}
DEPARTURE_REASONS = {"packer_2": "resigned", "driver_1": "resigned", "sales_2": "fired"}
# People on the books without an employment contract.
OUTSIDERS = (
    # key, job, employee type, gender, left (fraction)
    ("helper_1", "Ayudante temporal de cosecha", "worker", "male", 0.5),
    ("helper_2", "Ayudante temporal de cosecha", "worker", "female", 0.5),
    ("designer", "Diseñadora gráfica independiente", "freelance", "female", None),
    (
        "ohs_advisor",
        "Asesor de seguridad y salud en el trabajo",
        "contractor",
        "male",
        None,
    ),
)


def names(text):
    """A comma-separated list of names, as a tuple."""
    return tuple(name.strip() for name in text.split(","))


FIRST_NAMES = {
    "female": names(
        "María Fernanda, Luz Dary, Paola, Natalia, Diana Marcela, Claudia, "
        "Yuliana, Sandra, Ángela, Carolina, Valentina, Leidy Johana, "
        "Marcela, Juliana, Gloria, Daniela, Adriana, Luisa, Mónica, "
        "Lina María, Camila, Viviana"
    ),
    "male": names(
        "Juan Carlos, Andrés Felipe, Jorge, Carlos Mario, Óscar, "
        "Luis Fernando, Jhon Jairo, Santiago, Diego, Alejandro, Mauricio, "
        "Julián, Hernán, Sebastián, Fabio, Camilo, Wilson, Édgar, Felipe, "
        "Germán, Ricardo, Cristian"
    ),
}
LAST_NAMES = names(
    "Gómez, Rodríguez, Ramírez, Osorio, Giraldo, Restrepo, Cardona, "
    "Arango, Londoño, Valencia, Ospina, Marín, Castaño, Salazar, Henao, "
    "Quintero, Zuluaga, Hoyos, Montoya, Franco, Echeverri, Aristizábal, "
    "Duque, Mejía, Agudelo, Betancur, Toro, Ríos"
)


# -- building ----------------------------------------------------------------

TARGET_NOTES = {
    "ENV-04": "Menos energía por peso vendido: recuperación de calor y LED.",
    "ECO-06": "Un margen que financie las mejoras de la planta.",
    "ECO-07": "Comprar empaques y servicios a proveedores de la región.",
    "ENV-11": "Agua recirculada en el enfriamiento del café tostado.",
    "ENV-16": "Compostar la cascarilla y reutilizar los sacos de fique.",
    "SOC-02": "Contratos indefinidos para las operarias que repiten cosecha.",
    "SOC-12": "Pausas activas y seguimiento a las incapacidades.",
    "SOC-18": "Veinte horas de formación al año por persona.",
    "SOC-20": "Paridad en los cargos de jefatura.",
    "GOV-05": "Seis de las diez materias VSME con una política escrita.",
}
# Target and amber limit of the targets that do not follow the figures.
FIXED_TARGETS = {
    "ENV-16": (70.0, 50.0),
    "SOC-12": (1.8, 2.6),
    "SOC-18": (20.0, 12.0),
    "SOC-20": (50.0, 35.0),
    "GOV-05": (6.0, 4.0),
}
# Accounts whose balances are expenses in the net result (ECO-06).
EXPENSE_ACCOUNTS = (
    "salaries",
    "social_security",
    "tax_expense",
    "income_tax",
    "rent",
    "depreciation",
    "interest",
    "bank_fees",
    "training",
    "waste",
    "donations",
    "fines",
)
UTILITY_SUPPLIERS = ("electrificadora", "energia_verde", "gas_andino", "aguas_eje")
GROWERS = ("coop_caldas", "asoc_huila")


def build_plan(
    today,
    seed=DEFAULT_SEED,
    months=24,
    employees=40,
    minimum_wages=DEFAULT_MINIMUM_WAGES,
):
    """The plan of ``months`` whole months before ``today``, with about
    ``employees`` employees under contract at the end.

    >>> plan = build_plan(date(2026, 11, 26))
    >>> len(plan.months), plan.months[0], plan.months[-1], plan.base_year
    (24, datetime.date(2024, 11, 1), datetime.date(2026, 10, 1), 2025)
    >>> plan == build_plan(date(2026, 11, 26))
    True
    >>> plan == build_plan(date(2026, 11, 26), seed=7)
    False
    """
    if months < 1 or employees < 1:
        raise ValueError("A demo plan needs at least one month and one employee.")
    return _Builder(today, seed, months, employees, minimum_wages).build()


def half_year_start(day):
    return date(day.year, 1 if day.month <= 6 else 7, 1)


class _Builder:
    def __init__(self, today, seed, months, employees, minimum_wages):
        self.today = today
        self.seed = seed
        self.rng = random.Random(seed)
        self.months = whole_months(today, months)
        self.size = employees
        self.minimum_wages = tuple(sorted(minimum_wages))
        self.products = {product.key: product for product in PRODUCTS}
        self.partners = {partner.key: partner for partner in PARTNERS}

    # -- time -------------------------------------------------------------

    def index_at(self, fraction):
        """The month index at ``fraction`` of the span (0 first, 1 last)."""
        return round(fraction * (len(self.months) - 1))

    def month_at(self, fraction):
        return self.months[self.index_at(fraction)]

    def progress(self, index):
        return index / (len(self.months) - 1) if len(self.months) > 1 else 1.0

    def after(self, index, fraction):
        """True from the month at ``fraction`` of the span on."""
        return index >= self.index_at(fraction)

    @property
    def end(self):
        return month_end(self.months[-1])

    def noise(self, spread):
        return 1.0 + self.rng.uniform(-spread, spread)

    # -- assembly ---------------------------------------------------------

    def build(self):
        staff = self.staff()
        leaves = self.leaves(staff)
        invoices, figures = [], []
        for index, month in enumerate(self.months):
            month_invoices, month_figures = self.month_books(index, month)
            invoices += month_invoices
            figures.append(month_figures)
        invoices = self.with_payments(invoices)
        entries = self.entries(staff, figures)
        figures = self.with_entries(figures, entries)
        receipts, scraps = self.stock(invoices)
        plan = DemoPlan(
            seed=self.seed,
            today=self.today,
            months=self.months,
            base_year=base_year(self.months),
            company=dict(COMPANY),
            partners=PARTNERS,
            categories=CATEGORIES,
            products=PRODUCTS,
            invoices=tuple(invoices),
            entries=tuple(entries),
            employees=tuple(staff),
            leaves=tuple(leaves),
            receipts=tuple(receipts),
            scraps=tuple(scraps),
            manual_values=tuple(self.manual_values(leaves, figures)),
            assessments=self.assessments(),
            actions=self.actions(),
            figures=tuple(figures),
        )
        return replace(plan, targets=tuple(self.targets(plan)))

    # -- staff ------------------------------------------------------------

    def person_name(self, gender, used):
        while True:
            name = (
                f"{self.rng.choice(FIRST_NAMES[gender])} "
                f"{self.rng.choice(LAST_NAMES)} {self.rng.choice(LAST_NAMES)}"
            )
            if name not in used:
                used.add(name)
                return name

    def wage(self, level, year):
        """The wage of a level (in minimum wages of today) in ``year``: 9 %
        less a year back, never under that year's minimum, rounded up to
        10,000."""
        today_minimum = minimum_wage_on(self.minimum_wages, self.today)
        amount = level * today_minimum / YEARLY_RAISE ** (self.today.year - year)
        amount = max(amount, minimum_wage_on(self.minimum_wages, date(year, 12, 31)))
        return math.ceil(amount / 10000.0) * 10000.0

    def roles(self):
        """The roster's first roles, until ``size`` of them stay to the end."""
        roles, staying = [], 0
        for role in ROSTER:
            if staying == self.size:
                break
            roles.append(role)
            staying += role.left is None
        return roles

    def staff(self):
        roles = self.roles()
        kept = {role.key for role in roles}
        managers = {role.key: role.manager for role in ROSTER}
        used = set()
        people = []
        for role in roles:
            manager = role.manager
            while manager and manager not in kept:  # a smaller demo's chain
                manager = managers[manager]
            start = self.hire_date(role.hired)
            departure = None
            if role.left is not None:
                departure = on_day(self.month_at(role.left), 20)
            people.append(
                Employee(
                    key=role.key,
                    name=self.person_name(role.gender, used),
                    gender=role.gender,
                    job=role.job,
                    department=role.department,
                    manager=manager,
                    ssn=str(self.rng.randint(10**9, 10**10 - 1)),
                    contracts=self.contracts(role, start, departure),
                    departure=departure,
                    departure_reason=DEPARTURE_REASONS.get(role.key)
                    if departure
                    else None,
                )
            )
        return people + self.outsiders(used)

    def hire_date(self, hired):
        if hired is None:  # one to eight years before the span
            return add_months(self.months[0], -self.rng.randint(12, 96))
        return weekday_from(on_day(self.month_at(hired), 1))

    def contracts(self, role, start, departure):
        """A permanent contract at today's wage, or fixed-term contracts of a
        half-year each (at their year's wage) until made permanent or gone."""
        if role.permanent:
            wage = self.wage(role.level, self.today.year)
            return (Contract(start, departure, wage, role.pact),)
        permanent_from = None
        if role.key in MADE_PERMANENT:
            month = self.month_at(MADE_PERMANENT[role.key])
            permanent_from = add_months(half_year_start(month), 6)
        contracts = []
        begin = max(start, half_year_start(add_months(self.months[0], -1)))
        while begin <= self.today and (departure is None or begin <= departure):
            if permanent_from and begin >= permanent_from:
                wage = self.wage(role.level, self.today.year)
                contracts.append(Contract(begin, departure, wage, role.pact))
                break
            stop = add_months(half_year_start(begin), 6) - timedelta(days=1)
            if departure and departure < stop:
                stop = departure
            wage = self.wage(role.level, begin.year)
            contracts.append(Contract(begin, stop, wage, role.pact))
            begin = stop + timedelta(days=1)
        return tuple(contracts)

    def outsiders(self, used):
        """Informal helpers (on the books without a contract, gone half-way
        through the span) and two independent contractors."""
        people = []
        for key, job, kind, gender, left in OUTSIDERS:
            if kind == "worker" and self.size < 10:
                continue
            departure = None
            if left is not None:
                departure = on_day(self.month_at(left), 15)
            people.append(
                Employee(
                    key=key,
                    name=self.person_name(gender, used),
                    gender=gender,
                    job=job,
                    department="Producción" if kind == "worker" else "Gerencia",
                    manager=None,
                    employee_type=kind,
                    departure=departure,
                )
            )
        return people

    # -- time off ---------------------------------------------------------

    def leaves(self, staff):
        """Sick leave of 2.6 % of working days falling to 1.8 %, work
        accidents less and less often, and the parental leaves."""
        busy = {}
        leaves = self.parental_leaves(staff, busy)
        for index, month in enumerate(self.months):
            progress = self.progress(index)
            working = [e for e in staff if e.contract_on(on_day(month, 15))]
            if not working:
                continue
            sick_days = len(working) * 21 * (0.026 - 0.008 * progress)
            while sick_days > 0:
                leave = self.short_leave(working, month, "sick", busy, (1, 3))
                if leave:
                    leaves.append(leave)
                    sick_days -= (leave.date_to - leave.date_from).days + 1
                else:
                    sick_days -= 1
            if self.rng.random() < 0.5 - 0.35 * progress:
                leave = self.short_leave(working, month, "accident", busy, (2, 8))
                leaves += [leave] if leave else []
        return sorted(leaves, key=lambda leave: (leave.date_from, leave.employee))

    def short_leave(self, working, month, kind, busy, lengths):
        """A leave of a few calendar days starting on a weekday of the month,
        inside one contract of the employee and clear of their other leaves."""
        for _attempt in range(5):
            employee = self.rng.choice(working)
            start = weekday_from(on_day(month, self.rng.randint(1, 24)))
            stop = start + timedelta(days=self.rng.randint(*lengths) - 1)
            if self.free(employee, start, stop, busy):
                return self.book(employee, kind, start, stop, busy)
        return None

    @staticmethod
    def free(employee, start, stop, busy):
        contract = employee.contract_on(start)
        if not contract or contract != employee.contract_on(stop):
            return False
        return all(
            stop < first or last < start for first, last in busy.get(employee.key, [])
        )

    @staticmethod
    def book(employee, kind, start, stop, busy):
        busy.setdefault(employee.key, []).append((start, stop))
        return Leave(employee.key, kind, start, stop)

    def parental_leaves(self, staff, busy):
        """Maternity (18 weeks) and paternity (2 weeks) leaves that fit in the
        span; the last one ends in the latest month, so that the return to
        work shows there."""
        wanted = (
            ("female", 0.1, 126),
            ("male", 0.3, 14),
            ("female", 0.45, 126),
            ("male", 1.0, 14),
        )
        leaves = []
        for gender, fraction, days in wanted:
            start = weekday_from(on_day(self.month_at(fraction), 3))
            stop = start + timedelta(days=days - 1)
            if stop > self.end:
                continue
            candidates = [
                employee
                for employee in staff
                if employee.gender == gender and self.free(employee, start, stop, busy)
            ]
            if candidates:
                employee = self.rng.choice(candidates)
                leaves.append(self.book(employee, "parental", start, stop, busy))
        return leaves

    # -- sales and purchases ----------------------------------------------

    def month_books(self, index, month):
        level = (
            LATEST_REVENUE
            * MONTHLY_GROWTH ** (index - len(self.months) + 1)
            * SEASON[month.month]
            * self.noise(0.03)
        )
        sales = self.sales(index, month, level)
        roasted = sum(self.kilos(line) for inv in sales for line in inv.lines)
        revenue = sum(signed(inv) for inv in sales)
        bills, physical = self.purchases(index, month, roasted, revenue)
        local = sum(
            signed(b) for b in bills if self.partners[b.partner].country == "CO"
        )
        total = sum(signed(bill) for bill in bills)
        figures = Month(
            start=month,
            revenue=revenue,
            roasted_kg=roasted,
            expenses=total,
            local_spend=local,
            total_spend=total,
            **physical,
        )
        return sales + bills, figures

    def kilos(self, line):
        product = self.products[line.product]
        return line.quantity * (product.weight or 1.0)

    def sales(self, index, month, level):
        invoices = []
        for key, share, count, _days, mix in CUSTOMERS:
            for number in range(count):
                amount = level * share / count * self.noise(0.05)
                lines = tuple(
                    Line(
                        product, self.units(amount * part, product), self.price(product)
                    )
                    for product, part in mix
                )
                day = 6 + number * 14 + self.rng.randint(0, 5)
                invoices.append(
                    Invoice(
                        reference("FV", month, key, number),
                        "out_invoice",
                        key,
                        on_day(month, day),
                        lines,
                    )
                )
        if index % 5 == 2:  # now and then a damaged lot comes back
            sold = invoices[2].lines[0]
            quantity = max(round(sold.quantity * 0.03), 1)
            invoices.append(
                Invoice(
                    reference("NC", month, "la_canasta", 0),
                    "out_refund",
                    "la_canasta",
                    on_day(month, 27),
                    (Line(sold.product, quantity, sold.price),),
                )
            )
        return invoices

    def price(self, product):
        return self.products[product].price

    def units(self, amount, product):
        return float(max(round(amount / self.price(product)), 1))

    def purchases(self, index, month, roasted, revenue):
        green_kg = max(round(roasted * ROAST_LOSS / SACK_KG), 1) * SACK_KG
        bills = self.green_coffee_bills(month, green_kg)
        bills += self.packaging_bills(index, month, roasted)
        energy, physical = self.energy_bills(index, month, green_kg, roasted)
        bills += energy
        bills += self.service_bills(index, month, revenue)
        return bills, {"green_kg": green_kg, **physical}

    @staticmethod
    def bill(month, partner, day, lines, number=0, move_type="in_invoice"):
        prefix = "FC" if move_type == "in_invoice" else "NCP"
        return Invoice(
            reference(prefix, month, partner, number),
            move_type,
            partner,
            on_day(month, day),
            tuple(lines),
        )

    def green_coffee_bills(self, month, green_kg):
        price = round(self.price("green_coffee") * self.noise(0.06), -2)
        caldas = round(green_kg * 0.65 / SACK_KG) * SACK_KG
        huila = Line("green_coffee", green_kg - caldas, round(price * 1.04, -2))
        bills = [
            self.bill(month, "coop_caldas", 4, [Line("green_coffee", caldas, price)])
        ]
        if huila.quantity:
            bills.append(self.bill(month, "asoc_huila", 12, [huila]))
        return bills

    def packaging_bills(self, index, month, roasted):
        """Valve bags from Hamburg, replaced by a local maker from a third of
        the span on; boxes from a local maker."""
        bags = max(round(roasted / 0.6 * 1.02, -2), 100.0)
        shift = min(max((self.progress(index) - 0.3) / 0.4, 0.0), 1.0)
        imported = round(bags * (0.65 - 0.55 * shift), -2)
        bills = [
            self.bill(
                month, "empaques_valle", 8, [Line("valve_bag", bags - imported, 610.0)]
            ),
            self.bill(
                month, "cartones", 9, [Line("carton_box", round(bags / 12), 3100.0)]
            ),
        ]
        if imported:
            bills.append(
                self.bill(month, "verpackung", 15, [Line("valve_bag", imported, 700.0)])
            )
        if index % 7 == 4:  # a faulty lot goes back to the local maker
            line = Line("valve_bag", 1500.0, 610.0)
            bills.append(self.bill(month, "empaques_valle", 22, [line], 1, "in_refund"))
        return bills

    def energy_bills(self, index, month, green_kg, roasted):
        """Heat recovery on the roaster from 40 % of the span (LPG per kg
        green -23 %), LED lights and a fixed air leak from 30 % (kWh per kg
        -20 %), 40 % of electricity certified renewable from 55 %, delivery
        routes planned from 65 % (diesel -15 %), water recirculated from 50 %."""
        lpg_per_kg = 0.072 if self.after(index, 0.4) else 0.094
        kwh_per_kg = 0.44 if self.after(index, 0.3) else 0.55
        kwh = (2600 + green_kg * kwh_per_kg) * self.noise(0.02)
        renewable = round(kwh * 0.4, -1) if self.after(index, 0.55) else 0.0
        grid = round(kwh - renewable, -1)
        lpg = round(green_kg * lpg_per_kg * self.noise(0.02) / 2, -1)
        diesel = (380 + roasted * 0.03) * (0.85 if self.after(index, 0.65) else 1.0)
        diesel = float(round(diesel / 2))
        water = (55 + green_kg * 0.006) * (0.85 if self.after(index, 0.5) else 1.0)
        water = float(round(water))
        bills = [
            self.bill(month, "electrificadora", 26, [Line("grid_kwh", grid, 880.0)]),
            self.bill(month, "gas_andino", 5, [Line("lpg_kg", lpg, 4600.0)]),
            self.bill(month, "gas_andino", 19, [Line("lpg_kg", lpg, 4600.0)], 1),
            self.bill(month, "combustibles", 14, [Line("diesel_l", diesel, 2780.0)]),
            self.bill(month, "combustibles", 28, [Line("diesel_l", diesel, 2780.0)], 1),
            self.bill(month, "aguas_eje", 24, [Line("water_m3", water, 6200.0)]),
        ]
        if renewable:
            line = Line("green_kwh", renewable, 905.0)
            bills.append(self.bill(month, "energia_verde", 26, [line]))
        physical = {
            "electricity_kwh": grid,
            "renewable_kwh": renewable,
            "lpg_kg": lpg * 2,
            "diesel_l": diesel * 2,
            "water_m3": water,
        }
        return bills, physical

    def service_bills(self, index, month, revenue):
        def service(partner, day, product, amount):
            line = Line(product, 1.0, float(round(amount, -3)))
            return self.bill(month, partner, day, [line])

        bills = [
            service("transportes", 27, "freight", revenue * 0.021),
            service("agencia", 10, "marketing", revenue * 0.012),
            service("taller", 18, "maintenance", 1800000 * self.noise(0.2)),
        ]
        if index % 3 == 1:  # spare parts and a technician's visit from Italy
            bills.append(
                service("torrefazione", 16, "spare_parts", 11e6 * self.noise(0.2))
            )
        return bills

    def with_payments(self, invoices):
        """Customers pay after their terms, on the 5th, 15th or 25th; suppliers
        are paid in the runs of the 10th and the 25th. Nothing is paid after
        the span."""
        terms = {key: days for key, _share, _count, days, _mix in CUSTOMERS}
        paid = []
        for invoice in invoices:
            when = None
            if invoice.move_type == "out_invoice":
                days = terms[invoice.partner] + self.rng.randint(-4, 6)
                when = next_day_of(invoice.date + timedelta(days=days), (5, 15, 25))
            elif invoice.move_type == "in_invoice":
                days = self.supplier_terms(invoice)
                when = next_day_of(invoice.date + timedelta(days=days), (10, 25))
            if when and when > self.end:
                when = None
            paid.append(replace(invoice, paid_on=when))
        return paid

    def supplier_terms(self, bill):
        """Growers within two weeks (fair-trade practice), utilities on their
        due date, the others from 45 (60 abroad) down to 30 (45) days."""
        progress = self.progress(self.months.index(bill.date.replace(day=1)))
        if bill.partner in GROWERS:
            return 12
        if bill.partner in UTILITY_SUPPLIERS or bill.partner == "combustibles":
            return 10
        if self.partners[bill.partner].country != "CO":
            return round(60 - 15 * progress)
        return round(45 - 15 * progress)

    # -- journal entries --------------------------------------------------

    def entries(self, staff, figures):
        entries = [self.opening(staff, figures[0])]
        contributions = round(
            payroll_base(staff, add_months(self.months[0], -1)) * 0.38
        )
        taxes = taxes_due(figures[0])
        for index, (month, figure) in enumerate(zip(self.months, figures, strict=True)):
            payroll, due = self.payroll(
                month, payroll_base(staff, month), contributions
            )
            entries += payroll
            entries += self.taxes(month, figure, taxes)
            entries += self.overheads(index, month, figure)
            contributions, taxes = due, taxes_due(figure)
        return entries

    def opening(self, staff, first):
        """Balances on the first day: machines, cash, the loan, and last
        month's contributions and taxes, paid in the first month."""
        contributions = round(
            payroll_base(staff, add_months(self.months[0], -1)) * 0.38
        )
        lines = [
            entry_line("bank", 420e6, label="Saldo inicial en bancos"),
            entry_line(
                "fixed_assets", 1180e6, label="Tostadoras, empacadoras, vehículos"
            ),
            entry_line("accumulated_depreciation", credit=310e6, label="Depreciación"),
            entry_line("loan", credit=480e6, label="Crédito Bancóldex para maquinaria"),
            entry_line("contributions_payable", credit=contributions, label="Aportes"),
            entry_line("tax_payable", credit=taxes_due(first), label="Impuestos"),
        ]
        equity = sum(line.debit - line.credit for line in lines)
        lines.append(entry_line("capital", credit=equity, label="Capital y reservas"))
        return Entry("Saldos iniciales", self.months[0], tuple(lines))

    @staticmethod
    def payroll(month, wages, previous_contributions):
        """The month's payroll and its payment, and last month's contributions
        paid through the PILA on the 10th. Wages carry benefits (prima,
        cesantías, vacations: 21.83 %); employer contributions (health,
        pension, ARL, parafiscales) are 30 %; the employees' own 8 % is
        withheld and paid over with them. Returns the entries and the
        contributions due next month."""
        salaries = round(wages * 1.2183)
        employer = round(wages * 0.30)
        net = round(wages * 0.92 + wages * 0.2183)
        contributions = salaries + employer - net
        entries = [
            Entry(
                f"Nómina {month:%Y-%m}",
                month_end(month),
                (
                    entry_line("salaries", salaries, label="Salarios y prestaciones"),
                    entry_line("social_security", employer, label="Aportes patronales"),
                    entry_line("salary_payable", credit=net, label="Nómina por pagar"),
                    entry_line(
                        "contributions_payable", credit=contributions, label="Aportes"
                    ),
                ),
            ),
            transfer(
                f"Pago nómina {month:%Y-%m}", month_end(month), "salary_payable", net
            ),
            transfer(
                f"PILA {month:%Y-%m}",
                on_day(month, 10),
                "contributions_payable",
                previous_contributions,
            ),
        ]
        return entries, contributions

    @staticmethod
    def taxes(month, figure, previous_taxes):
        """Industry and commerce tax (0.9 % of revenue) and an income-tax
        provision (2 %), paid to the municipality and DIAN the next month."""
        ica, provision = round(figure.revenue * 0.009), round(figure.revenue * 0.02)
        return [
            Entry(
                f"Impuestos {month:%Y-%m}",
                month_end(month),
                (
                    entry_line("tax_expense", ica, label="Industria y comercio (ICA)"),
                    entry_line("income_tax", provision, label="Provisión de renta"),
                    entry_line(
                        "tax_payable", credit=ica + provision, label="Impuestos"
                    ),
                ),
            ),
            transfer(
                f"Pago impuestos {month:%Y-%m}",
                on_day(month, 15),
                "tax_payable",
                previous_taxes,
            ),
        ]

    def overheads(self, index, month, figure):
        """Rent, depreciation, the loan, bank fees, training, the waste
        carrier, quarterly donations, one early fine and, from half the span,
        chaff and jute sacks sold to growers."""
        progress = self.progress(index)
        outstanding = 480e6 - 10e6 * index
        entries = [
            expense(f"Arriendo {month:%Y-%m}", on_day(month, 1), "rent", 18.5e6),
            Entry(
                f"Depreciación {month:%Y-%m}",
                month_end(month),
                (
                    entry_line("depreciation", 9.8e6, label="Depreciación del mes"),
                    entry_line("accumulated_depreciation", credit=9.8e6, label="Dep."),
                ),
            ),
            Entry(
                f"Cuota crédito {month:%Y-%m}",
                on_day(month, 20),
                (
                    entry_line("interest", outstanding * 0.0105, label="Intereses"),
                    entry_line("loan", 10e6, label="Abono a capital"),
                    entry_line("bank", credit=round(outstanding * 0.0105) + 10e6),
                ),
            ),
            expense(f"Comisiones {month:%Y-%m}", on_day(month, 28), "bank_fees", 420e3),
            expense(
                f"Capacitación {month:%Y-%m}",
                on_day(month, 21),
                "training",
                (0.7e6 + 2.0e6 * progress) * self.noise(0.3),
            ),
            expense(
                f"Gestión de residuos {month:%Y-%m}",
                on_day(month, 26),
                "waste",
                (1.1e6 + 0.4e6 * progress) * self.noise(0.1),
            ),
        ]
        if index % 3 == 0:
            amount = 3e6 + 3e6 * progress
            ref = f"Donación Escuela Nueva {month:%Y-%m}"
            entries.append(expense(ref, on_day(month, 12), "donations", amount))
        if index == self.index_at(0.12):
            ref = f"Sanción UGPP por aportes tardíos {month:%Y-%m}"
            entries.append(expense(ref, on_day(month, 16), "fines", 1423500))
        if self.after(index, 0.5):
            amount = 350e3 + figure.green_kg * 5
            entries.append(
                Entry(
                    f"Venta de cascarilla y sacos {month:%Y-%m}",
                    on_day(month, 22),
                    (
                        entry_line("bank", amount, label="Venta a caficultores"),
                        entry_line("other_income", credit=amount, label="Subproductos"),
                    ),
                )
            )
        return entries

    @staticmethod
    def with_entries(figures, entries):
        """The months' figures with the entries' expenses and other income."""
        expenses, other = {}, {}
        for entry in entries:
            month = entry.date.replace(day=1)
            for line in entry.lines:
                if line.account in EXPENSE_ACCOUNTS:
                    expenses[month] = (
                        expenses.get(month, 0.0) + line.debit - line.credit
                    )
                elif line.account == "other_income":
                    other[month] = other.get(month, 0.0) + line.credit - line.debit
        return [
            replace(
                figure,
                expenses=figure.expenses + expenses.get(figure.start, 0.0),
                other_income=other.get(figure.start, 0.0),
            )
            for figure in figures
        ]

    # -- stock ------------------------------------------------------------

    def stock(self, invoices):
        """Every bill of green coffee or packaging is received the same day
        (refunds go back), and each month some green coffee spoils and a few
        bags tear: fewer as storage improves."""
        storable = {p.key for p in PRODUCTS if p.storable}
        receipts = [
            StockMove(
                line.product,
                line.quantity,
                datetime.combine(invoice.date, time(10, 0)),
                returned=invoice.move_type == "in_refund",
            )
            for invoice in invoices
            if invoice.move_type in ("in_invoice", "in_refund")
            for line in invoice.lines
            if line.product in storable
        ]
        scraps = []
        for index, month in enumerate(self.months):
            spoiled = round(70 * (1.0 - 0.5 * self.progress(index)) * self.noise(0.4))
            when = datetime.combine(on_day(month, 18), time(15, 0))
            scraps.append(
                Scrap("green_coffee", float(spoiled), when, "Humedad en bodega")
            )
            if index % 2:
                torn = float(round(self.rng.randint(80, 260), -1))
                scraps.append(Scrap("valve_bag", torn, when, "Bolsas rotas en empaque"))
        return receipts, scraps

    # -- CSR inputs -------------------------------------------------------

    def manual_values(self, leaves, figures):
        """Every month, the catalogue's manual indicators: scope 3, water
        stress and consumption, hazardous and diverted waste (ENV-08, 12, 13,
        15, 16), accidents, fatalities and training hours (SOC-09, 10, 18),
        the governance register (GOV-01 to 06); and from half the span the
        waste carrier's manifests (ENV-14), which replace the scrap estimate."""
        values = []
        for index, figure in enumerate(figures):
            values += self.environment_inputs(index, figure)
            values += self.social_inputs(index, figure, leaves)
            values += self.governance_inputs(index, figure.start)
        return values

    def environment_inputs(self, index, figure):
        month = figure.start
        progress = self.progress(index)
        scope3 = figure.green_kg * (4.1 - 0.6 * progress) / 1000 + 2.6
        values = [
            ManualValue(
                "ENV-08",
                month,
                round(scope3, 2),
                "Categorías 1 (café verde, factor por kg de la finca), 4 "
                "(fletes) y 7 (desplazamientos del personal).",
                estimated=True,
            ),
            ManualValue(
                "ENV-12",
                month,
                0.0,
                "Manizales no está en zona de alto estrés hídrico (WRI Aqueduct).",
            ),
            ManualValue(
                "ENV-13",
                month,
                round(figure.water_m3 * 0.17, 1),
                "Retiro menos vertimiento al alcantarillado (83 % estimado).",
                estimated=True,
            ),
            ManualValue(
                "ENV-15",
                month,
                round((4.0 - 2.2 * progress) * self.noise(0.1), 2),
                "Aceites usados, luminarias y envases de químicos de limpieza.",
            ),
            ManualValue(
                "ENV-16",
                month,
                round(min(32.0 + 46.0 * progress * self.noise(0.05), 95.0), 1),
                "Cascarilla compostada con caficultores, sacos de fique "
                "reutilizados, cartón y plástico a reciclador.",
            ),
        ]
        if self.after(index, 0.5):  # manifests weighed by the carrier
            tonnes = round(figure.green_kg * 0.0225 / 1000 + 0.35 * self.noise(0.1), 3)
            values.append(
                ManualValue(
                    "ENV-14",
                    month,
                    tonnes,
                    "Suma de los manifiestos del gestor de residuos.",
                    evidence=(
                        (
                            f"manifiesto-residuos-{month:%Y-%m}.txt",
                            f"Manifiesto de recolección {month:%Y-%m}\n"
                            f"Gestor: Recuperadora Ambiental del Eje SAS\n"
                            f"Total recogido: {tonnes:.3f} t\n",
                        ),
                    ),
                )
            )
        return values

    def social_inputs(self, index, figure, leaves):
        month = figure.start
        accidents = sum(
            1
            for leave in leaves
            if leave.kind == "accident" and leave.date_from.replace(day=1) == month
        )
        hours = round((0.9 + 1.6 * self.progress(index)) * self.noise(0.15), 2)
        evidence = ()
        if index % 3 == 2 or index == len(self.months) - 1:
            evidence = (
                (
                    f"asistencia-capacitacion-{month:%Y-%m}.txt",
                    f"Listas de asistencia a capacitaciones, {month:%Y-%m}\n"
                    f"Horas por persona: {hours}\n",
                ),
            )
        return [
            ManualValue(
                "SOC-09",
                month,
                float(accidents),
                "Accidentes reportados a la ARL (FURAT).",
            ),
            ManualValue("SOC-10", month, 0.0, "Ningún accidente mortal."),
            ManualValue(
                "SOC-18",
                month,
                hours,
                "Horas de formación (SST, catación, servicio) por empleado.",
                evidence=evidence,
            ),
        ]

    def governance_inputs(self, index, month):
        ethics = self.after(index, 0.3)
        evidence = ()
        if ethics and (index in (self.index_at(0.3), len(self.months) - 1)):
            evidence = (
                (
                    "codigo-de-etica.pdf",
                    "Código de ética y conducta de Tostadora Andina SAS. "
                    "Aprobado por la junta directiva y socializado con todo "
                    "el personal.",
                ),
            )
        women = 2 if self.after(index, 0.55) else 1
        policies = 3 + sum(self.after(index, f) for f in (0.25, 0.5, 0.7, 0.9))
        return [
            ManualValue("GOV-01", month, 0.0, "Sin condenas ni investigaciones."),
            ManualValue(
                "GOV-02",
                month,
                float(ethics),
                "Código de ética adoptado y firmado por todo el personal."
                if ethics
                else "Código de ética en redacción.",
                evidence=evidence,
            ),
            ManualValue(
                "GOV-03",
                month,
                float(self.after(index, 0.5)),
                "Línea ética atendida por la revisoría fiscal.",
            ),
            ManualValue(
                "GOV-04",
                month,
                women / 5 * 100.0,
                f"Junta directiva de 5 miembros, {women} mujeres.",
            ),
            ManualValue(
                "GOV-05",
                month,
                float(policies),
                "Políticas aprobadas: clima, agua, residuos, personal, "
                "comunidad, conducta empresarial y proveedores, en ese orden.",
            ),
            ManualValue(
                "GOV-06",
                month,
                float(self.after(index, 0.6)),
                "Meta de reducción de GEI del 20 % a 2030 frente al año base.",
            ),
            ManualValue(
                "GOV-07",
                month,
                100.0 if ethics else 0.0,
                "Todo el personal asistió a la charla anual sobre el código de "
                "ética y la prevención de sobornos (lista de asistencia)."
                if ethics
                else "Capacitación prevista cuando se adopte el código de ética.",
            ),
        ]

    def targets(self, plan):
        """Yearly targets of key indicators, set around what the year is
        expected to give so that the scorecard shows green, amber and red."""
        targets = []
        for year in plan.years:
            months = plan.figures_of(year)
            intensity = mean(f.energy_intensity for f in months)
            margin = mean(f.margin for f in months)
            local = mean(f.local_share for f in months)
            water = sum(f.water_m3 for f in months)
            permanent = plan.permanent_share(min(date(year, 12, 31), self.end)) or 0.0
            limits = {
                "ENV-04": (round(intensity * 0.97, 4), round(intensity * 1.06, 4)),
                "ECO-06": (r2(margin + 1.0), r2(margin - 2.5)),
                "ECO-07": (r2(min(local + 1.0, 100.0)), r2(local - 3.0)),
                "ENV-11": (r2(water * 0.95), r2(water * 1.05)),
                "SOC-02": (r2(min(permanent + 3.0, 100.0)), r2(permanent - 8.0)),
                **FIXED_TARGETS,
            }
            targets += [
                Target(code, year, *limits[code], note)
                for code, note in TARGET_NOTES.items()
            ]
        return targets

    def assessments(self):
        """Two self-assessments a year apart (or the span's first and last
        months in a shorter demo): every pillar climbs."""
        last = on_day(self.months[-1], 20)
        first = on_day(self.months[max(len(self.months) - 13, 0)], 20)
        early = Assessment(
            first,
            (
                ("economic", 2, 0.4),
                ("environmental", 1, 0.5),
                ("social", 2, 0.3),
                ("governance", 1, 0.6),
            ),
            "Primera autoevaluación: cumplimos la ley y algunas prácticas sueltas.",
        )
        late = Assessment(
            last,
            (
                ("economic", 3, 0.5),
                ("environmental", 3, 0.3),
                ("social", 3, 0.5),
                ("governance", 2, 0.8),
            ),
            "Políticas escritas, metas y acciones con responsable: gestión.",
        )
        return (early, late) if first < last else (late,)

    def actions(self):
        """One improvement action in every state; two are overdue."""
        retrofit = self.index_at(0.4)
        before = self.months[max(retrofit - 1, 0)]
        local = self.months[max(self.index_at(0.3) - 1, 0)]
        recent = self.months[max(len(self.months) - 3, 0)]
        latest = self.months[-1]
        return (
            Action(
                "heat_recovery",
                "Recircular el aire caliente del tostador",
                "verified",
                "environmental",
                "indicator",
                "manager",
                indicator="ENV-04",
                baseline_month=before,
                deadline=on_day(before, 25),
                target_change=-0.08,
                priority="2",
                cost=38e6,
                saving=16e6,
                co2_kg=9500.0,
                description="Ducto de recirculación y quemador modulante en la "
                "tostadora de 60 kg: menos gas por kilo de café verde.",
            ),
            Action(
                "local_bags",
                "Comprar las bolsas con válvula a un fabricante regional",
                "done",
                "economic",
                "dialogue",
                "user",
                indicator="ECO-07",
                baseline_month=local,
                deadline=on_day(self.month_at(0.7), 28),
                target_change=0.02,
                cost=2e6,
                saving=9e6,
                description="Homologar el empaque de Empaques Flexibles del Valle "
                "y dejar el proveedor de Hamburgo.",
            ),
            Action(
                "compost",
                "Compostar la cascarilla con los caficultores de Chinchiná",
                "in_progress",
                "environmental",
                "indicator",
                "user",
                indicator="ENV-16",
                baseline_month=recent,
                deadline=self.today + timedelta(days=75),
                target=85.0,
                priority="1",
                cost=4.5e6,
                co2_kg=1200.0,
            ),
            Action(
                "wellbeing",
                "Pausas activas y seguimiento de incapacidades",
                "in_progress",
                "social",
                "indicator",
                "manager",
                indicator="SOC-12",
                baseline_month=recent,
                deadline=self.today - timedelta(days=20),
                target_change=-0.2,
                priority="1",
                cost=3e6,
            ),
            Action(
                "women_leaders",
                "Plan de promoción de mujeres a cargos de jefatura",
                "planned",
                "social",
                "question",
                "manager",
                indicator="SOC-20",
                baseline_month=latest,
                deadline=self.today + timedelta(days=120),
                target_change=0.2,
            ),
            Action(
                "water_meters",
                "Instalar submedidores de agua por proceso",
                "planned",
                "environmental",
                "audit",
                "user",
                deadline=self.today - timedelta(days=45),
                cost=6.8e6,
                description="Hallazgo de la auditoría interna: el agua solo se "
                "mide en la factura del acueducto.",
            ),
            Action(
                "solar",
                "Instalar paneles solares en la cubierta de la planta",
                "draft",
                "environmental",
                "other",
                "user",
                indicator="ENV-03",
                cost=210e6,
                saving=48e6,
                co2_kg=11000.0,
            ),
            Action(
                "electric_van",
                "Reemplazar la furgoneta diésel por una eléctrica",
                "cancelled",
                "environmental",
                "other",
                "manager",
                indicator="ENV-05",
                cost=240e6,
                co2_kg=6200.0,
                description="Cancelada: sin estaciones de carga en la ruta a "
                "Medellín; se retoma en 2028.",
            ),
            Action(
                "ethics_line",
                "Publicar el código de ética y abrir la línea ética",
                "verified",
                "governance",
                "question",
                "manager",
                deadline=on_day(self.month_at(0.5), 15),
                cost=1.5e6,
                verification_note="Código firmado por todo el personal y línea "
                "ética en funcionamiento: revisado por la revisoría fiscal.",
            ),
        )


# -- helpers -------------------------------------------------------------------


def signed(invoice):
    """The invoice's amount, negative for a credit note."""
    return (
        -invoice.amount
        if invoice.move_type in ("out_refund", "in_refund")
        else invoice.amount
    )


def reference(prefix, month, key, number):
    return f"{prefix}-{month:%Y%m}-{key}-{number + 1}"


def next_day_of(day, days_of_month):
    """The first of these days of the month on or after ``day``.

    >>> next_day_of(date(2025, 3, 12), (10, 25))
    datetime.date(2025, 3, 25)
    >>> next_day_of(date(2025, 3, 27), (10, 25))
    datetime.date(2025, 4, 10)
    """
    for number in days_of_month:
        if day.day <= number:
            return day.replace(day=number)
    return add_months(day.replace(day=1), 1).replace(day=days_of_month[0])


def payroll_base(staff, month):
    """Wages of the month, each contract for its share of the month's days."""
    last = month_end(month)
    total = 0.0
    for employee in staff:
        for contract in employee.contracts:
            first = max(contract.date_start, month)
            stop = min(contract.date_end or last, last)
            if first <= stop:
                total += contract.wage * ((stop - first).days + 1) / last.day
    return round(total)


def taxes_due(figure):
    return round(figure.revenue * 0.009) + round(figure.revenue * 0.02)


def entry_line(account, debit=0.0, credit=0.0, label=""):
    return EntryLine(account, float(round(debit)), float(round(credit)), label)


def transfer(ref, day, account, amount):
    """A payment from the bank that settles a liability."""
    return Entry(
        ref,
        day,
        (
            entry_line(account, amount, label=ref),
            entry_line("bank", credit=amount, label=ref),
        ),
    )


def expense(ref, day, account, amount):
    """An expense paid straight from the bank."""
    amount = round(amount, -3)
    return Entry(
        ref,
        day,
        (
            entry_line(account, amount, label=ref),
            entry_line("bank", credit=amount, label=ref),
        ),
    )


def mean(numbers):
    numbers = list(numbers)
    return sum(numbers) / len(numbers)


def r2(number):
    return round(number, 2)
