from django.urls import path

from livingwell.people import views

app_name = "people"
urlpatterns = [
    path("me/", views.my_details, name="my_details"),
    path("me/contact-preferences/", views.my_contact_preferences, name="my_contact_preferences"),
    path("people/", views.person_list, name="person_list"),
    path("people/<uuid:person_id>/", views.person_detail, name="person_detail"),
    path("people/<uuid:person_id>/nhs-number/", views.person_nhs_number, name="person_nhs_number"),
]
