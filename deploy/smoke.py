"""The production layout, brought up on loopback from this folder and tried through nginx (``./lw smoke``;
CI runs it). Everything is started with the commands in ``systemd/``, as systemd would start them, from the
production install (``var/production-venv``, made by ``./lw production-check``), on PostgreSQL and Redis
(``layout.py``):

- the migrate unit's commands, on a fresh database;
- two web servers and a task worker;
- nginx with ``nginx/livingwell-proxy.conf`` in front of both servers (and ``nginx/livingwell.conf``, the
  HTTPS server for real use, checked by ``nginx -t`` with a certificate made for the check).

Then, through nginx: readiness, a page with the crisis routes, our request id (and a client's ignored), the
platform's health once the worker has done its housekeeping, and every request still answered with one web
server killed. Exits 1 on the first thing wrong, saying what.
"""

import json
import re
import shutil
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

from layout import DEPLOY, NGINX, Layout, LayoutFailed


def fail(what: str) -> None:
    raise LayoutFailed(f"SMOKE TEST FAILED: {what}")


def get(url: str, headers: dict[str, str] | None = None) -> tuple[int, dict[str, str], str]:
    request = urllib.request.Request(url, headers=headers or {})  # noqa: S310
    try:
        with urllib.request.urlopen(request, timeout=20) as response:  # noqa: S310
            return response.status, dict(response.headers), response.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, dict(error.headers), error.read().decode()


def _nginx_production_checked(work: Path) -> None:
    """``nginx -t`` on the HTTPS server for real use, with a certificate made for the check."""
    key, cert = work / "check.key", work / "check.pem"
    subprocess.run(  # noqa: S603
        [shutil.which("openssl") or "/usr/bin/openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes",
         "-days", "1", "-subj", "/CN=localhost", "-keyout", str(key), "-out", str(cert)],
        check=True, capture_output=True,
    )  # fmt: skip
    site = (DEPLOY / "nginx" / "livingwell.conf").read_text()
    site = site.replace("/etc/ssl/certs/livingwell.pem", str(cert)).replace("/etc/ssl/private/livingwell.key", str(key))
    site = site.replace("/var/log/nginx/", f"{work}/").replace("/etc/nginx/snippets/", f"{DEPLOY}/nginx/")
    (work / "site.conf").write_text(site)
    wrapper = work / "check.conf"
    wrapper.write_text(
        f"pid {work}/check.pid;\nerror_log {work}/check-error.log;\nevents {{}}\n"
        f"http {{\n client_body_temp_path {work}/body;\n proxy_temp_path {work}/proxy;\n"
        f" include {work}/site.conf;\n}}\n"
    )
    checked = subprocess.run([NGINX, "-t", "-q", "-p", str(work), "-c", str(wrapper)], capture_output=True, text=True)  # noqa: S603
    if checked.returncode != 0:
        fail(f"nginx/livingwell.conf does not pass nginx -t: {checked.stderr.strip()}")
    print("nginx -t: deploy/nginx/livingwell.conf is valid")


def main() -> int:
    with Layout(name="smoke", redis_db=5) as layout:
        _nginx_production_checked(layout.work)
        layout.migrated()
        print("migrate unit: database migrated, static files collected, housekeeping queued")
        first, second = layout.web_start(), layout.web_start()
        print(f"web units: two servers ready, on {first} and {second}")
        layout.worker_start(1)
        layout.alerts_start()
        layout.nginx_start()
        site = layout.site

        status, _headers, body = get(f"{site}/health/ready/")
        if status != 200:
            fail(f"/health/ready/ through nginx answered {status}: {body}")
        status, headers, body = get(f"{site}/")
        if status != 200 or "116 123" not in body:
            fail(f"the home page through nginx answered {status}, or without the crisis routes")
        request_id = headers.get("X-Request-ID", "")
        if not re.fullmatch(r"[0-9a-f]{32}", request_id):
            fail(f"no request id from nginx: {request_id!r}")
        time.sleep(0.3)
        if request_id not in (layout.work / "access.log").read_text():
            fail("the request id the browser got is not in nginx's log")
        forged = "forged-by-the-client-0123456789"
        _status, headers, _body = get(f"{site}/", {"X-Request-ID": forged})
        if headers.get("X-Request-ID") == forged:
            fail("a client's own X-Request-ID was kept")
        print("through nginx: ready, the home page with the crisis routes, nginx's request id kept, a client's not")

        deadline = time.monotonic() + 60
        while True:
            status, _headers, body = get(f"{site}/health/")
            if status == 200:
                break
            if time.monotonic() > deadline:
                fail(f"/health/ never became well: {body}")
            time.sleep(0.5)
        print(f"/health/: {json.loads(body)}")

        layout.kill(f"web-{first}")
        answered = [get(f"{site}/")[0] for _ in range(20)]
        if set(answered) != {200}:
            fail(f"with one web server killed, nginx answered {answered}")
        print("one web server killed: 20 of 20 requests still answered, by the other")

        for name in ("worker-1", "alerts-1", f"web-{second}"):
            lines = [line for line in layout.log(name).read_text().splitlines() if line.strip()]
            for line in lines:
                try:
                    json.loads(line)
                except json.JSONDecodeError:
                    fail(f"a line of {name}'s log is not JSON: {line[:200]}")
        print("every line the web server and the workers wrote is JSON")
        print("SMOKE TEST PASSED")
        return 0


if __name__ == "__main__":
    sys.exit(main())
