from django.urls import path

from livingwell.insight import report_views, views

app_name = "insight"
urlpatterns = [
    path("", views.dashboard_view, name="dashboard"),
    path("team/", views.team_view, name="team"),
    path("team.csv", views.team_csv, name="team_csv"),
    path("reports/", report_views.reports_view, name="reports"),
    path("reports/start/", report_views.report_start, name="report_start"),
    path("reports/<slug:quarter>/", report_views.report_view, name="report"),
    path("reports/<slug:quarter>/edit/", report_views.report_edit, name="report_edit"),
    path("reports/<slug:quarter>/approve/", report_views.report_approve, name="report_approve"),
    path("reports/<slug:quarter>/publish/", report_views.report_publish, name="report_publish"),
    path("reports/<slug:quarter>.pdf", report_views.report_pdf_view, name="report_pdf"),
    path("reports/<slug:quarter>/charts/<slug:slug>.svg", report_views.report_chart, name="report_chart"),
    path("<slug:slug>.csv", views.table_csv, name="table_csv"),
    path("charts/<slug:slug>.svg", views.table_chart, name="table_chart"),
]
