from django.urls import path

from livingwell.rights import views

app_name = "rights"
urlpatterns = [
    path("people/<uuid:person_id>/rights/", views.person_rights, name="person_rights"),
    path("people/<uuid:person_id>/rights/subject-access/", views.subject_access_ask, name="subject_access_ask"),
    path("people/<uuid:person_id>/rights/erase/", views.person_erase, name="person_erase"),
    path(
        "rights/subject-access/<uuid:export_id>/download/",
        views.subject_access_download,
        name="subject_access_download",
    ),
]
