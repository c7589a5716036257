"""The id of the request being served, for logs and audit events."""

from contextvars import ContextVar

_request_id: ContextVar[str] = ContextVar("request_id", default="")


def request_id_get() -> str:
    """Return the current request's id, or "" outside a request (a task or a command)."""
    return _request_id.get()


def request_id_set(value: str) -> None:
    """Set the current request's id. It stays set until the request has finished, so that Django's
    own log lines about the response carry it too."""
    _request_id.set(value)


def request_id_clear(**kwargs: object) -> None:
    """Forget the request id once the response has been sent (connected to ``request_finished``)."""
    _request_id.set("")
