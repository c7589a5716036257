from django.urls import path

from livingwell.frontdoor.views import hub, journey, record

app_name = "frontdoor"
urlpatterns = [
    path("introduce/", journey.start, name="start"),
    path("introduce/check/", journey.check, name="check"),
    path("introduce/sent/", journey.done, name="done"),
    path("introduce/start-again/", journey.expired, name="expired"),
    path("introduce/see-what-we-recorded/", record.record_request, name="record_request"),
    path("introduce/see-what-we-recorded/sent/", record.record_sent, name="record_sent"),
    path("introduce/see-what-we-recorded/open/", record.record_open, name="record_open"),
    path("introduce/your-record/", record.record, name="record"),
    path("me/introductions/<uuid:introduction_id>/", record.my_introduction, name="my_introduction"),
    path("introduce/<slug:slug>/", journey.step, name="step"),
    path("hub/introductions/", hub.queue, name="queue"),
    path("hub/waiting-times/", hub.waiting, name="waiting"),
    path("hub/introductions/<uuid:introduction_id>/", hub.introduction_detail, name="introduction"),
    path("hub/introductions/<uuid:introduction_id>/take/", hub.introduction_claim_view, name="claim"),
    path("hub/introductions/<uuid:introduction_id>/contact/", hub.contact_attempt, name="contact_attempt"),
    path("hub/introductions/<uuid:introduction_id>/conversation/", hub.first_conversation, name="conversation"),
    path("hub/introductions/<uuid:introduction_id>/link/", hub.link, name="link"),
    path("hub/introductions/<uuid:introduction_id>/unlink/", hub.unlink, name="unlink"),
]
