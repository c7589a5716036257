"""Fixtures the support tests share: a signed-in personal guide, and an episode of theirs with Robin."""

import datetime
from collections.abc import Callable

import pytest
from django.test import Client
from django.utils import timezone

from livingwell.accounts.models import Role, User
from livingwell.support.models import Episode
from livingwell.support.tests.factories import EpisodeFactory


@pytest.fixture
def guide(signed_in_client: Callable[[Role], Client]) -> Client:
    return signed_in_client(Role.PERSONAL_GUIDE)


@pytest.fixture
def episode(guide: Client) -> Episode:
    return EpisodeFactory(
        guide=User.objects.get(username="test-personal_guide"),
        person__preferred_name="Robin",
        person__email="robin@example.org",
        next_review_on=timezone.localdate() + datetime.timedelta(weeks=6),
    )
