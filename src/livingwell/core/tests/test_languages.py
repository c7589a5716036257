"""Every resident's language (decision 0062): the language in the address, remembered, right to left for
Arabic, a word on every page not yet checked by a fluent speaker, the confirmation in the person's language,
and message files complete for what is translated: the layout, the home page, "Get help now", the crisis
routes of every kind, and the front door from start to confirmation, its mistakes included."""

import functools
import json
import re
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit

import polib
import pytest
from django.conf import settings
from django.core import mail
from django.db import DatabaseError
from django.test import Client
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import trans_real

from livingwell.accounts.models import Role
from livingwell.accounts.permissions import role_required
from livingwell.accounts.services import password_reset_message, two_factor_enrolled_message
from livingwell.accounts.tests.factories import UserFactory
from livingwell.conftest import shipped_ensure, worker_run
from livingwell.core import languages
from livingwell.core.languages import in_language
from livingwell.core.outbox import message_build
from livingwell.core.tests.test_permission_matrix import DETAIL_KWARGS
from livingwell.core.tests.test_plain_words_pages import matrix_pages
from livingwell.directory.demo import directory_demo_load
from livingwell.directory.models import Neighbour, Service
from livingwell.directory.tests.factories import ServiceFactory
from livingwell.frontdoor.models import Introduction
from livingwell.frontdoor.services import person_from_introduction
from livingwell.frontdoor.tests.factories import IntroductionFactory
from livingwell.frontdoor.tests.test_journey import ANSWERS
from livingwell.peer.services import answered_message
from livingwell.peer.tests.factories import introduction_for, profile_for
from livingwell.people.tests.factories import PersonFactory
from livingwell.support.come_back import closing_summary_message
from livingwell.support.invite import invitation_message, person_account_invite
from livingwell.support.routing import information_message
from livingwell.support.tests.factories import EpisodeFactory, episode_closed
from livingwell.voice.experience import experience_message, offer_make
from livingwell.voice.models import Moment, Story

pytestmark = pytest.mark.django_db

OTHERS = [code for code, _name in settings.SHIPPED_LANGUAGES if code != settings.LANGUAGE_CODE]
LOCALE = Path(settings.LOCALE_PATHS[0])
SOURCE = LOCALE.parent
# Words that show each kind of crisis route at the front door (safety/net.py): each kind's routes are
# translated, and the test reads them in every language.
RISKS = [
    "Honestly I can't go on like this",
    "He hits me and I am scared to go home",
    "i've started cutting again",
    "the voices tell me to hurt people",
]
# Mistakes a person may make on each question, so that every message about one is translated too.
MISTAKES: dict[str, list[dict[str, object]]] = {
    "name": [{"preferred_name": "x" * 101}],
    "date-of-birth": [
        {"date_of_birth_day": "31", "date_of_birth_month": "2", "date_of_birth_year": "1985"},
        {"date_of_birth_day": "1", "date_of_birth_month": "1", "date_of_birth_year": "2999"},
        {"date_of_birth_day": "1", "date_of_birth_month": "1", "date_of_birth_year": "1850"},
    ],
    "contact": [
        {"contact_methods": ["phone", "email", "text", "letter"], "email": "not an address", "phone": "12"},
        {"contact_methods": ["phone", "email", "letter"]},
        {"may_leave_message": "no"},
    ],
    "whats-going-on": [{"in_their_words": "x" * 5001}],
}
# Someone introducing another person, who agreed: the questions about the introducer, and every question
# asked about "them".
FOR_SOMEONE_ELSE: dict[str, list[dict[str, object]]] = {
    "who": [{"for_whom": "someone_else"}],
    "about-you": [
        {},
        {"introducer_relationship": "gp", "introducer_name": "Dr Rao", "introducer_contact": "01632 960001"},
        {
            "introducer_relationship": "gp",
            "introducer_name": "Dr Rao",
            "introducer_contact": "01632 960001",
            "introducer_confirms_agreement": "on",
        },
    ],
}


def _in(code: str, name: str, **kwargs: object) -> str:
    with translation.override(code):
        return reverse(name, kwargs=kwargs or None)


def _the_translated_surface(client: Client, code: str, sent: Callable[[], Any]) -> Iterator[str]:
    """Visit everything that is translated, in ``code``, and send the introduction; yields each page."""
    for name in ("core:home", "core:get_help_now", "frontdoor:start", "frontdoor:expired"):
        yield client.get(_in(code, name)).content.decode()
    # By text message too, so that the confirmation text is sent.
    texts_too = {**ANSWERS, "contact": {**ANSWERS["contact"], "contact_methods": ["phone", "email", "text"]}}
    for slug, answers in texts_too.items():
        url = _in(code, "frontdoor:step", slug=slug)
        yield client.get(url).content.decode()
        yield client.post(url, {name: "" for name in answers}).content.decode()
        for mistake in MISTAKES.get(slug, []):
            yield client.post(url, mistake).content.decode()
        if slug == "whats-going-on":
            for words in RISKS:  # each on a journey of its own, as each shows its own routes
                someone = Client()
                someone.get(_in(code, "frontdoor:step", slug="who"))
                yield someone.post(url, {"in_their_words": words}, follow=True).content.decode()
        assert client.post(url, answers).status_code == 302
    yield client.get(_in(code, "frontdoor:step", slug="equality")).content.decode()  # optional: left out
    check = _in(code, "frontdoor:check")
    yield client.get(check).content.decode()
    with sent():  # the confirmation is queued once the introduction is saved
        client.post(check, {"token": client.get(check).context["journey"].token})
    yield client.get(_in(code, "frontdoor:done")).content.decode()
    # What we recorded, through a one-time link sent in their language.
    reference = Introduction.objects.get(written_in=code).reference
    ask = _in(code, "frontdoor:record_request")
    yield client.get(ask).content.decode()
    yield client.post(ask, {"reference": "", "contact": ""}).content.decode()
    with sent():
        client.post(ask, {"reference": reference, "contact": "sam@example.org"})
    yield client.get(_in(code, "frontdoor:record_sent")).content.decode()
    worker_run()
    (link,) = [message for message in mail.outbox if "/record" in message.body or "see-what" in message.body]
    opening = re.search(r"https?://\S+(/[a-z]{2}/introduce/see-what-we-recorded/open/\?link=\S+)", link.body)
    assert opening is not None, link.body
    yield client.get(opening.group(1)).content.decode()
    token = parse_qs(urlsplit(opening.group(1)).query)["link"][0]
    client.post(_in(code, "frontdoor:record_open"), {"link": token})
    yield client.get(_in(code, "frontdoor:record")).content.decode()
    # An urgent introduction's confirmation page says what has been done.
    someone = Client()
    someone.get(_in(code, "frontdoor:step", slug="who"))
    for slug, answers in {**ANSWERS, "whats-going-on": {"in_their_words": RISKS[0]}}.items():
        someone.post(_in(code, "frontdoor:step", slug=slug), answers)
    someone.post(check, {"token": someone.get(check).context["journey"].token})
    yield someone.get(_in(code, "frontdoor:done")).content.decode()
    yield from _for_someone_else(code)


def _for_someone_else(code: str) -> Iterator[str]:
    """Introducing someone else, who agreed: what is asked of the introducer, with its mistakes, and each
    question asked about them, up to the check page."""
    introducer = Client()
    for slug, tries in {
        **FOR_SOMEONE_ELSE,
        **{slug: [answers] for slug, answers in ANSWERS.items() if slug != "who"},
    }.items():
        url = _in(code, "frontdoor:step", slug=slug)
        yield introducer.get(url).content.decode()
        for answers in tries:
            yield introducer.post(url, answers).content.decode()
    yield introducer.get(_in(code, "frontdoor:check")).content.decode()


def _the_directory(client: Client, code: str, sent: Callable[[], Any]) -> Iterator[str]:
    """Find support in ``code``: every kind of search and its mistakes, the map, a listing (one of ours and a
    neighbour's), the list a person keeps and emails to themselves, and reporting something wrong."""
    directory_demo_load()
    search = _in(code, "directory:search")
    for query in (
        {},
        {"q": "walk"},
        {"category": "peer-support", "postcode": "km1 1aa", "miles": "3"},
        {"kind": "opportunity", "open_now": "on", "free": "on", "access": "step-free", "language": "Polish"},
        {"postcode": "not a postcode"},
        {"postcode": "ZZ9 9ZZ"},
        {"q": "nothing is called this"},
        {"q": "x" * 201},
    ):
        yield client.get(search, query).content.decode()
    yield client.get(_in(code, "directory:map"), {"postcode": "km1 1aa"}).content.decode()
    kept_there = Neighbour.objects.create(name="Northgate Living Well", feed_url="https://north.example/api/oruk")
    theirs = ServiceFactory(source=kept_there, name="Riverside walk", minimum_age=18, maximum_age=25)
    yield client.get(_in(code, "directory:service_detail", service_id=theirs.pk)).content.decode()
    for service in Service.objects.filter(source__isnull=True, is_published=True).order_by("name")[:12]:
        yield client.get(_in(code, "directory:service_detail", service_id=service.pk)).content.decode()
    ours = Service.objects.filter(source__isnull=True, is_published=True).order_by("name").first()
    assert ours is not None
    yield client.post(_in(code, "directory:my_list_add"), {"service_id": ours.pk}, follow=True).content.decode()
    yield client.get(_in(code, "directory:my_list")).content.decode()
    email = _in(code, "directory:my_list_email")
    yield client.get(email).content.decode()
    yield client.post(email, {"email": "not an address", "submission_id": uuid.uuid4()}).content.decode()
    with sent():
        yield client.post(
            email, {"email": "sam@example.org", "submission_id": uuid.uuid4()}, follow=True
        ).content.decode()
    yield client.post(_in(code, "directory:my_list_remove"), {"service_id": ours.pk}, follow=True).content.decode()
    report = _in(code, "directory:report", service_id=ours.pk)
    yield client.get(report).content.decode()
    yield client.post(report, {"message": "", "submission_id": uuid.uuid4()}).content.decode()
    yield client.post(report, {"message": "x" * 2001, "submission_id": uuid.uuid4()}).content.decode()
    yield client.post(
        report, {"message": "The times changed", "submission_id": uuid.uuid4()}, follow=True
    ).content.decode()


# The other public pages translated so far (decision 0062), each as the permission matrix reaches it.
TRANSLATED_PAGES = frozenset(
    {
        "core:contact",
        "core:cookies",
        "core:privacy",
        "core:accessibility",
        "accounts:sign_in",
        "accounts:forgot_password",
        "accounts:password_reset",
        "accounts:welcome",
        "collaborative:index",
        "collaborative:body",
        "collaborative:code_of_conduct",
        "collaborative:decisions",
        "collaborative:join",
        "collaborative:join_sent",
        "collaborative:meeting",
        "peer:groups",
        "peer:group",
        "peer:profiles",
        "peer:profile",
        "public_figures:page",
        "public_figures:report",
        "stories:list",
        "stories:story",
        "stories:write",
        "stories:sent",
        "stories:yours",
        "support:guides",
        "support:came_back",
        "support:come_back",
        "timebank:home",
        "timebank:conduct",
        "timebank:join",
        "timebank:asked",
        "timebank:listing",
        "voice:results",
        "voice:body_results",
        "voice:audit_public",
        "voice:review",
        "voice:answer",
        "voice:answer_thanks",
        "voice:experience",
    }
)


def _the_other_pages(client: Client, code: str) -> Iterator[str]:
    """The contact and cookies pages, signing in, the Collaborative's public pages with asking to join, peer
    support, stories, the time bank, How we are doing and the evaluation's public pages; each form with every
    mistake at once."""
    with translation.override(code):
        for _name, page in matrix_pages(client, TRANSLATED_PAGES):
            yield page
        forms = [
            reverse("collaborative:join", kwargs=DETAIL_KWARGS["collaborative:join"]()),
            reverse("stories:write"),
            reverse("timebank:join"),
        ]
        sign_in = reverse("accounts:sign_in")
    for form in forms:
        yield client.post(form, {}).content.decode()  # every mistake at once
    yield client.post(sign_in, {"username": "x" * 151, "password": ""}).content.decode()


class Untranslated:
    """The messages looked up in ``code`` that its files have no translation for, while it is in use."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch, code: str) -> None:
        self.found: dict[str, None] = {}
        gettext, ngettext = trans_real.DjangoTranslation.gettext, trans_real.DjangoTranslation.ngettext

        def looked_up(translator: trans_real.DjangoTranslation, message: str) -> str:
            if translator.language() == code and message not in translator._catalog:  # type: ignore[operator]
                self.found[message] = None
            return gettext(translator, message)

        def looked_up_plural(translator: trans_real.DjangoTranslation, one: str, many: str, count: int) -> str:
            if translator.language() == code and (one, 0) not in translator._catalog:  # type: ignore[operator]
                self.found[json.dumps([one, many])] = None
            return ngettext(translator, one, many, count)

        monkeypatch.setattr(trans_real.DjangoTranslation, "gettext", looked_up)
        monkeypatch.setattr(trans_real.DjangoTranslation, "ngettext", looked_up_plural)


@pytest.mark.django_db(transaction=True)  # the worker runs here, and closes its connections when done
@pytest.mark.parametrize("code", OTHERS)
def test_everything_translated_is_translated_whole_and_the_confirmation_arrives_in_it(
    client: Client, monkeypatch: pytest.MonkeyPatch, django_capture_on_commit_callbacks: Any, code: str
) -> None:
    shipped_ensure()  # after the transactional test before, what the migrations ship is gone
    untranslated = Untranslated(monkeypatch, code)
    sent = functools.partial(django_capture_on_commit_callbacks, execute=True)
    pages = list(_the_translated_surface(client, code, sent))
    pages += list(_the_directory(Client(), code, sent))
    pages += list(_the_other_pages(Client(), code))
    assert all(f'lang="{code}"' in page for page in pages if page)  # a redirect has none
    worker_run()
    introduction = Introduction.objects.filter(is_urgent=False).get()
    for message in mail.outbox:
        message.message()
    assert introduction.written_in == code
    confirmation = next(message for message in mail.outbox if introduction.reference in message.subject)
    assert introduction.reference in confirmation.subject
    assert "We have your introduction" not in confirmation.subject
    assert "Thank you for introducing yourself" not in confirmation.body
    # The words of risk written in it made urgent introductions: the duty team hears in the site's language.
    to_duty = [message for message in mail.outbox if message.to == [settings.LW_DUTY_EMAIL]]
    assert to_duty
    assert all(message.subject.startswith("Urgent introduction LW-") for message in to_duty)
    assert list(untranslated.found) == []


@pytest.mark.parametrize("code", ["pl", "ar"])
def test_an_introduction_that_cannot_be_saved_says_so_in_their_language(
    client: Client, monkeypatch: pytest.MonkeyPatch, code: str
) -> None:
    client.get(_in(code, "frontdoor:step", slug="who"))
    for slug, answers in ANSWERS.items():
        client.post(_in(code, "frontdoor:step", slug=slug), answers)
    check = _in(code, "frontdoor:check")
    token = client.get(check).context["journey"].token
    untranslated = Untranslated(monkeypatch, code)

    def fails(**_kwargs: object) -> None:
        raise DatabaseError("the database went away")

    monkeypatch.setattr("livingwell.frontdoor.views.journey.introduction_submit", fails)
    page = client.post(check, {"token": token})
    assert page.status_code == 503
    with in_language(code):
        assert str(_("We could not save your introduction")) in page.content.decode()
    assert list(untranslated.found) == []


@pytest.mark.parametrize("code", OTHERS)
def test_the_pages_that_say_something_went_wrong_are_in_their_language(
    client: Client, monkeypatch: pytest.MonkeyPatch, settings, code: str
) -> None:
    """A page that is not there, a form sent after its page went stale, a character that cannot be read, a
    file too large, and sending too often (with the answers kept): each in the language of the address."""
    untranslated = Untranslated(monkeypatch, code)
    pages = [client.get(f"/{code}/no-such-page/")]
    pages.append(Client(enforce_csrf_checks=True).post(_in(code, "frontdoor:step", slug="who"), {"for_whom": "self"}))
    pages.append(client.get(_in(code, "directory:search"), {"q": "walk\x00"}))
    settings.LW_MAX_REQUEST_BYTES = 10
    pages.append(client.post(_in(code, "frontdoor:step", slug="who"), {"for_whom": "self" * 10}))
    settings.LW_MAX_REQUEST_BYTES = 6 * 1024 * 1024
    someone = Client()
    someone.get(_in(code, "frontdoor:step", slug="who"))
    for slug, answers in ANSWERS.items():
        someone.post(_in(code, "frontdoor:step", slug=slug), answers)
    check = _in(code, "frontdoor:check")
    token = someone.get(check).context["journey"].token
    monkeypatch.setattr("livingwell.frontdoor.views.journey.over_limit", lambda *_args, **_kwargs: True)
    pages.append(someone.post(check, {"token": token}))
    assert [page.status_code for page in pages] == [404, 403, 400, 413, 429]
    assert all(f'lang="{code}"' in page.content.decode() for page in pages)
    assert list(untranslated.found) == []


@pytest.mark.parametrize("code", OTHERS)
def test_what_is_sent_to_them_later_is_in_the_language_they_used(monkeypatch: pytest.MonkeyPatch, code: str) -> None:
    """The person record keeps the language of the front door, and what support sends them later is in it: the
    services the Hub suggests, the invitation to read their plan online, and the closing summary by email and
    by text."""
    guide = UserFactory(username="gus", role=Role.PERSONAL_GUIDE)
    introduction = IntroductionFactory(
        written_in=code, email="sam@example.org", phone="07700 900123", contact_methods=["email", "text"]
    )
    person = person_from_introduction(guide, introduction)
    assert person.written_in == code
    untranslated = Untranslated(monkeypatch, code)
    service = ServiceFactory(name="Debt advice drop-in")
    information = information_message(introduction_id=str(introduction.pk), service_ids=[str(service.pk)])
    person_account_invite(actor=guide, person=person)
    invitation = invitation_message(person_id=str(person.pk))
    closed = episode_closed(person, guide)
    summary = closing_summary_message(episode_id=str(closed.pk))
    person.email = ""
    person.save()
    text = closing_summary_message(episode_id=str(closed.pk))
    sent = [information, invitation, summary, text]
    assert [message is not None and message.language == code for message in sent] == [True] * 4
    bodies = [message.body() for message in sent if message is not None]  # every word looked up in it
    assert all(f"/{code}/" in body for body in bodies[1:])  # the links in them open in their language too
    assert list(untranslated.found) == []


@pytest.mark.parametrize("code", ["pl", "ar"])
def test_every_message_to_someone_we_support_is_in_their_language(monkeypatch: pytest.MonkeyPatch, code: str) -> None:
    """Beyond support's own: how their support was (evaluation), news of the peer support they asked for, and
    their account's password and security code emails. Staff's stay in the site's own language."""
    guide = UserFactory(username="gus", role=Role.PERSONAL_GUIDE)
    person = PersonFactory(
        user=UserFactory(role=Role.PERSON, email="jo@example.org"), email="jo@example.org", written_in=code
    )
    episode = EpisodeFactory(person=person, guide=guide)
    offer = offer_make(actor=guide, episode=episode, moment=Moment.FIRST, way="email", submission_id=uuid.uuid4())
    asked = introduction_for(person, profile_for(), status="asked")
    untranslated = Untranslated(monkeypatch, code)
    person.user.set_password("a long and unguessable password")
    person.user.save()
    sent = [
        experience_message(str(offer.pk)),
        answered_message(str(asked.pk)),
        password_reset_message(person.user.pk),
        two_factor_enrolled_message(person.user.pk),
    ]
    assert [message is not None and message.language == code for message in sent] == [True] * 4
    with in_language(code):
        subjects = [
            str(_(subject)) for subject in ["How was your support?", "News about the peer support you asked for"]
        ]
    assert [sent[0].subject, sent[1].subject] == subjects  # type: ignore[union-attr]
    assert f"/{code}/" in sent[0].body()  # type: ignore[union-attr]  # its page opens in their language
    for message in sent:
        message.body()  # type: ignore[union-attr]  # every word looked up in their language
    # The questions the first one links to are in it too.
    link = urlsplit(re.search(r"http://\S+/experience/open/\S+", sent[0].body()).group(0))  # type: ignore[union-attr]
    questions = Client().get(f"{link.path}?{link.query}", follow=True)
    assert questions.status_code == 200
    assert f'lang="{code}"' in questions.content.decode()
    assert list(untranslated.found) == []
    # The peer supporter, and staff, are written to in the site's own, as the worker builds them, whatever
    # language was last used.
    to_peer = message_build("livingwell.peer.services.asked_message", {"introduction_id": str(asked.pk)})
    guide.set_password("another long and unguessable password")
    guide.save()
    to_guide = message_build("livingwell.accounts.services.password_reset_message", {"user_id": guide.pk})
    assert [to_peer.language, to_guide.language] == ["en-gb", "en-gb"]  # type: ignore[union-attr]


@pytest.mark.parametrize("code", OTHERS)
def test_each_file_is_whole_with_nothing_fuzzy_and_compiled_as_it_reads(code: str) -> None:
    source = polib.pofile(str(LOCALE / translation.to_locale(code) / "LC_MESSAGES" / "django.po"))
    assert source.fuzzy_entries() == []
    assert source.metadata["Language"] == code
    assert source.metadata["X-Review-Status"]
    compiled = polib.mofile(str(LOCALE / translation.to_locale(code) / "LC_MESSAGES" / "django.mo"))
    assert {entry.msgid: entry.msgstr for entry in compiled if not entry.msgid_plural} == {
        entry.msgid: entry.msgstr for entry in source.translated_entries() if not entry.msgid_plural
    }, "Run manage.py messages_compile"


def test_a_page_in_another_language_has_it_in_the_address_and_english_has_none(client: Client) -> None:
    english = client.get(reverse("frontdoor:start")).content.decode()
    assert '<html lang="en-gb" dir="ltr"' in english
    assert "Introduce yourself to the Living Well Network" in english
    polish = client.get("/pl/introduce/")
    assert polish.status_code == 200
    assert '<html lang="pl" dir="ltr"' in polish.content.decode()
    assert polish["Content-Language"] == "pl"


def test_arabic_reads_right_to_left() -> None:
    page = Client().get("/ar/introduce/").content.decode()
    assert '<html lang="ar" dir="rtl"' in page


def test_the_choice_is_remembered_and_taken_back_to_english(client: Client) -> None:
    chosen = client.get(reverse("language", kwargs={"code": "pl"}), {"next": "/introduce/who/?x=1"})
    assert chosen.status_code == 302
    assert chosen["Location"] == "/pl/introduce/who/?x=1"
    assert client.cookies[settings.LANGUAGE_COOKIE_NAME].value == "pl"
    assert client.get("/get-help-now/")["Location"] == "/pl/get-help-now/"  # remembered
    assert client.post("/introduce/who/", {"for_whom": "self"}).status_code == 302  # a form is never turned away
    back = client.get(reverse("language", kwargs={"code": "en-gb"}), {"next": "/pl/get-help-now/"})
    assert back["Location"] == "/get-help-now/"
    assert client.get("/get-help-now/").status_code == 200


def test_an_address_in_a_language_remembers_it_and_the_api_has_none(client: Client) -> None:
    client.get("/ar/")
    assert client.cookies[settings.LANGUAGE_COOKIE_NAME].value == "ar"
    assert client.get("/api/oruk/").status_code == 200  # the same in every language: not sent elsewhere


def test_the_remembering_cookie_keeps_the_cookie_settings(client: Client, settings) -> None:
    settings.LANGUAGE_COOKIE_SAMESITE = "Strict"
    client.get("/ar/")
    cookie = client.cookies[settings.LANGUAGE_COOKIE_NAME]
    assert cookie["samesite"] == "Strict"
    assert cookie["httponly"]


@pytest.mark.parametrize(
    "there", ["https://evil.example/", "//evil.example/x", "/\\evil.example", "javascript:alert(1)", ""]
)
def test_the_switcher_goes_nowhere_but_here(client: Client, there: str) -> None:
    response = client.get(reverse("language", kwargs={"code": "pl"}), {"next": there})
    assert response.status_code == 302
    assert response["Location"].startswith("/pl/")


def test_a_language_not_offered_is_not_reached(client: Client, settings) -> None:
    settings.LANGUAGES = [("en-gb", "English"), ("pl", "Polski")]
    assert client.get("/ar/introduce/").status_code == 404
    assert client.get(reverse("language", kwargs={"code": "ar"}), {"next": "/introduce/"})["Location"] == "/introduce/"
    assert client.cookies[settings.LANGUAGE_COOKIE_NAME].value == "en-gb"


def test_the_switcher_offers_each_language_named_in_itself_and_says_when_not_yet_checked(client: Client) -> None:
    page = client.get("/pl/").content.decode()
    for code, name in settings.SHIPPED_LANGUAGES:
        assert f'lang="{code}"' in page
        assert name in page
    assert 'aria-current="true" lang="pl">Polski<' in page
    assert languages.awaiting_review("pl")
    assert "Read this page in English" in page
    assert "Read this page in English" not in client.get("/").content.decode()


def test_a_checked_language_says_nothing_of_review(client: Client, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(languages, "awaiting_review", lambda code: False)
    assert "Read this page in English" not in client.get("/pl/").content.decode()


def test_a_message_to_someone_is_in_their_language_while_it_is_offered(settings) -> None:
    from livingwell.frontdoor.services import confirmation_text
    from livingwell.frontdoor.tests.factories import IntroductionFactory

    introduction = IntroductionFactory(written_in="pl", phone="07700 900123")
    text = confirmation_text(str(introduction.pk))
    assert text is not None
    assert "This is not a crisis service" not in text.body()
    settings.LANGUAGES = [("en-gb", "English")]  # switched off since: English
    assert "This is not a crisis service" in text.body()


def test_a_language_switched_on_must_be_shipped_and_one_unchecked_is_said(settings) -> None:
    settings.LW_LANGUAGES_ON = ["pl", "xx"]
    found = {message.id: message.msg for message in languages.languages_switched_on()}
    assert "'xx'" in found["core.E010"]
    assert "Polski (pl) is switched on but not yet checked" in found["core.W011"]


@pytest.mark.parametrize("code", ["pl", "ar"])
def test_a_story_written_in_a_language_is_answered_in_it(
    client: Client, signed_in_client: Any, monkeypatch: pytest.MonkeyPatch, code: str
) -> None:
    """The thanks and the words to approve go in the language the story was written in, and the author's own
    page, where they approve or withdraw it, opens in it."""
    data = {
        "title": "Kawiarnia",
        "text": "Poszłam do kawiarni o drugiej w nocy. Ktoś mnie wysłuchał.",
        "writer": "person",
        "audience": "anonymous",
        "email": "robin@example.org",
        "submission_id": str(uuid.uuid4()),
    }
    assert client.post(f"/{code}/stories/write/", data).status_code == 302
    story = Story.objects.get()
    assert story.written_in == code
    coordinator = signed_in_client(Role.SECRETARY)  # in English, the site's own
    coordinator.post(reverse("stories:moderate", args=[story.pk]), {"suggested": "Ktoś mnie wysłuchał.", "note": ""})
    untranslated = Untranslated(monkeypatch, code)
    thanks = message_build("livingwell.voice.stories.story_message", {"story_id": str(story.pk), "kind": "thanks"})
    approve = message_build("livingwell.voice.stories.story_message", {"story_id": str(story.pk), "kind": "approve"})
    assert [thanks.language, approve.language] == [code, code]  # type: ignore[union-attr]
    link = urlsplit(re.search(r"http://\S+/stories/yours/open/\S+", approve.body()).group(0))  # type: ignore[union-attr]
    assert link.path.startswith(f"/{code}/")
    author = Client()
    page = author.get(f"{link.path}?{link.query}", follow=True).content.decode()
    assert f'lang="{code}"' in page
    assert "Ktoś mnie wysłuchał." in page
    for action in ["approve", "withdraw"]:  # each with what it says back
        said = author.post(f"/{code}/stories/yours/", {"action": action}, follow=True).content.decode()
        assert f'lang="{code}"' in said
    thanks.body()  # type: ignore[union-attr]
    assert list(untranslated.found) == []


def test_staff_pages_are_in_english_whatever_was_chosen(signed_in_client: Callable[[Role], Client]) -> None:
    duty = signed_in_client(Role.DUTY_WORKER)
    queue, theirs = reverse("frontdoor:queue"), reverse("collaborative:mine")
    attempt = reverse("frontdoor:contact_attempt", kwargs={"introduction_id": IntroductionFactory().pk})
    duty.get("/pl/")  # chosen on the public pages, and remembered
    page = duty.get(queue)  # not sent to /pl/hub/…, where half the page would be Polish
    assert page.status_code == 200
    assert '<html lang="en-gb" dir="ltr"' in page.content.decode()
    assert 'class="lw-languages"' not in page.content.decode()  # no switcher: it has nowhere to go
    assert duty.get(f"/pl{queue}?page=1")["Location"] == f"{queue}?page=1"  # a shared address, read in English
    sent = duty.post(f"/pl{attempt}", {})  # a form sent from such an address is not turned away, and is in English
    assert sent.status_code == 200
    assert '<html lang="en-gb"' in sent.content.decode()
    assert duty.get("/introduce/")["Location"] == "/pl/introduce/"  # the public pages in their choice still
    assert duty.get(theirs)["Location"] == f"/pl{theirs}"  # and their own
    assert duty.get("/pl/account/two-factor/")["Location"] == "/account/two-factor/"  # only staff have one


def test_only_pages_for_staff_alone_are_in_english_only() -> None:
    def view(request: object) -> None: ...

    assert languages.in_english_only(role_required(Role.DUTY_WORKER, Role.PEER_SUPPORTER)(view))
    assert not languages.in_english_only(role_required(Role.PERSONAL_GUIDE, Role.PERSON)(view))  # a plan
    assert not languages.in_english_only(role_required()(view))  # anyone signed in: a member's own pages
    assert not languages.in_english_only(view)  # public


def test_every_text_marked_for_translation_reaches_the_message_files() -> None:
    """``makemessages`` finds a text by the name of the function it is passed to: ``_`` or the function's own
    name. Under any other name (``gettext_lazy as _lazy``), it never reaches a message file, and no
    translation of it can be written."""
    known = re.compile(r"from django\.utils\.translation import (\w+) as (\w+)")
    hidden = [
        f"{path.relative_to(SOURCE)}: {name} as {alias}"
        for path in SOURCE.rglob("*.py")
        if "tests" not in path.parts and "migrations" not in path.parts
        for name, alias in known.findall(path.read_text())
        if alias != "_" and name != "trans_real"
    ]
    assert hidden == []


def _read_in_every_language() -> list[list[str]]:
    """Our words, Django's own, a plural and one with a context, as each shipped language shows them."""
    shown = []
    for code, _name in settings.SHIPPED_LANGUAGES:
        with translation.override(code):
            shown.append(
                [
                    translation.gettext("Check your answers before sending"),
                    translation.gettext("This field is required."),
                    translation.gettext("A message nobody has translated"),
                    *(translation.ngettext("%(num)d minute", "%(num)d minutes", n) for n in (1, 2, 5)),
                    translation.pgettext("abbrev. month", "Sept."),
                ]
            )
    return shown


def test_translations_warmed_as_a_server_starts_read_the_same_without_empty_catalogues(settings) -> None:
    settings.LANGUAGES = list(settings.SHIPPED_LANGUAGES)  # every language, each loaded afresh
    before = _read_in_every_language()
    languages.translations_warm()
    assert _read_in_every_language() == before
    assert before[0][0] == "Check your answers before sending"
    assert before[1][0] != before[0][0]  # read in another language
    catalogue = trans_real.translation(settings.LANGUAGE_CODE)._fallback
    while catalogue is not None:  # what English falls back through has messages in it, if anything
        assert set(catalogue._catalog) - {""}
        catalogue = catalogue._fallback
