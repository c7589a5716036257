"""The collaborative's forms, one module for each part; this package is the one way in to them."""

from livingwell.collaborative.forms.claims import ApproveForm, ExpenseForm, RotaForm, RotaSwapForm
from livingwell.collaborative.forms.common import Members, MembershipChoiceField, MembershipsChoiceField, among
from livingwell.collaborative.forms.joining import (
    JoinForm,
    MemberAddForm,
    MemberDetailsForm,
    ReasonForm,
    RoleForm,
    TrainingForm,
)
from livingwell.collaborative.forms.meetings import (
    AgendaItemForm,
    MeetingForm,
    MoveForm,
    PlaceFields,
    RsvpForm,
    ScheduleTopicForm,
    SeriesForm,
    TimeField,
    TimesForm,
    TopicForm,
)
from livingwell.collaborative.forms.on_the_day import (
    ActionForm,
    ChairForm,
    DecisionForm,
    MarkThereForm,
    MinutesForm,
    PublicMinutesForm,
)

__all__ = [
    "ActionForm",
    "AgendaItemForm",
    "ApproveForm",
    "ChairForm",
    "DecisionForm",
    "ExpenseForm",
    "JoinForm",
    "MarkThereForm",
    "MeetingForm",
    "MemberAddForm",
    "MemberDetailsForm",
    "Members",
    "MembershipChoiceField",
    "MembershipsChoiceField",
    "MinutesForm",
    "MoveForm",
    "PlaceFields",
    "PublicMinutesForm",
    "ReasonForm",
    "RoleForm",
    "RotaForm",
    "RotaSwapForm",
    "RsvpForm",
    "ScheduleTopicForm",
    "SeriesForm",
    "TimeField",
    "TimesForm",
    "TopicForm",
    "TrainingForm",
    "among",
]
