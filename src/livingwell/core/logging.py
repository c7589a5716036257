"""Logging helpers. Logs carry the request id and never personal data."""

import logging

from django.http import HttpRequest

from livingwell.core.request_id import request_id_get


class RequestIdFilter(logging.Filter):
    """Add the current request id to every record, and cut requests down to method and path.

    Django attaches the whole request to some records; its text would include the query string,
    which may hold what someone typed into a search, so only the method and path are kept.
    """

    def filter(self, record: logging.LogRecord) -> bool:
        record.request_id = request_id_get()
        request = getattr(record, "request", None)
        if isinstance(request, HttpRequest):
            record.request = f"{request.method} {request.path}"
        return True
