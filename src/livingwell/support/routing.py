"""Routing an introduction: the Hub sends it where the Hub and the person agreed.

Routing lives with support, above the front door (decision 0019): Hub support opens an episode with a
personal guide, community support makes an onward introduction, information is emailed, and secondary care
gets a structured referral (decision 0064).
"""

import functools

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from livingwell.accounts.models import User
from livingwell.core.languages import in_language
from livingwell.core.outbox import Message, message_builder, message_enqueue
from livingwell.core.refusals import Refused
from livingwell.directory.models import Service
from livingwell.frontdoor.models import Introduction
from livingwell.frontdoor.services import introduction_change_audit, person_from_introduction
from livingwell.support.models import OnwardIntroduction
from livingwell.support.onward import onward_send
from livingwell.support.referrals import referral_make
from livingwell.support.services import episode_open


def introduction_route(
    *,
    actor: User,
    introduction: Introduction,
    route: str,
    services: list[Service],
    reason: str,
    guide: User | None = None,
    guide_chosen: bool = False,
) -> None:
    """Send the introduction where the Hub and the person agreed. It leaves the duty queue.

    Community and Hub support need a person record: the one linked, or a new one. Hub support opens
    (or, for someone known, reopens) an episode with the personal guide.
    """
    if route == Introduction.Route.HUB and guide is None:
        raise Refused(_("Select their personal guide"))
    with transaction.atomic():
        locked = Introduction.objects.select_for_update().get(pk=introduction.pk)
        locked.route = route
        locked.route_reason = reason
        locked.routed_at = timezone.now()
        locked.routed_by = actor
        locked.status = Introduction.Status.ROUTED
        if route in (Introduction.Route.COMMUNITY, Introduction.Route.HUB) and locked.person is None:
            locked.person = person_from_introduction(actor, locked)
        locked.save(update_fields=["route", "route_reason", "routed_at", "routed_by", "status", "person"])
        locked.services.set(services)
        introduction_change_audit(actor, locked, f"routed: {route}")
        if route == Introduction.Route.COMMUNITY and locked.person is not None and services:
            # The onward introduction, whose loop the service closes; they agreed to be introduced.
            onward_send(
                actor=actor,
                person=locked.person,
                service=services[0],
                shared=[OnwardIntroduction.Shared.CONTACT],
                message=reason,
                introduction=locked,
            )
        if route == Introduction.Route.HUB and guide is not None and locked.person is not None:
            episode_open(
                actor=actor,
                person=locked.person,
                guide=guide,
                chosen_by_person=guide_chosen,
                introduction=locked,
                reason=reason
                or str(_("Hub support, from introduction %(reference)s") % {"reference": locked.reference}),
            )
        if route == Introduction.Route.SECONDARY_CARE:
            referral_make(locked)  # the structured referral, delivered or downloaded (decision 0064)
        if route == Introduction.Route.INFORMATION and locked.email:
            transaction.on_commit(
                functools.partial(
                    message_enqueue,
                    information_message,
                    introduction_id=locked.pk,
                    service_ids=[service.pk for service in services],
                )
            )
    introduction.refresh_from_db()


@message_builder
def information_message(introduction_id: str, service_ids: list[str]) -> Message | None:
    """The services a duty worker chose for someone who asked for information, as they stand when sent."""
    introduction = Introduction.objects.filter(pk=introduction_id).first()
    if introduction is None:
        return None
    found = {str(service.pk): service for service in Service.objects.filter(pk__in=service_ids)}
    with in_language(introduction.written_in):  # the language they used the front door in (decision 0062)
        return Message(
            to=introduction.email,
            subject=_("Services that may help, from %(service)s") % {"service": settings.LW_SERVICE_NAME},
            template_name="frontdoor/email/information.txt",
            context={
                "introduction": introduction,
                "services": [found[str(service_id)] for service_id in service_ids if str(service_id) in found],
                "service_name": settings.LW_SERVICE_NAME,
            },
        )
