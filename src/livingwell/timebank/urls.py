from django.urls import path

from livingwell.timebank.views import coordinator, members, public

app_name = "timebank"
urlpatterns = [
    path("", public.home, name="home"),
    path("code-of-conduct/", public.conduct, name="conduct"),
    path("join/", public.join, name="join"),
    path("join/thank-you/", public.asked, name="asked"),
    path("offers-and-requests/<uuid:listing_id>/", public.listing, name="listing"),
    # A member's own
    path("join/member/", members.member_join, name="member_join"),
    path("mine/", members.mine, name="mine"),
    path("mine/leave/", members.leave, name="leave"),
    path("offers-and-requests/new/", members.listing_new, name="listing_new"),
    path("offers-and-requests/<uuid:listing_id>/close/", members.listing_close, name="listing_close"),
    path("offers-and-requests/<uuid:listing_id>/ask/", members.ask, name="ask"),
    path("exchanges/<uuid:exchange_id>/", members.exchange, name="exchange"),
    path("exchanges/<uuid:exchange_id>/answer/", members.exchange_answer, name="exchange_answer"),
    path("exchanges/<uuid:exchange_id>/call-off/", members.exchange_withdraw, name="exchange_withdraw"),
    path("exchanges/<uuid:exchange_id>/hours/", members.hours_record, name="hours_record"),
    path("exchanges/<uuid:exchange_id>/confirm/", members.hours_confirm, name="hours_confirm"),
    path("exchanges/<uuid:exchange_id>/to-my-plan/", members.exchange_connect, name="exchange_connect"),
    # The coordinator's
    path("coordinate/", coordinator.coordinate, name="coordinate"),
    path("coordinate/members/<uuid:member_id>/", coordinator.member, name="member"),
    path("coordinate/members/<uuid:member_id>/welcome/", coordinator.welcome, name="welcome"),
    path("coordinate/members/<uuid:member_id>/nudge/", coordinator.nudge, name="nudge"),
    path("coordinate/credit/", coordinator.credit, name="credit"),
]
