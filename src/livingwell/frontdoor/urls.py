from django.urls import path

from livingwell.frontdoor import views

app_name = "frontdoor"
urlpatterns = [
    path("introduce/", views.start, name="start"),
    path("introduce/check/", views.check, name="check"),
    path("introduce/sent/", views.done, name="done"),
    path("introduce/start-again/", views.expired, name="expired"),
    path("introduce/see-what-we-recorded/", views.record_request, name="record_request"),
    path("introduce/see-what-we-recorded/sent/", views.record_sent, name="record_sent"),
    path("introduce/see-what-we-recorded/open/", views.record_open, name="record_open"),
    path("introduce/your-record/", views.record, name="record"),
    path("me/introductions/<uuid:introduction_id>/", views.my_introduction, name="my_introduction"),
    path("introduce/<slug:slug>/", views.step, name="step"),
    path("hub/introductions/", views.queue, name="queue"),
    path("hub/waiting-times/", views.waiting, name="waiting"),
    path("hub/introductions/<uuid:introduction_id>/", views.introduction_detail, name="introduction"),
    path("hub/introductions/<uuid:introduction_id>/take/", views.introduction_claim_view, name="claim"),
    path("hub/introductions/<uuid:introduction_id>/contact/", views.contact_attempt, name="contact_attempt"),
    path("hub/introductions/<uuid:introduction_id>/conversation/", views.first_conversation, name="conversation"),
    path("hub/introductions/<uuid:introduction_id>/link/", views.link, name="link"),
    path("hub/introductions/<uuid:introduction_id>/unlink/", views.unlink, name="unlink"),
]
