"""One record per form: each form carries a token (``submission_id``), so a double click, a replay or two
requests racing make the record once."""

import uuid
from collections.abc import Callable
from typing import TypeVar

from django.db import IntegrityError, models, transaction

Submitted = TypeVar("Submitted", bound=models.Model)


def created_once[Submitted: models.Model](
    model: type[Submitted], create: Callable[[], Submitted], **token: uuid.UUID
) -> Submitted:
    """The record made by ``create`` for this form token (one keyword: the unique field and its value); the
    record already made, if the form was sent before. ``create`` runs in a transaction of its own."""
    existing = model._default_manager.filter(**token).first()
    if existing is not None:
        return existing
    try:
        with transaction.atomic():
            return create()
    except IntegrityError:
        # The same form sent twice at the same moment: the other request made it.
        existing = model._default_manager.filter(**token).first()
        if existing is None:
            raise
        return existing
