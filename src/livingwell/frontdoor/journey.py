"""The self-introduction journey: its question pages in order, and the answers kept until submitted.

Answers live in the visitor's server-side session only until they submit; nothing is saved half-done.
A journey whose session has gone (it expired, or cookies were cleared) is simply gone, and the pages
say so.
"""

import datetime
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.contrib.sessions.backends.base import SessionBase
from django.urls import reverse
from django.utils import formats
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from livingwell.core.forms import GovukDateField
from livingwell.core.sealed import seal, unseal
from livingwell.frontdoor import forms
from livingwell.frontdoor.models import FREE_TEXT_FIELDS, Introduction
from livingwell.safety.net import risk_in

SESSION_KEY = "frontdoor_journey"
DONE_KEY = "frontdoor_done"


@dataclass(frozen=True)
class Step:
    slug: str
    title: Promise
    form: type[forms.StepForm]
    # Whether the page is asked, given the answers so far.
    applies: Callable[[dict[str, dict[str, Any]]], bool] = lambda answers: True
    optional_page: bool = False


def _for_someone_else(answers: dict[str, dict[str, Any]]) -> bool:
    return answers.get("who", {}).get("for_whom") == Introduction.ForWhom.SOMEONE_ELSE


STEPS = [
    Step("who", _("Who is this for?"), forms.WhoForm),
    Step("about-you", _("About you"), forms.IntroducerForm, applies=_for_someone_else),
    Step("name", _("Name"), forms.NameForm),
    Step("date-of-birth", _("Date of birth"), forms.DateOfBirthForm),
    Step("contact", _("How to contact"), forms.ContactForm),
    Step("whats-going-on", _("What is going on"), forms.WordsForm),
    Step("what-matters", _("What matters"), forms.MattersForm),
    Step("what-would-help", _("What would help"), forms.HelpForm),
    Step("access", _("Access needs and language"), forms.AccessForm),
    Step("gp", _("GP practice and neighbourhood"), forms.GpForm),
    Step("equality", _("Equality monitoring (optional)"), forms.EqualityForm, optional_page=True),
]
STEP_BY_SLUG = {step.slug: step for step in STEPS}


class Journey:
    """One visitor's answers so far, held in their session."""

    def __init__(self, session: SessionBase, data: dict[str, Any]) -> None:
        self.session = session
        self.data = data

    @classmethod
    def start(cls, session: SessionBase) -> "Journey":
        journey = cls(session, {"token": str(uuid.uuid4()), "answers": {}, "urgent": [], "risk_categories": []})
        journey.save()
        return journey

    @classmethod
    def current(cls, session: SessionBase) -> "Journey | None":
        data = unseal(session.get(SESSION_KEY))
        if not isinstance(data, dict) or "token" not in data:
            return None
        return cls(session, data)

    def save(self) -> None:
        # Sealed: the answers, words of risk among them, are unreadable in the session table.
        self.session[SESSION_KEY] = seal(self.data)
        self.session.modified = True

    def end(self) -> None:
        self.session.pop(SESSION_KEY, None)

    @property
    def token(self) -> str:
        return str(self.data["token"])

    @property
    def answers(self) -> dict[str, dict[str, Any]]:
        return self.data["answers"]

    @property
    def for_self(self) -> bool:
        return not _for_someone_else(self.answers)

    @property
    def urgent_phrases(self) -> list[str]:
        return list(self.data.get("urgent", []))

    @property
    def risk_categories(self) -> list[str]:
        return list(self.data.get("risk_categories", []))

    def answer(self, step: Step, cleaned: dict[str, Any]) -> bool:
        """Keep a page's answers. True when they are the first to mention immediate risk."""
        words_before = self.free_text()
        # Dates keep as ISO text: the session holds JSON.
        self.answers[step.slug] = {
            name: value.isoformat() if isinstance(value, datetime.date) else value for name, value in cleaned.items()
        }
        was_urgent = bool(self.data.get("urgent"))
        words = self.free_text()
        # The net reads the words again whenever they change; a page of choices (a name, a date, a GP practice)
        # changes none, and what the net found in them stands. Sending reads them all again regardless.
        if words != words_before or "risk_categories" not in self.data:
            risk = risk_in(words)
            self.data["urgent"] = risk.phrases
            self.data["risk_categories"] = risk.categories
        self.save()
        return bool(self.data["urgent"]) and not was_urgent

    def free_text(self) -> list[str]:
        """Every answer in their own words, for the safety net: a box left empty holds none."""
        return [
            str(value)
            for values in self.answers.values()
            for key, value in values.items()
            if key in FREE_TEXT_FIELDS and value not in (None, "")
        ]

    def steps(self) -> list[Step]:
        return [step for step in STEPS if step.applies(self.answers)]

    def next_step(self, after: Step) -> Step | None:
        steps = self.steps()
        later = steps[steps.index(after) + 1 :] if after in steps else steps
        return later[0] if later else None

    def first_unanswered(self) -> Step | None:
        for step in self.steps():
            if step.slug not in self.answers and not step.optional_page:
                return step
        return None

    def merged(self) -> dict[str, Any]:
        """Every answer of the pages that apply, as one set of fields."""
        merged: dict[str, Any] = {}
        for step in self.steps():
            if step.slug != "equality":
                merged.update(self.answers.get(step.slug, {}))
        return merged

    def equality(self) -> dict[str, Any]:
        return {key: value for key, value in self.answers.get("equality", {}).items() if value}


@dataclass(frozen=True)
class SummaryRow:
    step: Step
    label: str
    value: str
    change_url: str


def _shown(field: Any, value: Any) -> str:
    """An answer as the person would read it back."""
    choices = dict(getattr(field, "choices", []) or [])
    if isinstance(value, bool):
        return str(_("Yes") if value else _("No"))
    if isinstance(value, list):
        return ", ".join(str(choices.get(item, item)) for item in value)
    if value in (None, ""):
        return ""
    if isinstance(field, GovukDateField):
        return str(formats.date_format(datetime.date.fromisoformat(value), "j F Y"))
    return str(choices.get(value, value))


def summary_rows(journey: Journey) -> list[SummaryRow]:
    """Every question that applies, with its answer, for the check-answers page."""
    rows = []
    for step in journey.steps():
        form = step.form.read_only(for_self=journey.for_self)
        answers = journey.answers.get(step.slug, {})
        change_url = reverse("frontdoor:step", kwargs={"slug": step.slug}) + "?change=1"
        for name, field in form.fields.items():
            rows.append(SummaryRow(step, str(field.label), _shown(field, answers.get(name)), change_url))
    return rows
