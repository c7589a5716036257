"""gunicorn, run as deployed (``-c python:livingwell.config.gunicorn``), writes every line as JSON: its own
(starting, booting a worker) and one for each request, with the request id and never the query string."""

import json
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from livingwell.conftest import free_port

GUNICORN = str(Path(sys.executable).with_name("gunicorn"))


def test_gunicorn_writes_json_lines_with_the_request_id(tmp_path: Path) -> None:
    port = free_port()
    out, err = tmp_path / "out.log", tmp_path / "err.log"
    with out.open("w") as stdout, err.open("w") as stderr:
        server = subprocess.Popen(
            [GUNICORN, "-c", "python:livingwell.config.gunicorn", "--bind", f"127.0.0.1:{port}", "--workers", "1",
             "livingwell.config.wsgi"],
            stdout=stdout, stderr=stderr,
        )  # fmt: skip
        try:
            for _attempt in range(100):
                try:
                    with urllib.request.urlopen(f"http://127.0.0.1:{port}/health/live/?email=jo@example.org") as r:
                        request_id = r.headers["X-Request-ID"]
                    break
                except OSError:
                    time.sleep(0.1)
            else:
                pytest.fail("gunicorn did not start: " + err.read_text())
            time.sleep(0.3)
        finally:
            server.terminate()
            server.wait(timeout=10)
    own = [json.loads(line) for line in err.read_text().splitlines() if line.strip()]
    assert any(line["logger"] == "gunicorn.error" and "Booting worker" in line["message"] for line in own)
    requests = [json.loads(line) for line in out.read_text().splitlines() if line.strip()]
    (line,) = [each for each in requests if each.get("path") == "/health/live/"]
    assert (line["method"], line["status"], line["request_id"]) == ("GET", 200, request_id)
    assert "jo@example.org" not in out.read_text()
