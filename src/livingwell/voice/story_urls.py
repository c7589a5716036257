"""The public Stories pages, writing one, the author's own page and moderation, at ``/stories/``."""

from django.urls import path

from livingwell.voice.views import stories

app_name = "stories"

urlpatterns = [
    path("", stories.story_list, name="list"),
    path("write/", stories.story_write, name="write"),
    path("sent/", stories.story_sent, name="sent"),
    path("yours/open/", stories.yours_open, name="yours_open"),
    path("yours/", stories.yours, name="yours"),
    path("moderation/", stories.moderation, name="moderation"),
    path("moderation/<uuid:story_id>/", stories.moderate, name="moderate"),
    path("moderation/<uuid:story_id>/keep/", stories.story_keep, name="keep"),
    path("moderation/<uuid:story_id>/report/", stories.story_report, name="report"),
    path("<uuid:story_id>/", stories.story_page, name="story"),
]
