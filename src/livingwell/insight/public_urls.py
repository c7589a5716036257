"""The public figures, "How we are doing", and their open data: no account needed."""

from django.urls import path

from livingwell.insight import report_views, views

app_name = "public_figures"
urlpatterns = [
    path("", views.public_view, name="page"),
    path("reports/<slug:quarter>/", report_views.public_report_view, name="report"),
    path("reports/<slug:quarter>.pdf", report_views.public_report_pdf, name="report_pdf"),
    path("reports/<slug:quarter>/charts/<slug:slug>.svg", report_views.public_report_chart, name="report_chart"),
    path("<slug:quarter>.json", views.public_json, name="json"),
    path("<slug:quarter>.csv", views.public_csv, name="csv"),
    path("<slug:quarter>/charts/<slug:slug>.svg", views.public_chart, name="chart"),
]
