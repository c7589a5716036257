"""Fixtures for the co-production tests: the Board, its secretary signed in, and a member signed in."""

from collections.abc import Callable

import pytest
from django.test import Client

from livingwell.accounts.models import Role, User
from livingwell.collaborative.models import Body, Constituency, Membership
from livingwell.collaborative.tests.factories import MembershipFactory, board, secretary_of


@pytest.fixture
def the_board(db: None) -> tuple[Body, dict[str, Constituency]]:
    return board()


@pytest.fixture
def secretary(signed_in_client: Callable[[Role], Client], the_board) -> Client:
    client = signed_in_client(Role.SECRETARY)
    secretary_of(the_board[0], User.objects.get(username="test-secretary"))
    return client


@pytest.fixture
def member_membership(the_board, user_with_role: Callable[[Role], User]) -> Membership:
    body, groups = the_board
    user = user_with_role(Role.PERSON)
    return MembershipFactory(body=body, constituency=groups["ebe"], member__user=user, member__name="Ola")


@pytest.fixture
def member(member_membership: Membership) -> Client:
    """A client of its own (the secretary fixture signs in the shared ``client``)."""
    client = Client()
    client.force_login(member_membership.member.user)
    return client
