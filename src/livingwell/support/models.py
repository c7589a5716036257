"""Support that follows the person: episodes and the personal guides who coordinate them, the contact log
and next steps, the person's plan, onward introductions, outcome measures, personal budgets and
accommodation.

Read them only through ``livingwell.support.access``. A guide's short profile is not personal data about
the people we support: the guide writes it so that people can choose who they work with.
"""

import uuid

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from livingwell.core.models import Delivery
from livingwell.core.outcomes import Big3Outcome


class GuideProfileQuerySet(models.QuerySet["GuideProfile"]):
    def choosable(self) -> "GuideProfileQuerySet":
        """The guides a person may choose now: taking new people, and still with us."""
        return self.filter(taking_people=True, user__is_active=True).order_by("name", "pk")


class GuideProfile(models.Model):
    """A personal guide's short profile, in their own words, for people to choose from."""

    user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="guide_profile")
    name = models.CharField(_("the name people call you"), max_length=100)
    about = models.TextField(
        _("about you"),
        max_length=600,
        help_text=_("A few lines in plain words: what you bring, what you enjoy, what people say helps."),
    )
    languages = models.CharField(_("languages you speak"), max_length=200, blank=True)
    taking_people = models.BooleanField(
        _("taking new people"), default=True, help_text=_("Untick while your caseload is full or you are away.")
    )
    updated_at = models.DateTimeField(auto_now=True)

    objects = GuideProfileQuerySet.as_manager()

    class Meta:
        ordering = ["name", "pk"]
        verbose_name = _("personal guide's profile")
        verbose_name_plural = _("personal guides' profiles")

    def __str__(self) -> str:
        return self.name


class Episode(models.Model):
    """One period of support. "Easy out" closes it; "easy in" reopens it without a new introduction."""

    class Status(models.TextChoices):
        OPEN = "open", _("Open")
        ON_HOLD = "on_hold", _("On hold")
        CLOSED = "closed", _("Closed")

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    person = models.ForeignKey("people.Person", on_delete=models.PROTECT, related_name="episodes")
    guide = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("personal guide"),
        on_delete=models.PROTECT,
        related_name="guided_episodes",
    )
    # Whether the person chose their guide from the team's profiles, or left it to the Hub.
    guide_chosen_by_person = models.BooleanField(_("the person chose their guide"), default=False)
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.OPEN)
    opened_at = models.DateTimeField(_("opened"))
    closed_at = models.DateTimeField(_("closed"), null=True, blank=True)
    next_review_on = models.DateField(_("next review"), null=True, blank=True)
    # Set when an urgent introduction opens or joins the episode; cleared by a safety conversation recorded in
    # the contact log, or a crisis plan in the person's plan (hazard H-012).
    safety_conversation_due = models.BooleanField(_("safety conversation needed"), default=False)
    safety_conversation_at = models.DateTimeField(_("safety conversation"), null=True, blank=True)

    class Meta:
        ordering = ["-opened_at", "id"]
        constraints = [
            # One current episode a person: easy in reopens it rather than starting a second.
            models.UniqueConstraint(
                fields=["person"], condition=~Q(status="closed"), name="one_current_episode_per_person"
            ),
        ]
        indexes = [models.Index(fields=["guide", "status"], name="episode_caseload")]
        verbose_name = _("episode")
        verbose_name_plural = _("episodes")

    def __str__(self) -> str:
        return f"{self.person_id} {self.opened_at:%Y-%m-%d}"


class EpisodeChange(models.Model):
    """Every opening, reopening, hold and closing of an episode, with its reason: the episode's history."""

    class Kind(models.TextChoices):
        OPENED = "opened", _("Opened")
        REOPENED = "reopened", _("Reopened")
        CONTINUED = "continued", _("A new introduction joined it")
        GUIDE_CHANGED = "guide_changed", _("Handed over to another guide")
        ON_HOLD = "on_hold", _("Put on hold")
        RESUMED = "resumed", _("Taken off hold")
        CLOSED = "closed", _("Closed")

    episode = models.ForeignKey(Episode, on_delete=models.CASCADE, related_name="changes")
    kind = models.CharField(_("what changed"), max_length=20, choices=Kind.choices)
    reason = models.TextField(_("why"))
    changed_at = models.DateTimeField(_("when"))
    # Nobody when the person did it themselves (coming back through the link in their closing summary).
    changed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    guide = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    # The introduction that opened or reopened it, when there was one.
    introduction = models.ForeignKey(
        "frontdoor.Introduction", null=True, blank=True, on_delete=models.PROTECT, related_name="episode_changes"
    )

    class Meta:
        ordering = ["changed_at", "id"]
        indexes = [
            # The figures: each month's openings, reopenings and closings, and each episode's last change
            # before a month began (insight/summaries.py).
            models.Index(fields=["changed_at", "kind"], name="episode_change_month"),
            models.Index(fields=["episode", "changed_at"], name="episode_change_latest"),
        ]

    def __str__(self) -> str:
        return f"{self.episode_id} {self.kind}"


class ContactLogEntry(models.Model):
    """A call, visit or message with the person: when, how, and only what needs keeping."""

    class Kind(models.TextChoices):
        CALL = "call", _("Phone call")
        VISIT = "visit", _("Visit or meeting")
        MESSAGE = "message", _("Message (text, email or letter)")
        ATTEMPT = "attempt", _("Tried to reach them")

    episode = models.ForeignKey(Episode, on_delete=models.CASCADE, related_name="contacts")
    kind = models.CharField(_("how"), max_length=10, choices=Kind.choices)
    happened_at = models.DateTimeField(_("when"))
    note = models.CharField(
        _("note"),
        max_length=500,
        blank=True,
        help_text=_("Only what needs keeping. The person can read it."),
    )
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")

    # The form's once-only token: the same form sent twice, or many times at once, makes one record.
    submission_id = models.UUIDField(null=True, blank=True, unique=True, editable=False)

    class Meta:
        ordering = ["-happened_at", "-id"]
        indexes = [models.Index(fields=["episode", "-happened_at"], name="contact_log_latest")]

    def __str__(self) -> str:
        return f"{self.episode_id} {self.kind}"


class Action(models.Model):
    """A next step someone has agreed to take, with a date: the caseload shows the earliest still to do.

    A step towards a goal in the plan names the goal.
    """

    episode = models.ForeignKey(Episode, on_delete=models.CASCADE, related_name="actions")
    goal = models.ForeignKey("Goal", null=True, blank=True, on_delete=models.SET_NULL, related_name="steps")
    what = models.CharField(_("what"), max_length=300)
    due_on = models.DateField(_("by when"))
    who = models.CharField(_("who"), max_length=100, help_text=_("For example, the guide, the person, or both."))
    done_at = models.DateTimeField(_("done"), null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")

    # The form's once-only token: the same form sent twice, or many times at once, makes one record.
    submission_id = models.UUIDField(null=True, blank=True, unique=True, editable=False)

    class Meta:
        ordering = ["done_at", "due_on", "id"]
        indexes = [models.Index(fields=["episode", "done_at", "due_on"], name="action_next")]

    def __str__(self) -> str:
        return self.what


class Plan(models.Model):
    """The person's own plan, built on their strengths. One a person; it carries on across episodes."""

    person = models.OneToOneField("people.Person", on_delete=models.CASCADE, related_name="plan")
    strengths = models.TextField(_("my strengths"), blank=True)
    interests = models.TextField(_("my interests"), blank=True)
    skills = models.TextField(_("my skills"), blank=True)
    what_matters = models.TextField(_("what matters to me"), blank=True)
    keeps_me_well = models.TextField(_("what keeps me well"), blank=True)
    early_signs = models.TextField(_("early signs that I am becoming unwell"), blank=True)
    crisis_plan = models.TextField(
        _("my crisis plan"),
        blank=True,
        help_text=_("What helps, who to call and what I would like to happen if I am in crisis."),
    )
    updated_at = models.DateTimeField(auto_now=True)
    # Agreement is to a version: any change to the plan after agreeing asks the person to agree again.
    version = models.PositiveIntegerField(default=1)
    agreed_version = models.PositiveIntegerField(null=True, blank=True)
    agreed_at = models.DateTimeField(_("agreed"), null=True, blank=True)

    class Meta:
        verbose_name = _("plan")
        verbose_name_plural = _("plans")

    def __str__(self) -> str:
        return str(self.person_id)

    @property
    def is_agreed(self) -> bool:
        return self.agreed_version == self.version


class Connection(models.Model):
    """Someone or something around the person: "the Living Well Network is just someone's network"."""

    class Kind(models.TextChoices):
        FAMILY = "family", _("Family")
        FRIEND = "friend", _("Friend")
        GP = "gp", _("GP or health")
        SCHOOL = "school", _("School, college or work")
        SERVICE = "service", _("Service or organisation")
        COMMUNITY = "community", _("Community, faith or group")
        PEER = "peer", _("Peer supporter")
        TIME_BANK = "time_bank", _("Time bank")
        OTHER = "other", _("Someone else")

    class Closeness(models.TextChoices):
        CLOSE = "close", _("Very close")
        MIDDLE = "middle", _("Close")
        WIDER = "wider", _("Further away")

    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="connections")
    name = models.CharField(_("who"), max_length=100)
    kind = models.CharField(_("what kind of connection"), max_length=20, choices=Kind.choices)
    closeness = models.CharField(_("how close"), max_length=10, choices=Closeness.choices)
    note = models.CharField(_("how they help (optional)"), max_length=300, blank=True)
    # Each connection carries its own consent: may what is in the plan be shared with them?
    may_share = models.BooleanField(_("I agree to share my plan with them"), default=False)
    may_share_changed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["closeness", "name", "id"]

    def __str__(self) -> str:
        return self.name


class Goal(models.Model):
    """A goal of the person's own, under one of the Big 3 outcomes, with progress out of 10."""

    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="goals")
    outcome = models.CharField(_("which outcome"), max_length=20, choices=Big3Outcome.choices)
    what = models.CharField(_("the goal, in my words"), max_length=300)
    who_helps = models.CharField(_("who helps"), max_length=200, blank=True)
    progress = models.PositiveSmallIntegerField(
        _("progress, 0 to 10"), default=0, validators=[MinValueValidator(0), MaxValueValidator(10)]
    )
    next_review_on = models.DateField(_("next review"), null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    achieved_at = models.DateTimeField(_("achieved"), null=True, blank=True)

    # The form's once-only token: the same form sent twice, or many times at once, makes one record.
    submission_id = models.UUIDField(null=True, blank=True, unique=True, editable=False)

    class Meta:
        ordering = ["outcome", "created_at", "id"]
        constraints = [models.CheckConstraint(condition=Q(progress__lte=10), name="goal_progress_out_of_ten")]

    def __str__(self) -> str:
        return self.what


class GoalReview(models.Model):
    """A review of a goal: where it has got to, in the person's words, and when to look again."""

    goal = models.ForeignKey(Goal, on_delete=models.CASCADE, related_name="reviews")
    reviewed_at = models.DateTimeField()
    progress = models.PositiveSmallIntegerField(validators=[MinValueValidator(0), MaxValueValidator(10)])
    note = models.TextField(blank=True)
    reviewed_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")

    class Meta:
        ordering = ["-reviewed_at", "-id"]

    def __str__(self) -> str:
        return f"{self.goal_id} {self.progress}"


class PlanComment(models.Model):
    """A comment on the plan, from the person or a worker, kept with who and when."""

    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="comments")
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    text = models.TextField(_("comment"), max_length=2000)
    created_at = models.DateTimeField(auto_now_add=True)

    # The form's once-only token: the same form sent twice, or many times at once, makes one record.
    submission_id = models.UUIDField(null=True, blank=True, unique=True, editable=False)

    class Meta:
        ordering = ["created_at", "id"]

    def __str__(self) -> str:
        return f"{self.plan_id} {self.created_at:%Y-%m-%d}"


class OnwardIntroduction(models.Model):
    """The Hub introducing a person to a network service, with a closed-loop status.

    The service's organisation sees only what the person agreed to share with it (``shared``).
    """

    class Status(models.TextChoices):
        SENT = "sent", _("Sent")
        ACCEPTED = "accepted", _("Accepted")
        STARTED = "started", _("Started")
        FINISHED = "finished", _("Finished")
        DECLINED = "declined", _("Declined")
        NO_RESPONSE = "no_response", _("No response")

    class Shared(models.TextChoices):
        CONTACT = "contact", _("How to contact them")
        ACCESS = "access", _("Access needs and language")
        ABOUT_ME = "about_me", _("About me, from their plan")
        GOALS = "goals", _("Their goals")

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    person = models.ForeignKey("people.Person", on_delete=models.PROTECT, related_name="onward_introductions")
    episode = models.ForeignKey(
        Episode, null=True, blank=True, on_delete=models.SET_NULL, related_name="onward_introductions"
    )
    # Community support from the front door: the introduction it came from.
    introduction = models.ForeignKey(
        "frontdoor.Introduction", null=True, blank=True, on_delete=models.SET_NULL, related_name="onward"
    )
    service = models.ForeignKey("directory.Service", on_delete=models.PROTECT, related_name="onward_introductions")
    message = models.TextField(_("a message for the service"), blank=True)
    # What the person agreed to share with the service's organisation, beyond the name they like.
    shared = models.JSONField(_("what the person agreed to share"), default=list)
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.SENT)
    sent_at = models.DateTimeField(_("sent"))
    sent_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    respond_by = models.DateField(_("reply due by"))
    status_changed_at = models.DateTimeField(_("status changed"))

    # The form's once-only token: the same form sent twice, or many times at once, makes one record.
    submission_id = models.UUIDField(null=True, blank=True, unique=True, editable=False)

    class Meta:
        ordering = ["-sent_at", "id"]
        indexes = [
            models.Index(fields=["service", "status"], name="onward_provider_queue"),
            models.Index(fields=["episode", "status", "respond_by"], name="onward_overdue"),
            models.Index(fields=["sent_at"], name="onward_sent_month"),  # the figures, a month at a time
        ]

    def __str__(self) -> str:
        return f"{self.person_id} → {self.service_id}"


class OnwardStatusChange(models.Model):
    """Each step of an onward introduction, with its date, who and any note."""

    onward = models.ForeignKey(OnwardIntroduction, on_delete=models.CASCADE, related_name="changes")
    status = models.CharField(max_length=20, choices=OnwardIntroduction.Status.choices)
    changed_at = models.DateTimeField()
    changed_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    note = models.CharField(max_length=500, blank=True)

    class Meta:
        ordering = ["changed_at", "id"]

    def __str__(self) -> str:
        return f"{self.onward_id} {self.status}"


class Instrument(models.Model):
    """An outcome measure, as data: its items, response options, scoring rule, bands and licence.

    Scoring rules (``support.measures``): ``converted_sum`` adds every item and converts the raw score
    through ``conversion`` (SWEMWBS); ``separate`` keeps each item as its own score, never added (ONS4);
    ``group_means`` averages the items of each group (DIALOG).
    """

    class Scoring(models.TextChoices):
        CONVERTED_SUM = "converted_sum", _("Sum of every item, converted through a table")
        SEPARATE = "separate", _("Each item its own score")
        GROUP_MEANS = "group_means", _("The mean of each group of items")

    code = models.SlugField(unique=True)
    name = models.CharField(max_length=200)
    scoring = models.CharField(max_length=20, choices=Scoring.choices)
    # Raw score to reported score, for converted_sum: {"7": 7.0, ...}.
    conversion = models.JSONField(default=dict, blank=True)
    # For each score: its label, and its bands as [lowest, highest, words]: {"happy": {"label": ..., "bands": [...]}}.
    scores = models.JSONField(default=dict)
    # For each score, the change that counts as meaningful; a score without one is not judged.
    meaningful_change = models.JSONField(default=dict, blank=True)
    licence_note = models.TextField(blank=True)
    # True until the deployment loads the licensed item wording (manage.py measures_load_text).
    text_is_placeholder = models.BooleanField(default=False)
    asks_more_help = models.BooleanField(default=False, help_text=_("Each item also asks whether more help is wanted."))

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class InstrumentItem(models.Model):
    instrument = models.ForeignKey(Instrument, on_delete=models.CASCADE, related_name="items")
    number = models.PositiveSmallIntegerField()
    # The score it belongs to: its own key (separate), or its group (group_means).
    key = models.CharField(max_length=50)
    text = models.TextField()
    # Response options, lowest first: [[value, words], ...].
    options = models.JSONField()

    class Meta:
        ordering = ["number"]
        constraints = [models.UniqueConstraint(fields=["instrument", "number"], name="one_item_a_number")]

    def __str__(self) -> str:
        return f"{self.instrument_id} {self.number}"


class Measurement(models.Model):
    """One completion of an outcome measure, with its answers and the scores worked out from them."""

    class Occasion(models.TextChoices):
        START = "start", _("At the start")
        REVIEW = "review", _("At a review")
        END = "end", _("At the end")

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    person = models.ForeignKey("people.Person", on_delete=models.CASCADE, related_name="measurements")
    episode = models.ForeignKey(Episode, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    instrument = models.ForeignKey(Instrument, on_delete=models.PROTECT, related_name="measurements")
    occasion = models.CharField(_("when in their support"), max_length=10, choices=Occasion.choices)
    taken_at = models.DateTimeField()
    # {"1": 4, ...} and, where the measure asks, {"1": true, ...} for more help wanted.
    answers = models.JSONField()
    more_help = models.JSONField(default=dict, blank=True)
    # What help they would like, in their own words (the safety net reads it when they write it online).
    more_help_words = models.TextField(_("the help they would like, in their words"), blank=True)
    scores = models.JSONField()
    # Nobody: the person filled it in themselves, online.
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    submission_token = models.UUIDField(unique=True)

    class Meta:
        ordering = ["taken_at", "id"]
        indexes = [models.Index(fields=["person", "instrument", "taken_at"], name="measurement_history")]

    def __str__(self) -> str:
        return f"{self.person_id} {self.instrument_id} {self.taken_at:%Y-%m-%d}"


class BudgetAllocation(models.Model):
    """Money a person controls for a period, from health or social care: a personal budget."""

    class Source(models.TextChoices):
        HEALTH = "health", _("Health (personal health budget)")
        SOCIAL_CARE = "social_care", _("Social care (personal budget)")

    person = models.ForeignKey("people.Person", on_delete=models.CASCADE, related_name="budgets")
    source = models.CharField(_("where the money comes from"), max_length=20, choices=Source.choices)
    starts_on = models.DateField(_("from"))
    ends_on = models.DateField(_("to"))
    amount = models.DecimalField(_("amount (£)"), max_digits=10, decimal_places=2)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")

    class Meta:
        ordering = ["-starts_on", "source", "id"]
        constraints = [
            models.CheckConstraint(condition=Q(amount__gt=0), name="budget_amount_positive"),
            models.CheckConstraint(condition=Q(ends_on__gte=F("starts_on")), name="budget_period_forwards"),
        ]

    def __str__(self) -> str:
        return f"{self.person_id} {self.source} {self.starts_on}"


class PlannedSupport(models.Model):
    """What the person plans to spend their budget on, linked to the goal it serves."""

    allocation = models.ForeignKey(BudgetAllocation, on_delete=models.CASCADE, related_name="planned")
    goal = models.ForeignKey(Goal, null=True, blank=True, on_delete=models.SET_NULL, related_name="planned_supports")
    what = models.CharField(_("what"), max_length=200)
    planned_cost = models.DecimalField(_("planned cost (£)"), max_digits=10, decimal_places=2)

    class Meta:
        ordering = ["id"]
        constraints = [models.CheckConstraint(condition=Q(planned_cost__gte=0), name="planned_cost_not_negative")]

    def __str__(self) -> str:
        return self.what


class BudgetSpend(models.Model):
    """One line of spending from a budget."""

    allocation = models.ForeignKey(BudgetAllocation, on_delete=models.CASCADE, related_name="spends")
    planned_support = models.ForeignKey(
        PlannedSupport, null=True, blank=True, on_delete=models.SET_NULL, related_name="spends"
    )
    spent_on = models.DateField(_("date"))
    what = models.CharField(_("what it paid for"), max_length=200)
    amount = models.DecimalField(_("amount (£)"), max_digits=10, decimal_places=2)
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    submission_token = models.UUIDField(unique=True)

    class Meta:
        ordering = ["spent_on", "id"]
        constraints = [models.CheckConstraint(condition=Q(amount__gt=0), name="spend_amount_positive")]

    def __str__(self) -> str:
        return f"{self.allocation_id} {self.amount}"


class AccommodationMove(models.Model):
    """Where the person lives from a date: their accommodation history, for the pathway's figures."""

    class Kind(models.TextChoices):
        HOSPITAL = "hospital", _("Hospital")
        RESIDENTIAL = "residential", _("Residential care or rehabilitation")
        SUPPORTED = "supported", _("Supported housing")
        OWN_TENANCY = "own_tenancy", _("Own tenancy")
        HOMELESS = "homeless", _("Homeless")
        OTHER = "other", _("Other")

    person = models.ForeignKey("people.Person", on_delete=models.CASCADE, related_name="accommodation")
    kind = models.CharField(_("where they live"), max_length=20, choices=Kind.choices)
    moved_on = models.DateField(_("since"))
    note = models.CharField(_("note (optional)"), max_length=300, blank=True)
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    recorded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["moved_on", "id"]
        indexes = [models.Index(fields=["moved_on", "kind"], name="accommodation_moves")]

    def __str__(self) -> str:
        return f"{self.person_id} {self.kind} {self.moved_on}"


class LifeCircumstances(models.Model):
    """How the person's life stands, recorded by their guide with them at the start and at each review:
    optional answers in plain words, for the figures' change from first to latest (decision 0028)."""

    class Work(models.TextChoices):
        PAID = "paid", _("In paid work")
        VOLUNTEERING = "volunteering", _("Volunteering")
        BOTH = "both", _("Paid work and volunteering")
        NEITHER = "neither", _("Neither")

    class Education(models.TextChoices):
        IN = "in", _("In education or training")
        NOT = "not", _("Not in education or training")

    class Benefits(models.TextChoices):
        GETS = "gets", _("Gets benefits")
        NONE = "none", _("Does not get benefits")

    class Medication(models.TextChoices):
        MORE = "more", _("Takes more than before")
        SAME = "same", _("About the same")
        LESS = "less", _("Takes less than before")
        NONE = "none", _("Takes none")

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    person = models.ForeignKey("people.Person", on_delete=models.CASCADE, related_name="life_circumstances")
    episode = models.ForeignKey(Episode, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    occasion = models.CharField(_("when in their support"), max_length=10, choices=Measurement.Occasion.choices)
    recorded_at = models.DateTimeField()
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    work = models.CharField(_("work or volunteering"), max_length=20, choices=Work.choices, blank=True)
    education = models.CharField(_("education or training"), max_length=10, choices=Education.choices, blank=True)
    benefits = models.CharField(_("benefits"), max_length=10, choices=Benefits.choices, blank=True)
    home = models.CharField(_("where they live"), max_length=20, choices=AccommodationMove.Kind.choices, blank=True)
    medication = models.CharField(
        _("medication, as they describe it"), max_length=10, choices=Medication.choices, blank=True
    )
    # The form's once-only token: the same form sent twice, or many times at once, makes one record.
    submission_id = models.UUIDField(null=True, blank=True, unique=True, editable=False)

    class Meta:
        ordering = ["recorded_at", "id"]
        indexes = [models.Index(fields=["person", "recorded_at"], name="life_history")]
        verbose_name_plural = _("life circumstances")

    def __str__(self) -> str:
        return f"{self.person_id} {self.recorded_at:%Y-%m-%d}"


class SecondaryCareReferral(models.Model):
    """The structured referral made when the Hub routes an introduction to secondary care: an HL7 FHIR R4
    ``ServiceRequest`` with its ``Patient`` (``support/fhir.py``, decision 0064), built afresh from the
    introduction whenever it is sent or downloaded. It is delivered to the mental health trust's system where
    one is configured (``LW_FHIR_REFERRAL_URL``), with retries (``core.tasks.send_reliably``), and can always be
    downloaded by the Hub to upload by hand. Holds no words about the person: only when, and the trust's
    receipt."""

    introduction = models.OneToOneField(
        "frontdoor.Introduction", on_delete=models.CASCADE, related_name="secondary_care_referral"
    )
    created_at = models.DateTimeField(_("made"), auto_now_add=True)
    delivered_at = models.DateTimeField(_("delivered"), null=True, blank=True)
    # Where the trust's system keeps it, as its answer said (``ServiceRequest/123/_history/1``), or its status.
    receipt = models.CharField(_("the trust's receipt"), max_length=200, blank=True)

    class Meta:
        verbose_name = _("structured referral to secondary care")
        verbose_name_plural = _("structured referrals to secondary care")

    def __str__(self) -> str:
        return str(self.introduction_id)

    @property
    def sent_automatically(self) -> bool:
        """Whether a trust's system is configured to send it to; if not, the Hub uploads it by hand."""
        return bool(settings.LW_FHIR_REFERRAL_URL)

    @property
    def send_key(self) -> str:
        """Its idempotency key: sent once to each address (``support/referrals.py``)."""
        from livingwell.core.tasks import delivery_key

        return delivery_key(f"fhir-referral:{self.introduction_id}", settings.LW_FHIR_REFERRAL_URL)

    @property
    def delivery(self) -> "Delivery | None":
        """How sending it stands (tries, failing, given up), or None before the first try or with nowhere to
        send it."""
        if not self.sent_automatically:
            return None
        return Delivery.objects.filter(key=self.send_key).first()
