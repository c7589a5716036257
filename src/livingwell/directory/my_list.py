"""'My list': listings a visitor saves without an account, kept in their session only."""

from uuid import UUID

from django.contrib.sessions.backends.base import SessionBase

SESSION_KEY = "lw_my_list"
SENT_KEY = "lw_my_list_sent"
MAX_ITEMS = 50


def my_list_ids(session: SessionBase) -> list[str]:
    return list(session.get(SESSION_KEY, []))


def my_list_add(session: SessionBase, service_id: UUID) -> bool:
    """Add a listing; False when the list is already full."""
    ids = my_list_ids(session)
    if str(service_id) in ids:
        return True
    if len(ids) >= MAX_ITEMS:
        return False
    session[SESSION_KEY] = [*ids, str(service_id)]
    return True


def my_list_remove(session: SessionBase, service_id: UUID) -> None:
    session[SESSION_KEY] = [item for item in my_list_ids(session) if item != str(service_id)]


def my_list_mark_sent(session: SessionBase, submission_id: UUID) -> bool:
    """Remember that this form was sent; False if it had been already (a double submit)."""
    sent = list(session.get(SENT_KEY, []))
    if str(submission_id) in sent:
        return False
    session[SENT_KEY] = [*sent[-19:], str(submission_id)]
    return True
