"""Who reaches members' personal data, for every role: only who runs a body (its chair or secretary with
the Secretary or chair role, or an administrator), each member their own, and every read audited."""

import pytest
from django.core.exceptions import PermissionDenied

from livingwell.accounts.models import Role
from livingwell.accounts.tests.factories import UserFactory
from livingwell.audit.models import AuditEvent
from livingwell.collaborative import access
from livingwell.collaborative.models import Membership
from livingwell.collaborative.tests.factories import MeetingFactory, MembershipFactory

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("role", list(Role))
@pytest.mark.parametrize("body_role", [None, *Membership.Role.values])
def test_who_runs_a_body(the_board, role, body_role):
    body, groups = the_board
    user = UserFactory(role=role)
    if body_role:
        MembershipFactory(body=body, constituency=groups["ebe"], member__user=user, role=body_role)
    meeting = MeetingFactory(body=body)
    expected = role == Role.ADMINISTRATOR or (role == Role.SECRETARY and body_role in ("chair", "secretary"))
    assert access.runs(user, body) == expected
    if expected:
        view = access.access_meeting_running_for(user, meeting.pk)
        assert AuditEvent.objects.filter(
            actor=user, action="read", record_type="collaborative.membership"
        ).count() == len(view.shown)
    else:
        with pytest.raises(PermissionDenied):
            access.access_meeting_running_for(user, meeting.pk)
        with pytest.raises(PermissionDenied):
            access.access_body_running_for(user, body.slug)
        assert not AuditEvent.objects.filter(actor=user).exists()
    # Each member reaches their own membership, and nobody else's.
    if body_role:
        assert access.access_own_membership_for(user, body).member.user == user
    else:
        with pytest.raises(PermissionDenied):
            access.access_own_membership_for(user, body)
