"""A member is written to in the language of the page they joined on (decision 0062): the welcome, the news of
each exchange, a nudge and their account's own emails, with links that open in it; their own pages, the ones
those emails open, are in it too. The other member in an exchange, and the coordinator, keep their own."""

import re
import uuid
from urllib.parse import urlsplit

import pytest
from django.test import Client
from django.utils.translation import gettext as _

from livingwell.accounts.models import Role, User
from livingwell.conftest import sign_in
from livingwell.core.languages import in_language
from livingwell.core.outbox import Message, message_build
from livingwell.core.tests.test_languages import Untranslated
from livingwell.directory.models import Service
from livingwell.directory.tests.factories import OrganizationFactory
from livingwell.timebank import services
from livingwell.timebank.models import Bank, Category, Exchange, Member
from livingwell.timebank.selectors import bank
from livingwell.timebank.shipped import bank_load
from livingwell.timebank.tests.factories import listing_for, member_for

pytestmark = pytest.mark.django_db


def _sent(builder: str, **arguments: object) -> Message:
    """A message as the worker builds it, in the site's own language unless its builder writes in another."""
    message = message_build(f"livingwell.timebank.messages.{builder}", {k: str(v) for k, v in arguments.items()})
    assert message is not None
    return message


@pytest.mark.parametrize("code", ["pl", "ar"])
def test_a_member_is_written_to_in_the_language_they_joined_in(
    client: Client, monkeypatch: pytest.MonkeyPatch, code: str
) -> None:
    bank_load(Bank, Category)
    data = {"name": "Ola", "email": "ola@example.org", "about": "Szydełkowanie", "agree": "on",
            "submission_id": str(uuid.uuid4())}  # fmt: skip
    assert client.post(f"/{code}/time-bank/join/", data)["Location"] == f"/{code}/time-bank/join/thank-you/"
    asked = Member.objects.get(name="Ola")
    assert asked.written_in == code
    coordinator = User.objects.create(username="co", email="co@example.org", role=Role.PROVIDER_EDITOR)
    services.member_welcome(actor=coordinator, member=asked)  # the coordinator's page is in English
    asked.refresh_from_db()
    untranslated = Untranslated(monkeypatch, code)
    welcome = _sent("welcome_message", member_id=asked.pk)
    assert welcome.language == code
    with in_language(code):
        assert welcome.subject == _("Welcome to %(bank)s") % {"bank": bank().label}
    assert re.search(rf"http://\S+/{code}/\S*welcome/", welcome.body())  # choosing a password opens in it
    # Another member, in English, asks about their offer: Ola hears of it in hers; Bola hears back in his.
    offer = listing_for(asked)
    bola = member_for(User.objects.create(username="bola", email="bola@example.org", role=Role.PERSON), name="Bola")
    exchange = services.exchange_ask(member=bola, listing=offer, message="Saturday?", submission_id=uuid.uuid4())
    asked_about = _sent("exchange_message", exchange_id=exchange.pk, kind="asked", to_member_id=asked.pk)
    assert asked_about.language == code
    link = urlsplit(re.search(r"http://\S+/exchanges/\S+", asked_about.body()).group(0))  # type: ignore[union-attr]
    assert link.path == f"/{code}/time-bank/exchanges/{exchange.pk}/"
    ola = Client()
    sign_in(ola, asked.user)
    pages = [ola.get(link.path), ola.get(f"/{code}/time-bank/mine/"), ola.get(f"/{code}/time-bank/mine/leave/")]
    pages.append(ola.get(f"/{code}/time-bank/offers-and-requests/new/"))
    pages.append(ola.post(f"/{code}/time-bank/offers-and-requests/new/", {"submission_id": str(uuid.uuid4())}))
    said = ola.post(f"{link.path}answer/", {"answer": "yes"}, follow=True)
    pages.append(said)
    pages.append(ola.post(f"{link.path}hours/", {"hours": "1.1"}))
    recorded = f"{link.path}hours/"
    pages.append(ola.post(recorded, {"hours": "1.5", "note": "Ogród"}, follow=True))
    assert [page.status_code for page in pages] == [200] * len(pages)
    assert all(f'lang="{code}"' in page.content.decode() for page in pages)
    agreed = _sent("exchange_message", exchange_id=exchange.pk, kind="agreed", to_member_id=bola.pk)
    assert agreed.language == "en-gb"
    agreed.body()
    services.hours_confirm(member=bola, exchange=Exchange.objects.get(pk=exchange.pk))
    nudge = _sent("nudge_message", member_id=asked.pk)
    for kind in ["declined", "withdrawn", "recorded"]:
        _sent("exchange_message", exchange_id=exchange.pk, kind=kind, to_member_id=asked.pk).body()
    assert nudge.language == code
    assert f"/{code}/time-bank/" in nudge.body()
    # Their account's own emails: a new password, in the language they joined in.
    asked.user.set_password("a long and unguessable password")
    asked.user.save()
    reset = message_build("livingwell.accounts.services.password_reset_message", {"user_id": asked.user.pk})
    assert reset is not None
    assert reset.language == code
    reset.body()
    assert list(untranslated.found) == []


def test_a_member_who_joins_signed_in_keeps_the_page_language_and_one_who_joined_before_keeps_none() -> None:
    user = User.objects.create(username="priya", email="priya@example.org", role=Role.PEER_SUPPORTER)
    client = Client()
    sign_in(client, user)
    client.post("/es/time-bank/join/member/", {"name": "Priya", "agree": "on", "submission_id": str(uuid.uuid4())})
    assert Member.objects.get(user=user).written_in == "es"
    earlier = member_for(name="Hugh", email="hugh@example.org")  # joined before languages were kept
    assert earlier.written_in == ""
    assert _sent("nudge_message", member_id=earlier.pk).language == "en-gb"


def test_what_the_time_bank_ships_is_read_in_each_language_and_what_it_publishes_is_in_the_sites() -> None:
    """The code of conduct, the advice for a first meeting, the categories and the bank's name ship in English
    and are read in the reader's language while unchanged; one the coordinator rewrote is shown as written. An
    offer added on a page in Arabic goes into the directory in the site's own language."""
    bank_load(Bank, Category)
    Bank.objects.filter(pk=bank().pk).update(organization=OrganizationFactory(name="Kingsmere Time Bank"))
    with in_language("ar"):
        conduct, meeting, garden = (
            _("Be kind, be on time, and say early if you cannot come."),
            _("Tell someone you trust where you are going and when you expect to be back."),
            _("Gardening"),
        )
    assert "Be kind" not in conduct
    page = Client().get("/ar/time-bank/join/").content.decode()
    assert conduct in page
    assert meeting in page
    assert "Be kind, be on time" not in page
    assert garden in Client().get("/ar/time-bank/").content.decode()
    Bank.objects.filter(pk=bank().pk).update(code_of_conduct="Be kind.\nBring a flask of tea.")
    rewritten = Client().get("/ar/time-bank/code-of-conduct/").content.decode()
    assert "Bring a flask of tea." in rewritten
    user = User.objects.create(username="ola", email="ola@example.org", role=Role.PERSON)
    member_for(user, name="Ola")
    ola = Client()
    sign_in(ola, user)
    data = {"kind": "offer", "category": Category.objects.get(slug="gardening").pk, "title": "Ogród",
            "description": "Pielenie.", "area": "", "submission_id": str(uuid.uuid4())}  # fmt: skip
    assert ola.post("/ar/time-bank/offers-and-requests/new/", data).status_code == 302
    service = Service.objects.get(opportunity_type="time_bank")
    assert service.name == "Time bank offer: Ogród"
    assert service.description.endswith("Join the time bank to ask for this. Hours are never money.")
    assert "/ar/" not in service.url
