# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""ORM adapters that feed the engine: they read ERP records set-based."""

from . import fetchers
from . import period_compute
from . import value_import
from . import scorecard_compute
from . import workforce
