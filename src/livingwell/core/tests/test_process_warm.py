"""A web server process makes ready, before its first request, what each process would otherwise make at some
person's request: every address pattern in each language, and every template (config/gunicorn.py, decision
0074)."""

import gc

import pytest
from django.conf import settings
from django.template import engines
from django.test import Client
from django.urls import clear_url_caches, get_resolver

from livingwell.config.gunicorn import post_worker_init


@pytest.mark.django_db
def test_a_web_server_process_makes_addresses_and_templates_ready_before_its_first_request(monkeypatch) -> None:
    monkeypatch.setattr(gc, "freeze", lambda: None)  # the tests' own objects stay collectable
    clear_url_caches()
    loader = engines["django"].engine.template_loaders[0]  # Django's cached loader, as in production
    loader.reset()
    post_worker_init(worker=None)
    assert {code for code, _name in settings.LANGUAGES} <= set(get_resolver()._reverse_dict)
    for name in ("frontdoor/step.html", "frontdoor/check.html", "core/public.html", "core/includes/crisis.html"):
        assert name in loader.get_template_cache, name
    assert Client().get("/introduce/").status_code == 200
