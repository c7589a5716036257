from django.urls import path

from livingwell.directory import api

app_name = "directory_api"
urlpatterns = [
    path("", api.index, name="index"),
    path("openapi.json", api.openapi, name="openapi"),
    path("services", api.service_list, name="service_list"),
    path("services/<uuid:service_id>", api.service_detail, name="service_detail"),
    path("service_at_locations", api.service_at_location_list, name="service_at_location_list"),
    path(
        "service_at_locations/<uuid:service_at_location_id>",
        api.service_at_location_detail,
        name="service_at_location_detail",
    ),
    path("organizations", api.organization_list, name="organization_list"),
    path("organizations/<uuid:organization_id>", api.organization_detail, name="organization_detail"),
    path("taxonomies", api.taxonomy_list, name="taxonomy_list"),
    path("taxonomies/<uuid:taxonomy_id>", api.taxonomy_detail, name="taxonomy_detail"),
    path("taxonomy_terms", api.taxonomy_term_list, name="taxonomy_term_list"),
    path("taxonomy_terms/<uuid:taxonomy_term_id>", api.taxonomy_term_detail, name="taxonomy_term_detail"),
]
