"""The shapes of what evaluation's pages accept."""

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from livingwell.collaborative.forms.common import _email, _text
from livingwell.collaborative.models import Decision
from livingwell.core.forms import GovukDateField, GovukForm, once_token
from livingwell.directory.models import Organization
from livingwell.voice.models import (
    AGREEMENT,
    EvaluationRound,
    ExperienceOffer,
    ExperienceQuestion,
    Moment,
    Principle,
    Rung,
    ScorePoint,
    Story,
)


class RoundForm(GovukForm):
    kind = forms.ChoiceField(
        label=_("Which kind of round is it?"),
        choices=EvaluationRound.Kind.choices,
        widget=forms.RadioSelect,
        error_messages={"required": _("Choose the kind of round"), "invalid_choice": _("Choose the kind of round")},
    )
    title = _text(
        _("Title"), 150, missing=_("Enter a title"), help_text=_("For example: Baseline for the housing workstream")
    )
    opens_on = GovukDateField(
        label=_("Opens"), help_text=_("For example 4 1 2027"), error_messages={"required": _("Enter the day it opens")}
    )
    closes_on = GovukDateField(
        label=_("Closes"),
        help_text=_("For example 18 1 2027"),
        error_messages={"required": _("Enter the day it closes")},
    )
    submission_id = once_token()

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        if cleaned.get("opens_on") and cleaned.get("closes_on") and cleaned["closes_on"] < cleaned["opens_on"]:
            self.add_error("closes_on", _("The round must close on or after the day it opens"))
        return cleaned


class ContributorForm(GovukForm):
    name = _text(_("Name"), 150, missing=_("Enter their name"))
    email = _email(_("We send the invitation and one reminder here."), _("Enter their email address"))

    def clean_email(self) -> str:
        return str(self.cleaned_data["email"]).lower()


class RungChoiceField(forms.ModelChoiceField[Rung]):
    def label_from_instance(self, obj: Rung) -> str:
        return f"{obj.name}: {obj.meaning}"


class AnswerForm(GovukForm):
    rung = RungChoiceField(
        queryset=Rung.objects.order_by("-position"),
        label=_("Where did you feel the work stood?"),
        widget=forms.RadioSelect,
        empty_label=None,
        error_messages={
            "required": _("Choose where you felt the work stood"),
            "invalid_choice": _("Choose where you felt the work stood"),
        },
    )
    why = _text(_("Why do you say that?"), 3000, missing=_("Say why, in your own words"), rows=5)
    move_up = _text(_("What would move it up the ladder? (optional)"), 3000, rows=4)
    may_quote = forms.BooleanField(
        label=_("You may quote what I wrote, without my name, in the published results"),
        required=False,
        help_text=_(
            "If you leave this unticked, only the people who run the group read your words, to learn from them."
        ),
    )


class QuoteForm(GovukForm):
    left_out = forms.BooleanField(required=False)


class AuditForm(GovukForm):
    title = _text(
        _("Title"), 150, missing=_("Enter a title"), help_text=_("For example: Our co-production audit, 2027")
    )
    year = forms.IntegerField(
        label=_("Which year is it for?"),
        min_value=2000,
        max_value=2100,
        error_messages={
            "required": _("Enter the year"),
            "invalid": _("Enter the year as a number, like 2027"),
            "min_value": _("Enter a year from 2000"),
            "max_value": _("Enter a year before 2100"),
        },
    )
    organisation: forms.ModelChoiceField[Organization] = forms.ModelChoiceField(
        queryset=Organization.objects.none(),
        label=_("Whose co-production is audited?"),
        required=False,
        empty_label=str(_("This group's own")),
        help_text=_("This group's own, or a partner organisation's that is represented here."),
        error_messages={"invalid_choice": _("Choose this group or one of the organisations listed")},
    )
    opens_on = GovukDateField(
        label=_("Scoring opens"),
        help_text=_("For example 4 1 2027"),
        error_messages={"required": _("Enter the day scoring opens")},
    )
    closes_on = GovukDateField(
        label=_("Scoring closes"),
        help_text=_("For example 18 1 2027"),
        error_messages={"required": _("Enter the day scoring closes")},
    )
    submission_id = once_token()

    def __init__(self, *args: Any, organisations: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["organisation"].queryset = organisations  # type: ignore[attr-defined]

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        if cleaned.get("opens_on") and cleaned.get("closes_on") and cleaned["closes_on"] < cleaned["opens_on"]:
            self.add_error("closes_on", _("Scoring must close on or after the day it opens"))
        return cleaned


class PointChoiceField(forms.ModelChoiceField[ScorePoint]):
    def label_from_instance(self, obj: ScorePoint) -> str:
        return f"{obj.value}, {obj.label}: {obj.meaning}"


def _point_field(label: Any, help_text: Any, missing: Any) -> PointChoiceField:
    return PointChoiceField(
        queryset=ScorePoint.objects.order_by("value"),
        label=label,
        help_text=help_text,
        widget=forms.RadioSelect,
        empty_label=None,
        error_messages={"required": missing, "invalid_choice": missing},
    )


class ScoringForm(GovukForm):
    """A score and its evidence for every principle."""

    def __init__(self, *args: Any, principles: list[Principle], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.principles = principles
        for principle in principles:
            missing = _("Score “%(name)s”") % {"name": principle.name}
            self.fields[f"point_{principle.pk}"] = _point_field(principle.name, principle.prompt, missing)
            self.fields[f"evidence_{principle.pk}"] = _text(
                _("What have you seen that shows it?"),
                3000,
                missing=_("Say what you have seen for “%(name)s”") % {"name": principle.name},
                rows=3,
            )
        self.govuk_style(list(self.fields))

    def scores(self) -> list[tuple[Principle, ScorePoint, str]]:
        data = self.cleaned_data
        return [(p, data[f"point_{p.pk}"], data[f"evidence_{p.pk}"]) for p in self.principles]


class RatingForm(GovukForm):
    point = _point_field(_("The agreed rating"), "", _("Choose the agreed rating"))
    reasons = _text(_("Why this rating?"), 3000, missing=_("Say why, from the scores and evidence"), rows=4)


class PlanActionForm(GovukForm):
    what = _text(_("What will be done?"), 500, missing=_("Say what will be done"), rows=2)
    who = _text(_("Who will do it?"), 150, missing=_("Say who will do it"))
    due_on = GovukDateField(
        label=_("By when?"), help_text=_("For example 31 3 2027"), error_messages={"required": _("Enter the date")}
    )
    submission_id = once_token()


class AgreeForm(GovukForm):
    summary = _text(
        _("Summary"),
        5000,
        missing=_("Write the summary"),
        rows=6,
        help_text=_("What the audit found, in plain words. It is published with the ratings and the plan."),
    )


class StoryForm(GovukForm):
    title = _text(_("A title for your story"), 150, missing=_("Enter a title"))
    text = _text(
        _("Your story"),
        10000,
        missing=_("Write your story"),
        rows=12,
        help_text=_("What happened, what helped, what did not. In your own words, as long or short as you like."),
    )
    writer = forms.ChoiceField(
        label=_("Who are you writing as?"),
        choices=Story.Writer.choices,
        widget=forms.RadioSelect,
        error_messages={
            "required": _("Choose who you are writing as"),
            "invalid_choice": _("Choose who you are writing as"),
        },
    )
    audience = forms.ChoiceField(
        label=_("Who may read it?"),
        choices=Story.Audience.choices,
        widget=forms.RadioSelect,
        help_text=_("Nothing is published until you have approved the final words. You can withdraw it at any time."),
        error_messages={"required": _("Choose who may read it"), "invalid_choice": _("Choose who may read it")},
    )
    name = _text(_("Your name (optional)"), 150, help_text=_("Needed only if you want to be named with your story."))
    email = forms.EmailField(
        label=_("Email address (optional)"),
        max_length=254,
        required=False,
        help_text=_("To send you the words to approve before anything is published, and a link to withdraw it."),
        error_messages={
            "invalid": _("Enter an email address in the correct format, like name@example.com"),
            "max_length": _("Use 254 characters or fewer"),
        },
    )
    submission_id = once_token()

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        audience = cleaned.get("audience")
        if audience == Story.Audience.NAMED and not cleaned.get("name"):
            self.add_error("name", _("Enter your name, to be named with your story"))
        if audience in (Story.Audience.NAMED, Story.Audience.ANONYMOUS) and not cleaned.get("email"):
            self.add_error(
                "email", _("Enter your email address, so that you can approve the words before they are published")
            )
        return cleaned


class SuggestForm(GovukForm):
    suggested = _text(
        _("The words we would publish"),
        10000,
        missing=_("Write the words to publish"),
        rows=12,
        help_text=_("Take out names and details that could point at someone. The author sees these beside their own."),
    )
    note = _text(_("A note to the author (optional)"), 2000, rows=3)


class RewriteForm(GovukForm):
    text = _text(_("Your words"), 10000, missing=_("Write your story"), rows=12)


class ChoiceOfAction(forms.Form):
    """Which button was pressed, on a page of several."""

    action = forms.ChoiceField(choices=[("approve", "approve"), ("rewrite", "rewrite"), ("withdraw", "withdraw")])


class ReportForm(forms.Form):
    in_report = forms.BooleanField(required=False)


class ExperienceOfferForm(GovukForm):
    moment = forms.ChoiceField(
        label=_("When is it?"),
        choices=Moment.choices,
        widget=forms.RadioSelect,
        error_messages={"required": _("Choose when it is"), "invalid_choice": _("Choose when it is")},
    )
    way = forms.ChoiceField(
        label=_("How would they like it?"),
        choices=ExperienceOffer.Way.choices,
        widget=forms.RadioSelect,
        help_text=_("Ask them first. It is never required, and you will not see their answers."),
        error_messages={"required": _("Choose how to offer it"), "invalid_choice": _("Choose how to offer it")},
    )
    submission_id = once_token()


class ExperienceForm(GovukForm):
    """The survey: every question may be left."""

    def __init__(self, *args: Any, questions: list[ExperienceQuestion], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.questions = questions
        for question in questions:
            name = f"q_{question.pk}"
            if question.kind == ExperienceQuestion.Kind.WORDS:
                self.fields[name] = _text(question.label + str(_(" (optional)")), 3000, rows=4)
            else:
                self.fields[name] = forms.ChoiceField(
                    label=question.label,
                    choices=AGREEMENT,
                    widget=forms.RadioSelect,
                    required=False,
                    error_messages={"invalid_choice": _("Choose one of the answers, or leave it")},
                )
        self.govuk_style(list(self.fields))

    def answers(self) -> tuple[dict[str, str], str]:
        data = self.cleaned_data
        chosen, words = {}, []
        for question in self.questions:
            value = data.get(f"q_{question.pk}", "")
            if not value:
                continue
            if question.kind == ExperienceQuestion.Kind.WORDS:
                words.append(value)
            else:
                chosen[str(question.pk)] = value
        return chosen, "\n\n".join(words)


class ReviewTextForm(GovukForm):
    text = _text(
        _("The report"),
        30000,
        missing=_("Write the report"),
        rows=16,
        help_text=_("What the review found, written together with the people who took part."),
    )


class RecommendationForm(GovukForm):
    text = _text(
        _("A recommendation"),
        500,
        missing=_("Write the recommendation"),
        rows=2,
        help_text=_("When a meeting approves the report, it becomes one of the group's actions."),
    )
    submission_id = once_token()


class DecisionChoiceField(forms.ModelChoiceField[Decision]):
    def label_from_instance(self, obj: Decision) -> str:
        return f"{obj.meeting.starts_at:%-d %B %Y}: {obj.what[:150]}"


class ReviewApproveForm(GovukForm):
    decision = DecisionChoiceField(
        queryset=Decision.objects.none(),
        label=_("The decision that approved it"),
        empty_label=None,
        error_messages={"required": _("Choose the decision"), "invalid_choice": _("Choose the decision")},
    )

    def __init__(self, *args: Any, decisions: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["decision"].queryset = decisions  # type: ignore[attr-defined]
