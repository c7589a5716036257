"""Settings for the test suite: the real settings, with a fast password hasher."""

import os
import tempfile

from livingwell.config.settings import *  # noqa: F403

if os.environ.get("LW_TEST_REUSE_DB") and DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":  # noqa: F405
    # ``./lw test --reuse-db``: a file pytest-django can keep, instead of a database in memory.
    DATABASES["default"]["TEST"] = {"NAME": str(BASE_DIR / "var" / "test-livingwell.sqlite3")}  # noqa: F405

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
# Files the tests keep (receipts, exports) go to a folder of this run's own, never the checkout's var/files.
MEDIA_ROOT = tempfile.mkdtemp(prefix="lw-test-files-")
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True
# Rate limits are counted in each test process; tests/…/test_rate_limits.py also runs them on Redis.
CACHES = {**CACHES, "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "test"}}  # noqa: F405
# Each test's database is rolled back, but the lexicon a process holds is not: read it every time, except in
# the test of that holding (safety/tests/test_lexicon_held.py).
LW_LEXICON_TRUSTED_SECONDS = 0
# Every shipped language is on in the tests, so that each is tried (decision 0062).
LANGUAGES = SHIPPED_LANGUAGES  # noqa: F405
# The figures are summarised as soon as the worker runs, so that a test reads them after one run of it.
LW_INSIGHT_SUMMARY_DELAY_SECONDS = 0
