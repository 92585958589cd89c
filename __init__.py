# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from . import engine
from . import services
from . import models
from . import report
from . import wizards
