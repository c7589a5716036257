"""A web server process makes ready, before its first request, what each process would otherwise make at some
person's request: every address pattern in each language, and every template (config/gunicorn.py, decision
0074)."""

import gc
import importlib
import os

import pytest
from django.conf import settings
from django.template import engines
from django.test import Client
from django.urls import clear_url_caches, get_resolver

from livingwell.config import gunicorn


@pytest.mark.django_db
def test_a_web_server_process_makes_addresses_and_templates_ready_before_its_first_request(monkeypatch) -> None:
    monkeypatch.setattr(gc, "freeze", lambda: None)  # the tests' own objects stay collectable
    clear_url_caches()
    loader = engines["django"].engine.template_loaders[0]  # Django's cached loader, as in production
    loader.reset()
    gunicorn.process_warm()
    assert {code for code, _name in settings.LANGUAGES} <= set(get_resolver()._reverse_dict)
    for name in ("frontdoor/step.html", "frontdoor/check.html", "core/public.html", "core/includes/crisis.html"):
        assert name in loader.get_template_cache, name
    assert Client().get("/introduce/").status_code == 200


def test_the_server_makes_ready_once_then_closes_its_database_connections_before_forking(monkeypatch) -> None:
    """With the app loaded in the server's own process (``preload_app``), no database connection it opened may
    be shared by the processes forked from it (decision 0079)."""
    done = []
    monkeypatch.setattr(gunicorn, "process_warm", lambda: done.append("warm"))
    monkeypatch.setattr("django.db.connections.close_all", lambda: done.append("closed"))
    assert gunicorn.preload_app is True
    gunicorn.when_ready(server=None)
    assert done == ["warm", "closed"]


def test_a_web_server_runs_twice_the_processors_it_may_use_unless_told(monkeypatch) -> None:
    """Decision 0081: more processes than that on a busy machine spend their time switching between them."""
    monkeypatch.delenv("WEB_CONCURRENCY", raising=False)
    try:
        assert importlib.reload(gunicorn).workers == 2 * len(os.sched_getaffinity(0))
        monkeypatch.setenv("WEB_CONCURRENCY", "3")  # two servers sharing a machine of three processors
        assert importlib.reload(gunicorn).workers == 3
    finally:
        monkeypatch.undo()
        importlib.reload(gunicorn)
