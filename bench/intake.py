"""Front door under load: 50 people at once introduce themselves through the real server for 60 seconds.

Each simulated person walks every question page with their own cookies, as a browser would, and sends;
one in ten presses "Send introduction" twice. Afterwards the introductions saved are compared with the
confirmations (references) received: they must be equal, with none lost and none duplicated. Latency is
reported beside the minimal Django view's, measured under the same number of clients in the same run.

    ./lw bench intake                    60 seconds, 50 people
    ./lw bench intake --seconds 10       a shorter run
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/livingwell_bench_intake ./lw bench intake
"""

import argparse
import collections
import http.client
import http.cookies
import os
import re
import statistics
import subprocess
import sys
import threading
import time
import urllib.parse
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DATABASE_URL", f"sqlite:///{ROOT / 'var' / 'bench-intake.sqlite3'}")

from bench.home import PYTHON, measure, served  # noqa: E402

CSRF = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')
TOKEN = re.compile(r'name="token" value="([^"]+)"')
REFERENCE = re.compile(r"<strong>(LW-[A-Z0-9]+)</strong>")
ANSWERS = [
    ("who", {"for_whom": "self"}),
    ("name", {"preferred_name": "Sam"}),
    ("date-of-birth", {"date_of_birth_day": "27", "date_of_birth_month": "3", "date_of_birth_year": "1985"}),
    ("contact", {"contact_methods": "phone", "phone": "07700 900982", "may_leave_message": "no"}),
    ("whats-going-on", {"in_their_words": "I have been low since I lost my job. Ça va mal 🙁"}),
    ("what-matters", {"what_matters": "My dog", "enjoys": "Walking", "good_at": "Fixing bikes"}),
    ("what-would-help", {"would_help": "stay_well"}),
    ("access", {}),
    ("gp", {}),
]


def _django(*command: str, stdin: str = "") -> str:
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "bench.settings", "LOG_LEVEL": "WARNING"}
    result = subprocess.run(
        [PYTHON, "manage.py", *command], cwd=ROOT, env=env, check=True, capture_output=True, text=True, input=stdin
    )
    return result.stdout


def _introductions_saved() -> int:
    code = "from livingwell.frontdoor.models import Introduction; print(Introduction.objects.count())"
    return int(_django("shell", "--no-imports", "-c", code).strip())


def _references_saved(references: set[str]) -> int:
    code = (
        "import sys; from livingwell.frontdoor.models import Introduction; "
        "wanted = set(sys.stdin.read().split()); "
        "print(Introduction.objects.filter(reference__in=wanted).count())"
    )
    return int(_django("shell", "--no-imports", "-c", code, stdin="\n".join(references)).strip())


REDIRECTS = {301, 302, 303, 307, 308}


class Browser:
    """What a browser does for these pages: one connection kept open to the server (HTTP/1.1 keep-alive,
    opened again when the server closes it), its own cookies, and a page or where it redirects to."""

    def __init__(self, base: str) -> None:
        address = urllib.parse.urlsplit(base)
        self.host, self.port = address.hostname or "127.0.0.1", address.port or 80
        self.connection = http.client.HTTPConnection(self.host, self.port, timeout=60)
        self.cookies: dict[str, str] = {}

    def request(self, path: str, body: bytes | None, headers: dict[str, str]) -> tuple[int, str, str | None]:
        """The status, the page and where it redirects to (None when it does not)."""
        sending = {**headers, "Cookie": "; ".join(f"{name}={value}" for name, value in self.cookies.items())}
        if body is not None:
            sending["Content-Type"] = "application/x-www-form-urlencoded"
        try:
            self.connection.request("POST" if body is not None else "GET", path, body=body, headers=sending)
            response = self.connection.getresponse()
            text = response.read().decode()
        except (OSError, http.client.HTTPException):
            self.connection.close()  # the next request opens it again
            raise
        for header in response.headers.get_all("Set-Cookie") or ():
            for name, morsel in http.cookies.SimpleCookie(header).items():
                self.cookies[name] = morsel.value
        if response.will_close:
            self.connection.close()
        location = response.headers["Location"] if response.status in REDIRECTS else None
        return response.status, text, location


def request_kind(path: str, *, sent: bool) -> str:
    """What a request of the journey is, in words, to report latencies by kind."""
    if path.startswith("/introduce/check/"):
        return "send (check answers, POST)" if sent else "check answers"
    if path.startswith("/introduce/sent/"):
        return "confirmation"
    if path.startswith("/introduce/"):
        return "an answer (POST)" if sent else "a question"
    return "other"


class Person(threading.Thread):
    """One person introducing themselves again and again until the time is up. ``retries``: how often a page
    that fails (a server killed under it) is asked for again, as a person presses again; none by default."""

    retries = 0

    def __init__(self, base: str, stop: float, number: int) -> None:
        super().__init__(daemon=True)
        self.base = base
        self.stop_at = stop
        self.number = number
        self.latencies: list[float] = []
        self.kinds: list[str] = []  # what each request in ``latencies`` was (``request_kind``)
        self.references: list[str] = []
        self.errors = 0
        self.why: collections.Counter[str] = collections.Counter()  # what made a journey fail
        self.retried = 0

    def headers(self) -> dict[str, str]:
        return {}

    def answers(self, count: int) -> list[tuple[str, dict[str, str]]]:
        """What they answer on each question page, the ``count``-th time."""
        return ANSWERS

    def _open(self, browser: Browser, path: str, data: dict | None = None) -> str:
        """The page at ``path`` (posting ``data``), following redirects as a browser does; each request is timed
        on its own, so a latency is always one request's, as the floor's is."""
        text, location = self._request(browser, path, data)
        while location is not None:
            text, location = self._request(browser, location, None)
        return text

    def _request(self, browser: Browser, path: str, data: dict | None) -> tuple[str, str | None]:
        """One request: its page, or where it redirects to. A server error or a dropped connection counts as a
        page that failed."""
        body = urllib.parse.urlencode(data, doseq=True).encode() if data is not None else None
        for attempt in range(self.retries + 1):
            started = time.perf_counter()
            try:
                status, text, location = browser.request(path, body, self.headers())
                if status >= 400:
                    raise OSError(f"HTTP Error {status}")
            except (OSError, http.client.HTTPException):
                if attempt == self.retries:
                    raise
                self._again()
                continue
            self.latencies.append(time.perf_counter() - started)
            self.kinds.append(request_kind(path, sent=body is not None))
            return text, location
        raise AssertionError("unreachable")

    def _again(self) -> None:
        """A page failed (a server killed under it): press again, as a person does, after a moment."""
        self.retried += 1
        time.sleep(0.5)

    def introduce(self, count: int, sends: int) -> str:
        browser = Browser(self.base)
        page = self._open(browser, "/introduce/who/")
        for slug, answers in self.answers(count):
            csrf = CSRF.search(page)
            if csrf is None:
                raise RuntimeError(f"no form on the page before {slug}")
            page = self._open(browser, f"/introduce/{slug}/", {"csrfmiddlewaretoken": csrf.group(1), **answers})
        page = self._open(browser, "/introduce/check/")
        csrf, token = CSRF.search(page), TOKEN.search(page)
        if csrf is None or token is None:
            raise RuntimeError("no check-answers form")
        for _send in range(sends):  # a double click sends the same form twice
            page = self._open(
                browser, "/introduce/check/", {"csrfmiddlewaretoken": csrf.group(1), "token": token.group(1)}
            )
        reference = REFERENCE.search(page)
        if reference is None:
            raise RuntimeError("no reference on the confirmation")
        return reference.group(1)

    def confirmed(self, count: int, reference: str) -> None:
        self.references.append(reference)

    def run(self) -> None:
        count = 0
        while time.monotonic() < self.stop_at:
            count += 1
            try:
                self.confirmed(count, self.introduce(count, sends=2 if (count + self.number) % 10 == 0 else 1))
            except (OSError, RuntimeError) as error:
                self.errors += 1
                self.why[str(error)[:120]] += 1


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--seconds", type=float, default=60.0)
    parser.add_argument("--people", type=int, default=50)
    parser.add_argument("--workers", type=int, default=4, help="gunicorn worker processes")
    options = parser.parse_args()

    _django("migrate", "--noinput")
    _django("createcachetable")
    _django("collectstatic", "--noinput")
    before = _introductions_saved()
    with served(options.workers) as port:
        base = f"http://127.0.0.1:{port}"
        people = [Person(base, time.monotonic() + options.seconds, number) for number in range(options.people)]
        for person in people:
            person.start()
        for person in people:
            person.join()
        floor = measure("minimal view", port, "/bench/minimal/", min(10.0, options.seconds), options.people)
    saved = _introductions_saved() - before
    references = [reference for person in people for reference in person.references]
    unique = set(references)
    found = _references_saved(unique)
    latencies = [latency for person in people for latency in person.latencies]
    p95 = statistics.quantiles(latencies, n=20)[18] * 1000
    errors = sum(person.errors for person in people)
    print(f"{options.people} people for {options.seconds:.0f} s, gunicorn --workers {options.workers}")
    print(f"introductions saved:       {saved}")
    print(f"confirmations received:    {len(references)} ({len(unique)} different references, {found} of them saved)")
    print(f"journeys that failed:      {errors}")
    print(f"request p50 / p95:         {statistics.median(latencies) * 1000:.0f} / {p95:.0f} ms")
    print(f"floor (minimal view) p50 / p95: {floor.p50_ms:.0f} / {floor.p95_ms:.0f} ms")
    lost = saved != len(unique) or found != len(unique)
    duplicated = len(references) != len(unique)
    print("lost:", "YES" if lost else "none", " duplicated:", "YES" if duplicated else "none")
    return 1 if lost or duplicated else 0


if __name__ == "__main__":
    sys.exit(main())
