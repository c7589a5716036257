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
    path("support/episodes/<uuid:episode_id>/plan/", views.plan, name="plan"),
    path("support/episodes/<uuid:episode_id>/plan/start/", views.plan_start, name="plan_start"),
    path("support/episodes/<uuid:episode_id>/plan/about-me/", views.about_me, name="about_me"),
    path("support/episodes/<uuid:episode_id>/plan/connections/new/", views.connection_new, name="connection_new"),
    path("support/episodes/<uuid:episode_id>/plan/goals/new/", views.goal_new, name="goal_new"),
    path("support/episodes/<uuid:episode_id>/plan/comment/", views.plan_comment, name="plan_comment"),
    path("support/episodes/<uuid:episode_id>/plan/invite/", views.invite, name="invite"),
    path("support/goals/<int:goal_id>/review/", views.goal_review_view, name="goal_review"),
    path("support/goals/<int:goal_id>/step/", views.goal_step, name="goal_step"),
    path("support/connections/<int:connection_id>/sharing/", views.connection_sharing, name="connection_sharing"),
    path("support/episodes/<uuid:episode_id>/onward/new/", views.onward_new, name="onward_new"),
    path("support/onward/<uuid:onward_id>/no-response/", views.onward_no_response, name="onward_no_response"),
    path("your-introductions/", views.provider_queue, name="provider_queue"),
    path("your-introductions/<uuid:onward_id>/", views.provider_onward, name="provider_onward"),
    path("me/plan/", views.my_plan, name="my_plan"),
    path("me/plan/about-me/", views.my_about_me, name="my_about_me"),
    path("me/plan/comment/", views.my_plan_comment, name="my_plan_comment"),
    path("me/plan/agree/", views.my_plan_agree, name="my_plan_agree"),
]
