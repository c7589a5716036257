from django.urls import path

from livingwell.support import views

app_name = "support"
urlpatterns = [
    path("personal-guides/", views.guides, name="guides"),
    path("hub/my-guide-profile/", views.my_guide_profile, name="my_guide_profile"),
]
