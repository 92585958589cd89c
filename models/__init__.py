# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from . import account_account_tag
from . import csr_activity
from . import csr_emission_factor
from . import csr_minimum_wage
from . import hr_contract
from . import hr_leave_type
from . import product_category
from . import product_template
from . import csr_sector
from . import csr_framework_tag
from . import csr_indicator
from . import csr_indicator_source
from . import csr_period
from . import csr_indicator_value
from . import csr_target
from . import ir_attachment
