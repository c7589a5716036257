"""The production layout on loopback, started from this folder's units as systemd would start them, from the
production install (``var/production-venv``, made by ``./lw production-check``), on PostgreSQL and Redis.

``deploy/smoke.py`` (CI's smoke test) and ``bench/cluster.py`` (several machines, and faults) both use it:
a fresh database, the migrate unit's commands, web servers, workers and the alerts worker started, killed and
started again, and nginx with ``nginx/livingwell-proxy.conf`` in front of the web servers.
"""

import contextlib
import os
import shutil
import signal
import socket
import subprocess
import tempfile
from collections.abc import Callable
from pathlib import Path
from types import TracebackType

import psycopg
import redis

ROOT = Path(__file__).resolve().parents[1]
DEPLOY = ROOT / "deploy"
VENV = ROOT / "var" / "production-venv"
NGINX = shutil.which("nginx") or "/usr/sbin/nginx"
POSTGRES = os.environ.get("LW_SMOKE_POSTGRES", "postgres://postgres@127.0.0.1:5432")


def database_fresh(name: str, postgres: str = POSTGRES) -> None:
    """An empty PostgreSQL database of this name, whatever was there before."""
    database_drop(name, postgres)
    with psycopg.connect(f"{postgres}/postgres", autocommit=True) as connection:
        connection.execute(f"CREATE DATABASE {name}")


def database_drop(name: str, postgres: str = POSTGRES) -> None:
    with psycopg.connect(f"{postgres}/postgres", autocommit=True) as connection:
        connection.execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")


class LayoutFailed(SystemExit):
    """Something in the layout is wrong: the message says what."""


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def unit_lines(unit: str, key: str) -> list[str]:
    """The ``key=`` lines of a systemd unit in deploy/systemd/."""
    text = (DEPLOY / "systemd" / unit).read_text()
    return [line.split("=", 1)[1] for line in text.splitlines() if line.startswith(f"{key}=")]


def localised(command: str, instance: str = "") -> list[str]:
    """A unit's command as run here: this checkout for /srv/livingwell, the production install for its .venv."""
    command = command.replace("/srv/livingwell/.venv", str(VENV)).replace("/srv/livingwell", str(ROOT))
    command = command.replace("%i", instance).replace("%H", socket.gethostname())
    return command.split()


def _nice(nice: int) -> None:
    """The unit's ``Nice=``, as systemd sets it; a negative one needs root (as systemd is), else stays at 0."""
    with contextlib.suppress(PermissionError):
        os.nice(nice)


class Layout:
    """nginx, web servers and workers on loopback, on their own PostgreSQL database and Redis database; all
    stopped, and the database dropped, on leaving. ``settings`` and ``environment`` change what they run with."""

    def __init__(
        self,
        *,
        name: str,
        redis_db: int,
        settings: str = "livingwell.config.production",
        environment: dict[str, str] | None = None,
    ) -> None:
        self.database = f"livingwell_{name}"
        self.redis_db = redis_db
        self.work = Path(tempfile.mkdtemp(prefix=f"lw-{name}-"))
        self.nginx_port = free_port()
        self.web_ports: list[int] = []
        self.processes: dict[str, subprocess.Popen[bytes]] = {}
        self.site = f"http://127.0.0.1:{self.nginx_port}"
        self.env = {
            **os.environ,
            "PYTHONPATH": str(ROOT),
            "DJANGO_SETTINGS_MODULE": settings,
            "SECRET_KEY": f"{name}-" + "k" * 60,
            "ALLOWED_HOSTS": "127.0.0.1,localhost",
            "DATABASE_URL": f"{POSTGRES}/{self.database}",
            "CACHE_URL": f"redis://127.0.0.1:6379/{redis_db}",
            "EMAIL_URL": "smtp://127.0.0.1:2525",
            "LW_TRUSTED_PROXIES": "127.0.0.1/32",
            "LW_SITE_URL": self.site,
            # nginx here listens on plain HTTP on loopback; for real it ends HTTPS and says so.
            "SECURE_SSL_REDIRECT": "false",
            # Two web servers share this machine, as two machines of half its processors each: each has twice
            # its half in processes (livingwell.config.gunicorn), so the machine has as many as one server would.
            "WEB_CONCURRENCY": str(max(2, len(os.sched_getaffinity(0)))),
            **(environment or {}),
        }

    def __enter__(self) -> "Layout":
        if not (VENV / "bin" / "gunicorn").exists():
            raise LayoutFailed(f"no production install at {VENV}: run ./lw production-check first")
        return self

    def __exit__(
        self, kind: type[BaseException] | None, error: BaseException | None, trace: TracebackType | None
    ) -> None:
        self.nginx("-s", "stop", check=False)
        for process in self.processes.values():
            process.terminate()
        for process in self.processes.values():
            try:
                process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                process.kill()
        database_drop(self.database)
        if not os.environ.get("LW_SMOKE_KEEP"):
            shutil.rmtree(self.work, ignore_errors=True)
        else:
            print(f"kept {self.work}")

    def log(self, name: str) -> Path:
        return self.work / f"{name}.log"

    def run(self, command: list[str]) -> None:
        subprocess.run(command, cwd=ROOT, env=self.env, check=True, capture_output=True)  # noqa: S603

    def migrated(self) -> None:
        """A fresh database and cache, then the migrate unit's commands."""
        database_fresh(self.database)
        redis.Redis(host="127.0.0.1", port=6379, db=self.redis_db).flushdb()
        for command in unit_lines("livingwell-migrate.service", "ExecStart"):
            self.run(localised(command))

    def _start(self, name: str, command: list[str], nice: int = 0) -> None:
        """Start a process as its unit would, at the unit's ``Nice=`` if it sets one."""
        with self.log(name).open("ab") as log:
            self.processes[name] = subprocess.Popen(  # noqa: S603
                command,
                cwd=ROOT,
                env=self.env,
                stdout=log,
                stderr=subprocess.STDOUT,
                preexec_fn=(lambda: _nice(nice)) if nice else None,
            )

    def web_start(self, port: int | None = None) -> int:
        """Start a web server as its unit does, on a new port unless given one, and wait until it is ready."""
        port = port or free_port()
        if port not in self.web_ports:
            self.web_ports.append(port)
        (web,) = unit_lines("livingwell-web@.service", "ExecStart")
        (ready,) = unit_lines("livingwell-web@.service", "ExecStartPost")
        self._start(f"web-{port}", localised(web, str(port)))
        if subprocess.run(localised(ready, str(port)), cwd=ROOT, env=self.env).returncode != 0:  # noqa: S603
            written = self.log(f"web-{port}").read_text()[-2000:]
            raise LayoutFailed(f"the web server on {port} never became ready: {written}")
        return port

    def worker_start(self, number: int) -> None:
        """Start a worker as its unit does: first what it was doing when it last stopped goes back in the queue."""
        self._unit_start("livingwell-worker@.service", f"worker-{number}", str(number))

    def alerts_start(self, number: int = 1) -> None:
        """Start the worker for urgent alerts as its unit does."""
        self._unit_start("livingwell-alerts@.service", f"alerts-{number}", str(number))

    def _worker_kinds(self) -> dict[str, Callable[[int], None]]:
        """Each kind of worker, by the first part of its name, and how to start one."""
        return {"worker": self.worker_start, "alerts": self.alerts_start}

    @property
    def workers(self) -> list[str]:
        """The names of the workers running, of every kind (``worker-2``, ``alerts-1``)."""
        return [name for name in self.processes if name.rsplit("-", 1)[0] in self._worker_kinds()]

    def start_again(self, name: str) -> None:
        """Start a worker killed by name (``worker-2``, ``alerts-1``) again, as its unit would."""
        kind, number = name.rsplit("-", 1)
        self._worker_kinds()[kind](int(number))

    def _unit_start(self, unit: str, name: str, instance: str) -> None:
        (command,) = unit_lines(unit, "ExecStart")
        nice = int(next(iter(unit_lines(unit, "Nice")), "0"))
        self._start(name, localised(command, instance), nice)

    def kill(self, name: str) -> None:
        """Kill one process at once, as a machine that dies would."""
        process = self.processes.pop(name)
        process.send_signal(signal.SIGKILL)
        process.wait()

    def nginx(self, *arguments: str, check: bool = True) -> None:
        conf = self.work / "nginx.conf"
        done = subprocess.run([NGINX, "-p", str(self.work), "-c", str(conf), *arguments], capture_output=True)  # noqa: S603
        if check and done.returncode != 0:
            raise LayoutFailed(f"nginx {' '.join(arguments)}: {done.stderr.decode().strip()}")

    def nginx_start(self) -> None:
        """nginx on its own port, in front of every web server started so far."""
        work = self.work
        servers = "\n".join(f"        server 127.0.0.1:{p} max_fails=1 fail_timeout=10s;" for p in self.web_ports)
        (work / "nginx.conf").write_text(f"""
pid {work}/nginx.pid;
error_log {work}/error.log;
worker_processes 2;
events {{
    worker_connections 1024;
}}
http {{
    client_body_temp_path {work}/body;
    proxy_temp_path {work}/proxy;
    log_format livingwell escape=json
        '{{"request_id": "$request_id", "status": $status, "upstream": "$upstream_addr"}}';
    access_log {work}/access.log livingwell;
    upstream livingwell {{
        least_conn;  # as deploy/nginx/livingwell.conf
{servers}
        keepalive 16;
    }}
    server {{
        listen 127.0.0.1:{self.nginx_port};
        include {DEPLOY}/nginx/livingwell-proxy.conf;
    }}
}}
""")
        self.nginx()
