"""The plain-words check over every published text (decision 0061)."""

from io import StringIO

import pytest
from django.core.management import call_command

from livingwell.directory.tests.factories import ServiceFactory

pytestmark = pytest.mark.django_db


def test_the_published_texts_with_something_to_suggest_are_listed_and_drafts_are_left_alone() -> None:
    jargon = ServiceFactory(name="Drop-in", description="We signpost each SU to additional help.")
    ServiceFactory(name="Walks", description="Walks in the park on Wednesday mornings. Everyone is welcome.")
    hidden = ServiceFactory(name="Hidden", description="Utilise the IAPT offer.", is_published=False)
    out = StringIO()
    call_command("plain_words_published", stdout=out)
    report = out.getvalue()
    assert f"listing {jargon.pk}" in report
    assert "Spell out “SU”" in report
    assert "Try “more, or extra” instead of “additional”" in report
    assert str(hidden.pk) not in report
    assert "IAPT" not in report
    assert "published texts checked; 1 with something to suggest." in report
