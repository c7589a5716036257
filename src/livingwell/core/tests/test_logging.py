"""Logs are JSON, carry the request id, and hold no personal data."""

import json
import logging

import pytest
from django.test import Client
from pythonjsonlogger.json import JsonFormatter

from livingwell.core.logging import RequestIdFilter


@pytest.mark.django_db
def test_log_lines_are_json_with_the_request_id_and_no_query_string(client: Client, caplog) -> None:
    caplog.handler.addFilter(RequestIdFilter())
    caplog.handler.setFormatter(JsonFormatter("%(levelname)s %(name)s %(message)s %(request_id)s"))
    with caplog.at_level(logging.WARNING, logger="django.request"):
        response = client.get("/no-such-page/?name=Ada+Lovelace&email=ada@example.org")
    lines = [json.loads(line) for line in caplog.text.splitlines()]
    assert lines
    assert lines[-1]["request_id"] == response["X-Request-ID"]
    assert "Ada" not in caplog.text
    assert "ada@example.org" not in caplog.text
