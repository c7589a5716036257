"""The six principles of co-production (the New Economics Foundation), with prompts in plain words, and the
scale they are scored on. Data: administrators may reword them in the admin. Loaded by migration 0004."""

from typing import Any

PRINCIPLES = [
    ("Recognising people as assets", "Are people seen for what they bring, not only for what they need?"),
    ("Building on people's capabilities", "Do people get to use and grow their skills and knowledge here?"),
    ("Two-way, reciprocal relationships", "Does everyone give as well as get, with something back for their time?"),
    ("Mutual support through peer networks", "Do people find others who have been there, and support each other?"),
    (
        "Blurring distinctions",
        "Are the lines between professionals and people who use services blurred, so that all work as equals?",
    ),
    ("Facilitating rather than delivering", "Do services help things happen, rather than doing things to people?"),
]
SCALE = [
    (1, "Not yet", "We do not do this yet."),
    (2, "Starting", "We do this now and then, or in places."),
    (3, "Developing", "We do this often, but not everywhere or every time."),
    (4, "How we work", "We do this always: it is how we work."),
]


def principles_load(principle_model: Any, point_model: Any) -> int:
    """Add the principles and points of the scale that are missing; how many were added."""
    added = 0
    for position, (name, prompt) in enumerate(PRINCIPLES, start=1):
        _principle, created = principle_model.objects.get_or_create(
            name=name, defaults={"prompt": prompt, "position": position}
        )
        added += created
    for value, label, meaning in SCALE:
        _point, created = point_model.objects.get_or_create(value=value, defaults={"label": label, "meaning": meaning})
        added += created
    return added
