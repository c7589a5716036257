from django.urls import path

from livingwell.insight import views

app_name = "insight"
urlpatterns = [
    path("", views.dashboard_view, name="dashboard"),
    path("team/", views.team_view, name="team"),
    path("team.csv", views.team_csv, name="team_csv"),
    path("<slug:slug>.csv", views.table_csv, name="table_csv"),
    path("charts/<slug:slug>.svg", views.table_chart, name="table_chart"),
]
