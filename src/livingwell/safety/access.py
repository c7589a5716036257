"""The only way to reach a safety flag. Each function checks permission and audits the read.

One condition per line, so that coverage proves each branch; tests cover every role.
"""

from uuid import UUID

from django.core.exceptions import PermissionDenied
from django.db.models import QuerySet

from livingwell.accounts.models import DUTY_ROLES, Role, User
from livingwell.audit.models import AuditEvent
from livingwell.audit.services import audit_event_record, audit_reads_record
from livingwell.core.access import one_or_404
from livingwell.safety.models import RiskFlag

# Every flag: the duty team reads what has no guide, and the Hub manager oversees all.
EVERY_FLAG_ROLES = frozenset(DUTY_ROLES)
# Only the flags raised to them, as a person's guide.
OWN_FLAG_ROLES = frozenset({Role.PERSONAL_GUIDE, Role.PEER_SUPPORTER})
FLAG_ROLES = EVERY_FLAG_ROLES | OWN_FLAG_ROLES


def _flags_for(user: User) -> QuerySet[RiskFlag]:
    flags = RiskFlag.objects.select_related("guide", "handled_by")
    if user.role in EVERY_FLAG_ROLES:
        return flags
    if user.role in OWN_FLAG_ROLES:
        return flags.filter(guide=user)
    raise PermissionDenied


def access_open_flags_for(user: User) -> list[RiskFlag]:
    """The flags nobody has handled yet that ``user`` may read, oldest first, each read audited."""
    flags = list(_flags_for(user).filter(handled_at__isnull=True).order_by("raised_at"))
    audit_reads_record(actor=user, records=flags, person_id_of="person_id")
    return flags


def open_flag_count_for(user: User) -> int:
    """How many flags wait for ``user``: a count, which reads nothing personal."""
    if user.role not in FLAG_ROLES:
        return 0
    return _flags_for(user).filter(handled_at__isnull=True).count()


def access_flag_for(user: User, flag_id: UUID | str) -> RiskFlag:
    """One flag, with what was written, for ``user`` to read; the read is audited."""
    flag = one_or_404(_flags_for(user), flag_id)
    audit_event_record(actor=user, action=AuditEvent.Action.READ, record=flag, person_id=flag.person_id)
    return flag
