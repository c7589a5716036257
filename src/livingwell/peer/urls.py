from django.urls import path

from livingwell.peer import views

app_name = "peer"
urlpatterns = [
    path("", views.profiles, name="profiles"),
    path("<int:profile_id>/", views.profile, name="profile"),
    path("mine/", views.mine, name="mine"),
    path("work/", views.caseload, name="caseload"),
    path("work/profile/", views.my_profile, name="my_profile"),
    path("work/support/", views.my_support, name="my_support"),
    path("supervision/", views.supervisees, name="supervisees"),
    path("supervision/<int:profile_id>/", views.supervision, name="supervision"),
    path("introductions/<uuid:introduction_id>/", views.introduction, name="introduction"),
    path("introductions/<uuid:introduction_id>/answer/", views.answer, name="answer"),
    path("introductions/<uuid:introduction_id>/end/", views.end, name="end"),
    path("introductions/<uuid:introduction_id>/to-my-plan/", views.to_my_plan, name="to_my_plan"),
    path("introductions/<uuid:introduction_id>/sessions/", views.session_new, name="session_new"),
    path("episodes/<uuid:episode_id>/", views.episode, name="episode"),
]
