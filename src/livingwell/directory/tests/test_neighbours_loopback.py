"""Two Living Well instances: a second one, Northgate, runs under gunicorn on the loopback with a database of
its own and serves its Open Referral UK feed; this one reads it as a neighbouring directory (decision 0063).
Its listings arrive marked with their source; a change there is read through ``modified_after`` alone; a
listing taken down there is taken down here."""

import json
import os
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from django.test import Client
from django.urls import reverse

from livingwell.conftest import free_port
from livingwell.directory.importer.formats import fetch_json
from livingwell.directory.models import Neighbour, Service
from livingwell.directory.neighbours import local_id, neighbour_fetch

pytestmark = pytest.mark.django_db

ROOT = Path(__file__).resolve().parents[4]
GUNICORN = str(Path(sys.executable).with_name("gunicorn"))
ORGANISATION = {"id": "0b0a3d3e-6a53-4f0c-9a55-1d1f0e7a0001", "name": "Northgate Mind", "description": "A charity."}
SERVICES = [
    {"id": f"0b0a3d3e-6a53-4f0c-9a55-1d1f0e7a010{n}", "name": name, "status": "active", "description": words,
     "organization": ORGANISATION}
    for n, (name, words) in enumerate(
        [("Allotment club", "Growing food together."), ("Community choir", "Singing for everyone."),
         ("Riverside walk", "A gentle walk by the river.")]
    )
]  # fmt: skip


class Northgate:
    """The second instance: its own settings from the environment, its own SQLite database."""

    def __init__(self, folder: Path) -> None:
        self.env = {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "livingwell.config.settings",
            "DATABASE_URL": f"sqlite:///{folder / 'northgate.sqlite3'}",
            "LW_SERVICE_NAME": "Northgate Living Well",
        }
        self.folder = folder
        self.port = free_port()
        self.feed_url = f"http://127.0.0.1:{self.port}/api/oruk"

    def manage(self, *args: str) -> None:
        subprocess.run(
            [sys.executable, str(ROOT / "manage.py"), *args], env=self.env, check=True, capture_output=True, text=True
        )

    def shell(self, code: str) -> None:
        self.manage("shell", "-c", code)

    def serve(self) -> subprocess.Popen[bytes]:
        log = (self.folder / "gunicorn.log").open("w")
        server = subprocess.Popen(
            [GUNICORN, "--bind", f"127.0.0.1:{self.port}", "--workers", "1", "livingwell.config.wsgi"],
            env=self.env, stdout=log, stderr=log, cwd=ROOT,
        )  # fmt: skip
        for _attempt in range(200):
            try:
                with urllib.request.urlopen(f"{self.feed_url}/", timeout=2):  # noqa: S310 - our own http address
                    return server
            except OSError:
                time.sleep(0.1)
        server.terminate()
        pytest.fail("Northgate did not start: " + (self.folder / "gunicorn.log").read_text())


@pytest.fixture
def northgate(tmp_path: Path) -> Iterator[Northgate]:
    other = Northgate(tmp_path)
    other.manage("migrate", "--verbosity", "0")
    (tmp_path / "seed.json").write_text(json.dumps(SERVICES))
    other.manage("directory_import", "--json", str(tmp_path / "seed.json"))
    server = other.serve()
    try:
        yield other
    finally:
        server.terminate()
        server.wait(timeout=10)


def test_a_second_instance_feeds_this_one(northgate: Northgate, client: Client) -> None:
    neighbour = Neighbour.objects.create(name="Northgate Living Well", feed_url=northgate.feed_url)
    asked: list[str] = []

    def fetch(url: str) -> Any:
        asked.append(url)
        return fetch_json(url)

    first = neighbour_fetch(neighbour, fetch=fetch)
    assert (first.created, first.problems, first.complete) == (3, [], True)
    walk = Service.objects.get(pk=local_id(neighbour, SERVICES[2]["id"]))
    assert (walk.name, walk.source, walk.is_published) == ("Riverside walk", neighbour, True)
    page = client.get(reverse("directory:service_detail", kwargs={"service_id": walk.pk})).content.decode()
    assert "From Northgate Living Well" in page
    assert client.get("/api/oruk/services").json()["contents"] == []  # ours alone are in our feed

    northgate.shell(
        "from livingwell.directory.models import Service\n"
        "choir = Service.objects.get(name='Community choir')\n"
        "choir.name = 'Community choir (Tuesdays)'\n"
        "choir.save()\n"
        "walk = Service.objects.get(name='Riverside walk')\n"
        "walk.is_published = False\n"
        "walk.save()\n"
    )
    asked.clear()
    second = neighbour_fetch(neighbour, fetch=fetch)
    assert second.complete
    assert second.withdrawn == 1
    assert any("modified_after=" in url for url in asked)
    in_full = [url.rsplit("/", 1)[1] for url in asked if "/services/" in url]
    assert SERVICES[0]["id"] not in in_full  # not changed there, so not read again
    assert Service.objects.get(pk=local_id(neighbour, SERVICES[1]["id"])).name == "Community choir (Tuesdays)"
    walk.refresh_from_db()
    assert not walk.is_published
    assert client.get(reverse("directory:service_detail", kwargs={"service_id": walk.pk})).status_code == 404
