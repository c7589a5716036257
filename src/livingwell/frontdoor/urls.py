from django.urls import path

from livingwell.frontdoor import views

app_name = "frontdoor"
urlpatterns = [
    path("", views.start, name="start"),
    path("check/", views.check, name="check"),
    path("sent/", views.done, name="done"),
    path("start-again/", views.expired, name="expired"),
    path("<slug:slug>/", views.step, name="step"),
]
