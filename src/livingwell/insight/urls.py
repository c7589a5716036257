from django.urls import path

from livingwell.insight import alliance_views, report_views, views

app_name = "insight"
urlpatterns = [
    path("", views.dashboard_view, name="dashboard"),
    path("experience/", views.experience_view, name="experience"),
    path("time-bank/", views.time_bank_view, name="time_bank"),
    path("team/", views.team_view, name="team"),
    path("team.csv", views.team_csv, name="team_csv"),
    path("alliances/", alliance_views.alliances_view, name="alliances"),
    path("alliances/new/", alliance_views.alliance_create, name="alliance_create"),
    path("alliances/<int:alliance_id>/", alliance_views.alliance_view, name="alliance"),
    path("alliances/<int:alliance_id>/partners/", alliance_views.partner_add, name="alliance_partner_add"),
    path("alliances/<int:alliance_id>/finances/", alliance_views.finance_add, name="alliance_finance_add"),
    path("alliances/<int:alliance_id>/<slug:slug>.csv", alliance_views.alliance_csv, name="alliance_csv"),
    path("reports/", report_views.reports_view, name="reports"),
    path("reports/start/", report_views.report_start, name="report_start"),
    path("reports/<slug:quarter>/", report_views.report_view, name="report"),
    path("reports/<slug:quarter>/edit/", report_views.report_edit, name="report_edit"),
    path("reports/<slug:quarter>/approve/", report_views.report_approve, name="report_approve"),
    path("reports/<slug:quarter>/publish/", report_views.report_publish, name="report_publish"),
    path("reports/<slug:quarter>/comment/", report_views.report_comment, name="report_comment"),
    path("reports/<slug:quarter>.pdf", report_views.report_pdf_view, name="report_pdf"),
    path("reports/<slug:quarter>/charts/<slug:slug>.svg", report_views.report_chart, name="report_chart"),
    path("<slug:slug>.csv", views.table_csv, name="table_csv"),
    path("charts/<slug:slug>.svg", views.table_chart, name="table_chart"),
]
