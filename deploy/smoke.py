"""The production layout, brought up on loopback from this folder and tried through nginx (``./lw smoke``;
CI runs it). Everything is started with the commands in ``systemd/``, as systemd would start them, from the
production install (``var/production-venv``, made by ``./lw production-check``), on PostgreSQL and Redis:

- the migrate unit's commands, on a fresh database;
- two web servers and a task worker;
- nginx with ``nginx/livingwell-proxy.conf`` in front of both servers (and ``nginx/livingwell.conf``, the
  HTTPS server for real use, checked by ``nginx -t`` with a certificate made for the check).

Then, through nginx: readiness, a page with the crisis routes, our request id (and a client's ignored), the
platform's health once the worker has done its housekeeping, and every request still answered with one web
server killed. Exits 1 on the first thing wrong, saying what.
"""

import json
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path

import psycopg
import redis

ROOT = Path(__file__).resolve().parents[1]
DEPLOY = ROOT / "deploy"
VENV = ROOT / "var" / "production-venv"
NGINX = shutil.which("nginx") or "/usr/sbin/nginx"
DATABASE = "livingwell_smoke"
POSTGRES = os.environ.get("LW_SMOKE_POSTGRES", "postgres://postgres@127.0.0.1:5432")
REDIS_DB = 5


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def unit_lines(unit: str, key: str) -> list[str]:
    """The ``key=`` lines of a systemd unit in deploy/systemd/."""
    text = (DEPLOY / "systemd" / unit).read_text()
    return [line.split("=", 1)[1] for line in text.splitlines() if line.startswith(f"{key}=")]


def localised(command: str, instance: str = "") -> list[str]:
    """A unit's command as run here: this checkout for /srv/livingwell, the production install for its .venv."""
    command = command.replace("/srv/livingwell/.venv", str(VENV)).replace("/srv/livingwell", str(ROOT))
    command = command.replace("%i", instance).replace("%H", socket.gethostname())
    return command.split()


def _environment(site_port: int) -> dict[str, str]:
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "livingwell.config.production",
        "SECRET_KEY": "smoke-" + "k" * 60,
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
        "DATABASE_URL": f"{POSTGRES}/{DATABASE}",
        "CACHE_URL": f"redis://127.0.0.1:6379/{REDIS_DB}",
        "EMAIL_URL": "smtp://127.0.0.1:2525",
        "LW_TRUSTED_PROXIES": "127.0.0.1/32",
        "LW_SITE_URL": f"http://127.0.0.1:{site_port}",
        # nginx here listens on plain HTTP on loopback; for real it ends HTTPS and says so.
        "SECURE_SSL_REDIRECT": "false",
    }


def fail(what: str) -> None:
    raise SystemExit(f"SMOKE TEST FAILED: {what}")


def get(url: str, headers: dict[str, str] | None = None) -> tuple[int, dict[str, str], str]:
    request = urllib.request.Request(url, headers=headers or {})  # noqa: S310
    try:
        with urllib.request.urlopen(request, timeout=20) as response:  # noqa: S310
            return response.status, dict(response.headers), response.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, dict(error.headers), error.read().decode()


def _database_fresh() -> None:
    with psycopg.connect(f"{POSTGRES}/postgres", autocommit=True) as connection:
        connection.execute(f"DROP DATABASE IF EXISTS {DATABASE} WITH (FORCE)")
        connection.execute(f"CREATE DATABASE {DATABASE}")
    redis.Redis(host="127.0.0.1", port=6379, db=REDIS_DB).flushdb()


def _database_drop() -> None:
    with psycopg.connect(f"{POSTGRES}/postgres", autocommit=True) as connection:
        connection.execute(f"DROP DATABASE IF EXISTS {DATABASE} WITH (FORCE)")


def _nginx_conf(work: Path, port: int, upstreams: list[int]) -> Path:
    servers = "\n".join(f"        server 127.0.0.1:{p} max_fails=1 fail_timeout=10s;" for p in upstreams)
    conf = work / "nginx.conf"
    conf.write_text(f"""
pid {work}/nginx.pid;
error_log {work}/error.log;
events {{}}
http {{
    client_body_temp_path {work}/body;
    proxy_temp_path {work}/proxy;
    log_format livingwell escape=json
        '{{"request_id": "$request_id", "status": $status, "upstream": "$upstream_addr"}}';
    access_log {work}/access.log livingwell;
    upstream livingwell {{
{servers}
        keepalive 4;
    }}
    server {{
        listen 127.0.0.1:{port};
        include {DEPLOY}/nginx/livingwell-proxy.conf;
    }}
}}
""")
    return conf


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
    if not (VENV / "bin" / "gunicorn").exists():
        fail(f"no production install at {VENV}: run ./lw production-check first")
    work = Path(tempfile.mkdtemp(prefix="lw-smoke-"))
    nginx_port, web_ports = _free_port(), [_free_port(), _free_port()]
    env = _environment(nginx_port)
    processes: dict[str, subprocess.Popen[bytes]] = {}
    logs = {}
    nginx_conf = _nginx_conf(work, nginx_port, web_ports)
    try:
        _nginx_production_checked(work)
        _database_fresh()
        for command in unit_lines("livingwell-migrate.service", "ExecStart"):
            subprocess.run(localised(command), cwd=ROOT, env=env, check=True, capture_output=True)  # noqa: S603
        print("migrate unit: database migrated, static files collected, housekeeping queued")
        (web,) = unit_lines("livingwell-web@.service", "ExecStart")
        (ready,) = unit_lines("livingwell-web@.service", "ExecStartPost")
        for port in web_ports:
            logs[f"web-{port}"] = (work / f"web-{port}.log").open("wb")
            processes[f"web-{port}"] = subprocess.Popen(  # noqa: S603
                localised(web, str(port)), cwd=ROOT, env=env, stdout=logs[f"web-{port}"], stderr=subprocess.STDOUT
            )
        for port in web_ports:
            if subprocess.run(localised(ready, str(port)), cwd=ROOT, env=env).returncode != 0:  # noqa: S603
                fail(f"the web server on {port} never became ready: {(work / f'web-{port}.log').read_text()[-2000:]}")
        print(f"web units: two servers ready, on {web_ports[0]} and {web_ports[1]}")
        (worker,) = unit_lines("livingwell-worker@.service", "ExecStart")
        logs["worker"] = (work / "worker.log").open("wb")
        processes["worker"] = subprocess.Popen(  # noqa: S603
            localised(worker, "1"), cwd=ROOT, env=env, stdout=logs["worker"], stderr=subprocess.STDOUT
        )
        subprocess.run([NGINX, "-p", str(work), "-c", str(nginx_conf)], check=True)  # noqa: S603
        site = f"http://127.0.0.1:{nginx_port}"

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
        if request_id not in (work / "access.log").read_text():
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

        processes.pop(f"web-{web_ports[0]}").send_signal(signal.SIGKILL)
        answered = [get(f"{site}/")[0] for _ in range(20)]
        if set(answered) != {200}:
            fail(f"with one web server killed, nginx answered {answered}")
        print("one web server killed: 20 of 20 requests still answered, by the other")

        for name in ("worker", f"web-{web_ports[1]}"):
            lines = [line for line in (work / f"{name}.log").read_text().splitlines() if line.strip()]
            for line in lines:
                try:
                    json.loads(line)
                except json.JSONDecodeError:
                    fail(f"a line of {name}'s log is not JSON: {line[:200]}")
        print("every line the web server and the worker wrote is JSON")
        print("SMOKE TEST PASSED")
        return 0
    finally:
        subprocess.run([NGINX, "-p", str(work), "-c", str(nginx_conf), "-s", "stop"], capture_output=True)  # noqa: S603
        for process in processes.values():
            process.terminate()
        for process in processes.values():
            try:
                process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                process.kill()
        for log in logs.values():
            log.close()
        _database_drop()
        if not os.environ.get("LW_SMOKE_KEEP"):
            shutil.rmtree(work, ignore_errors=True)
        else:
            print(f"kept {work}")


if __name__ == "__main__":
    sys.exit(main())
