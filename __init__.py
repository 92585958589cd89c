# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from . import engine
from . import services
from . import models
from . import report
from . import wizards


def uninstall_hook(env):
    """Forget the foreign keys we added to Odoo's own models.

    Odoo deletes its records of a foreign key together with the model that
    declares it. Ours on contacts (the stakeholder groups' relation table)
    belong to ``res.partner``, which stays: without this they would outlive
    the module. The keys themselves go with their table and columns.
    """
    env["ir.model.constraint"].search(
        [
            ("module.name", "=", "csr_management"),
            ("type", "=", "f"),
            ("model.model", "not like", "csr.%"),
        ]
    ).unlink()
