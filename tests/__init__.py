# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from . import test_engine
from . import test_catalogue
from . import test_period
from . import test_indicator_value
from . import test_lock
from . import test_target
from . import test_access
from . import test_multi_company
from . import test_i18n
from . import test_compute_accounting
from . import test_compute_suppliers
from . import test_compute_workforce
from . import test_compute_leaves
from . import test_compute_environment
from . import test_minimum_wage
from . import test_formula_catalogue
