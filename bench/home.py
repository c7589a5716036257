"""Benchmark harness: serve the platform through gunicorn on loopback and measure throughput.

Each benchmark is measured next to its floor in the same run, so the ratio holds on any machine.

    ./lw bench home                  this benchmark
    ./lw bench home --seconds 5      shorter runs
"""

import argparse
import http.client
import multiprocessing
import os
import socket
import statistics
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PYTHON = sys.executable
GUNICORN = str(Path(PYTHON).with_name("gunicorn"))


@dataclass(frozen=True)
class Result:
    name: str
    path: str
    requests_per_second: float
    p50_ms: float
    p95_ms: float
    errors: int
    latencies: tuple[float, ...] = field(default=(), repr=False)  # each request's, in seconds


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _environment() -> dict[str, str]:
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "bench.settings",
        "PYTHONPATH": f"{ROOT}{os.pathsep}{os.environ.get('PYTHONPATH', '')}",
        "DATABASE_URL": os.environ.get("DATABASE_URL", f"sqlite:///{ROOT / 'var' / 'bench.sqlite3'}"),
        "LOG_LEVEL": "WARNING",
    }


def _prepare() -> None:
    env = _environment()
    for command in (["migrate", "--noinput"], ["createcachetable"], ["collectstatic", "--noinput"], ["demo_load"]):
        subprocess.run(
            [PYTHON, "manage.py", *command],
            cwd=ROOT,
            env=env,
            check=True,
            stdout=subprocess.DEVNULL,
        )


@contextmanager
def served(workers: int) -> Iterator[int]:
    port = _free_port()
    server = subprocess.Popen(
        [GUNICORN, "livingwell.config.wsgi", "--bind", f"127.0.0.1:{port}", "--workers", str(workers)],
        cwd=ROOT,
        env=_environment(),
        stderr=subprocess.DEVNULL,
    )
    try:
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            try:
                with socket.create_connection(("127.0.0.1", port), timeout=0.2):
                    break
            except OSError:
                time.sleep(0.1)
        else:
            raise RuntimeError("gunicorn did not start")
        yield port
    finally:
        server.terminate()
        server.wait(timeout=30)


def _client(args: tuple[int, str, float]) -> tuple[list[float], int]:
    port, path, seconds = args
    latencies: list[float] = []
    errors = 0
    stop = time.monotonic() + seconds
    while time.monotonic() < stop:
        started = time.perf_counter()
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
        try:
            connection.request("GET", path)
            response = connection.getresponse()
            response.read()
            if response.status != 200:
                errors += 1
        except OSError:
            errors += 1
        finally:
            connection.close()
        latencies.append(time.perf_counter() - started)
    return latencies, errors


def measure(name: str, port: int, path: str, seconds: float, clients: int) -> Result:
    with multiprocessing.Pool(clients) as pool:
        pool.map(_client, [(port, path, min(1.0, seconds))] * clients)  # warm up
        outcomes = pool.map(_client, [(port, path, seconds)] * clients)
    latencies = [latency for outcome in outcomes for latency in outcome[0]]
    errors = sum(outcome[1] for outcome in outcomes)
    quantiles = statistics.quantiles(latencies, n=20)
    return Result(
        name=name,
        path=path,
        requests_per_second=len(latencies) / seconds,
        p50_ms=statistics.median(latencies) * 1000,
        p95_ms=quantiles[18] * 1000,
        errors=errors,
        latencies=tuple(latencies),
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--seconds", type=float, default=10.0, help="how long to measure each page")
    parser.add_argument("--clients", type=int, default=4, help="concurrent client processes")
    parser.add_argument("--workers", type=int, default=2, help="gunicorn worker processes")
    options = parser.parse_args()

    _prepare()
    print(f"Home page against a minimal Django view, gunicorn --workers {options.workers}, {options.clients} clients")
    with served(options.workers) as port:
        floor = measure("minimal Django view (floor)", port, "/bench/minimal/", options.seconds, options.clients)
        home = measure("home page", port, "/", options.seconds, options.clients)
    print(f"{'':30} {'requests/s':>12} {'p50 ms':>8} {'p95 ms':>8} {'errors':>7}")
    for result in (floor, home):
        print(
            f"{result.name:30} {result.requests_per_second:12.1f} {result.p50_ms:8.2f} "
            f"{result.p95_ms:8.2f} {result.errors:7d}"
        )
    ratio = home.requests_per_second / floor.requests_per_second
    target = 0.5
    verdict = "meets" if ratio >= target else "MISSES"
    print(f"home page / floor = {ratio:.0%} ({verdict} the target of at least {target:.0%})")
    return 0 if ratio >= target and not (floor.errors or home.errors) else 1


if __name__ == "__main__":
    sys.exit(main())
