"""The public figures, "How we are doing", and their open data: no account needed."""

from django.urls import path

from livingwell.insight import views

app_name = "public_figures"
urlpatterns = [
    path("", views.public_view, name="page"),
    path("<slug:quarter>.json", views.public_json, name="json"),
    path("<slug:quarter>.csv", views.public_csv, name="csv"),
    path("<slug:quarter>/charts/<slug:slug>.svg", views.public_chart, name="chart"),
]
