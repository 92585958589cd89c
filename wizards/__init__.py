# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from . import csr_period_generate
from . import csr_unmapped_purchase_map
from . import csr_value_import
from . import csr_report_export
from . import csr_kit_export
from . import csr_kit_import
from . import csr_case_study_share
from . import csr_company_comparison
from . import csr_setup_copy
