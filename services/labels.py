# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).


def selection_labels(model, name):
    """Selection key → label of field ``name`` of ``model``, in its language."""
    return dict(model._fields[name]._description_selection(model.env))
