from django.urls import path

from livingwell.collaborative import views

app_name = "collaborative"

urlpatterns = [
    # Public
    path("", views.index, name="index"),
    path("decisions/", views.decisions, name="decisions"),
    path("meetings/<int:meeting_id>/", views.meeting, name="meeting"),
    path("calendar/<str:token>.ics", views.member_calendar, name="member_calendar"),
    # A member's own
    path("yours/", views.mine, name="mine"),
    path("meetings/<int:meeting_id>/reply/", views.reply, name="reply"),
    path("yours/payments/", views.my_payments, name="my_payments"),
    path("claims/<int:claim_id>/", views.claim, name="claim"),
    path("rotas/<int:rota_id>/", views.rota, name="rota"),
    path("expenses/<int:expense_id>/receipt/", views.receipt, name="receipt"),
    # Running a meeting
    path("meetings/<int:meeting_id>/run/", views.meeting_running, name="meeting_running"),
    path("meetings/<int:meeting_id>/run/schedule/", views.agenda_schedule, name="agenda_schedule"),
    path("meetings/<int:meeting_id>/run/item/", views.agenda_add, name="agenda_add"),
    path("meetings/<int:meeting_id>/run/publish/", views.agenda_publish, name="agenda_publish"),
    path("meetings/<int:meeting_id>/run/attendance/", views.attendance, name="attendance"),
    path("meetings/<int:meeting_id>/run/decision/", views.decision_new, name="decision_new"),
    path("meetings/<int:meeting_id>/run/action/", views.action_new, name="action_new"),
    path("meetings/<int:meeting_id>/run/move/", views.meeting_move, name="meeting_move"),
    path("meetings/<int:meeting_id>/run/minutes/", views.minutes, name="minutes"),
    path("meetings/<int:meeting_id>/run/chair/", views.chair, name="chair"),
    path(
        "meetings/<int:meeting_id>/run/approve-minutes/<int:minutes_id>/", views.minutes_approve, name="minutes_approve"
    ),
    path("meetings/<int:meeting_id>/minutes/", views.minutes_draft, name="minutes_draft"),
    path("meetings/<int:meeting_id>/run/cancel/", views.meeting_cancel, name="meeting_cancel"),
    path("agenda-items/<int:item_id>/remove/", views.agenda_remove, name="agenda_remove"),
    path("actions/<int:action_id>/status/", views.action_status, name="action_status"),
    path("join-requests/<uuid:join_request_id>/", views.join_request, name="join_request"),
    path("memberships/<int:membership_id>/", views.membership, name="membership"),
    # A body
    path("<slug:slug>/", views.body, name="body"),
    path("<slug:slug>/code-of-conduct/", views.code_of_conduct, name="code_of_conduct"),
    path("<slug:slug>/meetings.ics", views.body_calendar, name="body_calendar"),
    path("<slug:slug>/join/", views.join, name="join"),
    path("<slug:slug>/join/sent/", views.join_sent, name="join_sent"),
    path("<slug:slug>/suggest/", views.suggest, name="suggest"),
    path("<slug:slug>/run/", views.running, name="running"),
    path("<slug:slug>/run/series/", views.series_new, name="series_new"),
    path("<slug:slug>/run/members/new/", views.member_add, name="member_add"),
    path("<slug:slug>/run/payments/", views.payments_view, name="payments"),
    path("<slug:slug>/run/rotas/new/", views.rota_new, name="rota_new"),
    path("<slug:slug>/run/payments/export/", views.payments_export, name="payments_export"),
    path("<slug:slug>/run/payments/exports/<int:export_id>.csv", views.finance_export, name="finance_export"),
    path("<slug:slug>/run/meeting/", views.meeting_new, name="meeting_new"),
    path("<slug:slug>/run/topics/<int:topic_id>/set-aside/", views.topic_not_taken, name="topic_not_taken"),
]
