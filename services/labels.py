# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Selection labels in the user's language: the one way to read them, so that
no caller reaches into ``_fields[...]._description_selection`` itself."""


def selection_labels(model, name):
    """Selection key → label of field ``name`` of ``model``, in its language."""
    return dict(model._fields[name]._description_selection(model.env))


def selection_label(record, name, key=None):
    """The label of ``key`` in selection field ``name`` of ``record``'s model,
    ``record``'s own value by default; an unknown key is shown as it is, an
    empty one as an empty string."""
    key = record[name] if key is None else key
    return selection_labels(record, name).get(key, key or "")
