"""The ladder of participation the platform ships with, from "doing to" up to "doing with" (the ladder of
co-production by Think Local Act Personal and the New Economics Foundation). It is data: administrators may
reword it in the admin. Loaded by migration 0002."""

from typing import Any

LADDER = [
    ("Coercion", "to", "People are made to go along with decisions made without them."),
    ("Educating", "to", "People are told why decisions made without them are right for them."),
    ("Informing", "for", "People are told what has been decided and what will happen."),
    ("Consulting", "for", "People are asked what they think, but may not hear what came of it."),
    ("Engaging", "for", "People are listened to and have some say, but others decide."),
    ("Co-designing", "with", "People design the work together, and their ideas shape what is decided."),
    ("Co-producing", "with", "People share power and decide together, as equals, from start to finish."),
]


def ladder_load(rung_model: Any) -> int:
    """Add the ladder's rungs that are missing; how many were added."""
    added = 0
    for position, (name, stage, meaning) in enumerate(LADDER, start=1):
        _rung, created = rung_model.objects.get_or_create(
            name=name, defaults={"stage": stage, "meaning": meaning, "position": position}
        )
        added += created
    return added
