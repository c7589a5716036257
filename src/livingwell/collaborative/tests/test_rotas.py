"""Rolling rotas: turns go round in order, swaps are kept, and whoever has the turn is reminded."""

import datetime

import pytest
from django.core import mail
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from livingwell.collaborative.models import Meeting, Rota, RotaTurn
from livingwell.collaborative.tests.factories import MeetingFactory, MembershipFactory
from livingwell.conftest import worker_run

pytestmark = pytest.mark.django_db


@pytest.mark.django_db(transaction=True)  # the worker runs on its own connection
def test_every_month_someone_else_from_the_hub_goes(
    secretary: Client, member: Client, the_board, member_membership, django_capture_on_commit_callbacks
):
    body, groups = the_board
    hub = [member_membership] + [
        MembershipFactory(body=body, constituency=groups["nhs"], member__name=name, member__email=f"{name}@hub.example")
        for name in ("Bea", "Cal")
    ]
    for month in range(1, 5):
        MeetingFactory(body=body, starts_at=timezone.now() + datetime.timedelta(days=1 + 30 * (month - 1)))
    MeetingFactory(body=body, starts_at=timezone.now() + datetime.timedelta(days=45), status=Meeting.Status.CANCELLED)
    url = reverse("collaborative:rota_new", args=[body.slug])
    few = secretary.post(url, {"name": "Hub representative", "duty": "Go and report back", "people": [hub[0].pk]})
    assert b"Choose at least two people to take turns" in few.content
    secretary.post(url, {"name": "Hub representative", "duty": "Go and report back", "people": [m.pk for m in hub]})
    rota = Rota.objects.get()
    with django_capture_on_commit_callbacks(execute=True):
        secretary.post(reverse("collaborative:rota_fill", args=[rota.pk]))
    turns = list(RotaTurn.objects.order_by("meeting__starts_at"))
    assert len(turns) == 4  # the cancelled meeting has no turn
    order = sorted(hub, key=lambda m: m.member.name)  # the form lists people by name: Bea, Cal, Ola
    assert [t.membership for t in turns] == [order[0], order[1], order[2], order[0]]
    # Filling again gives out nothing twice.
    secretary.post(reverse("collaborative:rota_fill", args=[rota.pk]))
    assert RotaTurn.objects.count() == 4
    # The first turn is tomorrow: its reminder is due now. Swapped first, so only Cal is reminded.
    with django_capture_on_commit_callbacks(execute=True):
        secretary.post(
            reverse("collaborative:rota_swap", args=[rota.pk]),
            {"turn": turns[0].pk, "membership": order[1].pk},
        )
    worker_run()
    worker_run()
    reminded = [m.to[0] for m in mail.outbox if m.subject.startswith("Your turn")]
    assert reminded.count("Cal@hub.example") >= 1
    assert "Bea@hub.example" not in reminded
    # A swap to someone not on the rota is refused.
    outsider = MembershipFactory()
    secretary.post(reverse("collaborative:rota_swap", args=[rota.pk]), {"turn": turns[1].pk, "membership": outsider.pk})
    assert RotaTurn.objects.get(pk=turns[1].pk).membership == order[1]
    # Ola sees her turn on her own page.
    assert b"Hub representative" in member.get(reverse("collaborative:mine")).content
