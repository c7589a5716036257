"""Rate limits in the shared cache: counted in Redis as production runs them, failing open when the cache is
down; and the client's address behind our own proxies, for limits and for sign-in lockouts."""

import pytest
from django.test import Client, RequestFactory
from django.urls import reverse

from livingwell.accounts.tests.factories import UserFactory
from livingwell.core.client_ip import client_ip
from livingwell.core.rate_limits import over_limit


def test_limits_are_counted_in_redis_across_processes(redis_cache, settings) -> None:
    request = RequestFactory().post("/", REMOTE_ADDR="192.0.2.7")
    assert [over_limit(request, "test", "3/h") for _ in range(4)] == [False, False, False, True]
    assert any("rl:" in str(key) for key in redis_cache.keys("*"))


def test_a_cache_that_is_down_never_turns_a_person_away(settings) -> None:
    settings.CACHES = {
        **settings.CACHES,
        "default": {"BACKEND": "django_redis.cache.RedisCache", "LOCATION": "redis://127.0.0.1:1/0"},
    }
    request = RequestFactory().post("/", REMOTE_ADDR="192.0.2.7")
    assert not any(over_limit(request, "test", "1/h") for _ in range(5))


@pytest.mark.parametrize(
    ("remote", "forwarded", "client"),
    [
        ("192.0.2.1", "", "192.0.2.1"),
        ("192.0.2.1", "198.51.100.9", "192.0.2.1"),  # not our proxy: its header could say anything
        ("10.1.2.3", "198.51.100.9", "198.51.100.9"),
        ("10.1.2.3", "203.0.113.5, 198.51.100.9, 10.0.0.2", "198.51.100.9"),  # the rightmost not ours
        ("10.1.2.3", "not-an-address", "10.1.2.3"),
        ("10.1.2.3", "", "10.1.2.3"),
    ],
)
def test_the_client_is_who_our_own_proxy_says(settings, remote: str, forwarded: str, client: str) -> None:
    settings.LW_TRUSTED_PROXIES = ["10.0.0.0/8"]
    request = RequestFactory().get("/", REMOTE_ADDR=remote, HTTP_X_FORWARDED_FOR=forwarded)
    assert client_ip(request) == client


@pytest.mark.django_db
def test_behind_the_proxy_someone_elses_failures_do_not_lock_out_duty(settings) -> None:
    settings.LW_TRUSTED_PROXIES = ["10.0.0.0/8"]
    UserFactory(username="duty")
    attacker = Client(REMOTE_ADDR="10.0.0.2", HTTP_X_FORWARDED_FOR="203.0.113.66")
    for _ in range(settings.AXES_FAILURE_LIMIT + 1):
        attacker.post(reverse("accounts:sign_in"), {"username": "duty", "password": "guess"})
    assert attacker.post(reverse("accounts:sign_in"), {"username": "duty", "password": "guess"}).status_code == 429
    duty = Client(REMOTE_ADDR="10.0.0.2", HTTP_X_FORWARDED_FOR="198.51.100.20")
    signed_in = duty.post(reverse("accounts:sign_in"), {"username": "duty", "password": "a-long-test-password"})
    assert signed_in.status_code == 302
