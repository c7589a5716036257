"""Settings for Living Well, read from environment variables (see .env.example).

These are the settings for the demo and for development. ``livingwell.config.production`` adds what a
real deployment needs on top.
"""

from datetime import date, timedelta
from pathlib import Path

import environ
from django.utils.csp import CSP

from livingwell.core.settings_helpers import files_s3_storage, mailers_from_email_url, tile_origins, url_origin

BASE_DIR = Path(__file__).resolve().parents[3]
PACKAGE_DIR = Path(__file__).resolve().parents[1]

env = environ.Env()
if (BASE_DIR / ".env").exists():
    env.read_env(BASE_DIR / ".env")

DEBUG = env.bool("DEBUG", default=False)
# The demo's key is only good for a local demo: production.py refuses to start without SECRET_KEY.
DEMO_SECRET_KEY = "django-insecure-living-well-local-demo-only-not-for-production"  # noqa: S105 - public
SECRET_KEY = env.str("SECRET_KEY", default=DEMO_SECRET_KEY)
ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=["localhost", "127.0.0.1", "[::1]", "testserver"])
CSRF_TRUSTED_ORIGINS = env.list("CSRF_TRUSTED_ORIGINS", default=[])

# The place this instance serves. Names are data: each deployment sets its own.
LW_SERVICE_NAME = env.str("LW_SERVICE_NAME", default="Living Well Kingsmere")
LW_PLACE_NAME = env.str("LW_PLACE_NAME", default="Kingsmere")
# The licence the public figures are published under (insight's "How we are doing" and its open data).
LW_OPEN_DATA_LICENCE = env.str("LW_OPEN_DATA_LICENCE", default="Open Government Licence v3.0")
LW_OPEN_DATA_LICENCE_URL = env.str(
    "LW_OPEN_DATA_LICENCE_URL", default="https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/"
)
LW_CONTACT_EMAIL = env.str("LW_CONTACT_EMAIL", default="hello@livingwell.example")
LW_CONTACT_PHONE = env.str("LW_CONTACT_PHONE", default="0300 000 0000")
# Where "Exit this page" takes someone who needs to leave quickly.
LW_EXIT_PAGE_URL = env.str("LW_EXIT_PAGE_URL", default="https://www.bbc.co.uk/weather")
# Listings not checked for this many months are shown as "may be out of date".
LW_DIRECTORY_STALE_MONTHS = env.int("LW_DIRECTORY_STALE_MONTHS", default=6)
# Whether provider editors' changes to listings wait for an administrator's review before going live.
LW_DIRECTORY_REVIEW_CHANGES = env.bool("LW_DIRECTORY_REVIEW_CHANGES", default=False)
# The map's tile server, such as https://{s}.tile.openstreetmap.org/{z}/{x}/{y}.png (check its usage
# policy first). With none, the map shows its markers on a plain background.
LW_MAP_TILE_URL = env.str("LW_MAP_TILE_URL", default="")
LW_MAP_TILE_ATTRIBUTION = env.str("LW_MAP_TILE_ATTRIBUTION", default="")
# Where the map centres when there is nothing to show: latitude,longitude.
LW_MAP_CENTRE = env.list("LW_MAP_CENTRE", cast=float, default=[52.2, -1.5])
# Staff are signed out after this many minutes without a request.
LW_STAFF_IDLE_MINUTES = env.int("LW_STAFF_IDLE_MINUTES", default=30)

# The front door. When introductions are read, in words the front door shows as it is: say it truly.
LW_INTRODUCTIONS_READ = env.str(
    "LW_INTRODUCTIONS_READ",
    default="Monday to Friday, 9am to 5pm, except bank holidays. Nobody reads them at night or at weekends.",
)
# The targets the front door promises: a first call within this many working days, and a first
# conversation within this many days.
LW_FIRST_CALL_WORKING_DAYS = env.int("LW_FIRST_CALL_WORKING_DAYS", default=2)
LW_FIRST_CONVERSATION_DAYS = env.int("LW_FIRST_CONVERSATION_DAYS", default=7)
# Where text messages go: a gateway's backend in production. The default keeps them in the database
# (core.TextMessage) instead of sending them, for the demo and the tests.
LW_SMS_BACKEND = env.str("LW_SMS_BACKEND", default="livingwell.core.sms.OutboxBackend")
# A person may ask to see what their introduction recorded: a one-time link goes to the contact address
# they gave, and works for this many hours.
LW_RECORD_LINK_HOURS = env.int("LW_RECORD_LINK_HOURS", default=24)
# Support. Easy in: for this many days after an episode closes, the person can come back in one step,
# with no new introduction. Reviews fall due this many weeks apart. Guides see their team's people too
# (a team is the organisations they act for) unless this is false.
# Where this instance is reached, for links in emails and texts sent by the task worker.
LW_SITE_URL = env.str("LW_SITE_URL", default="http://localhost:8000").rstrip("/")
# The mental health trust's FHIR server, to which a structured referral to secondary care is POSTed as a
# transaction Bundle (support/referrals.py, decision 0064); empty: the Hub downloads it to upload by hand.
LW_FHIR_REFERRAL_URL = env.str("LW_FHIR_REFERRAL_URL", default="")
LW_FHIR_REFERRAL_TOKEN = env.str("LW_FHIR_REFERRAL_TOKEN", default="")
LW_EASY_IN_DAYS = env.int("LW_EASY_IN_DAYS", default=180)
LW_REVIEW_WEEKS = env.int("LW_REVIEW_WEEKS", default=6)
LW_GUIDES_SEE_TEAM = env.bool("LW_GUIDES_SEE_TEAM", default=True)
# A network service should reply to an onward introduction within this many days; later, the guide sees
# it flagged as overdue.
# Co-production bodies: how far ahead a series' meetings are made, and when members are reminded.
LW_MEETINGS_AHEAD_DAYS = env.int("LW_MEETINGS_AHEAD_DAYS", default=400)
LW_MEETING_REMINDER_DAYS = env.int("LW_MEETING_REMINDER_DAYS", default=2)
# Evaluation rounds: remind those who have not answered this many days before a round closes.
LW_ROUND_REMINDER_DAYS = env.int("LW_ROUND_REMINDER_DAYS", default=3)
# Warn when a member's payments reach this share of their yearly limit.
LW_PAYMENT_CAP_WARNING_PERCENT = env.int("LW_PAYMENT_CAP_WARNING_PERCENT", default=80)
LW_ONWARD_REPLY_DAYS = env.int("LW_ONWARD_REPLY_DAYS", default=10)
# The proxies (addresses or networks) in front of the app whose X-Forwarded-For is believed; none in the demo.
LW_TRUSTED_PROXIES = env.list("LW_TRUSTED_PROXIES", default=[])
# How often one source (an address, behind trusted proxies) may send an introduction or another public form.
# Past the limit a person is told to call, with the crisis routes, and nothing is saved; urgent introductions
# are never refused, only grouped for the duty worker.
LW_RATE_INTRODUCTIONS = env.str("LW_RATE_INTRODUCTIONS", default="5/h")
LW_RATE_PUBLIC_FORMS = env.str("LW_RATE_PUBLIC_FORMS", default="10/h")
RATELIMIT_USE_CACHE = "default"
RATELIMIT_FAIL_OPEN = True  # a cache that is down never turns a person away
DJANGO_REDIS_IGNORE_EXCEPTIONS = True
DJANGO_REDIS_LOG_IGNORED_EXCEPTIONS = True
# No request body may be larger (a 5 MB receipt and the form around it); bigger ones are refused unread.
LW_MAX_REQUEST_BYTES = env.int("LW_MAX_REQUEST_BYTES", default=6 * 1024 * 1024)
DATA_UPLOAD_MAX_MEMORY_SIZE = 2_621_440  # form fields other than files, as Django's default: 2.5 MB
FILE_UPLOAD_MAX_MEMORY_SIZE = 2_621_440  # larger files go to a temporary file while they are checked
# The deployment's Clinical Safety Officer (DCB0129/DCB0160), who signs off each release: manage.py safety_signoff.
LW_CLINICAL_SAFETY_OFFICER = env.str("LW_CLINICAL_SAFETY_OFFICER", default="")
# A task RUNNING this long has lost its worker: housekeeping puts it back in the queue.
LW_TASK_STUCK_MINUTES = env.int("LW_TASK_STUCK_MINUTES", default=10)
# How long a process uses the safety net's lexicon it read before reading it again, when no change has been
# signalled: a change in the admin is in force at once everywhere; one made in the database directly within
# this long (safety/net.py).
LW_LEXICON_TRUSTED_SECONDS = env.int("LW_LEXICON_TRUSTED_SECONDS", default=30)
# The figures' months are summarised again this long after an introduction is counted, once for all the
# introductions counted meanwhile (decision 0066).
LW_INSIGHT_SUMMARY_DELAY_SECONDS = env.int("LW_INSIGHT_SUMMARY_DELAY_SECONDS", default=30)
# On PostgreSQL the audit table is partitioned by month; months older than this are archived out of it, still
# read for a subject access request (audit/partitions.py, `manage.py audit_partitions`). 0: never archive.
LW_AUDIT_ONLINE_MONTHS = env.int("LW_AUDIT_ONLINE_MONTHS", default=24)
# /health/ says something is wrong when no task worker has done its housekeeping (every 5 minutes) for this
# long, or when a task has waited this long to run (core/health.py).
LW_WORKER_SILENT_MINUTES = env.int("LW_WORKER_SILENT_MINUTES", default=15)
LW_TASK_WAIT_MINUTES = env.int("LW_TASK_WAIT_MINUTES", default=15)
# Retention (docs/deploy.md, "Retention", decision 0052), applied each night by the worker. Years after a person's last
# contact before their record is erased: 8, as the NHS Records Management Code of Practice 2023 sets for adult
# social care records (an NHS trust giving mental health care may need 20, the Code's figure for its records).
LW_RETAIN_PEOPLE_YEARS = env.int("LW_RETAIN_PEOPLE_YEARS", default=8)
# Years after an introduction that became nobody's record was routed (information only, or closed).
LW_RETAIN_INTRODUCTIONS_YEARS = env.int("LW_RETAIN_INTRODUCTIONS_YEARS", default=2)
# Days the record of each message sent (no words, no address) is kept.
LW_RETAIN_MESSAGES_DAYS = env.int("LW_RETAIN_MESSAGES_DAYS", default=730)
# Days a subject access export waits to be downloaded before it is deleted.
LW_RETAIN_EXPORTS_DAYS = env.int("LW_RETAIN_EXPORTS_DAYS", default=30)
# Days a task the worker finished stays in its queue's table (ids only, never words): without it the table grows
# by a few rows for every introduction, for ever (decision 0073).
LW_RETAIN_TASK_RESULTS_DAYS = env.int("LW_RETAIN_TASK_RESULTS_DAYS", default=30)
# The privacy notice (/privacy/): who is the controller of people's information, how to reach their data
# protection officer, their registration with the ICO, and the lawful bases they rely on (UK GDPR Articles 6
# and 9). The defaults are those of a council or NHS body providing health and social care; check them with
# your data protection officer.
LW_CONTROLLER_NAME = env.str("LW_CONTROLLER_NAME", default="Kingsmere Council")
LW_CONTROLLER_ADDRESS = env.str("LW_CONTROLLER_ADDRESS", default="Kingsmere Town Hall, High Street, Kingsmere")
LW_DPO_EMAIL = env.str("LW_DPO_EMAIL", default="dpo@kingsmere.example")
LW_ICO_REGISTRATION = env.str("LW_ICO_REGISTRATION", default="")
# The accessibility statement (/accessibility/), in the GOV.UK model's form: when it was prepared and last
# reviewed, when the site was last tested and by whom, and in how many working days a request for another
# format is answered. Change them when you review or test it.
LW_ACCESSIBILITY_PREPARED = date.fromisoformat(env.str("LW_ACCESSIBILITY_PREPARED", default="2026-12-05"))
LW_ACCESSIBILITY_REVIEWED = date.fromisoformat(env.str("LW_ACCESSIBILITY_REVIEWED", default="2026-12-05"))
LW_ACCESSIBILITY_TESTED = date.fromisoformat(env.str("LW_ACCESSIBILITY_TESTED", default="2026-12-05"))
LW_ACCESSIBILITY_TESTED_BY = env.str(
    "LW_ACCESSIBILITY_TESTED_BY", default="the Living Well project, with automated checks in a real web browser"
)
LW_ACCESSIBILITY_REPLY_DAYS = env.int("LW_ACCESSIBILITY_REPLY_DAYS", default=5)
LW_LAWFUL_BASIS_ARTICLE_6 = env.str(
    "LW_LAWFUL_BASIS_ARTICLE_6",
    default="Article 6(1)(e): a task carried out in the public interest, our duties to provide care and support",
)
LW_LAWFUL_BASIS_ARTICLE_9 = env.str(
    "LW_LAWFUL_BASIS_ARTICLE_9",
    default="Article 9(2)(h): providing health or social care, under the Data Protection Act 2018, Schedule 1, "
    "paragraph 2",
)
# Error reports to Sentry, and traces to an OpenTelemetry collector (its exporter reads the other OTEL_*
# variables itself): each off unless set, and kept from personal details (core/telemetry.py).
SENTRY_DSN = env.str("SENTRY_DSN", default="")
SENTRY_ENVIRONMENT = env.str("SENTRY_ENVIRONMENT", default="production")
SENTRY_TRACES_SAMPLE_RATE = env.float("SENTRY_TRACES_SAMPLE_RATE", default=0.0)
OTEL_EXPORTER_OTLP_ENDPOINT = env.str("OTEL_EXPORTER_OTLP_ENDPOINT", default="")
OTEL_SERVICE_NAME = env.str("OTEL_SERVICE_NAME", default="livingwell")
# The duty inbox, told at once of every urgent introduction.
LW_DUTY_EMAIL = env.str("LW_DUTY_EMAIL", default=LW_CONTACT_EMAIL)
INSTALLED_APPS = [
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    "axes",
    "django_tasks_db",
    "livingwell.core",
    "livingwell.accounts",
    "livingwell.audit",
    "livingwell.directory",
    "livingwell.safety",
    "livingwell.people",
    "livingwell.frontdoor",
    "livingwell.support",
    "livingwell.collaborative",
    "livingwell.peer",
    "livingwell.timebank",
    "livingwell.voice",
    "livingwell.insight",
    "livingwell.rights",
    # After our apps, so that our admin templates (with the crisis routes) override Django's.
    "livingwell.accounts.apps.LivingWellAdminConfig",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "livingwell.core.middleware.RequestIdMiddleware",
    # The ORUK API answers everything, errors too, as JSON open to other sites (directory/api_errors.py).
    "livingwell.directory.api_errors.OrukApiAnswersMiddleware",
    "livingwell.core.middleware.PermissionsPolicyMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    # The language from the address (/pl/…), or the one chosen before (core/languages.py).
    "livingwell.core.languages.LanguageMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "livingwell.accounts.sso.sso_second_factor_middleware",
    # Both before anything reads the body: a body too large is refused from its length, unread.
    "livingwell.core.middleware.RequestTooLargeMiddleware",
    "livingwell.core.middleware.RefuseNulBytesMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "livingwell.accounts.middleware.StaffIdleTimeoutMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django.middleware.csp.ContentSecurityPolicyMiddleware",
    "livingwell.core.middleware.NoStoreWhenSignedInMiddleware",
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "livingwell.config.urls"
# A form sent after its page went stale gets our page, in the reader's language (core/views.py).
CSRF_FAILURE_VIEW = "livingwell.core.views.csrf_failure"
WSGI_APPLICATION = "livingwell.config.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.csp",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "livingwell.core.context_processors.service",
                "livingwell.safety.alerts.safety_alert",
            ],
        },
    },
    {
        # Plain-text emails and texts (core/outbox.py): not HTML, so nothing is escaped (O'Brien stays
        # O'Brien, not O&#x27;Brien).
        "NAME": "text",
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {"autoescape": False},
    },
]
FORM_RENDERER = "livingwell.core.forms.GovukFormRenderer"

DATABASES = {
    "default": env.db(
        "DATABASE_URL",
        default=f"sqlite:///{BASE_DIR / 'var' / 'livingwell.sqlite3'}",
    ),
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # WAL and IMMEDIATE transactions let the web server and the task worker share the file safely.
    DATABASES["default"]["OPTIONS"] = {
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
    }
else:
    # Connections kept a minute, each checked at a request's start: on PostgreSQL without asking the server
    # (decision 0072).
    DATABASES["default"]["CONN_MAX_AGE"] = env.int("CONN_MAX_AGE", default=60)
    DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
    if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
        DATABASES["default"]["ENGINE"] = "livingwell.core.postgresql"
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
# Staff sign-in with the organisation's accounts (OpenID Connect, accounts/sso.py, decision 0054): off unless
# LW_SSO_CLIENT_ID is set. The provider's endpoints are given, not discovered, so nothing is fetched at start.
LW_SSO_CLIENT_ID = env.str("LW_SSO_CLIENT_ID", default="")
LW_SSO_NAME = env.str("LW_SSO_NAME", default="your organisation's account")
# The provider must say a second factor was used (amr: mfa), and Living Well asks for none of its own; false:
# staff give their authenticator app's code after the provider's sign-in.
LW_SSO_REQUIRE_MFA = env.bool("LW_SSO_REQUIRE_MFA", default=True)
LW_SSO_LOGOUT_ENDPOINT = env.str("LW_SSO_LOGOUT_ENDPOINT", default="")
OIDC_RP_CLIENT_ID = LW_SSO_CLIENT_ID
OIDC_RP_CLIENT_SECRET = env.str("LW_SSO_CLIENT_SECRET", default="")
OIDC_OP_AUTHORIZATION_ENDPOINT = env.str("LW_SSO_AUTHORIZATION_ENDPOINT", default="")
OIDC_OP_TOKEN_ENDPOINT = env.str("LW_SSO_TOKEN_ENDPOINT", default="")
OIDC_OP_USER_ENDPOINT = env.str("LW_SSO_USERINFO_ENDPOINT", default="")
OIDC_OP_JWKS_ENDPOINT = env.str("LW_SSO_JWKS_ENDPOINT", default="")
OIDC_RP_SIGN_ALGO = "RS256"
OIDC_RP_SCOPES = "openid email"
OIDC_CREATE_USER = False
OIDC_STORE_ID_TOKEN = True
OIDC_USE_PKCE = True
OIDC_AUTHENTICATION_CALLBACK_URL = "accounts:sso_callback"
if LW_SSO_CLIENT_ID:
    AUTHENTICATION_BACKENDS.append("livingwell.accounts.sso.StaffOIDCBackend")
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 12}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "accounts:sign_in"
LOGIN_REDIRECT_URL = "accounts:dashboard"
LOGOUT_REDIRECT_URL = "core:home"

# django-axes: lock out a username from an address after repeated failures, and never log names.
AXES_FAILURE_LIMIT = env.int("AXES_FAILURE_LIMIT", default=5)
AXES_COOLOFF_TIME = timedelta(minutes=env.int("AXES_COOLOFF_MINUTES", default=15))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
# Behind our own proxies, the address is the one they forwarded (livingwell.core.client_ip).
AXES_CLIENT_IP_CALLABLE = "livingwell.core.client_ip.client_ip"
AXES_LOCKOUT_TEMPLATE = "accounts/locked_out.html"
AXES_RESET_ON_SUCCESS = True
AXES_VERBOSE = False
AXES_SENSITIVE_PARAMETERS = ["username", "password", "ip_address"]

OTP_TOTP_ISSUER = LW_SERVICE_NAME

SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
SESSION_COOKIE_AGE = 60 * 60 * 12
CSRF_COOKIE_HTTPONLY = True
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CSP = {
    "default-src": [CSP.SELF],
    "script-src": [CSP.SELF, CSP.NONCE],
    "style-src": [CSP.SELF],
    "img-src": [CSP.SELF, "data:", *tile_origins(LW_MAP_TILE_URL)],
    "font-src": [CSP.SELF],
    "connect-src": [CSP.SELF],
    # Signing out sends the form on to the organisation's sign-in, to end its session too (accounts/sso.py).
    "form-action": [CSP.SELF, *url_origin(LW_SSO_LOGOUT_ENDPOINT)],
    "frame-ancestors": [CSP.NONE],
    "base-uri": [CSP.NONE],
    "object-src": [CSP.NONE],
}

LANGUAGE_CODE = "en-gb"
# The languages Living Well ships (decision 0062): English, and the top community languages of the London
# boroughs it was written with, each named in itself. The public pages, the front door, the crisis routes and
# the confirmation messages are translated; each file says whether a fluent speaker has checked it yet
# (core/languages.py), and a page in a language not yet checked says so. A deployment offers a language
# only once it switches it on here, as codes: LW_LANGUAGES_ON=pl,ar.
SHIPPED_LANGUAGES = [
    ("en-gb", "English"),
    ("pl", "Polski"),
    ("pt", "Português"),
    ("es", "Español"),
    ("so", "Soomaali"),
    ("bn", "বাংলা"),
    ("tr", "Türkçe"),
    ("ar", "العربية"),
]
LW_LANGUAGES_ON = env.list("LW_LANGUAGES_ON", default=[])
LANGUAGES = [(code, name) for code, name in SHIPPED_LANGUAGES if code == LANGUAGE_CODE or code in LW_LANGUAGES_ON]
LOCALE_PATHS = [PACKAGE_DIR / "locale"]
# The language someone chose, remembered for a year (the cookies page says so).
LANGUAGE_COOKIE_AGE = 365 * 24 * 60 * 60

LANGUAGE_COOKIE_HTTPONLY = True
LANGUAGE_COOKIE_SAMESITE = "Lax"
TIME_ZONE = "Europe/London"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / "var" / "static"
# Files the platform keeps (subject access exports, sealed), in the default storage above: a folder that is
# never served; each file is handed over by a view that checks who is asking.
MEDIA_ROOT = env.path("LW_FILES_ROOT", default=BASE_DIR / "var" / "files")
# Or, with LW_FILES_S3_BUCKET set, an S3-compatible bucket (decision 0057), through django-storages: Amazon S3,
# or a store of the council's own (MinIO, Ceph) at LW_FILES_S3_ENDPOINT_URL. With no access key set, boto3 finds
# its own (an instance's role, or AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY).
LW_FILES_S3_BUCKET = env.str("LW_FILES_S3_BUCKET", default="")
LW_FILES_S3_ENDPOINT_URL = env.str("LW_FILES_S3_ENDPOINT_URL", default="")
LW_FILES_S3_REGION = env.str("LW_FILES_S3_REGION", default="")
LW_FILES_S3_ACCESS_KEY_ID = env.str("LW_FILES_S3_ACCESS_KEY_ID", default="")
LW_FILES_S3_SECRET_ACCESS_KEY = env.str("LW_FILES_S3_SECRET_ACCESS_KEY", default="")
# "path" for most stores of one's own (bucket in the path, not the host name); "auto" lets boto3 choose.
LW_FILES_S3_ADDRESSING_STYLE = env.str("LW_FILES_S3_ADDRESSING_STYLE", default="auto")
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
if LW_FILES_S3_BUCKET:
    STORAGES["default"] = files_s3_storage(
        bucket=LW_FILES_S3_BUCKET,
        endpoint_url=LW_FILES_S3_ENDPOINT_URL,
        region=LW_FILES_S3_REGION,
        access_key_id=LW_FILES_S3_ACCESS_KEY_ID,
        secret_access_key=LW_FILES_S3_SECRET_ACCESS_KEY,
        addressing_style=LW_FILES_S3_ADDRESSING_STYLE,
    )

# The shared cache holds rate limits: Redis in production (CACHE_URL=redis://127.0.0.1:6379/1), a table in
# the embedded database for the demo (made by `manage.py createcachetable`). Pages cache their unchanging
# fragments (footer, crisis routes, public page text) per process, never anything personal.
CACHES = {
    "default": env.cache("CACHE_URL", default="dbcache://lw_cache"),
    "template_fragments": {
        "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
        "LOCATION": "template-fragments",
        "TIMEOUT": 600,
    },
}

# With Redis as the shared cache, sessions are read from it and kept in the database too (decision 0055):
# each write one statement (decision 0069), a change of values alone a few seconds later with others (0078).
# A page reads its session without asking PostgreSQL, and a restarted Redis signs nobody out and loses at most
# those few seconds of answers. What a session holds about a person is sealed (core/sealed.py).
if CACHES["default"]["BACKEND"] == "django_redis.cache.RedisCache":
    SESSION_ENGINE = "livingwell.core.sessions"
# How long a change to a session's values alone (a front door answer) may wait in Redis to be written to the
# database with others (decision 0078): what a Redis restarted empty could lose. 0 writes each one through.
LW_SESSION_WRITE_EVERY = env.int("LW_SESSION_WRITE_EVERY", default=5)

# Urgent alerts have a queue of their own, for a worker of their own (core/tasks.py, decision 0076).
TASKS = {
    "default": {
        "BACKEND": "django_tasks_db.DatabaseBackend",
        "QUEUES": ["default", "urgent"],
    },
}

# Email leaves through a task. The demo prints it to the console; production sets EMAIL_URL to SMTP,
# such as smtp+tls://user:password@smtp.example.org:587
MAILERS = mailers_from_email_url(env.email_url("EMAIL_URL", default="consolemail://"))
# GOV.UK Notify, for email, texts and letters (core/notify.py, decision 0051): with an API key, email and texts
# go through Notify instead of EMAIL_URL and LW_SMS_BACKEND. Each template holds only placeholders: ((subject))
# and ((body)) for email, ((body)) for texts, the address lines, ((subject)) and ((body)) for letters. Notify's
# delivery receipts come to /notify/receipts/ with this bearer token.
LW_NOTIFY_API_KEY = env.str("LW_NOTIFY_API_KEY", default="")
LW_NOTIFY_BASE_URL = env.str("LW_NOTIFY_BASE_URL", default="https://api.notifications.service.gov.uk")
LW_NOTIFY_EMAIL_TEMPLATE_ID = env.str("LW_NOTIFY_EMAIL_TEMPLATE_ID", default="")
LW_NOTIFY_SMS_TEMPLATE_ID = env.str("LW_NOTIFY_SMS_TEMPLATE_ID", default="")
LW_NOTIFY_LETTER_TEMPLATE_ID = env.str("LW_NOTIFY_LETTER_TEMPLATE_ID", default="")
LW_NOTIFY_CALLBACK_TOKEN = env.str("LW_NOTIFY_CALLBACK_TOKEN", default="")
NOTIFY_MAILERS = {"default": {"BACKEND": "livingwell.core.notify.NotifyEmailBackend"}}
if LW_NOTIFY_API_KEY:
    MAILERS = NOTIFY_MAILERS
    LW_SMS_BACKEND = env.str("LW_SMS_BACKEND", default="livingwell.core.notify.NotifySmsBackend")
DEFAULT_FROM_EMAIL = env.str("DEFAULT_FROM_EMAIL", default=LW_CONTACT_EMAIL)

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"request_id": {"()": "livingwell.core.logging.RequestIdFilter"}},
    "formatters": {
        "json": {
            "()": "pythonjsonlogger.json.JsonFormatter",
            "fmt": "%(asctime)s %(levelname)s %(name)s %(message)s %(request_id)s",
            "rename_fields": {"asctime": "time", "levelname": "level", "name": "logger"},
        },
    },
    "handlers": {
        "console": {"class": "logging.StreamHandler", "formatter": "json", "filters": ["request_id"]},
    },
    "root": {"handlers": ["console"], "level": env.str("LOG_LEVEL", default="INFO")},
    "loggers": {
        # django.server would log full request lines, with query strings, in development.
        "django.server": {"level": "WARNING"},
    },
}
