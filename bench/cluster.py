"""Several machines, and faults: the production layout from deploy/ on loopback (nginx, two web servers, two
task workers and the worker for urgent alerts, PostgreSQL, Redis), with 50 people introducing themselves at
once for 60 seconds, each in a client process of their own (as each is on a device of their own), while

- one web server is killed (SIGKILL, as a machine dies) and started again;
- one worker is killed and started again;
- one worker is killed while it is sending an email, and started again.

Email goes to a local SMTP sink, which counts every message it takes. Afterwards:

- every confirmation a person was shown is saved, and nothing is saved twice (0 lost, 0 duplicated);
- every introduction's confirmation email arrived exactly once, and the duty inbox's urgent emails too;
- the duty queue is right: every urgent introduction is there, marked urgent, and no urgent alert is unsent.

Request latency through nginx is reported beside the floor: the minimal Django view, through the same nginx
and servers, asked by the same client under the same number of people, measured before the people start and
again once the queue has drained after them, so that a machine whose speed drifts is compared at both ends.
Exits 1 if anything was lost, duplicated or sent twice.

    ./lw bench cluster                          60 seconds, 50 people
    ./lw bench cluster --seconds 20 --people 20   CI's shorter run
"""

import argparse
import asyncio
import email
import email.policy
import multiprocessing
import multiprocessing.pool
import os
import statistics
import sys
import threading
import time
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import psycopg

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "deploy")]

from layout import POSTGRES, Layout, free_port  # noqa: E402

from bench.home import measure  # noqa: E402
from bench.intake import ANSWERS, Browser, Person  # noqa: E402

DUTY_EMAIL = "duty@cluster.example.org"
# One person in ten writes words of immediate risk: their introduction is urgent.
RISK_WORDS = "I can't go on. I want to end my life."


@dataclass(frozen=True)
class Received:
    message_id: str
    to: str
    at: float  # when the sink took it (the time of day, in seconds)


class SmtpSink:
    """A local SMTP server that keeps what it takes, in a process of its own, as a mail server is outside
    the platform: it parses each message without taking the people's interpreter from them. A message counts
    as taken when the sink answers 250 to its end of data, as a real server's responsibility begins; one held
    with ``hold_next`` is answered only once released, and dropped, never taken, if its sender has gone by
    then."""

    def __init__(self, kept: Path) -> None:
        context = multiprocessing.get_context("fork")
        self.port = free_port()
        self.kept = kept  # a line for each message taken, written before the sink answers 250
        self.held, self.released, self._ready = context.Event(), context.Event(), context.Event()
        self._holding, self._held_port, self._dropped = (
            context.Value("b", 0),
            context.Value("i", 0),
            context.Value("i", 0),
        )
        self._process = context.Process(target=self._serve, daemon=True)

    def start(self) -> None:
        self.kept.write_text("")
        self._process.start()
        self._ready.wait(10)

    @property
    def received(self) -> list[Received]:
        kept = (line.split("\t") for line in self.kept.read_text().splitlines())
        return [Received(message_id, to, float(at)) for message_id, to, at in kept]

    @property
    def dropped(self) -> int:
        return self._dropped.value

    @property
    def held_port(self) -> int:
        return self._held_port.value

    def hold_next(self) -> None:
        self.held.clear()
        self.released.clear()
        self._holding.value = 1

    def hold_none(self) -> None:
        self._holding.value = 0

    def _serve(self) -> None:
        async def serve() -> None:
            server = await asyncio.start_server(self._session, "127.0.0.1", self.port)
            self._ready.set()
            async with server:
                await server.serve_forever()

        asyncio.run(serve())

    async def _session(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        peer_port = writer.get_extra_info("peername")[1]

        async def reply(line: str) -> None:
            writer.write(f"{line}\r\n".encode())
            await writer.drain()

        try:
            await reply("220 sink")
            while line := await reader.readline():
                verb = line[:4].upper()
                if verb in (b"EHLO", b"HELO"):
                    await reply("250 sink")
                elif verb in (b"MAIL", b"RCPT", b"RSET", b"NOOP"):
                    await reply("250 OK")
                elif verb == b"QUIT":
                    await reply("221 bye")
                    break
                elif verb == b"DATA":
                    await reply("354 go on")
                    lines = []
                    while (data := await reader.readline()) not in (b".\r\n", b""):
                        lines.append(data[1:] if data.startswith(b"..") else data)
                    if not data:
                        break  # the sender went mid-message: nothing taken
                    message = email.message_from_bytes(b"".join(lines), policy=email.policy.default)
                    if self._holding.value:
                        self._holding.value = 0
                        self._held_port.value = peer_port
                        self.held.set()
                        await asyncio.to_thread(self.released.wait, 60)
                        await asyncio.sleep(0.2)
                        if reader.at_eof():
                            self._dropped.value += 1  # its sender was killed before the sink took it
                            break
                    with self.kept.open("a") as kept:
                        kept.write(f"{message['Message-ID']}\t{message['To']}\t{time.time()}\n")
                    await reply("250 taken")
                else:
                    await reply("502 not here")
        except ConnectionError:
            pass
        finally:
            writer.close()


def _pid_of_connection(local_port: int, pids: list[int]) -> int | None:
    """Which of ``pids`` holds the TCP connection from ``local_port`` on loopback (Linux's /proc)."""
    inodes: set[str] = set()
    for table in ("/proc/net/tcp", "/proc/net/tcp6"):
        for row in Path(table).read_text().splitlines()[1:]:
            columns = row.split()
            if int(columns[1].rsplit(":", 1)[1], 16) == local_port:
                inodes.add(columns[9])
    for pid in pids:
        for fd in Path(f"/proc/{pid}/fd").iterdir():
            try:
                target = os.readlink(fd)
            except OSError:
                continue
            if target.startswith("socket:[") and target[8:-1] in inodes:
                return pid
    return None


class ClusterPerson(Person):
    """A person on their own address (nginx passes it on), who gives an email address each time, writes words
    of risk one time in ten, and presses again when a page fails (a server killed under it)."""

    retries = 20

    def __init__(self, base: str, stop: float, number: int) -> None:
        super().__init__(base, stop, number)
        self.sent: list[tuple[str, str, bool]] = []  # reference, email, urgent

    def headers(self) -> dict[str, str]:
        return {"X-Forwarded-For": f"198.51.{self.number // 250}.{self.number % 250 + 1}"}

    def _email(self, count: int) -> str:
        return f"person-{self.number}-{count}@cluster.example.org"

    def _urgent(self, count: int) -> bool:
        return (count + self.number) % 10 == 3

    def answers(self, count: int) -> list[tuple[str, dict[str, str]]]:
        answers = dict(ANSWERS)
        answers["contact"] = {"contact_methods": "email", "email": self._email(count), "may_leave_message": "no"}
        if self._urgent(count):
            answers["whats-going-on"] = {"in_their_words": RISK_WORDS}
        return list(answers.items())

    def confirmed(self, count: int, reference: str) -> None:
        super().confirmed(count, reference)
        self.sent.append((reference, self._email(count), self._urgent(count)))


class FloorPerson(ClusterPerson):
    """The floor with the people's own client: the minimal view, asked again and again until the time is up."""

    def run(self) -> None:
        browser = Browser(self.base)
        while time.monotonic() < self.stop_at:
            self._open(browser, "/bench/minimal/")


@dataclass(frozen=True)
class Outcome:
    """What one person did, from the client process they ran in: each request's latency in seconds and its
    kind, each introduction confirmed (reference, email, urgent), and the CPU seconds their client used."""

    latencies: tuple[float, ...]
    kinds: tuple[str, ...]
    sent: tuple[tuple[str, str, bool], ...]
    errors: int
    why: Counter[str]
    retried: int
    cpu: float


def _run_person(args: tuple[type[ClusterPerson], str, float, int]) -> Outcome:
    """One person, in a client process of their own, as people are on devices of their own: the client's
    work (reading each page for its form) never waits for another person's, as threads of one Python
    process would for its interpreter."""
    kind, base, stop, number = args
    began = time.process_time()
    person = kind(base, stop, number)
    person.run()
    return Outcome(
        latencies=tuple(person.latencies),
        kinds=tuple(person.kinds),
        sent=tuple(person.sent),
        errors=person.errors,
        why=person.why,
        retried=person.retried,
        cpu=time.process_time() - began,
    )


class People:
    """``count`` people of ``kind``, each in a client process of their own, for ``seconds`` once started."""

    def __init__(self, kind: type[ClusterPerson], base: str, seconds: float, count: int) -> None:
        self.kind, self.base, self.seconds, self.count = kind, base, seconds, count
        self.pool = multiprocessing.Pool(count)  # before any thread starts here: the processes are forked
        self.pending: multiprocessing.pool.MapResult[Outcome] | None = None

    def start(self) -> None:
        stop = time.monotonic() + self.seconds  # one clock for every process (CLOCK_MONOTONIC)
        work = [(self.kind, self.base, stop, number) for number in range(self.count)]
        self.pending = self.pool.map_async(_run_person, work, chunksize=1)

    def join(self) -> list[Outcome]:
        assert self.pending is not None
        outcomes = self.pending.get()
        self.pool.close()
        self.pool.join()
        return outcomes


@dataclass(frozen=True)
class Floor:
    """The minimal view under as many clients as there are people, each request's latency in seconds: with
    the people's own client (a process each, its connection kept open), and with a new connection for each
    request (as ``./lw bench intake`` measures its floor)."""

    own: tuple[float, ...]
    connections: tuple[float, ...]
    seconds: float

    def __add__(self, other: "Floor") -> "Floor":
        return Floor(self.own + other.own, self.connections + other.connections, self.seconds + other.seconds)

    def line(self, title: str) -> str:
        own, connections = _p50_p95(list(self.own)), _p50_p95(list(self.connections))
        rate = len(self.own) / self.seconds
        return (
            f"  {title:24} {own[0]:3.0f} / {own[1]:3.0f} ms with the people's own client ({rate:.0f} requests/s), "
            f"{connections[0]:3.0f} / {connections[1]:3.0f} ms with a new connection each request"
        )


def _floor(layout: Layout, seconds: float, count: int) -> Floor:
    people = People(FloorPerson, layout.site, seconds, count)
    people.start()
    own = people.join()
    connections = measure("minimal view", layout.nginx_port, "/bench/minimal/", seconds, count)
    return Floor(tuple(latency for person in own for latency in person.latencies), connections.latencies, seconds)


def _p50_p95(latencies: list[float]) -> tuple[float, float]:
    """p50 and p95 of ``latencies`` (seconds), in milliseconds."""
    return statistics.median(latencies) * 1000, statistics.quantiles(latencies, n=20)[18] * 1000


def _latencies(people: list[Outcome]) -> tuple[float, float]:
    """p50 and p95 of every request the people made, in milliseconds."""
    return _p50_p95([latency for person in people for latency in person.latencies])


def _latencies_by_kind(people: list[Outcome]) -> dict[str, tuple[int, float, float]]:
    """For each kind of request: how many, and their p50 and p95 in milliseconds."""
    by_kind: dict[str, list[float]] = {}
    for person in people:
        for kind, latency in zip(person.kinds, person.latencies, strict=True):
            by_kind.setdefault(kind, []).append(latency)
    return {kind: (len(latencies), *_p50_p95(latencies)) for kind, latencies in by_kind.items() if len(latencies) > 1}


def cpu_by_process() -> dict[int, tuple[str, float]]:
    """CPU seconds used so far by each process of a kind watched here (Linux's /proc), by process id: the
    benchmark's own people, the web servers, the workers, PostgreSQL, nginx and Redis."""
    ticks = os.sysconf("SC_CLK_TCK")
    used: dict[int, tuple[str, float]] = {}
    me = os.getpid()
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            command = (entry / "cmdline").read_bytes().replace(b"\0", b" ").decode(errors="replace")
            fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        kind = next(
            (kind for marker, kind in _KINDS if marker in command),
            "this benchmark itself" if int(entry.name) == me else "",
        )
        if kind:
            used[int(entry.name)] = (kind, (int(fields[11]) + int(fields[12])) / ticks)
    return used


def cpu_by_kind(before: dict[int, tuple[str, float]], after: dict[int, tuple[str, float]]) -> dict[str, float]:
    """The CPU each kind of process used between the two readings: of the processes still running at the end
    (one started during the run counts from nothing; one killed during it is not counted)."""
    used: dict[str, float] = {}
    for pid, (kind, seconds) in after.items():
        earlier = before.get(pid)
        used[kind] = used.get(kind, 0.0) + seconds - (earlier[1] if earlier is not None and earlier[0] == kind else 0.0)
    return used


_KINDS = [
    ("gunicorn", "web servers (gunicorn)"),
    ("--queue-name urgent", "the alerts worker"),
    ("manage.py worker", "workers"),
    ("postgres", "PostgreSQL"),
    ("nginx", "nginx"),
    ("redis-server", "Redis"),
]


def _query(layout: Layout, sql: str) -> list[tuple]:
    with psycopg.connect(f"{POSTGRES}/{layout.database}") as connection:
        return connection.execute(sql).fetchall()  # type: ignore[arg-type]


def _longest_waits(layout: Layout) -> dict[bool, float]:
    """The longest any send waited in the queue before a worker took it, in seconds, for urgent alerts (True,
    the alerts worker's queue) and the rest: from when it was queued, or for a retry from when it was due. An
    alert's stand-in, queued for the other workers in case the alerts worker is not running, is not counted."""
    rows = _query(
        layout,
        "SELECT queue_name = 'urgent', max(extract(epoch FROM started_at - CASE "
        "WHEN run_after > now() + interval '1 year' THEN enqueued_at ELSE greatest(enqueued_at, run_after) END)) "
        "FROM django_tasks_database_dbtaskresult WHERE task_path = 'livingwell.core.outbox.message_send' "
        "AND started_at IS NOT NULL AND NOT args_kwargs->'kwargs' ? 'twin' GROUP BY 1",
    )
    return {bool(urgent): float(seconds) for urgent, seconds in rows}


def _windows(layout: Layout, received: list[Received]) -> list[float]:
    """For each email the sink took, how long after it the sending worker recorded it as sent, in seconds: the
    time in which a worker killed has sent an email it has no record of, and sends again (decisions 0077, 0080)."""
    recorded = dict(
        _query(layout, "SELECT key, extract(epoch FROM changed_at) FROM core_delivery WHERE status = 'sent'")
    )
    taken = {message.message_id.strip(" <>").split("@")[0]: message.at for message in received}
    return [float(recorded[key]) - at for key, at in taken.items() if key in recorded]


def _sent_by_stand_ins(layout: Layout) -> int:
    """Alerts the other workers sent because the alerts worker had not taken them in time."""
    ((count,),) = _query(
        layout,
        "SELECT count(*) FROM core_delivery d JOIN django_tasks_database_dbtaskresult t ON d.sender = t.id::text "
        "WHERE t.args_kwargs->'kwargs' ? 'twin'",
    )
    return int(count)


def _drained(layout: Layout, within: float) -> bool:
    """Wait until no message is waiting or being sent."""
    deadline = time.monotonic() + within
    while time.monotonic() < deadline:
        ((waiting,),) = _query(
            layout,
            "SELECT count(*) FROM django_tasks_database_dbtaskresult "
            "WHERE task_path = 'livingwell.core.outbox.message_send' AND status IN ('READY', 'RUNNING')",
        )
        if not waiting:
            return True
        time.sleep(0.5)
    return False


def _workers_started(layout: Layout, within: float) -> bool:
    """Wait until every worker has started and is taking tasks: a worker starting takes the processors ahead
    of the web servers for a second or two (decision 0075), which would slow the floor measured first."""
    deadline = time.monotonic() + within
    while time.monotonic() < deadline:
        if all("Starting worker" in layout.log(name).read_text() for name in layout.workers):
            return True
        time.sleep(0.2)
    return False


def _idle(layout: Layout, ahead: float, within: float) -> bool:
    """Wait until the workers have nothing to do, and nothing due in the next ``ahead`` seconds: the floor
    after the people is measured with the workers as idle as before them, not counting what they left."""
    deadline = time.monotonic() + within
    while time.monotonic() < deadline:
        ((busy,),) = _query(
            layout,
            "SELECT count(*) FROM django_tasks_database_dbtaskresult WHERE status = 'RUNNING' OR "
            f"(status = 'READY' AND run_after <= now() + interval '{ahead:.0f} seconds')",
        )
        if not busy:
            return True
        time.sleep(0.5)
    return False


class Faults:
    """Kills and starts again while the people introduce themselves, each at its moment in the run: a worker,
    a web server, and a worker while it is sending (caught by the sink holding its next email)."""

    def __init__(self, layout: Layout, sink: SmtpSink, seconds: float) -> None:
        self.layout, self.sink, self.seconds = layout, sink, seconds
        self.began = time.monotonic()
        self.events: list[str] = []
        self.killed_sending = False

    def _at(self, fraction: float) -> None:
        time.sleep(max(0.0, self.began + self.seconds * fraction - time.monotonic()))

    def _say(self, what: str) -> None:
        self.events.append(f"{time.monotonic() - self.began:5.1f} s  {what}")

    def worker(self) -> None:
        self._at(0.1)
        self.layout.kill("worker-2")
        self._say("worker 2 killed")
        time.sleep(1)
        self.layout.worker_start(2)
        self._say("worker 2 started again")

    def web(self) -> None:
        self._at(0.2)
        port = self.layout.web_ports[0]
        self.layout.kill(f"web-{port}")
        self._say(f"web server on {port} killed")
        time.sleep(1)
        self.layout.web_start(port)
        self._say(f"web server on {port} started again and ready")

    def sending(self) -> None:
        self._at(0.35)
        self.sink.hold_next()
        if not self.sink.held.wait(self.seconds):
            self.sink.hold_none()
            self._say("no email was sent while the sink waited: no worker killed while sending")
            return
        workers = {self.layout.processes[name].pid: name for name in self.layout.workers}
        sender = _pid_of_connection(self.sink.held_port, list(workers))
        if sender is None:
            self.sink.released.set()
            self._say("the sending worker could not be found")
            return
        name = workers[sender]
        self.layout.kill(name)
        self.sink.released.set()
        self.killed_sending = True
        self._say(f"{name.replace('-', ' ')} killed while sending an email, before the sink took it")
        time.sleep(1)
        self.layout.start_again(name)
        self._say(f"{name.replace('-', ' ')} started again")

    def threads(self) -> list[threading.Thread]:
        return [threading.Thread(target=fault) for fault in (self.worker, self.web, self.sending)]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--seconds", type=float, default=60.0)
    parser.add_argument("--people", type=int, default=50)
    parser.add_argument("--no-faults", dest="faults", action="store_false", help="kill nothing: the load alone")
    options = parser.parse_args()

    sink = SmtpSink(ROOT / "var" / "cluster-emails.tsv")
    sink.start()
    environment = {
        "EMAIL_URL": f"smtp://127.0.0.1:{sink.port}",
        "LW_DUTY_EMAIL": DUTY_EMAIL,
        "LW_RATE_INTRODUCTIONS": "1000000/h",
        "LW_RATE_PUBLIC_FORMS": "1000000/h",
    }
    with Layout(name="cluster", redis_db=6, settings="bench.production", environment=environment) as layout:
        layout.migrated()
        layout.web_start()
        layout.web_start()
        layout.worker_start(1)
        layout.worker_start(2)
        layout.alerts_start()
        layout.nginx_start()
        if not (_workers_started(layout, 60) and _idle(layout, 0, 60)):
            print("  (the workers were still starting, or busy, when the floor was first measured)")
        floor_seconds = min(10.0, options.seconds)
        floor_before = _floor(layout, floor_seconds, options.people)

        clients = People(ClusterPerson, layout.site, options.seconds, options.people)
        started = time.monotonic()
        cpu_before = cpu_by_process()
        faults = Faults(layout, sink, options.seconds)
        threads = faults.threads() if options.faults else []
        clients.start()
        for thread in threads:
            thread.start()
        people = clients.join()
        for thread in threads:
            thread.join()
        elapsed = time.monotonic() - started
        cpu = cpu_by_kind(cpu_before, cpu_by_process())
        cpu["the people's clients"] = sum(person.cpu for person in people)
        drained = _drained(layout, 120)
        idle = _idle(layout, 2 * floor_seconds + 5, 120)
        floor_after = _floor(layout, floor_seconds, options.people)

        saved = _query(layout, "SELECT reference, email, is_urgent, source_key FROM frontdoor_introduction")
        unsent_urgent = _query(layout, "SELECT count(*) FROM core_delivery WHERE urgent AND status <> 'sent'")[0][0]
        waits = _longest_waits(layout)
        stood_in = _sent_by_stand_ins(layout)
        windows = _windows(layout, sink.received)

    sent = [journey for person in people for journey in person.sent]
    references = [reference for reference, _email, _urgent in sent]
    saved_references = {reference for reference, *_rest in saved}
    lost = len(set(references) - saved_references)
    unconfirmed = len(saved_references - set(references))
    duplicated = len(saved) - len({address for _reference, address, *_rest in saved})
    double = len(references) - len(set(references))

    wanted = Counter(address for _reference, address, *_rest in saved)
    urgent_sources = {source for _reference, _address, urgent, source in saved if urgent}
    wanted[DUTY_EMAIL] = len(urgent_sources)
    taken = Counter(message.to for message in sink.received)
    distinct = Counter(to for to, _id in {(message.to, message.message_id) for message in sink.received})
    missing = sum(max(0, wanted[address] - distinct[address]) for address in wanted)
    extra = sum(max(0, distinct[address] - wanted[address]) for address in distinct)
    twice = sum(taken.values()) - sum(distinct.values())
    urgent_sent = sum(1 for *_rest, urgent in sent if urgent)
    urgent_saved = sum(1 for _reference, _address, urgent, _source in saved if urgent)

    requests = sum(len(person.latencies) for person in people)
    p50, p95 = _latencies(people)
    floor = floor_before + floor_after
    print(f"{options.people} people for {options.seconds:.0f} s through nginx: 2 web servers (gunicorn, each with")
    print(f"{layout.env['WEB_CONCURRENCY']} processes), 2 workers and the alerts worker, PostgreSQL, Redis; email to a")
    print("local SMTP sink")
    for event in sorted(faults.events):
        print(f"  {event}")
    print(f"introductions confirmed:   {len(references)} ({len(set(references))} different references)")
    print(f"introductions saved:       {len(saved)}  lost: {lost}  saved without a confirmation: {unconfirmed}")
    print(f"duplicated:                {duplicated} saved twice, {double} references shown twice")
    print(f"pages asked again:         {sum(person.retried for person in people)} (a server killed under them)")
    print(f"journeys given up:         {sum(person.errors for person in people)}")
    for why, times in sum((person.why for person in people), Counter()).most_common(3):
        print(f"  {times} x {why}")
    print(f"emails wanted:             {sum(wanted.values())} ({len(urgent_sources)} to the duty inbox)")
    print(f"emails taken by the sink:  {sum(taken.values())}  missing: {missing} extra: {extra} twice: {twice}")
    print(f"email cut off by a kill:   {sink.dropped} (not taken, so sent again)")
    print(f"queue drained:             {'yes' if drained else 'NO'}")
    print(f"duty queue:                {urgent_saved} urgent of {urgent_sent} sent; alerts unsent: {unsent_urgent}")
    print(
        f"longest wait for a worker: {waits.get(True, 0.0):.1f} s for an urgent alert, "
        f"{waits.get(False, 0.0):.1f} s for any other email"
    )
    if len(windows) > 1:
        window_p50, window_p95 = _p50_p95(windows)
        print(
            f"taken, not yet recorded:   p50 {window_p50:.1f} ms, p95 {window_p95:.1f} ms, "
            f"longest {max(windows) * 1000:.1f} ms (a worker killed then sends again)"
        )
    print(f"alerts sent by a stand-in: {stood_in} (the alerts worker had not taken them in time)")
    rate, journeys = requests / elapsed, len(references) / elapsed
    print(f"throughput:                {rate:.0f} requests/s, {journeys:.1f} introductions/s")
    print(f"request p50 / p95:         {p50:.0f} / {p95:.0f} ms, by kind of request:")
    for kind, (count, kind_p50, kind_p95) in sorted(_latencies_by_kind(people).items()):
        print(f"  {kind:28} {kind_p50:4.0f} / {kind_p95:4.0f} ms  ({count})")
    print(f"floor, the minimal view, p50 / p95, under {options.people} clients, before the people and after the queue")
    print("drained, and the two together:")
    print(floor_before.line("before"))
    print(floor_after.line("after"))
    print(floor.line("together"))
    if not idle:
        print("  (the workers were still busy after the people: the floor after them is slower than it should be)")
    # A process that ended during the run (killed, or a database connection closed at its age) is not counted.
    print(f"CPU per request, of the {os.cpu_count()} cores' {elapsed * (os.cpu_count() or 1):.0f} s in all, by the")
    print("processes still running at the end:")
    for kind, seconds in sorted(cpu.items(), key=lambda item: -item[1]):
        print(f"  {kind:30} {seconds * 1000 / requests:5.1f} ms  ({seconds:.0f} s)")
    own, connections = p95 / _p50_p95(list(floor.own))[1], p95 / _p50_p95(list(floor.connections))[1]
    print(f"p95 / floor p95 together:  {own:.1f} with the people's own client (target: 3 or less), {connections:.1f}")
    print("                           with a new connection each request")
    wrong = bool(
        not references or (options.faults and not faults.killed_sending)
        or lost or unconfirmed or duplicated or double or missing or extra or twice or not drained
        or unsent_urgent or urgent_saved != urgent_sent
    )  # fmt: skip
    print("RESULT:", "WRONG" if wrong else "0 lost, 0 duplicated, every email exactly once, the duty queue right")
    return 1 if wrong else 0


if __name__ == "__main__":
    sys.exit(main())
