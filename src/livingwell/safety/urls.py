from django.urls import path

from livingwell.safety import views

app_name = "safety"
urlpatterns = [
    path("hub/safety-flags/", views.flag_list, name="flag_list"),
    path("hub/safety-flags/<uuid:flag_id>/", views.flag_detail, name="flag"),
]
