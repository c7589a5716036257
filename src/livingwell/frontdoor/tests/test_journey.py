"""The self-introduction through HTTP: every page, the safety net, double submits and lost sessions."""

import re

import pytest
from django.core import mail
from django.core.cache import caches
from django.db import DatabaseError
from django.test import Client
from django.urls import reverse

from livingwell.accounts.models import Role
from livingwell.conftest import worker_run
from livingwell.frontdoor.models import Introduction, IntroductionEquality

START = reverse("frontdoor:start")
CHECK = reverse("frontdoor:check")
DONE = reverse("frontdoor:done")


def _step(slug: str) -> str:
    return reverse("frontdoor:step", kwargs={"slug": slug})


ANSWERS: dict[str, dict[str, object]] = {
    "who": {"for_whom": "self"},
    "name": {"preferred_name": "Sam"},
    "date-of-birth": {"date_of_birth_day": "27", "date_of_birth_month": "3", "date_of_birth_year": "1985"},
    "contact": {
        "contact_methods": ["phone", "email"],
        "phone": "07700 900982",
        "email": "sam@example.org",
        "safe_times": "Weekday mornings",
        "may_leave_message": "no",
    },
    "whats-going-on": {"in_their_words": "I have been feeling low since I lost my job."},
    "what-matters": {"what_matters": "My dog", "enjoys": "Walking", "good_at": "Fixing bikes"},
    "what-would-help": {"would_help": ["stay_well", "taking_part"], "would_help_other": "Something to do"},
    "access": {"access_needs": "", "language": "", "needs_interpreter": ""},
    "gp": {"gp_practice": "Kingsmere Health Centre"},
}


def _answer_all(client: Client, answers: dict[str, dict[str, object]] | None = None) -> None:
    for slug, data in (answers or ANSWERS).items():
        response = client.post(_step(slug), data)
        assert response.status_code == 302, (slug, response.content.decode()[:2000])


def _send(client: Client) -> object:
    token = client.get(CHECK).context["journey"].token
    return client.post(CHECK, {"token": token})


@pytest.fixture
def journey(client: Client, db: None) -> Client:
    client.get(_step("who"))
    return client


def test_the_start_page_says_when_introductions_are_read_and_that_it_is_not_a_crisis_service(client: Client) -> None:
    html = client.get(START).content.decode()
    assert "This is not a crisis service" in html
    assert "Monday to Friday, 9am to 5pm" in html
    assert "within 2 working days" in html
    assert "within 7 days" in html


def test_a_person_introduces_themselves_and_gets_a_reference(journey: Client) -> None:
    _answer_all(journey)
    check = journey.get(CHECK).content.decode()
    for answer in ("Sam", "07700 900982", "My dog", "Fixing bikes", "Feeling better and staying well"):
        assert answer in check
    response = _send(journey)
    assert response["Location"] == DONE
    introduction = Introduction.objects.get()
    assert introduction.preferred_name == "Sam"
    assert introduction.contact_methods == ["phone", "email"]
    assert introduction.may_leave_message is False
    assert introduction.would_help == ["stay_well", "taking_part"]
    assert not introduction.is_urgent
    done = journey.get(DONE).content.decode()
    assert introduction.reference in done
    assert "Samaritans" in done
    assert not IntroductionEquality.objects.exists()


@pytest.mark.django_db(transaction=True)
def test_the_confirmation_email_goes_through_the_worker(client: Client) -> None:
    client.get(_step("who"))
    _answer_all(client)
    _send(client)
    assert mail.outbox == []
    worker_run()
    (message,) = mail.outbox
    assert message.to == ["sam@example.org"]
    assert Introduction.objects.get().reference in message.subject
    assert "116 123" in message.body


def test_someone_else_introduces_a_person_who_agreed(journey: Client) -> None:
    answers = {"who": {"for_whom": "someone_else"}, **{k: v for k, v in ANSWERS.items() if k != "who"}}
    journey.post(_step("who"), answers["who"])
    page = journey.get(_step("about-you"))
    assert "Who are you to them?" in page.content.decode()
    refused = journey.post(_step("about-you"), {"introducer_relationship": "gp", "introducer_name": "Dr Rao"})
    assert "Confirm that they have agreed to this introduction" in refused.content.decode()
    assert refused.context["form"].errors
    journey.post(
        _step("about-you"),
        {
            "introducer_relationship": "gp",
            "introducer_name": "Dr Rao",
            "introducer_contact": "01632 960001",
            "introducer_confirms_agreement": "on",
        },
    )
    assert "What name would they like us to call them?" in journey.get(_step("name")).content.decode()
    _answer_all(journey, {k: v for k, v in answers.items() if k != "who"})
    _send(journey)
    introduction = Introduction.objects.get()
    assert introduction.for_whom == "someone_else"
    assert (introduction.introducer_name, introduction.introducer_relationship) == ("Dr Rao", "gp")
    assert introduction.introducer_confirms_agreement


@pytest.mark.django_db(transaction=True)
def test_words_of_immediate_risk_show_crisis_routes_mark_it_urgent_and_tell_the_duty_inbox(
    client: Client, settings
) -> None:
    settings.LW_DUTY_EMAIL = "duty@example.org"
    client.get(_step("who"))
    words = {"in_their_words": "Honestly I can\u2019t go on like this"}
    response = client.post(_step("whats-going-on"), words, follow=True)
    html = response.content.decode()
    assert 'role="alert"' in html
    assert "may not be safe right now" in html
    assert "116 123" in html
    assert "85258" in html  # the routes for what it is about: here, suicide
    # The whole sentence about when introductions are read, not cut short.
    assert f"Introductions are read {settings.LW_INTRODUCTIONS_READ}" in html
    assert "You can still carry on with this introduction" in html
    _answer_all(client, {**ANSWERS, "whats-going-on": words})
    _send(client)
    introduction = Introduction.objects.get()
    assert introduction.is_urgent
    assert introduction.urgent_phrases == ["cant go on"]
    assert introduction.risk_categories == ["suicide"]
    done = client.get(DONE).content.decode()
    assert "may not be safe right now" in done
    assert f"Introductions are read {settings.LW_INTRODUCTIONS_READ}" in done
    # Once sent there is nothing to carry on with: the alert says what has been done instead.
    assert "carry on" not in done
    assert "told the duty team" in done
    worker_run()
    duty = [message for message in mail.outbox if message.to == ["duty@example.org"]]
    assert len(duty) == 1
    assert introduction.reference in duty[0].subject
    assert "go on like this" not in duty[0].body  # no personal details


@pytest.mark.parametrize(
    ("words", "routes", "not_shown"),
    [
        ("He hits me and I am scared to go home", ["0808 2000 247", "press 55"], ["85258"]),
        ("i've started cutting again", ["85258", "will not stop bleeding"], ["0808 2000 247"]),
        ("the voices tell me to hurt people", ["If you feel you might hurt someone"], ["0808 2000 247"]),
    ],
)
def test_each_kind_of_risk_shows_its_own_routes(
    journey: Client, words: str, routes: list[str], not_shown: list[str]
) -> None:
    html = journey.post(_step("whats-going-on"), {"in_their_words": words}, follow=True).content.decode()
    assert "may not be safe right now" in html
    for route in routes:
        assert route in html
    for route in not_shown:
        assert route not in html


def test_a_double_submit_makes_one_introduction(journey: Client) -> None:
    _answer_all(journey)
    token = journey.get(CHECK).context["journey"].token
    first = journey.post(CHECK, {"token": token})
    again = journey.post(CHECK, {"token": token})
    assert first["Location"] == again["Location"] == DONE
    assert Introduction.objects.count() == 1


def test_a_lost_session_saves_nothing_and_says_so(journey: Client) -> None:
    _answer_all(journey)
    token = journey.get(CHECK).context["journey"].token
    journey.cookies.clear()
    response = journey.post(CHECK, {"token": token}, follow=True)
    assert "Your answers were not saved" in response.content.decode()
    assert not Introduction.objects.exists()
    assert journey.post(_step("name"), {"preferred_name": "Sam"})["Location"] == reverse("frontdoor:expired")


def test_a_failed_save_says_nothing_was_sent_and_keeps_the_answers(journey: Client, monkeypatch) -> None:
    _answer_all(journey)

    def broken(**kwargs: object) -> None:
        raise DatabaseError("disk full")

    monkeypatch.setattr("livingwell.frontdoor.views.journey.introduction_submit", broken)
    response = _send(journey)
    html = response.content.decode()
    assert response.status_code == 503
    assert "We could not save your introduction" in html
    assert "Nothing was saved and nothing was sent" in html
    assert "Introduction sent" not in html
    assert not Introduction.objects.exists()
    monkeypatch.undo()
    assert _send(journey)["Location"] == DONE
    assert Introduction.objects.count() == 1


def test_equality_monitoring_is_optional_and_kept_apart(journey: Client) -> None:
    _answer_all(journey)
    page = journey.get(_step("equality")).content.decode()
    assert "Skip these questions" in page
    journey.post(_step("equality"), {"age_band": "25 to 34", "gender": "", "disability": "No"})
    _send(journey)
    equality = IntroductionEquality.objects.get()
    assert (equality.age_band, equality.disability, equality.gender) == ("25 to 34", "No", "")


@pytest.mark.parametrize(
    "text",
    [
        "",
        "   ",
        "x" * 5001,
    ],
)
def test_what_is_going_on_must_be_said_and_not_too_long(journey: Client, text: str) -> None:
    response = journey.post(_step("whats-going-on"), {"in_their_words": text})
    assert response.status_code == 200
    assert response.context["form"].errors
    assert "Error:" in response.content.decode().split("</title>")[0]
    assert not Introduction.objects.exists()


@pytest.mark.parametrize(
    "text",
    [
        "<script>alert('x')</script>",
        "'; DROP TABLE frontdoor_introduction; --",
        "Ça va 🙂 مرحبا 你好",
    ],
)
def test_nasty_text_is_kept_as_written_and_shown_safely(journey: Client, text: str) -> None:
    _answer_all(journey, {**ANSWERS, "whats-going-on": {"in_their_words": text}})
    html = journey.get(CHECK).content.decode()
    assert "<script>alert" not in html
    _send(journey)
    assert Introduction.objects.get().in_their_words == text


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"contact_methods": ["email"], "may_leave_message": "yes"}, "Enter an email address"),
        ({"contact_methods": ["phone"], "phone": "call me", "may_leave_message": "yes"}, "Enter a phone number"),
        ({"contact_methods": ["letter"], "may_leave_message": "yes"}, "Enter a postal address"),
        ({"contact_methods": ["pigeon"], "may_leave_message": "yes"}, "Select a valid choice"),
        ({"may_leave_message": "yes"}, "Select at least one way to contact you"),
        ({"contact_methods": ["text"], "phone": "07700 900982"}, "Select whether we may leave a message"),
    ],
)
def test_contact_answers_are_checked(journey: Client, data: dict, message: str) -> None:
    response = journey.post(_step("contact"), data)
    assert response.status_code == 200
    assert message in response.content.decode()
    assert "Error:" in response.content.decode().split("</title>")[0]


def test_unknown_pages_and_pages_that_do_not_apply(journey: Client) -> None:
    assert journey.get(_step("nonsense")).status_code == 404
    assert journey.get(_step("about-you"))["Location"] == _step("who")  # only when introducing someone else
    assert journey.post(CHECK, {"token": "not-a-token"})["Location"] == reverse("frontdoor:expired")
    assert journey.get(CHECK)["Location"] == _step("who")  # nothing answered yet
    assert journey.get(DONE)["Location"] == START


@pytest.mark.django_db(transaction=True)
def test_a_text_confirmation_goes_through_the_worker_and_the_sms_gateway(client: Client) -> None:
    from livingwell.core.models import TextMessage

    client.get(_step("who"))
    contact = {"contact_methods": ["text"], "phone": "07700 900982", "may_leave_message": "yes"}
    _answer_all(client, {**ANSWERS, "contact": contact})
    _send(client)
    assert not TextMessage.objects.exists()
    worker_run()
    (text,) = TextMessage.objects.all()
    assert text.to == "07700 900982"
    assert Introduction.objects.get().reference in text.body
    assert "116 123" in text.body
    assert len(text.body) < 320  # two text messages at most
    assert mail.outbox == []  # no email address was given


def _born(day: str, month: str, year: str) -> dict[str, str]:
    return {"date_of_birth_day": day, "date_of_birth_month": month, "date_of_birth_year": year}


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("typed", "message"),
    [
        (_born("31", "2", "1985"), "Enter a real date"),
        (_born("27", "3", ""), "Enter a day, a month and a year"),
        (_born("", "3", "1985"), "Enter a day, a month and a year"),
        (_born("27", "March", "1985"), "Enter a real date"),
        (_born("27", "3", "85"), "Enter a real date"),
        (_born("27", "3", "2999"), "must be in the past"),
        (_born("27", "3", "1850"), "Enter a year after 1900"),
        (_born("<b>", "'; --", "1985"), "Enter a real date"),
        (_born("9" * 5000, "3", "1985"), "Enter a real date"),
        (_born("-1", "3", "1985"), "Enter a real date"),
    ],
)
def test_a_date_of_birth_that_is_not_a_real_date_says_why(journey: Client, typed: dict[str, str], message: str) -> None:
    journey.post(_step("who"), ANSWERS["who"])
    journey.post(_step("name"), ANSWERS["name"])
    response = journey.post(_step("date-of-birth"), typed)
    assert response.status_code == 200
    html = response.content.decode()
    assert message in html
    assert 'href="#id_date_of_birth_day"' in html  # the error summary leads to the first box
    assert "govuk-input--error" in html


@pytest.mark.django_db
def test_the_date_of_birth_may_be_left_out_and_is_read_back_in_words(journey: Client) -> None:
    _answer_all(journey, {**ANSWERS, "date-of-birth": _born("", "", "")})
    _send(journey)
    assert Introduction.objects.get().date_of_birth is None


@pytest.mark.django_db
def test_the_date_of_birth_reads_back_on_the_check_page(journey: Client) -> None:
    _answer_all(journey)
    assert "27 March 1985" in journey.get(CHECK).content.decode()
    # Coming back to the page shows what was typed.
    page = journey.get(_step("date-of-birth")).content.decode()
    assert 'value="27"' in page
    assert 'value="1985"' in page


def test_the_answers_are_sealed_in_the_session_table(journey: Client) -> None:
    from django.contrib.sessions.models import Session

    journey.post(_step("whats-going-on"), {"in_their_words": "I want to end it all"})
    row = Session.objects.get(session_key=journey.session.session_key)
    assert "end it all" not in str(row.get_decoded())
    assert "end it" not in str(row.get_decoded())
    assert journey.get(_step("whats-going-on")).context["form"].initial["in_their_words"] == "I want to end it all"


def test_a_blank_question_is_kept_but_nothing_anyone_answered_reaches_another(journey: Client, db: None) -> None:
    """Blank forms are kept per process (decision 0055): the same for everyone, and never with a person's answers."""
    caches["template_fragments"].clear()
    first = journey.get(_step("name")).content.decode()
    assert 'name="preferred_name"' in first
    journey.post(_step("who"), ANSWERS["who"])
    journey.post(_step("name"), {"preferred_name": "Zebedee <b>Quill</b>"})
    back = journey.get(_step("name")).content.decode()  # going back shows what they said
    assert 'value="Zebedee &lt;b&gt;Quill&lt;/b&gt;"' in back
    refused = journey.post(_step("contact"), {"contact_methods": ["phone"], "phone": "not a number Zebedee"})
    assert "Zebedee" in refused.content.decode()
    other = Client()
    other.get(_step("who"))
    for slug in ("name", "contact"):
        assert "Zebedee" not in other.get(_step(slug)).content.decode()
    other.post(_step("who"), {"for_whom": "someone_else"})  # their own words ("they"), not the kept "you"
    assert "What name would they like us to call them?" in other.get(_step("name")).content.decode()
    assert "What name would you like us to call you?" in first


def test_a_kept_question_page_carries_each_visitors_own_token_and_nonce(db: None) -> None:
    """A question page kept whole (frontdoor/shells.py): each visitor's copy has their own CSRF token, which
    works, and a CSP nonce that matches the page's header; the marks never reach anyone."""
    caches["template_fragments"].clear()
    pages = []
    for _visitor in range(2):
        visitor = Client(enforce_csrf_checks=True)
        visitor.get(_step("who"))
        page = visitor.get(_step("name"))
        html = page.content.decode()
        assert "lw-shell" not in html
        token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html).group(1)
        nonce = re.search(r'<script nonce="([^"]+)"', html).group(1)
        assert f"'nonce-{nonce}'" in page["Content-Security-Policy"]
        answered = visitor.post(_step("name"), {"csrfmiddlewaretoken": token, "preferred_name": "Sam"})
        assert answered.status_code == 302  # the token put in works
        pages.append((token, nonce))
    assert pages[0][0] != pages[1][0]
    assert pages[0][1] != pages[1][1]


def test_a_kept_confirmation_carries_each_senders_own_reference(db: None) -> None:
    """The confirmation is kept whole too, but for its reference (frontdoor/shells.py): each
    sender sees their own, and one who wrote words of risk gets their page rendered afresh."""
    caches["template_fragments"].clear()
    pages = {}
    for name in ("Sam", "Alex"):
        sender = Client()
        sender.get(_step("who"))
        _answer_all(sender, {**ANSWERS, "name": {"preferred_name": name}})
        assert _send(sender)["Location"] == DONE
        reference = Introduction.objects.get(preferred_name=name).reference
        pages[reference] = sender.get(DONE).content.decode()
    assert len(pages) == 2
    for reference, html in pages.items():
        assert f"<strong>{reference}</strong>" in html
        assert "lw-shell" not in html
        assert "Samaritans" in html
        assert [other for other in pages if other != reference and other in html] == []
    urgent = Client()
    urgent.get(_step("who"))
    _answer_all(urgent, {**ANSWERS, "whats-going-on": {"in_their_words": "I want to end my life tonight"}})
    _send(urgent)
    html = urgent.get(DONE).content.decode()
    assert Introduction.objects.get(is_urgent=True).reference in html
    assert "lw-shell" not in html


def test_someone_signed_in_gets_their_own_page_and_it_is_never_kept(signed_in_client) -> None:
    caches["template_fragments"].clear()
    person = signed_in_client(Role.PERSON)
    person.get(_step("who"))
    assert "Sign out" in person.get(_step("name")).content.decode()
    visitor = Client()
    visitor.get(_step("who"))
    assert "Sign out" not in visitor.get(_step("name")).content.decode()


def test_the_net_reads_the_words_again_only_when_they_change_and_sending_reads_them_all(
    journey: Client, monkeypatch
) -> None:
    """A page of choices changes no words, so what the net found stands (decision 0070); changed words are
    read again, and sending reads every word again whatever the pages found."""
    from livingwell.frontdoor import journey as journey_module
    from livingwell.frontdoor import services

    read: list[list[str]] = []

    def reading(module: object):
        real = module.risk_in

        def risk_in(texts):
            texts = list(texts)
            read.append(texts)
            return real(texts)

        return risk_in

    monkeypatch.setattr(journey_module, "risk_in", reading(journey_module))
    monkeypatch.setattr(services, "risk_in", reading(services))
    words = {"in_their_words": "I can't go on"}
    for slug in ("who", "name", "date-of-birth"):
        journey.post(_step(slug), ANSWERS[slug])
    assert read == []  # no words yet
    journey.post(_step("contact"), ANSWERS["contact"])  # a safe time to call, in their words
    assert read == [["Weekday mornings"]]
    journey.post(_step("whats-going-on"), words)
    assert read[-1] == ["Weekday mornings", "I can't go on"]
    journey.post(_step("what-matters"), ANSWERS["what-matters"])
    assert len(read) == 3
    journey.post(_step("gp"), ANSWERS["gp"])
    journey.post(_step("gp"), {"gp_practice": "Another practice"})
    assert len(read) == 3  # a GP practice is not words the net reads
    journey.post(_step("what-would-help"), ANSWERS["what-would-help"])  # words of their own: read
    journey.post(_step("access"), ANSWERS["access"])  # none
    assert len(read) == 4
    check = journey.get(CHECK).content.decode()
    assert "may not be safe right now" in check  # what it found still stands
    read.clear()
    _send(journey)
    assert len(read) == 1
    assert "I can't go on" in read[0]
    assert Introduction.objects.get().is_urgent


def test_the_neighbourhoods_are_read_once_a_while_and_a_change_is_seen_at_once(journey: Client) -> None:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from livingwell.core.models import Neighbourhood

    north = Neighbourhood.objects.create(name="North", slug="north")
    _answer_all(journey, {slug: answers for slug, answers in ANSWERS.items() if slug != "gp"})
    with CaptureQueriesContext(connection) as queries:
        assert "North" in journey.get(_step("gp")).content.decode()
        journey.post(_step("gp"), {"gp_practice": "", "neighbourhood": str(north.pk)})
        assert "North" in journey.get(CHECK).content.decode()
    assert len([query for query in queries if "core_neighbourhood" in query["sql"]]) == 1
    north.name = "North End"
    north.save()
    Neighbourhood.objects.create(name="South", slug="south")
    html = journey.get(_step("gp")).content.decode()
    assert "North End" in html
    assert "South" in html
    _send(journey)
    assert Introduction.objects.get().neighbourhood == north


def test_a_neighbourhood_removed_meanwhile_is_left_out_not_refused(journey: Client) -> None:
    from livingwell.core.models import Neighbourhood

    gone = Neighbourhood.objects.create(name="Gone", slug="gone")
    _answer_all(journey, {**ANSWERS, "gp": {"gp_practice": "", "neighbourhood": str(gone.pk)}})
    Neighbourhood.objects.filter(pk=gone.pk).delete()
    assert _send(journey)["Location"] == DONE
    assert Introduction.objects.get().neighbourhood is None


def test_words_of_risk_in_the_safe_time_to_contact_them_are_read(journey: Client) -> None:
    """The contact page asks for a good, safe time to call: someone not safe at home may say so there first."""
    contact = {**ANSWERS["contact"], "safe_times": "Only when he is at work, he hits me if he sees me on the phone"}
    html = journey.post(_step("contact"), contact, follow=True).content.decode()
    assert "may not be safe right now" in html
    assert "0808 2000 247" in html  # the routes for not being safe where they live
    _answer_all(journey, {**ANSWERS, "contact": contact})
    _send(journey)
    introduction = Introduction.objects.get()
    assert introduction.is_urgent
    assert introduction.risk_categories == ["unsafe_at_home"]


ABOUT_THEM = {
    "introducer_relationship": "gp",
    "introducer_name": "Dr Rao",
    "introducer_contact": "01632 960001",
    "introducer_confirms_agreement": "on",
}


@pytest.mark.parametrize("language", ["en-gb", "pl"])
@pytest.mark.parametrize("for_whom", ["self", "someone_else"])
def test_check_answers_reads_each_question_as_it_was_asked_with_the_address_to_change_it(
    client: Client, db: None, language: str, for_whom: str
) -> None:
    """The questions are read from forms each process makes once (decision 0074): the same words as the
    question pages, for the person or about them, in the page's language, each with its own page's address."""
    from django.utils import translation

    from livingwell.frontdoor.journey import STEP_BY_SLUG

    answers = {"who": {"for_whom": for_whom}, **({"about-you": ABOUT_THEM} if for_whom != "self" else {})}
    answers |= {slug: data for slug, data in ANSWERS.items() if slug != "who"}
    with translation.override(language):
        client.get(_step("who"))
        _answer_all(client, answers)
        page = client.get(reverse("frontdoor:check")).content.decode()
        for slug in answers:
            form = STEP_BY_SLUG[slug].form(for_self=for_whom == "self")
            for field in form.fields.values():
                assert str(field.label).replace("'", "&#x27;") in page, (slug, field.label)
            assert f'href="{_step(slug)}?change=1"' in page
    assert ('href="/pl/introduce/' in page) == (language == "pl")
