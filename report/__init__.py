# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from . import report_triple_bottom_line
