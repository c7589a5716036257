"""Sentry and OpenTelemetry (core/telemetry.py): off unless set; when set, what they are sent, caught at a
local stand-in for each service, holds the error or the request's path and never what someone wrote, the
query string, cookies or local variables."""

import gzip
import http.server
import os
import subprocess
import sys
import threading
import zlib
from collections.abc import Iterator

import pytest

from livingwell.core.telemetry import sentry_event_scrub, without_query

SECRET = "jo.bloggs@example.org"


class _Sink(http.server.BaseHTTPRequestHandler):
    received: list[bytes]

    def do_POST(self) -> None:
        body = self.rfile.read(int(self.headers.get("Content-Length", 0)))
        encoding = self.headers.get("Content-Encoding", "")
        if encoding == "br":
            import brotli

            body = brotli.decompress(body)
        elif encoding == "gzip":
            body = gzip.decompress(body)
        elif encoding == "deflate":
            body = zlib.decompress(body)
        type(self).received.append(self.path.encode() + b"\n" + body)
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.end_headers()
        self.wfile.write(b"{}")

    def log_message(self, *_args: object) -> None:
        pass


@pytest.fixture
def sink() -> Iterator[tuple[int, list[bytes]]]:
    received: list[bytes] = []
    handler = type("Sink", (_Sink,), {"received": received})
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield server.server_address[1], received
    server.shutdown()


def _django(code: str, **env: str) -> subprocess.CompletedProcess[str]:
    """Run ``code`` in a fresh Python with Django set up and ``env`` set: the test settings, on pages that
    need no database."""
    prelude = "import django\ndjango.setup()\nfrom django.test import Client\n"
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "livingwell.config.test",
           "DATABASE_URL": "sqlite:////nonexistent/livingwell.sqlite3", **env}  # fmt: skip
    return subprocess.run([sys.executable, "-c", prelude + code], env=env, capture_output=True, text=True, timeout=120)


def test_both_are_off_unless_set() -> None:
    run = _django(
        "import sentry_sdk\n"
        "from opentelemetry import trace\n"
        "print(sentry_sdk.get_client().is_active(), type(trace.get_tracer_provider()).__name__)\n",
        SENTRY_DSN="", OTEL_EXPORTER_OTLP_ENDPOINT="",
    )  # fmt: skip
    assert run.stdout.split() == ["False", "ProxyTracerProvider"], run.stderr


def test_sentry_gets_the_error_and_nothing_personal(sink: tuple[int, list[bytes]]) -> None:
    port, received = sink
    run = _django(
        "from django.test.utils import override_settings\n"
        "import sentry_sdk\n"
        "with override_settings(ROOT_URLCONF='livingwell.core.tests.urls_for_errors', DEBUG=False):\n"
        f"    response = Client(raise_request_exception=False).get('/broken/?email={SECRET}',"
        f" HTTP_COOKIE='theme={SECRET}', HTTP_X_STORY='{SECRET}')\n"
        "print(response.status_code)\n"
        "sentry_sdk.flush()\n",
        SENTRY_DSN=f"http://public@127.0.0.1:{port}/1",
    )  # fmt: skip
    assert run.stdout.strip() == "500", run.stderr
    sent = b"".join(received)
    assert b"RuntimeError" in sent
    assert b"boom" in sent
    assert b"/broken/" in sent
    assert SECRET.encode() not in sent


def test_traces_go_to_the_collector_without_the_query_string(sink: tuple[int, list[bytes]]) -> None:
    port, received = sink
    run = _django(
        "from opentelemetry import trace\n"
        f"response = Client().get('/get-help-now/?q={SECRET}')\n"
        "trace.get_tracer_provider().force_flush()\n"
        "print(response.status_code)\n",
        OTEL_EXPORTER_OTLP_ENDPOINT=f"http://127.0.0.1:{port}",
    )  # fmt: skip
    assert run.stdout.strip() == "200", run.stderr
    sent = b"".join(received)
    assert b"/v1/traces" in sent
    assert b"/get-help-now/" in sent
    assert SECRET.encode() not in sent


def test_the_scrubbers() -> None:
    assert without_query(f"https://lw.example/directory/?q={SECRET}#top") == "https://lw.example/directory/"
    event = {
        "request": {"method": "POST", "url": f"https://lw.example/x/?e={SECRET}", "data": {"story": SECRET},
                    "cookies": {"sessionid": SECRET}, "headers": {"Cookie": SECRET}},
        "user": {"ip_address": "10.0.0.1"},
    }  # fmt: skip
    assert sentry_event_scrub(event, None) == {"request": {"method": "POST", "url": "https://lw.example/x/"}}
