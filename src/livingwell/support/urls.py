from django.urls import path

from livingwell.support import views

app_name = "support"
urlpatterns = [
    path("personal-guides/", views.guides, name="guides"),
    path("come-back/", views.come_back, name="come_back"),
    path("come-back/welcome-back/", views.came_back, name="came_back"),
    path("hub/my-guide-profile/", views.my_guide_profile, name="my_guide_profile"),
    path("support/caseload/", views.caseload, name="caseload"),
    path("support/episodes/<uuid:episode_id>/", views.episode_detail, name="episode"),
    path("support/episodes/<uuid:episode_id>/contact/", views.contact_log, name="contact_log"),
    path("support/episodes/<uuid:episode_id>/next-step/", views.action_new, name="action_new"),
    path("support/episodes/<uuid:episode_id>/change/", views.status, name="status"),
    path("support/episodes/<uuid:episode_id>/hand-over/", views.hand_over, name="hand_over"),
    path("support/episodes/<uuid:episode_id>/closing-summary/", views.closing_summary, name="closing_summary"),
    path("support/next-steps/<int:action_id>/done/", views.action_done_view, name="action_done"),
]
