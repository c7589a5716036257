"""The co-production fixtures: the Board, its secretary signed in, and a member signed in."""

from livingwell.collaborative.tests.conftest import member, member_membership, secretary, the_board

__all__ = ["member", "member_membership", "secretary", "the_board"]
