"""The clinical lead keeps the lexicon in the admin: every change is audited, and the net can be tried."""

from collections.abc import Callable

import pytest
from django.test import Client
from django.urls import reverse

from livingwell.accounts.models import Role
from livingwell.audit.models import AuditEvent
from livingwell.safety.models import LexiconEntry
from livingwell.safety.net import risk_in

pytestmark = pytest.mark.django_db
ADD = reverse("admin:safety_lexiconentry_add")
TRY = reverse("admin:safety_lexiconentry_try")


@pytest.fixture
def lead(signed_in_client: Callable[[Role], Client]) -> Client:
    return signed_in_client(Role.ADMINISTRATOR)


def _events(action: str) -> list[AuditEvent]:
    return list(AuditEvent.objects.filter(record_type="safety.lexiconentry", action=action))


def test_the_shipped_lexicon_is_loaded_by_the_migration() -> None:
    assert LexiconEntry.objects.filter(active=True).count() > 100
    assert set(LexiconEntry.objects.values_list("category", flat=True)) == {
        "suicide",
        "self_harm",
        "harm_to_others",
        "unsafe_at_home",
        "exception",
    }


def test_adding_changing_and_removing_an_entry_is_audited_and_takes_effect_at_once(lead: Client) -> None:
    words = ["I feel like the floor is swallowing me whole"]
    assert not risk_in(words)
    response = lead.post(
        ADD, {"pattern": "floor ... swallow~ me", "category": "suicide", "note": "A test", "active": "on"}
    )
    assert response.status_code == 302
    entry = LexiconEntry.objects.get(pattern="floor ... swallow~ me")
    assert _events("create")[0].detail == "lexicon entry added: suicide, in use: 'floor ... swallow~ me'"
    assert risk_in(words).categories == ["suicide"]

    change = reverse("admin:safety_lexiconentry_change", args=[entry.pk])
    lead.post(change, {"pattern": "floor ... swallow~ me", "category": "self_harm", "note": "A test"})
    assert "from suicide, in use" in _events("change")[0].detail
    assert "to self_harm, not in use" in _events("change")[0].detail
    assert not risk_in(words)  # switched off

    lead.post(reverse("admin:safety_lexiconentry_delete", args=[entry.pk]), {"post": "yes"})
    assert not LexiconEntry.objects.filter(pk=entry.pk).exists()
    assert _events("delete")[0].detail.startswith("lexicon entry removed: self_harm")
    assert all(event.actor.username == "test-administrator" for event in AuditEvent.objects.all())


@pytest.mark.parametrize("pattern", ["", "...", "a||b", "!!!"])
def test_a_pattern_that_cannot_be_read_is_refused_with_a_message(lead: Client, pattern: str) -> None:
    before = LexiconEntry.objects.count()
    response = lead.post(ADD, {"pattern": pattern, "category": "suicide", "note": "", "active": "on"})
    assert response.status_code == 200
    assert response.context["adminform"].form.errors["pattern"]
    assert LexiconEntry.objects.count() == before
    assert not _events("create")


def test_switching_everything_off_is_honoured_but_an_empty_table_falls_back_to_what_ships() -> None:
    assert risk_in(["i want to die"])
    LexiconEntry.objects.update(active=False)
    assert not risk_in(["i want to die"])
    LexiconEntry.objects.all().delete()
    assert risk_in(["i want to die"]).categories == ["suicide"]


def test_the_lead_tries_the_net_and_nothing_typed_is_kept(lead: Client) -> None:
    assert lead.get(reverse("admin:safety_lexiconentry_changelist")).content.decode().count(TRY) == 1
    events_before = AuditEvent.objects.count()
    html = lead.post(TRY, {"text": "he hits me and i want to end it all"}).content.decode()
    assert "Not safe where they live (abuse, violence)" in html
    assert "Suicide" in html
    assert "end it all" in html
    assert (
        "These words would not mark anything urgent" in lead.post(TRY, {"text": "I love my allotment"}).content.decode()
    )
    assert "This field is required" in lead.post(TRY, {"text": ""}).content.decode()
    assert AuditEvent.objects.count() == events_before


@pytest.mark.parametrize("role", [role for role in Role if role != Role.ADMINISTRATOR])
def test_only_administrators_reach_the_lexicon(signed_in_client: Callable[[Role], Client], role: Role) -> None:
    client = signed_in_client(role)
    for url in (ADD, TRY, reverse("admin:safety_lexiconentry_changelist")):
        response = client.get(url)
        assert response.status_code in (302, 403)
        assert "Try the safety net" not in response.content.decode()
