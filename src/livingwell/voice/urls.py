from django.urls import path

from livingwell.voice.views import answering, audits, experience, reviews, rounds

app_name = "voice"

urlpatterns = [
    # Answering a round, or scoring an audit, by the link in the invitation
    path("answer/open/", answering.answer_open, name="answer_open"),
    path("answer/", answering.answer, name="answer"),
    path("answer/thanks/", answering.answer_thanks, name="answer_thanks"),
    # The experience-of-support survey
    path("experience/offer/<uuid:episode_id>/", experience.experience_offer, name="experience_offer"),
    path("experience/open/", experience.experience_open, name="experience_open"),
    path("experience/yours/<uuid:offer_id>/", experience.experience_yours, name="experience_yours"),
    path("experience/", experience.experience_answer, name="experience"),
    # Published results and audits are public
    path("rounds/<int:round_id>/results/", rounds.results, name="results"),
    path("audits/<int:audit_id>/summary/", audits.audit_public, name="audit_public"),
    path("rounds/<int:round_id>/review/", reviews.review, name="review"),
    path("rounds/<int:round_id>/review/save/", reviews.review_save, name="review_save"),
    path("rounds/<int:round_id>/review/recommendation/", reviews.recommendation_add, name="recommendation_add"),
    path("rounds/<int:round_id>/review/publish/", reviews.review_publish, name="review_publish"),
    # Running rounds
    path("rounds/<int:round_id>/", rounds.round_page, name="round"),
    path("rounds/<int:round_id>/invite/", rounds.round_invite, name="round_invite"),
    path("rounds/<int:round_id>/contributor/", rounds.contributor_add, name="contributor_add"),
    path("rounds/<int:round_id>/publish/", rounds.round_publish, name="round_publish"),
    path("answers/<uuid:answer_id>/quote/", rounds.quote, name="quote"),
    # Running audits
    path("audits/<int:audit_id>/", audits.audit_page, name="audit"),
    path("audits/<int:audit_id>/invite/", audits.audit_invite, name="audit_invite"),
    path("audits/<int:audit_id>/contributor/", audits.audit_contributor_add, name="audit_contributor_add"),
    path("audits/<int:audit_id>/principles/<int:principle_id>/rating/", audits.rating, name="rating"),
    path("audits/<int:audit_id>/principles/<int:principle_id>/plan/", audits.plan_action_add, name="plan_action_add"),
    path("audits/<int:audit_id>/agree/", audits.audit_agree, name="audit_agree"),
    path("audits/<int:audit_id>/publish/", audits.audit_publish, name="audit_publish"),
    # A body's evaluation
    path("<slug:slug>/", rounds.body_results, name="body_results"),
    path("<slug:slug>/rounds/", rounds.body_rounds, name="body_rounds"),
    path("<slug:slug>/rounds/new/", rounds.round_new, name="round_new"),
    path("<slug:slug>/audits/new/", audits.audit_new, name="audit_new"),
]
