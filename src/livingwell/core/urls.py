from django.urls import path

from livingwell.core import views

app_name = "core"
urlpatterns = [
    path("", views.home, name="home"),
    path("get-help-now/", views.get_help_now, name="get_help_now"),
    path("accessibility/", views.accessibility, name="accessibility"),
    path("privacy/", views.privacy, name="privacy"),
    path("cookies/", views.cookies, name="cookies"),
    path("contact/", views.contact, name="contact"),
]
