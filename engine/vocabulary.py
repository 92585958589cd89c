# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The domain vocabulary, declared once: the engine, the services and the
models all import it from here, never the other way round.

Selections are ``(key, label)`` pairs, ready for ``fields.Selection``; the
labels are translated through the fields (the ``ir.model.fields.selection``
terms), so this module needs no ``odoo`` import. Keys alone, where the engine
or a service needs only them, are derived from the same list.

The four pillars, in report order (the triple bottom line, then governance):

>>> PILLAR_KEYS
('economic', 'environmental', 'social', 'governance')
>>> PILLAR_ORDER["social"]
2

An action still to be carried out, and the states a traffic light takes:

>>> [key for key, _label in ACTION_STATES if key in OPEN_ACTION_STATES]
['draft', 'planned', 'in_progress']
>>> [key for key, _label in LIGHTS] == [GREEN, AMBER, RED]
True

The company defaults the scorecard starts from (``res.company`` fields):

>>> DEFAULT_MIN_COMPLETENESS, DEFAULT_MATERIAL_WEIGHT
(50.0, 2.0)
"""

PILLARS = [
    ("economic", "Economic"),
    ("environmental", "Environmental"),
    ("social", "Social"),
    ("governance", "Governance"),
]
PILLAR_KEYS = tuple(key for key, _label in PILLARS)
PILLAR_ORDER = {key: index for index, key in enumerate(PILLAR_KEYS)}

# Traffic lights of a score (engine/thresholds.py, engine/scoring.py).
GREEN = "green"
AMBER = "amber"
RED = "red"
LIGHTS = [(GREEN, "Green"), (AMBER, "Amber"), (RED, "Red")]

PERIOD_KINDS = [("month", "Month"), ("quarter", "Quarter"), ("year", "Year")]

VALUE_STATES = [
    ("draft", "Draft"),
    ("submitted", "Submitted"),
    ("validated", "Validated"),
]

ACTION_STATES = [
    ("draft", "Draft"),
    ("planned", "Planned"),
    ("in_progress", "In progress"),
    ("done", "Done"),
    ("verified", "Verified"),
    ("cancelled", "Cancelled"),
]
# Still to be carried out: the overdue job and the report watch these.
OPEN_ACTION_STATES = ("draft", "planned", "in_progress")

# A scorecard pillar needs values for this share (%) of its indicators.
DEFAULT_MIN_COMPLETENESS = 50.0
# A material topic's indicators weigh this many times their own weight.
DEFAULT_MATERIAL_WEIGHT = 2.0
