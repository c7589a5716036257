from django.urls import path

from livingwell.voice import views

app_name = "voice"

urlpatterns = [
    # Answering, by the link in the invitation
    path("answer/open/", views.answer_open, name="answer_open"),
    path("answer/", views.answer, name="answer"),
    path("answer/thanks/<int:round_id>/", views.answer_thanks, name="answer_thanks"),
    # Results: public once published
    path("rounds/<int:round_id>/results/", views.results, name="results"),
    # Running rounds
    path("rounds/<int:round_id>/", views.round_page, name="round"),
    path("rounds/<int:round_id>/invite/", views.round_invite, name="round_invite"),
    path("rounds/<int:round_id>/contributor/", views.contributor_add, name="contributor_add"),
    path("rounds/<int:round_id>/publish/", views.round_publish, name="round_publish"),
    path("answers/<uuid:answer_id>/quote/", views.quote, name="quote"),
    # A body's rounds
    path("<slug:slug>/", views.body_results, name="body_results"),
    path("<slug:slug>/rounds/", views.body_rounds, name="body_rounds"),
    path("<slug:slug>/rounds/new/", views.round_new, name="round_new"),
]
