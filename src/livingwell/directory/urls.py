from django.urls import path

from livingwell.directory import manage_views, my_list_views, views

app_name = "directory"
urlpatterns = [
    path("", views.search, name="search"),
    path("map/", views.search_map, name="map"),
    path("services/<uuid:service_id>/", views.service_detail, name="service_detail"),
    path("services/<uuid:service_id>/report/", views.report, name="report"),
    path("services/<uuid:service_id>/report/thanks/", views.report_thanks, name="report_thanks"),
    path("my-list/", my_list_views.my_list, name="my_list"),
    path("my-list/add/", my_list_views.my_list_add_view, name="my_list_add"),
    path("my-list/remove/", my_list_views.my_list_remove_view, name="my_list_remove"),
    path("my-list/email/", my_list_views.my_list_email, name="my_list_email"),
    path("your-listings/", manage_views.listing_list, name="listing_list"),
    path("your-listings/reports/", manage_views.report_list, name="report_list"),
    path("your-listings/reports/<int:report_id>/dealt-with/", manage_views.report_resolve, name="report_resolve"),
    path("your-listings/<uuid:service_id>/", manage_views.listing_edit, name="listing_edit"),
    path("your-listings/<uuid:service_id>/checked/", manage_views.listing_confirm, name="listing_confirm"),
]
