"""Signing in, the second factor, lockouts and idle time-outs, all through HTTP."""

import logging
import time
from io import StringIO
from urllib.parse import parse_qs, urlparse

import pytest
from django.core import mail
from django.core.management import call_command
from django.test import Client
from django.urls import reverse
from django_otp.oath import TOTP
from django_otp.plugins.otp_static.models import StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from livingwell.accounts.middleware import LAST_SEEN_KEY
from livingwell.accounts.models import Role
from livingwell.accounts.services import backup_codes_replace
from livingwell.accounts.tests.factories import UserFactory
from livingwell.conftest import worker_run

PASSWORD = "a-long-test-password"


def _sign_in(client: Client, username: str, password: str = PASSWORD, next_url: str = ""):
    data = {"username": username, "password": password}
    if next_url:
        data["next"] = next_url
    return client.post(reverse("accounts:sign_in"), data)


def _totp_now(device: TOTPDevice) -> str:
    totp = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift)
    totp.time = time.time()
    return f"{totp.token():06d}"


@pytest.mark.django_db
def test_a_person_signs_in_without_a_second_factor(client: Client) -> None:
    UserFactory(username="sam", role=Role.PERSON)
    response = _sign_in(client, "sam")
    assert response.status_code == 302
    assert response["Location"] == reverse("accounts:dashboard")
    assert client.get(reverse("accounts:dashboard")).status_code == 200


@pytest.mark.django_db
def test_wrong_password_gets_a_clear_message(client: Client) -> None:
    UserFactory(username="sam")
    response = _sign_in(client, "sam", "not-the-password")
    assert response.status_code == 200
    assert "Enter a correct username and password" in response.content.decode()


@pytest.mark.django_db
@pytest.mark.parametrize(
    "username",
    ["", "x" * 5000, "Zoë 👋", "<script>alert(1)</script>", "'; DROP TABLE accounts_user; --", "\x00"],
)
def test_nasty_usernames_are_refused_cleanly(client: Client, username: str) -> None:
    response = _sign_in(client, username, "whatever")
    html = response.content.decode()
    assert "<script>alert(1)</script>" not in html
    if "\x00" in username:  # refused for the whole site, before any form sees it
        assert response.status_code == 400
        assert "could not be read" in html
        return
    assert response.status_code == 200
    assert "govuk-error-summary" in html


@pytest.mark.django_db(transaction=True)
def test_staff_enrol_an_authenticator_then_reach_staff_pages(client: Client) -> None:
    UserFactory(username="hana", role=Role.HUB_MANAGER, email="hana@livingwell.example")
    response = _sign_in(client, "hana", next_url=reverse("people:person_list"))
    assert urlparse(response["Location"]).path == reverse("accounts:two_factor")
    next_url = parse_qs(urlparse(response["Location"]).query)["next"][0]
    assert next_url == reverse("people:person_list")

    # Still no way through to a staff page.
    assert client.get(reverse("people:person_list")).status_code == 302

    setup = client.get(response["Location"])
    assert "Set up your security code" in setup.content.decode()
    assert "<svg" in setup.content.decode()
    device = TOTPDevice.objects.get(user__username="hana", confirmed=False)

    wrong = client.post(reverse("accounts:two_factor"), {"code": "000000", "next": next_url})
    assert "The security code is not right" in wrong.content.decode()
    # django-otp slows down guessing after a wrong code; a person would wait a moment.
    device.refresh_from_db()
    device.throttle_reset()

    confirmed = client.post(reverse("accounts:two_factor"), {"code": _totp_now(device), "next": next_url})
    assert confirmed.status_code == 200
    assert "Keep these backup codes somewhere safe" in confirmed.content.decode()
    assert StaticToken.objects.filter(device__user__username="hana").count() == 10
    assert client.get(reverse("people:person_list")).status_code == 200

    # A security email goes out through the task queue.
    worker_run()
    assert [message.to for message in mail.outbox] == [["hana@livingwell.example"]]


@pytest.mark.django_db
def test_a_backup_code_works_once(client: Client) -> None:
    user = UserFactory(username="gabriel", role=Role.PERSONAL_GUIDE)
    backup_codes_replace(user=user, codes=["abcd1234"])
    response = _sign_in(client, "gabriel")
    verify = client.get(response["Location"])
    assert "Enter your security code" in verify.content.decode()

    assert client.post(reverse("accounts:two_factor"), {"code": " abcd 1234 "}).status_code == 302
    assert client.get(reverse("accounts:dashboard")).status_code == 200

    client.post(reverse("accounts:sign_out"))
    _sign_in(client, "gabriel")
    reused = client.post(reverse("accounts:two_factor"), {"code": "abcd1234"})
    assert reused.status_code == 200
    assert "The security code is not right" in reused.content.decode()


@pytest.mark.django_db
@pytest.mark.parametrize("code", ["", " ", "x" * 100, "<b>1</b>", "' OR 1=1 --"])
def test_nasty_security_codes_are_refused_cleanly(client: Client, code: str) -> None:
    user = UserFactory(username="dana", role=Role.DUTY_WORKER)
    backup_codes_replace(user=user, codes=["abcd1234"])
    _sign_in(client, "dana")
    response = client.post(reverse("accounts:two_factor"), {"code": code})
    assert response.status_code == 200
    assert "govuk-error-summary" in response.content.decode()
    assert client.get(reverse("accounts:dashboard")).status_code == 302


@pytest.mark.django_db
def test_two_factor_ignores_an_offsite_next(client: Client) -> None:
    user = UserFactory(username="dana", role=Role.DUTY_WORKER)
    backup_codes_replace(user=user, codes=["abcd1234"])
    _sign_in(client, "dana")
    response = client.post(reverse("accounts:two_factor"), {"code": "abcd1234", "next": "https://evil.example/"})
    assert response["Location"] == reverse("accounts:dashboard")


@pytest.mark.django_db
def test_repeated_failures_lock_the_account_out_and_log_no_names(client: Client, caplog, settings) -> None:
    UserFactory(username="ada.lovelace")
    with caplog.at_level(logging.DEBUG):
        for _ in range(settings.AXES_FAILURE_LIMIT):
            _sign_in(client, "ada.lovelace", "wrong-password")
        locked = _sign_in(client, "ada.lovelace")
    assert locked.status_code == 429
    assert "Too many attempts to sign in" in locked.content.decode()
    assert "ada.lovelace" not in caplog.text
    assert "wrong-password" not in caplog.text
    assert client.get(reverse("accounts:dashboard")).status_code == 302


@pytest.mark.django_db
def test_staff_are_signed_out_after_idle_time(client: Client, settings) -> None:
    from livingwell.conftest import sign_in

    user = UserFactory(username="pat", role=Role.PROVIDER_EDITOR)
    sign_in(client, user)
    assert client.get(reverse("accounts:dashboard")).status_code == 200
    session = client.session
    session[LAST_SEEN_KEY] = int(time.time()) - settings.LW_STAFF_IDLE_MINUTES * 60 - 1
    session.save()
    response = client.get(reverse("accounts:dashboard"))
    assert response.status_code == 302
    assert reverse("accounts:sign_in") in response["Location"]


@pytest.mark.django_db
def test_people_using_the_network_are_not_timed_out(client: Client, settings) -> None:
    user = UserFactory(username="sam")
    client.force_login(user)
    session = client.session
    session[LAST_SEEN_KEY] = int(time.time()) - settings.LW_STAFF_IDLE_MINUTES * 60 - 1
    session.save()
    assert client.get(reverse("accounts:dashboard")).status_code == 200


@pytest.mark.django_db
def test_admin_needs_a_verified_administrator(client: Client) -> None:
    from livingwell.conftest import sign_in

    admin = UserFactory(username="ade", role=Role.ADMINISTRATOR)
    client.force_login(admin)
    unverified = client.get(reverse("admin:index"), follow=True)
    assert unverified.redirect_chain[-1][0].startswith(reverse("accounts:two_factor"))

    sign_in(client, admin)
    assert client.get(reverse("admin:index")).status_code == 200


@pytest.mark.django_db
def test_sign_out_needs_post_and_signs_out(client: Client) -> None:
    user = UserFactory(username="sam")
    client.force_login(user)
    assert client.get(reverse("accounts:sign_out")).status_code == 405
    response = client.post(reverse("accounts:sign_out"), follow=True)
    assert "You have signed out" in response.content.decode()
    assert client.get(reverse("accounts:dashboard")).status_code == 302


@pytest.mark.django_db
def test_demo_data_loads_idempotently() -> None:
    from livingwell.accounts.models import User
    from livingwell.people.models import Person

    call_command("demo_load", stdout=StringIO())
    first = (User.objects.count(), Person.objects.count())
    output = StringIO()
    call_command("demo_load", stdout=output)
    assert (User.objects.count(), Person.objects.count()) == first
    assert set(User.objects.values_list("role", flat=True)) == set(Role)
    assert "living-well-demo" in output.getvalue()
    assert "hubmanager" in output.getvalue()


@pytest.mark.django_db(transaction=True)  # the worker runs on its own connection
@pytest.mark.parametrize("role", [Role.PERSON, Role.DUTY_WORKER])
def test_forgot_your_password_sends_a_link_and_staff_still_give_their_second_factor(role: Role) -> None:
    import re
    from urllib.parse import urlsplit

    from django.core import mail

    user = UserFactory(username="dana", role=role, email="dana@example.org")
    client = Client()
    assert "Forgot your password?" in client.get(reverse("accounts:sign_in")).content.decode()
    sent = client.post(reverse("accounts:forgot_password"), {"email": "DANA@example.org"})
    nobody = client.post(reverse("accounts:forgot_password"), {"email": "nobody@example.org"})
    for answer in (sent, nobody):  # the same answer either way: the page tells nobody who has an account
        assert "Check your email" in answer.content.decode()
        assert "If an account uses that email address" in answer.content.decode()
    assert "Enter your email address" in client.post(reverse("accounts:forgot_password"), {}).content.decode()
    worker_run()
    (message,) = mail.outbox
    assert message.to == ["dana@example.org"]
    link = re.search(r"http://\S+/account/new-password/\S+", message.body)
    assert link is not None
    opened = client.get(urlsplit(link.group(0)).path, follow=True)
    assert "Choose a new password" in opened.content.decode()
    new = "a quiet walk along the river"
    done = client.post(opened.redirect_chain[-1][0], {"new_password1": new, "new_password2": new}, follow=True)
    assert "Your password is changed" in done.content.decode()
    assert not done.wsgi_request.user.is_authenticated  # the link signs nobody in
    signed_in = _sign_in(client, "dana", new)
    assert signed_in.status_code == 302
    if role == Role.PERSON:
        assert "two-factor" not in signed_in["Location"]
    else:
        assert "two-factor" in signed_in["Location"]  # staff still give their second factor
    # The link worked once.
    again = Client().get(urlsplit(link.group(0)).path, follow=True)
    assert "This link has been used or has expired" in again.content.decode()
    user.refresh_from_db()
    assert user.check_password(new)
