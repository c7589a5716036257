"""The role sets the permission matrix is written in: each app's ``tests/permission_matrix.py`` says who may
reach each of its URLs in these words, and ``test_permission_matrix.py`` walks them all."""

from collections.abc import Callable

from livingwell.accounts.models import Role

Who = str | frozenset[Role]
Kwargs = Callable[[], dict[str, object]]

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
