from django.urls import path

from livingwell.peer.views import groups, payments, people

app_name = "peer"
urlpatterns = [
    path("", people.profiles, name="profiles"),
    path("<int:profile_id>/", people.profile, name="profile"),
    path("mine/", people.mine, name="mine"),
    path("work/", people.caseload, name="caseload"),
    path("work/profile/", people.my_profile, name="my_profile"),
    path("work/support/", people.my_support, name="my_support"),
    path("work/payments/", payments.my_payments, name="my_payments"),
    path("supervision/", people.supervisees, name="supervisees"),
    path("supervision/<int:profile_id>/", people.supervision, name="supervision"),
    path("introductions/<uuid:introduction_id>/", people.introduction, name="introduction"),
    path("introductions/<uuid:introduction_id>/answer/", people.answer, name="answer"),
    path("introductions/<uuid:introduction_id>/end/", people.end, name="end"),
    path("introductions/<uuid:introduction_id>/to-my-plan/", people.to_my_plan, name="to_my_plan"),
    path("introductions/<uuid:introduction_id>/sessions/", people.session_new, name="session_new"),
    path("episodes/<uuid:episode_id>/", people.episode, name="episode"),
    path("groups/", groups.group_list, name="groups"),
    path("groups/manage/", groups.groups_manage, name="groups_manage"),
    path("groups/<int:group_id>/", groups.group, name="group"),
    path("groups/<int:group_id>/work/", groups.group_work, name="group_work"),
    path("groups/<int:group_id>/change/", groups.group_change, name="group_change"),
    path("payments/", payments.waiting, name="payments"),
    path("payments/<uuid:payment_id>/", payments.payment, name="payment"),
    path("payments/<uuid:payment_id>/approve/", payments.payment_approve, name="payment_approve"),
    path("payments/<uuid:payment_id>/reject/", payments.payment_reject, name="payment_reject"),
]
