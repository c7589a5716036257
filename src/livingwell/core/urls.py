from django.urls import path

from livingwell.core import health, notify_views, views

app_name = "core"
urlpatterns = [
    path("", views.home, name="home"),
    path("get-help-now/", views.get_help_now, name="get_help_now"),
    path("accessibility/", views.accessibility, name="accessibility"),
    path("privacy/", views.privacy, name="privacy"),
    path("cookies/", views.cookies, name="cookies"),
    path("contact/", views.contact, name="contact"),
    # For the proxy in front and for monitoring (core/health.py).
    path("health/", health.platform, name="health"),
    path("health/live/", health.live, name="health_live"),
    path("health/ready/", health.ready, name="health_ready"),
    # GOV.UK Notify's delivery receipts, signed with our token (core/notify_views.py).
    path("notify/receipts/", notify_views.receipt, name="notify_receipt"),
]
