# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Plain-Python CSR logic: no ORM, no ``env``; the models are thin adapters."""

from . import accounting
from . import applicability
from . import efficacy
from . import emissions
from . import formula
from . import ladder
from . import materials
from . import periods
from . import scoring
from . import thresholds
from . import value_import
from . import values
from . import workforce
from . import benchmarking
from . import setup_copy
