"""What every app's ``access.py`` shares."""

from django.core.exceptions import ObjectDoesNotExist, ValidationError
from django.db.models import Manager, Model, QuerySet
from django.http import Http404


def one_or_404[M: Model](records: QuerySet[M] | Manager[M], pk: object) -> M:
    """The record with this key among ``records``, or Http404: also for a key of the wrong shape, so a
    mangled address is "not found", never a server error."""
    try:
        return records.get(pk=pk)
    except (ObjectDoesNotExist, ValidationError, ValueError) as error:
        raise Http404 from error
