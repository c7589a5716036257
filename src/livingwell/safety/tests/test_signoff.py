"""The Clinical Safety Officer's sign-off is recorded against each release, with the officer the
deployment names in settings."""

from io import StringIO

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from livingwell.audit.models import AuditEvent
from livingwell.safety.models import ReleaseSignOff

pytestmark = pytest.mark.django_db


def test_a_release_is_signed_once_by_the_named_officer(settings) -> None:
    settings.LW_CLINICAL_SAFETY_OFFICER = "Dr Ada Example, Clinical Safety Officer"
    out = StringIO()
    call_command("safety_signoff", "0.2.0", statement="Reviewed the hazard log and safety case.", stdout=out)
    signed = ReleaseSignOff.objects.get()
    assert (signed.release, signed.officer) == ("0.2.0", "Dr Ada Example, Clinical Safety Officer")
    assert "signed off by Dr Ada Example" in out.getvalue()
    assert AuditEvent.objects.filter(record_type="safety.releasesignoff", action="create").exists()
    with pytest.raises(CommandError, match="already signed off"):
        call_command("safety_signoff", "0.2.0", statement="Again", stdout=StringIO())


def test_without_a_named_officer_nothing_is_signed(settings) -> None:
    settings.LW_CLINICAL_SAFETY_OFFICER = ""
    with pytest.raises(CommandError, match="LW_CLINICAL_SAFETY_OFFICER"):
        call_command("safety_signoff", "0.2.0", statement="x", stdout=StringIO())
    assert not ReleaseSignOff.objects.exists()


def test_this_release_is_signed_when_none_is_named(settings) -> None:
    settings.LW_CLINICAL_SAFETY_OFFICER = "Dr Ada Example"
    call_command("safety_signoff", statement="Reviewed.", stdout=StringIO())
    assert ReleaseSignOff.objects.get().release == "0.1.0"
