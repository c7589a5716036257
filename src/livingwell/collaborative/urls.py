from django.urls import path

from livingwell.collaborative.views import claims, meetings, members, minutes, public, rotas, running

app_name = "collaborative"

urlpatterns = [
    # Public
    path("", public.index, name="index"),
    path("decisions/", public.decisions, name="decisions"),
    path("meetings/<int:meeting_id>/", public.meeting, name="meeting"),
    path("calendar/<str:token>.ics", public.member_calendar, name="member_calendar"),
    # A member's own
    path("yours/", members.mine, name="mine"),
    path("meetings/<int:meeting_id>/reply/", members.reply, name="reply"),
    path("yours/payments/", claims.my_payments, name="my_payments"),
    path("claims/<int:claim_id>/", claims.claim, name="claim"),
    path("rotas/<int:rota_id>/", rotas.rota, name="rota"),
    path("expenses/<int:expense_id>/receipt/", claims.receipt, name="receipt"),
    # Running a meeting
    path("meetings/<int:meeting_id>/run/", meetings.meeting_running, name="meeting_running"),
    path("meetings/<int:meeting_id>/run/schedule/", meetings.agenda_schedule, name="agenda_schedule"),
    path("meetings/<int:meeting_id>/run/item/", meetings.agenda_add, name="agenda_add"),
    path("meetings/<int:meeting_id>/run/publish/", meetings.agenda_publish, name="agenda_publish"),
    path("meetings/<int:meeting_id>/run/attendance/", meetings.attendance, name="attendance"),
    path("meetings/<int:meeting_id>/run/decision/", meetings.decision_new, name="decision_new"),
    path("meetings/<int:meeting_id>/run/action/", meetings.action_new, name="action_new"),
    path("meetings/<int:meeting_id>/run/move/", meetings.meeting_move, name="meeting_move"),
    path("meetings/<int:meeting_id>/run/minutes/", minutes.minutes, name="minutes"),
    path("meetings/<int:meeting_id>/run/minutes/save/", minutes.minutes_save, name="minutes_save"),
    path("meetings/<int:meeting_id>/run/minutes/correct/", minutes.minutes_correct, name="minutes_correct"),
    path("meetings/<int:meeting_id>/run/minutes/circulate/", minutes.minutes_circulate, name="minutes_circulate"),
    path("meetings/<int:meeting_id>/run/minutes/publish/", minutes.minutes_publish, name="minutes_publish"),
    path("meetings/<int:meeting_id>/run/chair/", meetings.chair, name="chair"),
    path(
        "meetings/<int:meeting_id>/run/approve-minutes/<int:minutes_id>/",
        minutes.minutes_approve,
        name="minutes_approve",
    ),
    path("meetings/<int:meeting_id>/minutes/", minutes.minutes_draft, name="minutes_draft"),
    path("meetings/<int:meeting_id>/run/cancel/", meetings.meeting_cancel, name="meeting_cancel"),
    path("agenda-items/<int:item_id>/remove/", meetings.agenda_remove, name="agenda_remove"),
    path("actions/<int:action_id>/status/", meetings.action_status, name="action_status"),
    path("join-requests/<uuid:join_request_id>/", running.join_request, name="join_request"),
    path("memberships/<int:membership_id>/", running.membership, name="membership"),
    # A body
    path("<slug:slug>/", public.body, name="body"),
    path("<slug:slug>/code-of-conduct/", public.code_of_conduct, name="code_of_conduct"),
    path("<slug:slug>/meetings.ics", public.body_calendar, name="body_calendar"),
    path("<slug:slug>/join/", public.join, name="join"),
    path("<slug:slug>/join/sent/", public.join_sent, name="join_sent"),
    path("<slug:slug>/suggest/", members.suggest, name="suggest"),
    path("<slug:slug>/run/", running.running, name="running"),
    path("<slug:slug>/run/series/", running.series_new, name="series_new"),
    path("<slug:slug>/run/members/new/", running.member_add, name="member_add"),
    path("<slug:slug>/run/payments/", claims.payments_view, name="payments"),
    path("<slug:slug>/run/rotas/new/", rotas.rota_new, name="rota_new"),
    path("<slug:slug>/run/payments/export/", claims.payments_export, name="payments_export"),
    path("<slug:slug>/run/payments/exports/<int:export_id>.csv", claims.finance_export, name="finance_export"),
    path("<slug:slug>/run/meeting/", running.meeting_new, name="meeting_new"),
    path("<slug:slug>/run/topics/<int:topic_id>/set-aside/", running.topic_not_taken, name="topic_not_taken"),
]
