"""Changes to co-production bodies: joining, meetings and their series, the programme and agendas,
replies, attendance, decisions and actions, members' records, minutes and the chair. Each is atomic; each
change of personal data is audited.

One module for each part; this package is the app's one way in to them (``services.minutes_save``).
"""

from livingwell.collaborative.services.agenda import (
    agenda_item_add,
    agenda_item_remove,
    agenda_publish,
    agenda_topic_schedule,
    topic_not_taken,
    topic_suggest,
)
from livingwell.collaborative.services.attendance import (
    action_add,
    action_status_change,
    attendance_mark,
    decision_record,
)
from livingwell.collaborative.services.chair import chair_choose
from livingwell.collaborative.services.common import Refused
from livingwell.collaborative.services.guests import (
    chair_independent_required,
    guest_invite,
    guest_message,
    guest_there,
)
from livingwell.collaborative.services.joining import (
    declined_message,
    join_request_approve,
    join_request_decline,
    join_request_submit,
    member_add,
    welcome_message,
)
from livingwell.collaborative.services.meetings import (
    MEETING_MESSAGES,
    meeting_add,
    meeting_cancel,
    meeting_message,
    meeting_move,
    meeting_reminder_send,
    meeting_reminders_send,
    meetings_make,
    reminder_schedule,
    rsvp_record,
    series_create,
)
from livingwell.collaborative.services.members import (
    join_conversation_record,
    member_details_update,
    membership_buddy_set,
    membership_end,
    membership_induct,
    membership_role_set,
    supervision_record,
    training_record,
)
from livingwell.collaborative.services.minutes import (
    minutes_approve,
    minutes_circulate,
    minutes_public_correct,
    minutes_publish,
    minutes_save,
)

__all__ = [
    "MEETING_MESSAGES",
    "Refused",
    "action_add",
    "action_status_change",
    "agenda_item_add",
    "agenda_item_remove",
    "agenda_publish",
    "agenda_topic_schedule",
    "attendance_mark",
    "chair_choose",
    "chair_independent_required",
    "decision_record",
    "declined_message",
    "guest_invite",
    "guest_message",
    "guest_there",
    "join_conversation_record",
    "join_request_approve",
    "join_request_decline",
    "join_request_submit",
    "meeting_add",
    "meeting_cancel",
    "meeting_message",
    "meeting_move",
    "meeting_reminder_send",
    "meeting_reminders_send",
    "meetings_make",
    "member_add",
    "member_details_update",
    "membership_buddy_set",
    "membership_end",
    "membership_induct",
    "membership_role_set",
    "minutes_approve",
    "minutes_circulate",
    "minutes_public_correct",
    "minutes_publish",
    "minutes_save",
    "reminder_schedule",
    "rsvp_record",
    "series_create",
    "supervision_record",
    "topic_not_taken",
    "topic_suggest",
    "training_record",
    "welcome_message",
]
