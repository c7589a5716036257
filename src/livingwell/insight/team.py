"""The Hub manager's own team, as it stands today: for each guide in the team, the people they support now
and what is waiting on them (decision 0027). Counts only; the manager sees the people themselves on the
caseload, through its own access rules."""

import datetime
from collections import defaultdict
from dataclasses import dataclass, field

from django.db.models import Count, Exists, OuterRef, Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _

from livingwell.accounts.models import Role, User
from livingwell.insight.tables.common import Table, Value
from livingwell.support.models import Action, ContactLogEntry, Episode, EpisodeChange, GuideProfile, OnwardIntroduction
from livingwell.support.selectors import colleagues_of

RECENT_DAYS = 28
COLUMNS = (
    "open",
    "on_hold",
    "reviews_overdue",
    "safety_due",
    "actions_overdue",
    "replies_overdue",
    "no_recent_contact",
    "opened",
    "closed",
)


@dataclass
class GuideFigures:
    name: str
    counts: dict[str, int] = field(default_factory=lambda: dict.fromkeys(COLUMNS, 0))


def team_of(user: User) -> QuerySet[User]:
    """The guides whose figures ``user`` sees: everyone in the manager's own organisations (the Hub) who has
    a guide's profile or has guided anyone; for an administrator, who belongs to none, every guide with
    someone in support now."""
    if user.role == Role.ADMINISTRATOR:
        return User.objects.filter(guided_episodes__status__in=[Episode.Status.OPEN, Episode.Status.ON_HOLD])
    return colleagues_of(user).filter(Q(guided_episodes__isnull=False) | Q(guide_profile__isnull=False))


def team_figures(guides: QuerySet[User], now: datetime.datetime | None = None) -> list[GuideFigures]:
    """Each guide's figures today, by name, and nobody else's."""
    now = now or timezone.now()
    today = timezone.localdate(now)
    recently = now - datetime.timedelta(days=RECENT_DAYS)
    ids = list(guides.values_list("pk", flat=True).distinct())
    counts: dict[int, dict[str, int]] = defaultdict(lambda: dict.fromkeys(COLUMNS, 0))
    current = Q(status__in=[Episode.Status.OPEN, Episode.Status.ON_HOLD])
    by_status = ("open", "on_hold", "reviews_overdue", "safety_due", "closed")
    episodes = Episode.objects.filter(guide__in=ids).order_by().values("guide")
    rows = episodes.annotate(
        open=Count("pk", filter=Q(status=Episode.Status.OPEN)),
        on_hold=Count("pk", filter=Q(status=Episode.Status.ON_HOLD)),
        reviews_overdue=Count("pk", filter=current & Q(next_review_on__lt=today)),
        safety_due=Count("pk", filter=current & Q(safety_conversation_due=True)),
        closed=Count("pk", filter=Q(status=Episode.Status.CLOSED, closed_at__gte=recently)),
    ).values_list("guide", *by_status)
    for guide, *figures in rows:
        counts[guide].update(zip(by_status, figures, strict=True))
    # Contacted lately: a subquery, so that each episode's own last contact counts, not its guide's.
    contacted = ContactLogEntry.objects.filter(episode=OuterRef("pk"), happened_at__gte=recently)
    quiet = Episode.objects.filter(current, guide__in=ids).exclude(Exists(contacted))
    grouped = [
        ("no_recent_contact", quiet.order_by().values_list("guide")),
        ("actions_overdue", Action.objects.filter(
            episode__in=Episode.objects.filter(current, guide__in=ids), done_at__isnull=True, due_on__lt=today
        ).order_by().values_list("episode__guide")),
        ("replies_overdue", OnwardIntroduction.objects.filter(
            episode__guide__in=ids, status=OnwardIntroduction.Status.SENT, respond_by__lt=today
        ).order_by().values_list("episode__guide")),
        ("opened", EpisodeChange.objects.filter(
            guide__in=ids, changed_at__gte=recently,
            kind__in=[EpisodeChange.Kind.OPENED, EpisodeChange.Kind.REOPENED],
        ).order_by().values_list("guide")),
    ]  # fmt: skip
    for column, by_guide in grouped:
        for guide, count in by_guide.annotate(n=Count("*")):
            counts[guide][column] = count
    names = dict(GuideProfile.objects.filter(user__in=ids).values_list("user_id", "name"))
    users = User.objects.filter(pk__in=ids).order_by()
    named = {pk: names.get(pk) or first or username for pk, first, username in users.values_list(
        "pk", "first_name", "username")}  # fmt: skip
    return sorted(
        (GuideFigures(named[pk], dict(counts[pk])) for pk in ids), key=lambda figures: figures.name.casefold()
    )


def team_table(guides: list[GuideFigures]) -> Table:
    """Staff counts for their manager, who sees each person on the caseload anyway: nothing is hidden."""
    totals: list[Value] = [str(sum(guide.counts[column] for guide in guides)) for column in COLUMNS]
    return Table(
        slug="team",
        title=_("Your team today"),
        summary=_(
            "For each guide in your team: the people they support now, and what is waiting on them today. "
            "Opened and closed count the last %(days)s days."
        )
        % {"days": RECENT_DAYS},
        first_column=_("Guide"),
        columns=[
            _("Open"),
            _("On hold"),
            _("Reviews overdue"),
            _("Safety conversations due"),
            _("Next steps overdue"),
            _("Onward replies overdue"),
            _("No contact in %(days)s days") % {"days": RECENT_DAYS},
            _("Opened or reopened"),
            _("Closed"),
        ],
        rows=[(guide.name, [str(guide.counts[column]) for column in COLUMNS]) for guide in guides],
        footer=[(_("The team"), totals)],
    )
