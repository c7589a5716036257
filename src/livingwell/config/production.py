"""Production settings: everything in settings.py, plus HTTPS-only cookies and headers.

``manage.py check --deploy`` is clean with these settings and a real SECRET_KEY.
"""

from django.core.exceptions import ImproperlyConfigured

from livingwell.config.settings import *  # noqa: F403
from livingwell.config.settings import DEMO_SECRET_KEY, LW_NOTIFY_API_KEY, env
from livingwell.core.settings_helpers import mailers_from_email_url

DEBUG = False
SECRET_KEY = env.str("SECRET_KEY")
if SECRET_KEY == DEMO_SECRET_KEY or len(SECRET_KEY) < 50:
    raise ImproperlyConfigured("Set SECRET_KEY to a long random value of your own: the demo's key is public.")
ALLOWED_HOSTS = env.list("ALLOWED_HOSTS")

SECURE_SSL_REDIRECT = env.bool("SECURE_SSL_REDIRECT", default=True)
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
# The proxy asks whether each instance is well over plain HTTP on the machine's own network.
SECURE_REDIRECT_EXEMPT = [r"^health/"]
SECURE_HSTS_SECONDS = env.int("SECURE_HSTS_SECONDS", default=60 * 60 * 24 * 365)
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
LANGUAGE_COOKIE_SECURE = True
X_FRAME_OPTIONS = "DENY"

# Production sends real email: through GOV.UK Notify when LW_NOTIFY_API_KEY is set, otherwise EMAIL_URL must
# name an SMTP server, such as smtp+tls://user:password@smtp.example.org:587
if not LW_NOTIFY_API_KEY:
    MAILERS = mailers_from_email_url(env.email_url("EMAIL_URL"))
