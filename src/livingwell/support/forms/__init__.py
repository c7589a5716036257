"""Support's forms, one module for each part; this package is the one way in to them."""

from livingwell.support.forms.budgets import (
    AccommodationForm,
    AllocationChoiceField,
    AllocationForm,
    GoalChoiceField,
    PeriodForm,
    PlannedChoiceField,
    PlannedSupportForm,
    SpendForm,
)
from livingwell.support.forms.episodes import (
    ActionForm,
    ContactLogForm,
    GuideProfileForm,
    GuideUserChoiceField,
    HandOverForm,
    StartFromIntroductionForm,
    StatusForm,
)
from livingwell.support.forms.measures import LifeCircumstancesForm, MeasureForm
from livingwell.support.forms.onward import OnwardForm, OnwardMoveForm, ServiceChoiceField
from livingwell.support.forms.plans import (
    AboutMeForm,
    AgreeForm,
    CommentForm,
    ConnectionForm,
    GoalForm,
    GoalReviewForm,
    SharingForm,
)
from livingwell.support.forms.routing import GuideChoiceField, RouteForm

__all__ = [
    "AboutMeForm",
    "AccommodationForm",
    "ActionForm",
    "AgreeForm",
    "AllocationChoiceField",
    "AllocationForm",
    "CommentForm",
    "ConnectionForm",
    "ContactLogForm",
    "GoalChoiceField",
    "GoalForm",
    "GoalReviewForm",
    "GuideChoiceField",
    "GuideProfileForm",
    "GuideUserChoiceField",
    "HandOverForm",
    "LifeCircumstancesForm",
    "MeasureForm",
    "OnwardForm",
    "OnwardMoveForm",
    "PeriodForm",
    "PlannedChoiceField",
    "PlannedSupportForm",
    "RouteForm",
    "ServiceChoiceField",
    "SharingForm",
    "SpendForm",
    "StartFromIntroductionForm",
    "StatusForm",
]
