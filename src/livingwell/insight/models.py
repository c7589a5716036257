"""What the figures are counted from: each introduction as the figures count it, and the baseline.

An introduction is counted from a row of its own (``CountedIntroduction``): its dates in the borough's
time zone, its route and the groups it is counted in, and nothing that names anyone. Rows for the front
door's introductions are kept up to date by the task worker as the introductions change; rows for the
introductions a borough brought from the system it used before come from
``manage.py introductions_import_history`` and are counted the same way. Decision 0022.
"""

from decimal import Decimal

from django.core.validators import MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from livingwell.insight.quarters import Quarter, quarter_of


class Route(models.TextChoices):
    """Where an introduction went, in the figures' words (the front door's ``hub`` is ``hub_support``)."""

    INFORMATION = "information", _("Information")
    COMMUNITY = "community", _("Community support")
    HUB_SUPPORT = "hub_support", _("Hub support")
    SECONDARY_CARE = "secondary_care", _("Secondary care")
    CLOSED = "closed", _("Closed")


class CountedIntroduction(models.Model):
    class Origin(models.TextChoices):
        FRONT_DOOR = "front_door", _("The front door")
        HISTORY = "history", _("Brought from the system used before")

    origin = models.CharField(max_length=20, choices=Origin.choices)
    reference = models.CharField(_("reference"), max_length=40)
    introduction = models.OneToOneField(
        "frontdoor.Introduction", null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    arrived_on = models.DateField(_("arrived"))
    month = models.DateField(_("month it arrived"))  # the first of the month: months group without date functions
    by_self = models.BooleanField(_("made by the person themselves"), null=True)
    known_before = models.BooleanField(_("known to the network before"), null=True)
    first_contact_on = models.DateField(_("first contact attempt"), null=True, blank=True)
    first_conversation_on = models.DateField(_("first conversation"), null=True, blank=True)
    route = models.CharField(_("where it went"), max_length=20, choices=Route.choices, blank=True)
    routed_on = models.DateField(_("routed"), null=True, blank=True)
    # The day it stopped waiting (first contact attempt or route, whichever came first), and its month.
    waiting_ended_month = models.DateField(null=True, blank=True)
    days_to_first_contact = models.PositiveIntegerField(null=True, blank=True)
    days_to_first_conversation = models.PositiveIntegerField(null=True, blank=True)
    neighbourhood = models.ForeignKey(
        "core.Neighbourhood", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    age_band = models.CharField(_("age"), max_length=20, blank=True)
    gender = models.CharField(_("gender"), max_length=100, blank=True)
    ethnic_group = models.CharField(_("ethnic group"), max_length=100, blank=True)

    class Meta:
        verbose_name = _("counted introduction")
        verbose_name_plural = _("counted introductions")
        constraints = [
            models.UniqueConstraint(fields=["origin", "reference"], name="counted_introduction_once"),
        ]
        # Each of the figures' grouped queries reads one of these alone, never the table (decision 0022).
        indexes = [
            models.Index(fields=["month", "route", "by_self", "known_before"], name="counted_by_month"),
            models.Index(fields=["waiting_ended_month"], name="counted_waiting_ended"),
            models.Index(fields=["month", "neighbourhood", "days_to_first_contact"], name="counted_contact_waits"),
            models.Index(fields=["month", "neighbourhood", "days_to_first_conversation"], name="counted_talk_waits"),
        ]

    def __str__(self) -> str:
        return self.reference


class Baseline(models.Model):
    """A month's figures from before the network, loaded by the deployment."""

    month = models.DateField(_("month"), unique=True)
    secondary_care_referrals = models.PositiveIntegerField(_("referrals to secondary care"), null=True, blank=True)
    introductions = models.PositiveIntegerField(_("introductions"), null=True, blank=True)
    median_days_to_first_contact = models.DecimalField(
        _("median days to first contact"), max_digits=6, decimal_places=1, null=True, blank=True
    )
    residential_entries = models.PositiveIntegerField(_("entries to residential care"), null=True, blank=True)
    discharges = models.PositiveIntegerField(_("discharges"), null=True, blank=True)

    class Meta:
        ordering = ["month"]
        verbose_name = _("baseline month")
        verbose_name_plural = _("baseline months")

    def __str__(self) -> str:
        return self.month.strftime("%Y-%m")


class MonthCount(models.Model):
    """One grouped count of a month's counted introductions or Hub support, kept by the task worker so that the figures
    for ten years read a few thousand rows, not millions (decision 0023). Which fields are set depends on
    the measure; a month's counts are always replaced together (``MonthSummarised`` is their lock)."""

    class Measure(models.TextChoices):
        ARRIVED = "arrived", _("Arrived, by route, who made it and whether known before")
        CONTACT_WAIT = "contact_wait", _("Days to first contact, by neighbourhood")
        CONVERSATION_WAIT = "conversation_wait", _("Days to first conversation, by neighbourhood")
        WAITING_ENDED = "waiting_ended", _("Stopped waiting")
        AGE_BAND = "age_band", _("Arrived, by age and route")
        GENDER = "gender", _("Arrived, by gender and route")
        ETHNIC_GROUP = "ethnic_group", _("Arrived, by ethnic group and route")
        NEIGHBOURHOOD = "neighbourhood", _("Arrived, by neighbourhood and route")
        IN_SUPPORT = "in_support", _("People in Hub support at any time in the month")
        GUIDES = "guides", _("Guides of the people in Hub support")
        EPISODES_OPENED = "episodes_opened", _("Episodes of Hub support opened")
        EPISODES_REOPENED = "episodes_reopened", _("Episodes reopened (the way back)")
        EPISODES_CLOSED = "episodes_closed", _("Episodes closed")
        ONWARD_SENT = "onward_sent", _("Onward introductions sent, by kind of organisation")
        ONWARD_ACCEPTED = "onward_accepted", _("Onward introductions accepted")
        ONWARD_STARTED = "onward_started", _("Onward introductions started")
        ONWARD_FINISHED = "onward_finished", _("Onward introductions finished")
        ONWARD_DECLINED = "onward_declined", _("Onward introductions declined")
        ONWARD_NO_RESPONSE = "onward_no_response", _("Onward introductions with no response")
        ONWARD_WAITING = "onward_waiting", _("Onward introductions still waiting for a reply")
        ONWARD_REPLY = "onward_reply", _("Days from an onward introduction to its reply")
        OUTCOME_FIRST = "outcome_first", _("People's first scores, summed, by measure and score")
        OUTCOME_LATEST = "outcome_latest", _("People's latest scores, summed, by measure and score")
        OUTCOME_IMPROVED = "outcome_improved", _("People better by at least the threshold")
        OUTCOME_WORSENED = "outcome_worsened", _("People worse by at least the threshold")
        OUTCOME_BANDS = "outcome_bands", _("People by band at first and at latest")
        GOALS_SET = "goals_set", _("Goals set, by Big 3 outcome, with their progress summed")
        GOALS_ACHIEVED = "goals_achieved", _("Goals achieved, by Big 3 outcome")
        LIFE = "life", _("People by an answer about their life at first and at latest")
        INTO_OWN_HOME = "into_own_home", _("Moves into people's own homes")
        OWN_HOME_FROM_RESIDENTIAL = "home_from_rehab", _("Moves into own homes from residential care")
        RESIDENTIAL_ENTRIES = "residential_entries", _("New residential entries")
        DISCHARGES = "discharges", _("Discharges from hospital or residential care")
        BUDGET_SPENT = "budget_spent", _("People with budget spending, and the spending")
        BUDGET_ALLOCATED = "budget_allocated", _("People with budgets allocated, and the amounts")
        # Equality (decision 0034): each by ``grouping`` and its group.
        EQ_CONTACT_WAIT = "eq_contact_wait", _("Days to first contact, by group")
        EQ_OPENED = "eq_opened", _("Episodes of Hub support opened, by the person's group")
        EQ_WELLBEING_FIRST = "eq_wellbeing_first", _("First wellbeing scores, summed, by group")
        EQ_WELLBEING_LATEST = "eq_wellbeing_latest", _("Latest wellbeing scores, summed, by group")
        EQ_WELLBEING_BETTER = "eq_wellbeing_better", _("People whose wellbeing is better by the threshold, by group")
        EQ_GOALS_SET = "eq_goals_set", _("Goals set, by the person's group")
        EQ_GOALS_ACHIEVED = "eq_goals_achieved", _("Goals set and achieved, by the person's group")
        EQ_ONWARD_SENT = "eq_onward_sent", _("Onward introductions sent, by the person's group")
        EQ_ONWARD_STARTED = "eq_onward_started", _("Onward introductions sent and started, by the person's group")
        EQ_ONWARD_UNMET = "eq_onward_unmet", _("Onward introductions declined or unanswered, by the person's group")
        EQ_LIFE_RECORDED = "eq_life_recorded", _("People who answered a life circumstances question twice, by group")
        EQ_LIFE_INTO = "eq_life_into", _("People who moved to where they hoped, by question and group")
        EQ_PATHWAY = "eq_pathway", _("Moves on the accommodation pathway and people spending budgets, by group")

    month = models.DateField()
    measure = models.CharField(max_length=20, choices=Measure.choices)
    route = models.CharField(max_length=20, choices=Route.choices, blank=True)
    by_self = models.BooleanField(null=True)
    known_before = models.BooleanField(null=True)
    neighbourhood = models.ForeignKey(
        "core.Neighbourhood", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    # The age band, gender or ethnic group as given; an organisation's kind; a measure and score
    # ("swemwbs:metric", "dialog:item:3"); a Big 3 outcome.
    group = models.CharField(max_length=100, blank=True)
    # For the equality measures: which grouping ``group`` (or ``neighbourhood``) is of: age_band, gender,
    # ethnic_group or neighbourhood.
    grouping = models.CharField(max_length=20, blank=True)
    days = models.PositiveIntegerField(null=True, blank=True)
    count = models.PositiveIntegerField()
    # Outcomes: the scores summed (so a mean is total over count), and the bands a person moved between (for
    # life circumstances, the answers; by group, ``band_from`` is the question, or the pathway's count).
    total = models.FloatField(null=True, blank=True)
    band_from = models.CharField(max_length=50, blank=True)
    band_to = models.CharField(max_length=50, blank=True)

    class Meta:
        indexes = [models.Index(fields=["measure", "month"], name="month_count_by_measure")]

    def __str__(self) -> str:
        return f"{self.month:%Y-%m} {self.measure}: {self.count}"


class MonthSummarised(models.Model):
    """A month whose ``MonthCount`` rows are written; its row is locked while they are replaced."""

    month = models.DateField(unique=True)
    summarised_at = models.DateTimeField(auto_now=True)

    def __str__(self) -> str:
        return self.month.strftime("%Y-%m")


class MonthDue(models.Model):
    """A month to be summarised again soon: one row, and one summary queued, however many introductions ask
    for it in the meantime (decision 0066). The summary removes the row as it begins."""

    month = models.DateField(unique=True)
    asked_at = models.DateTimeField()

    def __str__(self) -> str:
        return self.month.strftime("%Y-%m")


class Population(models.Model):
    """How many people in the borough are in a group, loaded by the deployment (for example from Census
    2021), so that the figures can show who is and is not reaching the network."""

    class Grouping(models.TextChoices):
        AGE_BAND = "age_band", _("Age")
        GENDER = "gender", _("Gender")
        ETHNIC_GROUP = "ethnic_group", _("Ethnic group")
        NEIGHBOURHOOD = "neighbourhood", _("Neighbourhood")

    grouping = models.CharField(max_length=20, choices=Grouping.choices)
    group = models.CharField(max_length=100)  # as the introductions give it; a neighbourhood by its name
    people = models.PositiveIntegerField()

    class Meta:
        constraints = [models.UniqueConstraint(fields=["grouping", "group"], name="population_group_once")]
        verbose_name = _("population group")

    def __str__(self) -> str:
        return f"{self.grouping}: {self.group}"


class QuarterlyReport(models.Model):
    """The quarterly report for the Collaborative, in its critical friend's role: the quarter's figures in
    plain words, drafted, approved at a Collaborative meeting (by the decision taken there) and published.
    Its figures are kept as they were when it was approved, so the report says what the meeting approved
    (decision 0032)."""

    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        APPROVED = "approved", _("Approved")
        PUBLISHED = "published", _("Published")

    quarter_start = models.DateField(_("quarter"), unique=True)  # the first day of its first month
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.DRAFT)
    introduction = models.TextField(
        _("what this quarter shows, in plain words"),
        max_length=10000,
        blank=True,
        help_text=_("What stands out, what changed, and what the Collaborative may want to ask about."),
    )
    # The tables as they were when approved (tables/stored.py); empty while it is a draft.
    tables = models.JSONField(default=list, blank=True)
    decision = models.OneToOneField(
        "collaborative.Decision", on_delete=models.PROTECT, null=True, blank=True, related_name="quarterly_report"
    )
    created_by = models.ForeignKey("accounts.User", on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    approved_at = models.DateTimeField(null=True, blank=True)
    approved_by = models.ForeignKey("accounts.User", on_delete=models.PROTECT, null=True, blank=True, related_name="+")
    published_at = models.DateTimeField(null=True, blank=True)
    published_by = models.ForeignKey("accounts.User", on_delete=models.PROTECT, null=True, blank=True, related_name="+")

    class Meta:
        ordering = ["-quarter_start"]
        verbose_name = _("quarterly report")
        verbose_name_plural = _("quarterly reports")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(status="draft") | models.Q(decision__isnull=False),
                name="quarterly_report_approved_by_a_decision",
            )
        ]

    def __str__(self) -> str:
        return self.quarter.label

    @property
    def quarter(self) -> Quarter:
        return quarter_of(self.quarter_start)


class ReportComment(models.Model):
    """A comment by a member of the Collaborative on a quarterly report before it is published, in its
    critical friend's role. Each becomes a topic on the agenda of the Collaborative's next meeting."""

    report = models.ForeignKey(QuarterlyReport, on_delete=models.CASCADE, related_name="comments")
    membership = models.ForeignKey("collaborative.Membership", on_delete=models.PROTECT, related_name="+")
    text = models.TextField(_("your comment"), max_length=3000)
    topic = models.ForeignKey("collaborative.Topic", on_delete=models.SET_NULL, null=True, blank=True, related_name="+")
    submission_id = models.UUIDField(unique=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["report", "created_at", "pk"]
        verbose_name = _("comment on a quarterly report")
        verbose_name_plural = _("comments on quarterly reports")

    def __str__(self) -> str:
        return f"report comment {self.pk}"


class Alliance(models.Model):
    """Organisations commissioned together for shared outcomes, such as a supported-living alliance
    (decision 0033)."""

    name = models.CharField(_("name"), max_length=150, unique=True)
    outcomes = models.TextField(_("the outcomes the partners share"), max_length=4000)
    baseline_cost_per_person = models.DecimalField(
        _("cost per person supported for a year, before the alliance (£)"),
        max_digits=10,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(Decimal("0.01"))],
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("alliance")
        verbose_name_plural = _("alliances")

    def __str__(self) -> str:
        return self.name


class AlliancePartner(models.Model):
    alliance = models.ForeignKey(Alliance, on_delete=models.CASCADE, related_name="partners")
    organisation = models.ForeignKey(
        "directory.Organization", on_delete=models.PROTECT, related_name="alliance_partners"
    )
    added_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["organisation__name", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["alliance", "organisation"], name="alliance_partner_once"),
        ]

    def __str__(self) -> str:
        return str(self.organisation)


class PartnerFinance(models.Model):
    """A partner's budget and spend for a run of whole months."""

    partner = models.ForeignKey(AlliancePartner, on_delete=models.CASCADE, related_name="finances")
    first_month = models.DateField(_("from"))  # the first day of each
    last_month = models.DateField(_("to"))
    budget = models.DecimalField(
        _("budget (£)"), max_digits=12, decimal_places=2, validators=[MinValueValidator(Decimal(0))]
    )
    spent = models.DecimalField(
        _("spent (£)"), max_digits=12, decimal_places=2, validators=[MinValueValidator(Decimal(0))]
    )
    recorded_by = models.ForeignKey("accounts.User", on_delete=models.PROTECT, related_name="+")
    recorded_at = models.DateTimeField(auto_now_add=True)
    submission_id = models.UUIDField(unique=True)

    class Meta:
        ordering = ["first_month", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(last_month__gte=models.F("first_month")), name="partner_finance_forwards"
            ),
            models.CheckConstraint(
                condition=models.Q(budget__gte=0, spent__gte=0), name="partner_finance_not_negative"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.partner} {self.first_month:%Y-%m} to {self.last_month:%Y-%m}"


class WellbeingScore(models.Model):
    """A wellbeing (SWEMWBS) score on a narrow row of its own, beside its measurement, so that an alliance's
    people's first and latest scores are picked without reading every measurement's answers (decision 0037).
    Kept as each measurement is saved, and made afresh by ``insight_refresh``."""

    measurement = models.OneToOneField(
        "support.Measurement", primary_key=True, on_delete=models.CASCADE, related_name="+"
    )
    person = models.ForeignKey("people.Person", on_delete=models.CASCADE, related_name="+")
    taken_at = models.DateTimeField()
    score = models.FloatField()

    class Meta:
        indexes = [models.Index(fields=["person", "taken_at"], name="wellbeing_score_by_person")]

    def __str__(self) -> str:
        return f"{self.score:g}"


class PersonWellbeing(models.Model):
    """A person's first and latest wellbeing score as they stand now, from their ``WellbeingScore`` rows: an
    alliance's figures read these for everyone not measured since the period's end (decision 0037)."""

    person = models.OneToOneField("people.Person", primary_key=True, on_delete=models.CASCADE, related_name="wellbeing")
    first_score = models.FloatField()
    latest_score = models.FloatField()
    latest_at = models.DateTimeField()
    measured = models.PositiveIntegerField()  # how many times

    def __str__(self) -> str:
        return f"{self.first_score:g} to {self.latest_score:g}"
