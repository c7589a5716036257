"""Settings for the cluster benchmark: the production settings, plus the minimal view to compare against."""

from livingwell.config.production import *  # noqa: F403

ROOT_URLCONF = "bench.urls"
# nginx here listens on plain HTTP on loopback (for real it ends HTTPS), so the people's cookies cannot be
# marked for HTTPS only, or their client would never send them back.
SESSION_COOKIE_SECURE = False
CSRF_COOKIE_SECURE = False
