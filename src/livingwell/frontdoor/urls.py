from django.urls import path

from livingwell.frontdoor import views

app_name = "frontdoor"
urlpatterns = [
    path("introduce/", views.start, name="start"),
    path("introduce/check/", views.check, name="check"),
    path("introduce/sent/", views.done, name="done"),
    path("introduce/start-again/", views.expired, name="expired"),
    path("introduce/<slug:slug>/", views.step, name="step"),
    path("hub/introductions/", views.queue, name="queue"),
    path("hub/waiting-times/", views.waiting, name="waiting"),
    path("hub/introductions/<uuid:introduction_id>/", views.introduction_detail, name="introduction"),
    path("hub/introductions/<uuid:introduction_id>/take/", views.introduction_claim_view, name="claim"),
    path("hub/introductions/<uuid:introduction_id>/contact/", views.contact_attempt, name="contact_attempt"),
    path("hub/introductions/<uuid:introduction_id>/conversation/", views.first_conversation, name="conversation"),
    path("hub/introductions/<uuid:introduction_id>/route/", views.route, name="route"),
]
