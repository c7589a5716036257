"""Walk every URL pattern and check who reaches it, against DESIGN.md §3.

A new URL with no entry in MATRIX fails ``test_every_url_is_in_the_matrix``: decide who may reach it.
"""

import datetime
import uuid
from collections.abc import Callable, Iterator

import pytest
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, reverse
from django.utils import timezone

from livingwell.accounts.models import STAFF_ROLES, Role, User
from livingwell.accounts.tests.factories import UserFactory
from livingwell.collaborative.models import Action as CollaborativeAction
from livingwell.collaborative.models import (
    AgendaItem,
    Body,
    Claim,
    Expense,
    FinanceExport,
    JoinRequest,
    Meeting,
    Member,
    Minutes,
    Rota,
    Topic,
)
from livingwell.collaborative.tests.factories import (
    BodyFactory,
    ConstituencyFactory,
    MeetingFactory,
    MemberFactory,
    MembershipFactory,
)
from livingwell.directory.models import ListingReport, Service, Taxonomy, TaxonomyTerm
from livingwell.directory.tests.factories import ServiceAtLocationFactory, ServiceFactory
from livingwell.frontdoor.models import Introduction
from livingwell.frontdoor.tests.factories import IntroductionFactory
from livingwell.people.models import Person
from livingwell.people.tests.factories import PersonFactory
from livingwell.safety.models import RiskFlag
from livingwell.support.models import Action, Connection, Episode, Goal, OnwardIntroduction, Plan
from livingwell.support.tests.factories import EpisodeFactory

PUBLIC = "public"
SIGNED_IN = frozenset(Role)
ADMIN_ONLY = frozenset({Role.ADMINISTRATOR})
HUB_RECORDS = frozenset({Role.HUB_MANAGER, Role.ADMINISTRATOR})
DUTY_QUEUE = frozenset({Role.DUTY_WORKER, Role.HUB_MANAGER, Role.ADMINISTRATOR})
GUIDES = frozenset({Role.PERSONAL_GUIDE, Role.PEER_SUPPORTER, Role.DUTY_WORKER, Role.HUB_MANAGER})
SUPPORT = GUIDES | {Role.ADMINISTRATOR}
SAFETY_FLAGS = DUTY_QUEUE | {Role.PERSONAL_GUIDE, Role.PEER_SUPPORTER}
# An episode whose guide is the test personal guide: they, their team (none here) and the Hub see it.
EPISODE = frozenset({Role.PERSONAL_GUIDE, Role.HUB_MANAGER, Role.ADMINISTRATOR})
# A co-production body whose members are the test person and the test secretary (its secretary).
COLLABORATIVE_MEMBER = frozenset({Role.PERSON, Role.SECRETARY})
RUNS_BODY = frozenset({Role.SECRETARY, Role.ADMINISTRATOR})
COLLABORATIVE_CLAIMANT = frozenset({Role.PERSON})

# url name -> who may reach it. Admin URLs are checked as one entry, "admin".
MATRIX: dict[str, str | frozenset[Role]] = {
    "core:home": PUBLIC,
    "core:get_help_now": PUBLIC,
    "core:accessibility": PUBLIC,
    "core:privacy": PUBLIC,
    "core:cookies": PUBLIC,
    "core:contact": PUBLIC,
    "accounts:sign_in": PUBLIC,
    # Signing out when not signed in does nothing, harmlessly.
    "accounts:sign_out": PUBLIC,
    "accounts:two_factor": SIGNED_IN,
    "accounts:dashboard": SIGNED_IN,
    "people:my_details": frozenset({Role.PERSON}),
    "people:my_contact_preferences": frozenset({Role.PERSON}),
    "people:person_list": HUB_RECORDS,
    "people:person_detail": HUB_RECORDS,
    "audit:event_list": ADMIN_ONLY,
    "admin": ADMIN_ONLY,
    "directory:search": PUBLIC,
    "directory:service_detail": PUBLIC,
    "directory:map": PUBLIC,
    "directory:report": PUBLIC,
    "directory:my_list": PUBLIC,
    "directory:my_list_add": PUBLIC,
    "directory:my_list_remove": PUBLIC,
    "directory:my_list_email": PUBLIC,
    "directory:report_thanks": PUBLIC,
    "directory:listing_list": frozenset({Role.PROVIDER_EDITOR}),
    "directory:report_list": frozenset({Role.PROVIDER_EDITOR}),
    "directory:report_resolve": frozenset({Role.PROVIDER_EDITOR}),
    "directory:listing_edit": frozenset({Role.PROVIDER_EDITOR}),
    "directory:listing_confirm": frozenset({Role.PROVIDER_EDITOR}),
    # The Open Referral UK API is public by design: it only ever shows published listings.
    "directory_api:index": PUBLIC,
    "directory_api:openapi": PUBLIC,
    "directory_api:service_list": PUBLIC,
    "directory_api:service_detail": PUBLIC,
    "directory_api:service_at_location_list": PUBLIC,
    "directory_api:service_at_location_detail": PUBLIC,
    "directory_api:taxonomy_list": PUBLIC,
    "directory_api:taxonomy_detail": PUBLIC,
    "directory_api:taxonomy_term_list": PUBLIC,
    "directory_api:taxonomy_term_detail": PUBLIC,
    # The front door needs no account: anyone may introduce themselves.
    "frontdoor:start": PUBLIC,
    "frontdoor:step": PUBLIC,
    "frontdoor:check": PUBLIC,
    "frontdoor:done": PUBLIC,
    "frontdoor:expired": PUBLIC,
    "frontdoor:queue": DUTY_QUEUE,
    # Safety flags: the duty team and the Hub manager read every one; guides and peers those raised to them.
    "safety:flag_list": SAFETY_FLAGS,
    "safety:flag": DUTY_QUEUE,  # a flag raised to no guide; a guide's own are in safety/tests
    "frontdoor:waiting": HUB_RECORDS,
    "frontdoor:introduction": DUTY_QUEUE,
    "frontdoor:claim": DUTY_QUEUE,
    "frontdoor:contact_attempt": DUTY_QUEUE,
    "frontdoor:conversation": DUTY_QUEUE,
    "support:introduction_route": DUTY_QUEUE,
    "frontdoor:link": DUTY_QUEUE,
    "frontdoor:unlink": DUTY_QUEUE,
    # A person sees what was recorded through a one-time link sent to them, or through their account.
    "frontdoor:record_request": PUBLIC,
    "frontdoor:record_sent": PUBLIC,
    "frontdoor:record_open": PUBLIC,
    "frontdoor:record": PUBLIC,
    "frontdoor:my_introduction": frozenset({Role.PERSON}),
    "support:guides": PUBLIC,
    "support:my_guide_profile": GUIDES,
    # Easy in: the link in a closing summary needs no account.
    "support:come_back": PUBLIC,
    "support:came_back": PUBLIC,
    # Support: each guide their own people (and their team's); the Hub manager and administrators everyone's.
    "support:caseload": SUPPORT,
    "support:episode": EPISODE,
    "support:contact_log": EPISODE,
    "support:action_new": EPISODE,
    "support:status": EPISODE,
    "support:hand_over": EPISODE,
    "support:closing_summary": EPISODE,
    "support:action_done": EPISODE,
    "support:plan": EPISODE,
    "support:plan_start": EPISODE,
    "support:plan_from_introduction": EPISODE,
    "support:about_me": EPISODE,
    "support:connection_new": EPISODE,
    "support:goal_new": EPISODE,
    "support:plan_comment": EPISODE,
    "support:invite": EPISODE,
    "support:goal_review": EPISODE,
    "support:goal_step": EPISODE,
    "support:connection_sharing": EPISODE,
    "support:onward_new": EPISODE,
    "support:measures": EPISODE,
    "support:budget": EPISODE,
    "support:budget_export": EPISODE,
    "support:allocation_new": EPISODE,
    "support:planned_new": EPISODE,
    "support:spend_new": EPISODE,
    "support:accommodation": EPISODE,
    # Aggregates naming nobody: the Hub manager, administrators and analysts (small numbers suppressed).
    "support:pathway": frozenset({Role.HUB_MANAGER, Role.ADMINISTRATOR, Role.ANALYST}),
    "support:measure_new": EPISODE,
    "support:my_measures": frozenset({Role.PERSON}),
    "support:my_measure_new": frozenset({Role.PERSON}),
    "support:onward_no_response": EPISODE,
    # Onward introductions reach only the editors of the service's organisation.
    "support:provider_queue": frozenset({Role.PROVIDER_EDITOR}),
    "support:provider_onward": frozenset({Role.PROVIDER_EDITOR}),
    # The person's own plan, through their account.
    "support:my_plan": frozenset({Role.PERSON}),
    "support:my_support": frozenset({Role.PERSON}),
    "support:my_about_me": frozenset({Role.PERSON}),
    "support:my_plan_comment": frozenset({Role.PERSON}),
    "support:my_plan_agree": frozenset({Role.PERSON}),
    # An invitation's link to choose a password: anyone holding it.
    "accounts:welcome": PUBLIC,
    "accounts:forgot_password": PUBLIC,
    "accounts:password_reset": PUBLIC,
    # Co-production: the public face of every body, and joining, need no account.
    "collaborative:index": PUBLIC,
    "collaborative:decisions": PUBLIC,
    "collaborative:meeting": PUBLIC,
    "collaborative:body": PUBLIC,
    "collaborative:code_of_conduct": PUBLIC,
    "collaborative:body_calendar": PUBLIC,
    "collaborative:join": PUBLIC,
    "collaborative:join_sent": PUBLIC,
    # A member's own feed: its secret address is the key, for calendar apps that cannot sign in.
    "collaborative:member_calendar": PUBLIC,
    # Anyone signed in may look for their co-production; only a body's members suggest topics and reply.
    "collaborative:mine": SIGNED_IN,
    "collaborative:suggest": COLLABORATIVE_MEMBER,
    "collaborative:reply": COLLABORATIVE_MEMBER,
    # A body is run by its chair and secretary (the test secretary is this body's), and administrators.
    "collaborative:running": RUNS_BODY,
    "collaborative:series_new": RUNS_BODY,
    "collaborative:meeting_new": RUNS_BODY,
    "collaborative:topic_not_taken": RUNS_BODY,
    "collaborative:join_request": RUNS_BODY,
    "collaborative:membership": RUNS_BODY,
    "collaborative:member_add": RUNS_BODY,
    "collaborative:minutes": RUNS_BODY,
    "collaborative:chair": RUNS_BODY,
    "collaborative:payments": RUNS_BODY,
    "collaborative:rota_new": RUNS_BODY,
    "collaborative:rota": RUNS_BODY,
    "collaborative:payments_export": RUNS_BODY,
    "collaborative:finance_export": RUNS_BODY,
    # A claim and its receipts: the member claiming (the test person) and who runs the body.
    "collaborative:claim": COLLABORATIVE_CLAIMANT | RUNS_BODY,
    "collaborative:receipt": COLLABORATIVE_CLAIMANT | RUNS_BODY,
    # Everyone signed in sees their own statement (empty if they are paid nothing).
    "collaborative:my_payments": SIGNED_IN,
    "collaborative:minutes_approve": RUNS_BODY,
    # Circulated draft minutes name members: for the body's members, and who runs it.
    "collaborative:minutes_draft": COLLABORATIVE_MEMBER | RUNS_BODY,
    "collaborative:meeting_running": RUNS_BODY,
    "collaborative:agenda_schedule": RUNS_BODY,
    "collaborative:agenda_add": RUNS_BODY,
    "collaborative:agenda_remove": RUNS_BODY,
    "collaborative:agenda_publish": RUNS_BODY,
    "collaborative:attendance": RUNS_BODY,
    "collaborative:decision_new": RUNS_BODY,
    "collaborative:action_new": RUNS_BODY,
    "collaborative:action_status": RUNS_BODY,
    "collaborative:meeting_move": RUNS_BODY,
    "collaborative:meeting_cancel": RUNS_BODY,
}


def _providers_service() -> Service:
    """A listing of an organisation that the test provider editor acts for."""
    service = ServiceFactory()
    provider = User.objects.filter(username=f"test-{Role.PROVIDER_EDITOR.value}").first()
    if provider is not None:
        provider.organisations.add(service.organization)
    return service


def _persons_introduction() -> Introduction:
    """An introduction linked to the test person's own record, when there is a test person."""
    person = Person.objects.filter(user__username=f"test-{Role.PERSON.value}").first()
    return IntroductionFactory(person=person or PersonFactory())


def _guides_episode() -> Episode:
    """An open episode with the test personal guide."""
    guide = User.objects.filter(username=f"test-{Role.PERSONAL_GUIDE.value}").first() or UserFactory(
        role=Role.PERSONAL_GUIDE
    )
    return EpisodeFactory(guide=guide)


def _guides_action() -> Action:
    episode = _guides_episode()
    return Action.objects.create(
        episode=episode, what="Visit the garden", who="Both", due_on=datetime.date(2030, 1, 1), created_by=episode.guide
    )


def _guides_plan() -> Plan:
    return Plan.objects.create(person=_guides_episode().person)


def _guides_goal() -> Goal:
    return Goal.objects.create(plan=_guides_plan(), outcome="stay_well", what="Sleep better")


def _guides_connection() -> Connection:
    return Connection.objects.create(plan=_guides_plan(), name="Sister", kind="family", closeness="close")


def _onward(episode: Episode, service: Service) -> OnwardIntroduction:
    now = timezone.now()
    return OnwardIntroduction.objects.create(
        person=episode.person,
        episode=episode,
        service=service,
        sent_at=now,
        sent_by=episode.guide,
        respond_by=now.date(),
        status_changed_at=now,
    )


def _providers_report() -> ListingReport:
    return ListingReport.objects.create(service=_providers_service(), message="Closed now", submission_id=uuid.uuid4())


def _collaborative_body() -> Body:
    """A body with the test person as a member and the test secretary as its secretary."""
    body = BodyFactory()
    constituency = ConstituencyFactory(body=body)
    for role, membership_role in ((Role.PERSON, "member"), (Role.SECRETARY, "secretary")):
        user = User.objects.filter(username=f"test-{role.value}").first()
        if user is not None:
            member = Member.objects.filter(user=user).first() or MemberFactory(user=user)
            MembershipFactory(body=body, constituency=constituency, member=member, role=membership_role)
    return body


def _collaborative_meeting() -> Meeting:
    return MeetingFactory(body=_collaborative_body())


def _collaborative_action() -> CollaborativeAction:
    meeting = _collaborative_meeting()
    return CollaborativeAction.objects.create(
        body=meeting.body,
        meeting=meeting,
        what="Ask for figures",
        owner=MembershipFactory(body=meeting.body),
        due_on=datetime.date(2030, 1, 1),
        submission_id=uuid.uuid4(),
    )


def _join_request() -> JoinRequest:
    body = _collaborative_body()
    return JoinRequest.objects.create(
        body=body,
        constituency=body.constituencies.get(),
        name="Ola",
        email="ola@example.org",
        agreed_code_at=timezone.now(),
        submission_id=uuid.uuid4(),
    )


def _topic() -> Topic:
    return Topic.objects.create(body=_collaborative_body(), title="Buses", why="Fares", submission_id=uuid.uuid4())


def _persons_claim() -> Claim:
    """A claim of the test person's, for a meeting of a body the test secretary runs."""
    meeting = _collaborative_meeting()
    member = Member.objects.filter(user__username=f"test-{Role.PERSON.value}").first() or MemberFactory()
    return Claim.objects.create(
        member=member, meeting=meeting, body=meeting.body, basis="meeting", rate=25, hours=2, fee=25
    )


def _persons_expense() -> Expense:
    claim = _persons_claim()
    return Expense.objects.create(
        claim=claim,
        what="Bus",
        amount=3,
        receipt_name="r.pdf",
        receipt_type="application/pdf",
        receipt=b"%PDF",
        submission_id=uuid.uuid4(),
        added_by=UserFactory(),
    )


def _circulated_minutes() -> Minutes:
    return Minutes.objects.create(meeting=_collaborative_meeting(), text="Welcome.", status=Minutes.Status.CIRCULATED)


def _meeting_kwargs() -> dict[str, object]:
    return {"meeting_id": _collaborative_meeting().pk}


def _finance_export_kwargs(body: Body) -> dict[str, object]:
    export = FinanceExport.objects.create(body=body, made_by=UserFactory(), claim_count=0, csv="claim\n")
    return {"slug": body.slug, "export_id": export.pk}


DETAIL_KWARGS: dict[str, Callable[[], dict[str, object]]] = {
    "collaborative:meeting": _meeting_kwargs,
    "collaborative:member_calendar": lambda: {"token": MemberFactory().feed_token},
    "collaborative:body": lambda: {"slug": _collaborative_body().slug},
    "collaborative:code_of_conduct": lambda: {"slug": _collaborative_body().slug},
    "collaborative:body_calendar": lambda: {"slug": _collaborative_body().slug},
    "collaborative:join": lambda: {"slug": _collaborative_body().slug},
    "collaborative:join_sent": lambda: {"slug": _collaborative_body().slug},
    "collaborative:suggest": lambda: {"slug": _collaborative_body().slug},
    "collaborative:reply": _meeting_kwargs,
    "collaborative:running": lambda: {"slug": _collaborative_body().slug},
    "collaborative:series_new": lambda: {"slug": _collaborative_body().slug},
    "collaborative:meeting_new": lambda: {"slug": _collaborative_body().slug},
    "collaborative:topic_not_taken": lambda: (lambda t: {"slug": t.body.slug, "topic_id": t.pk})(_topic()),
    "collaborative:join_request": lambda: {"join_request_id": _join_request().pk},
    "collaborative:minutes": _meeting_kwargs,
    "collaborative:chair": _meeting_kwargs,
    "collaborative:payments": lambda: {"slug": _collaborative_body().slug},
    "collaborative:rota_new": lambda: {"slug": _collaborative_body().slug},
    "collaborative:rota": lambda: {
        "rota_id": Rota.objects.create(body=_collaborative_body(), name="Hub", duty="Go").pk
    },
    "collaborative:payments_export": lambda: {"slug": _collaborative_body().slug},
    "collaborative:finance_export": lambda: _finance_export_kwargs(_collaborative_body()),
    "collaborative:claim": lambda: {"claim_id": _persons_claim().pk},
    "collaborative:receipt": lambda: {"expense_id": _persons_expense().pk},
    "collaborative:minutes_approve": lambda: (lambda m: {"meeting_id": m.meeting_id, "minutes_id": m.pk})(
        _circulated_minutes()
    ),
    "collaborative:minutes_draft": lambda: {"meeting_id": _circulated_minutes().meeting_id},
    "collaborative:member_add": lambda: {"slug": _collaborative_body().slug},
    "collaborative:membership": lambda: {"membership_id": MembershipFactory(body=_collaborative_body()).pk},
    "collaborative:meeting_running": _meeting_kwargs,
    "collaborative:agenda_schedule": _meeting_kwargs,
    "collaborative:agenda_add": _meeting_kwargs,
    "collaborative:agenda_remove": lambda: {
        "item_id": AgendaItem.objects.create(meeting=_collaborative_meeting(), title="Welcome").pk
    },
    "collaborative:agenda_publish": _meeting_kwargs,
    "collaborative:attendance": _meeting_kwargs,
    "collaborative:decision_new": _meeting_kwargs,
    "collaborative:action_new": _meeting_kwargs,
    "collaborative:action_status": lambda: {"action_id": _collaborative_action().pk},
    "collaborative:meeting_move": _meeting_kwargs,
    "collaborative:meeting_cancel": _meeting_kwargs,
    "people:person_detail": lambda: {"person_id": PersonFactory().pk},
    "directory_api:service_detail": lambda: {"service_id": ServiceFactory().pk},
    "directory:service_detail": lambda: {"service_id": ServiceFactory().pk},
    "directory:listing_edit": lambda: {"service_id": _providers_service().pk},
    "directory:listing_confirm": lambda: {"service_id": _providers_service().pk},
    "directory:report": lambda: {"service_id": ServiceFactory().pk},
    "directory:report_thanks": lambda: {"service_id": ServiceFactory().pk},
    "directory:report_resolve": lambda: {"report_id": _providers_report().pk},
    "directory_api:service_at_location_detail": lambda: {"service_at_location_id": ServiceAtLocationFactory().pk},
    "directory_api:taxonomy_detail": lambda: {"taxonomy_id": Taxonomy.objects.get().pk},
    "directory_api:taxonomy_term_detail": lambda: {"taxonomy_term_id": TaxonomyTerm.objects.first().pk},
    "frontdoor:step": lambda: {"slug": "who"},
    "frontdoor:introduction": lambda: {"introduction_id": IntroductionFactory().pk},
    "safety:flag": lambda: {"flag_id": RiskFlag.objects.create(where="topic", written="x", categories=["suicide"]).pk},
    "frontdoor:claim": lambda: {"introduction_id": IntroductionFactory().pk},
    "frontdoor:contact_attempt": lambda: {"introduction_id": IntroductionFactory().pk},
    "frontdoor:conversation": lambda: {"introduction_id": IntroductionFactory().pk},
    "support:introduction_route": lambda: {"introduction_id": IntroductionFactory().pk},
    "frontdoor:link": lambda: {"introduction_id": IntroductionFactory().pk},
    "frontdoor:unlink": lambda: {"introduction_id": IntroductionFactory().pk},
    "frontdoor:my_introduction": lambda: {"introduction_id": _persons_introduction().pk},
    "support:episode": lambda: {"episode_id": _guides_episode().pk},
    "support:contact_log": lambda: {"episode_id": _guides_episode().pk},
    "support:action_new": lambda: {"episode_id": _guides_episode().pk},
    "support:status": lambda: {"episode_id": _guides_episode().pk},
    "support:hand_over": lambda: {"episode_id": _guides_episode().pk},
    "support:closing_summary": lambda: {"episode_id": _guides_episode().pk},
    "support:action_done": lambda: {"action_id": _guides_action().pk},
    "support:plan": lambda: {"episode_id": _guides_episode().pk},
    "support:plan_start": lambda: {"episode_id": _guides_episode().pk},
    "support:plan_from_introduction": lambda: {"episode_id": _guides_episode().pk},
    "support:about_me": lambda: {"episode_id": _guides_episode().pk},
    "support:connection_new": lambda: {"episode_id": _guides_episode().pk},
    "support:goal_new": lambda: {"episode_id": _guides_episode().pk},
    "support:plan_comment": lambda: {"episode_id": _guides_episode().pk},
    "support:invite": lambda: {"episode_id": _guides_episode().pk},
    "support:goal_review": lambda: {"goal_id": _guides_goal().pk},
    "support:goal_step": lambda: {"goal_id": _guides_goal().pk},
    "support:connection_sharing": lambda: {"connection_id": _guides_connection().pk},
    "accounts:welcome": lambda: {"uidb64": "MQ", "token": "not-a-token"},
    "accounts:password_reset": lambda: {"uidb64": "MQ", "token": "not-a-token"},
    "support:onward_new": lambda: {"episode_id": _guides_episode().pk},
    "support:measures": lambda: {"episode_id": _guides_episode().pk},
    "support:budget": lambda: {"episode_id": _guides_episode().pk},
    "support:budget_export": lambda: {"episode_id": _guides_episode().pk},
    "support:allocation_new": lambda: {"episode_id": _guides_episode().pk},
    "support:planned_new": lambda: {"episode_id": _guides_episode().pk},
    "support:spend_new": lambda: {"episode_id": _guides_episode().pk},
    "support:accommodation": lambda: {"episode_id": _guides_episode().pk},
    "support:measure_new": lambda: {"episode_id": _guides_episode().pk, "code": "ons4"},
    "support:my_measure_new": lambda: {"code": "ons4"},
    "support:onward_no_response": lambda: {"onward_id": _onward(_guides_episode(), ServiceFactory()).pk},
    "support:provider_onward": lambda: {"onward_id": _onward(_guides_episode(), _providers_service()).pk},
}

# URLs that only take POST are checked with POST.
POST_ONLY = {
    "accounts:sign_out",
    "directory:listing_confirm",
    "directory:report_resolve",
    "directory:my_list_add",
    "directory:my_list_remove",
    "frontdoor:claim",
    "frontdoor:link",
    "frontdoor:unlink",
    "support:action_done",
    "support:plan_start",
    "support:plan_from_introduction",
    "support:plan_comment",
    "support:invite",
    "support:connection_sharing",
    "support:onward_no_response",
    "support:my_plan_comment",
    "support:my_plan_agree",
    "collaborative:agenda_remove",
    "collaborative:agenda_publish",
    "collaborative:attendance",
    "collaborative:decision_new",
    "collaborative:action_status",
    "collaborative:minutes_approve",
    "collaborative:payments_export",
}


def _walk(patterns: list[URLPattern | URLResolver], namespace: str = "") -> Iterator[str]:
    for pattern in patterns:
        if isinstance(pattern, URLResolver):
            if pattern.app_name == "admin":
                yield "admin"
                continue
            inner = f"{namespace}{pattern.namespace}:" if pattern.namespace else namespace
            yield from _walk(pattern.url_patterns, inner)
        else:
            yield f"{namespace}{pattern.name}"


def test_every_url_is_in_the_matrix() -> None:
    names = set(_walk(get_resolver().url_patterns))
    assert names - MATRIX.keys() == set(), "Add these URLs to MATRIX with the roles that may reach them"
    assert MATRIX.keys() - names == set(), "These MATRIX entries name URLs that no longer exist"


def _url_for(name: str) -> str:
    if name == "admin":
        return reverse("admin:index")
    if name in DETAIL_KWARGS:
        return reverse(name, kwargs=DETAIL_KWARGS[name]())
    return reverse(name)


def _reached(client: Client, name: str, url: str) -> bool:
    response = client.post(url) if name in POST_ONLY else client.get(url)
    if response.status_code in (401, 403, 404):
        return False
    assert response.status_code < 500
    location = response.get("Location", "")
    return not ("sign-in" in location or "/admin/login/" in location)


@pytest.mark.django_db
@pytest.mark.parametrize("name", sorted(MATRIX))
def test_anonymous_visitors_reach_only_public_urls(client: Client, name: str) -> None:
    assert _reached(client, name, _url_for(name)) == (MATRIX[name] == PUBLIC)


@pytest.mark.django_db
@pytest.mark.parametrize("role", list(Role))
@pytest.mark.parametrize("name", sorted(MATRIX))
def test_each_role_reaches_exactly_what_design_allows(
    signed_in_client: Callable[[Role], Client], role: Role, name: str
) -> None:
    client = signed_in_client(role)
    if role == Role.PERSON:
        # A person with an account has their own record.
        PersonFactory(user=User.objects.get(username=f"test-{role.value}"))
    allowed = MATRIX[name]
    expected = allowed == PUBLIC or role in allowed
    assert _reached(client, name, _url_for(name)) == expected


@pytest.mark.django_db
@pytest.mark.parametrize("role", sorted(STAFF_ROLES))
def test_staff_without_a_second_factor_reach_no_signed_in_page(
    client: Client, user_with_role: Callable[[Role], User], role: Role
) -> None:
    client.force_login(user_with_role(role))
    for name, allowed in MATRIX.items():
        if allowed == PUBLIC or name in {"accounts:two_factor", "accounts:sign_out"}:
            continue
        url = _url_for(name)
        response = client.post(url) if name in POST_ONLY else client.get(url)
        assert response.status_code == 302, name
        assert "two-factor" in response["Location"] or "/admin/login/" in response["Location"], name
