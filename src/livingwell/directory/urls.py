from django.urls import path

from livingwell.directory import views

app_name = "directory"
urlpatterns = [
    path("", views.search, name="search"),
    path("services/<uuid:service_id>/", views.service_detail, name="service_detail"),
]
