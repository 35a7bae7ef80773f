"""Settings for the job board: one module, every deployment value read from the environment.

Each variable is documented in README.md ("Configuration").
"""

from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured
from django.utils.csp import CSP

from config.env import env_bool, env_int, env_list, env_rate, env_str, next_redis_database

BASE_DIR = Path(__file__).resolve().parent.parent

DEBUG = env_bool("DEBUG", False)

SECRET_KEY = env_str("SECRET_KEY")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured("SECRET_KEY is required when DEBUG is off.")
    SECRET_KEY = "insecure-development-key-only-for-debug"

ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", ["127.0.0.1", "localhost"] if DEBUG else [])
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")
SITE_NAME = env_str("SITE_NAME", "AI Career Atlas")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "django.contrib.humanize",
    "django.contrib.postgres",  # full-text search fields and lookups (unused on SQLite)
    "rest_framework",
    "django_filters",
    "drf_spectacular",
    "drf_spectacular_sidecar",  # Swagger UI served from our static files: the docs work offline
    "django_tasks_db",
    "reversion",  # versions of roles and guides, for history, diff and restore
    "background",
    "core",
    "images",
    "authors",
    "roles",
    "jobs",
    "companies",
    "salaries",
    "employers",
    "alerts",
    "reports",
    "pages",
    "compare",
    "demo",
]

MIDDLEWARE = [
    "core.middleware.RequestIdMiddleware",
    "core.middleware.BodySizeLimitMiddleware",
    "core.text_input.TextOnlyQueriesMiddleware",
    # Cached pages answered before the rest (core/front_cache.py).
    "core.front_cache.FrontPageCacheMiddleware",
    "django.middleware.security.SecurityMiddleware",
    # Compresses what carries no secret (core/compression.py), after the ETag is made.
    "core.compression.PublicGZipMiddleware",
    # ETags on every page, and 304 answers to browsers that already hold the page.
    "django.middleware.http.ConditionalGetMiddleware",
    "django.middleware.csp.ContentSecurityPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # The last word on shared caching: nothing personal leaves marked public (core/cdn.py).
    "core.cdn.SharedCacheGuardMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "core.page_cache.PrivatePagesMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "core.middleware.DatabaseUnavailableMiddleware",
]

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "django.template.context_processors.csp",
                "core.context_processors.site",
            ],
        },
    },
]

# Database: a SQLite file unless DATABASE_URL names another (PostgreSQL in production).
# DATABASE_REPLICA_URLS (comma-separated) adds read replicas, `replica1`, `replica2`, ...: anonymous
# public pages and API reads are read from them, everything else from `default` (core/replicas.py).
_CONN_MAX_AGE = env_int("DB_CONN_MAX_AGE", 60, minimum=0)
DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=_CONN_MAX_AGE,
        conn_health_checks=True,
    )
}
DATABASE_REPLICAS = []
for _number, _url in enumerate(env_list("DATABASE_REPLICA_URLS"), start=1):
    _alias = f"replica{_number}"
    DATABASES[_alias] = dj_database_url.parse(
        _url, conn_max_age=_CONN_MAX_AGE, conn_health_checks=True
    )
    # A test run uses the primary's test database for it (a replica has no tables of its own).
    DATABASES[_alias]["TEST"] = {"MIRROR": "default"}
    DATABASE_REPLICAS.append(_alias)
for _database in DATABASES.values():
    if _database["ENGINE"] == "django.db.backends.postgresql":
        # Django's backend with a health check that looks at the socket before it queries.
        _database["ENGINE"] = "core.postgresql"
        # A database that does not answer a new connection costs a request (or a worker's tick)
        # this many seconds, not the operating system's minutes; the URL's ?connect_timeout= wins.
        _database.setdefault("OPTIONS", {}).setdefault(
            "connect_timeout", env_int("DB_CONNECT_TIMEOUT", 5, minimum=1)
        )
# Parallel workers one query of the app may start on PostgreSQL (core/postgresql): none, so
# that a request's query never waits for worker processes or takes cores from other requests;
# DB_PARALLEL_WORKERS=2 is PostgreSQL's own default, "server" leaves the server's setting.
DATABASE_PARALLEL_WORKERS = (
    None
    if env_str("DB_PARALLEL_WORKERS", "0").strip() == "server"
    else env_int("DB_PARALLEL_WORKERS", 0, minimum=0)
)
# Reads of a fixed shape (a job page's posting, core/compiled_reads.py) are prepared once per
# PostgreSQL session and then only executed: planning was most of their database time. Off
# behind a transaction pooler (PgBouncer's transaction mode), whose server sessions are shared.
DATABASE_PREPARED_READS = env_bool("DB_PREPARED_READS", True)
DATABASE_ROUTERS = ["core.replicas.ReplicaRouter"]
# For this long after a committed change to public content, public reads go to the primary too:
# longer than the replicas' usual lag, so no page showing the old content is cached meanwhile.
REPLICA_LAG_SECONDS = env_int("REPLICA_LAG_SECONDS", 5, minimum=0)

# Cache: per-process memory unless REDIS_URL points at a Redis shared by every app server.
# "default" holds pages and fragments and treats a Redis outage as a miss; "ratelimit" raises,
# so that the rate limits notice and count in the app server's memory meanwhile. Both go through
# one circuit breaker per process and server (core/breaker.py): after three calls in a row get
# no answer, Redis is left alone for REDIS_BREAKER_SECONDS, then one call probes it.
# The limits' counters (rate limits, API throttles) live apart from the pages: REDIS_LIMITS_URL,
# by default the next database of REDIS_URL's server. Pages may be evicted (allkeys-lru); the
# counters must not be, so in production give them a Redis of their own with noeviction
# (README, "Production").
REDIS_URL = env_str("REDIS_URL")
REDIS_LIMITS_URL = env_str("REDIS_LIMITS_URL") or (
    next_redis_database(REDIS_URL) if REDIS_URL else ""
)
# A healthy Redis next to the app answers in well under a millisecond, and even a page of 100 kB
# or a busy moment (a snapshot's fork) stays within a few: 200 ms is a wide margin over that,
# and bounds what an unanswering Redis costs (three timeouts per process before the circuit
# opens, then one per REDIS_BREAKER_SECONDS).
REDIS_TIMEOUT_MS = env_int("REDIS_TIMEOUT_MS", 200, minimum=10)
REDIS_BREAKER_SECONDS = env_int("REDIS_BREAKER_SECONDS", 5, minimum=1)
if REDIS_URL:
    _redis = {
        "LOCATION": REDIS_URL,
        "KEY_PREFIX": "jobboard",
        "OPTIONS": {
            "socket_connect_timeout": REDIS_TIMEOUT_MS / 1000,
            "socket_timeout": REDIS_TIMEOUT_MS / 1000,
            "breaker_failures": 3,
            "breaker_seconds": REDIS_BREAKER_SECONDS,
        },
    }
    CACHES = {
        "default": {"BACKEND": "core.cache.FailSafeRedisCache", **_redis},
        "ratelimit": {
            "BACKEND": "core.cache.BreakerRedisCache",
            **_redis,
            "LOCATION": REDIS_LIMITS_URL,
        },
    }
else:
    CACHES = {
        "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
        "ratelimit": {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "LOCATION": "ratelimit",
        },
    }

# Sessions live in the database, never in Redis alone: a Redis outage logs nobody out.
SESSION_ENGINE = "django.contrib.sessions.backends.db"

# Whole pages for anonymous visitors, retired at once when public content changes (see
# config/page_cache.py). On by default only where one cache serves every process: Redis, or
# the single process of the development server. Per-process memory caches in several
# production workers could not all be told of a change.
PAGE_CACHE_SECONDS = env_int("PAGE_CACHE_SECONDS", 600 if REDIS_URL or DEBUG else 0, minimum=0)

# Shared caches in front of the site (a CDN, Varnish; core/cdn.py). Anonymous public pages and
# API reads say `public` with these lifetimes and name their page-cache tags (Surrogate-Key,
# Cache-Tag): browsers keep a page CDN_MAX_AGE seconds, a shared cache CDN_SHARED_MAX_AGE (an
# hour when CDN_PURGE_URL lets the site purge it by tag, else as long as a browser), and may
# serve it CDN_STALE_SECONDS longer while fetching it again. A page naming more than
# CDN_MAX_TAGS tags names only the site-wide one and is kept no longer than a browser keeps it.
CDN_PURGE_URL = env_str("CDN_PURGE_URL")
CDN_MAX_AGE = env_int("CDN_MAX_AGE", 60, minimum=0)
CDN_SHARED_MAX_AGE = env_int(
    "CDN_SHARED_MAX_AGE", 3600 if CDN_PURGE_URL else CDN_MAX_AGE, minimum=0
)
CDN_STALE_SECONDS = env_int("CDN_STALE_SECONDS", 30, minimum=0)
CDN_MAX_TAGS = env_int("CDN_MAX_TAGS", 64, minimum=1)
# The purge request (core/cdn_purge.py): one "Name: value" header sent with it (a token), how long
# to wait for an answer, and how many attempts, CDN_PURGE_RETRY_SECONDS apart and doubling.
CDN_PURGE_HEADER = env_str("CDN_PURGE_HEADER")
CDN_PURGE_TIMEOUT = env_int("CDN_PURGE_TIMEOUT", 5, minimum=1)
CDN_PURGE_ATTEMPTS = env_int("CDN_PURGE_ATTEMPTS", 5, minimum=1)
CDN_PURGE_RETRY_SECONDS = env_int("CDN_PURGE_RETRY_SECONDS", 10, minimum=1)

# The largest company logo accepted (the 413 page names it too), and any other image
# (images/pipeline.py).
LOGO_MAX_BYTES = 512 * 1024
IMAGE_MAX_BYTES = 4 * 1024 * 1024
# Decoding stops at this many pixels, checked from the image's header before decoding (a
# decompression bomb: a small file that unpacks to gigabytes).
IMAGE_MAX_PIXELS = 40_000_000

# The largest request body accepted at all (a posting form with its logo fits with room to spare).
MAX_REQUEST_BYTES = env_int("MAX_REQUEST_BYTES", 5 * 1024 * 1024, minimum=1024)

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "en-us"
TIME_ZONE = env_str("TIME_ZONE", "UTC")
# The site is written in English only: without the translation machinery every page renders the
# same (dates and numbers still take English formats) and its many lookups of the active
# language are skipped, about 0.2 ms of a job page's first view.
USE_I18N = False
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STATICFILES_DIRS = [BASE_DIR / "static"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    # Hashed, compressed files that WhiteNoise can serve with far-future cache headers.
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
MEDIA_URL = "media/"
MEDIA_ROOT = BASE_DIR / "media"

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# E-mail: the console in development; SMTP when EMAIL_HOST is set.
if env_str("EMAIL_HOST"):
    MAILERS = {
        "default": {
            "BACKEND": "django.core.mail.backends.smtp.EmailBackend",
            "OPTIONS": {
                "host": env_str("EMAIL_HOST"),
                "port": env_int("EMAIL_PORT", 587, minimum=1),
                "username": env_str("EMAIL_HOST_USER"),
                "password": env_str("EMAIL_HOST_PASSWORD"),
                "use_tls": env_bool("EMAIL_USE_TLS", True),
                "timeout": env_int("EMAIL_TIMEOUT", 10, minimum=1),
            },
        }
    }
else:
    # Printed as written, so links can be copied from the terminal (background/console_mail.py).
    MAILERS = {"default": {"BACKEND": "background.console_mail.EmailBackend"}}
# E-mail leaves through the outbox and the worker (background/outbox.py): a failed attempt is
# tried again after EMAIL_RETRY_SECONDS, then twice that, and so on, EMAIL_MAX_ATTEMPTS times.
EMAIL_RETRY_SECONDS = env_int("EMAIL_RETRY_SECONDS", 60, minimum=1)
EMAIL_MAX_ATTEMPTS = env_int("EMAIL_MAX_ATTEMPTS", 12, minimum=1)

# Background work: Django's Tasks framework. The default backend keeps the queue in the database
# (django-tasks-db; `manage.py worker` runs it). TASKS_BACKEND may name any django.tasks backend
# (an RQ or Celery one, say), whose own workers then run the same tasks; see the README.
TASKS = {
    "default": {
        "BACKEND": env_str("TASKS_BACKEND", "django_tasks_db.DatabaseBackend"),
    }
}
# Periodic jobs the worker enqueues (background/schedule.py): a plain function and its period.
PERIODIC_JOBS = {
    "retry-email": {"call": "background.outbox.deliver_due", "every": 60},
    "expire-postings": {"call": "jobs.expiry.expire_due", "every": 300},
    # Scheduled guides reach the cached lists, feeds and sitemap within a minute of their time.
    "publish-scheduled-guides": {"call": "roles.periodic.publish_due", "every": 60},
    "refresh-salaries": {"call": "salaries.periodic.refresh_stale_figures", "every": 120},
    "remove-stale-sign-ups": {"call": "employers.accounts.remove_stale_sign_ups", "every": 3600},
    "forget-idempotency-keys": {"call": "employers.api.idempotency.forget_old", "every": 3600},
    "prune-background-records": {"call": "background.maintenance.prune", "every": 86400},
    "send-alert-digests": {"call": "alerts.digests.send_due_digests", "every": 900},
    "remove-unconfirmed-alerts": {"call": "alerts.services.remove_unconfirmed", "every": 3600},
    "remove-old-contact-messages": {"call": "pages.services.remove_old_messages", "every": 86400},
}
SCHEDULE_TICK_SECONDS = env_int("SCHEDULE_TICK_SECONDS", 15, minimum=1)

# What other apps hold about an e-mail address, for an employer's "Download my data"
# (employers/own_data.py): a section name and a function of the address returning plain data.
# Named as dotted paths, as the periodic jobs are, so employers imports none of those apps.
OWN_DATA_SECTIONS = {"alerts": "alerts.own_data.for_address"}

# The site's own address, for links in e-mails sent outside a request (e.g. by expire_jobs).
SITE_URL = env_str("SITE_URL", "http://127.0.0.1:8000").rstrip("/")
DEFAULT_FROM_EMAIL = env_str("DEFAULT_FROM_EMAIL", f"{SITE_NAME} <jobs@localhost>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL
# Where contact-form messages are e-mailed (comma-separated addresses). Empty: to the active
# members of the Editors group and the superusers. Every message is also in the admin's inbox.
CONTACT_EMAIL = env_list("CONTACT_EMAIL")

# Behind a TLS-terminating proxy, trust its header so request.is_secure() is right.
BEHIND_TLS_PROXY = env_bool("BEHIND_TLS_PROXY", False)
if BEHIND_TLS_PROXY:
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", False)
# Load balancers probe over plain HTTP inside the network, whatever the TLS settings.
SECURE_REDIRECT_EXEMPT = [r"^healthz$"]
SESSION_COOKIE_SECURE = CSRF_COOKIE_SECURE = env_bool("SECURE_COOKIES", False)
SESSION_COOKIE_HTTPONLY = CSRF_COOKIE_HTTPONLY = True
# HTTP Strict Transport Security: off until the site is served over HTTPS for good.
SECURE_HSTS_SECONDS = env_int("HSTS_SECONDS", 0, minimum=0)
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("HSTS_INCLUDE_SUBDOMAINS", SECURE_HSTS_SECONDS > 0)
SECURE_HSTS_PRELOAD = env_bool("HSTS_PRELOAD", SECURE_HSTS_SECONDS > 0)
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"

# Content Security Policy: only our own scripts, styles, images and fonts; no inline script, no
# plugins, no framing. A page that needs an inline script must carry {{ csp_nonce }}.
SECURE_CSP = {
    "default-src": [CSP.SELF],
    "script-src": [CSP.SELF, CSP.NONCE],
    "style-src": [CSP.SELF],
    "img-src": [CSP.SELF, "data:"],
    "font-src": [CSP.SELF],
    "connect-src": [CSP.SELF],
    "object-src": [CSP.NONE],
    "base-uri": [CSP.SELF],
    "form-action": [CSP.SELF],
    "frame-ancestors": [CSP.NONE],
}

# The REST API (/api/v1/): anonymous reads, employers write with a token (or their session in the
# browsable API). Throttles count in the limits' cache ("ratelimit"), shared by every app server.
API_ANON_RATE = env_rate("API_ANON_RATE", "60/minute")
API_USER_RATE = env_rate("API_USER_RATE", "600/minute")
REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "employers.api.authentication.ApiTokenAuthentication",
        "rest_framework.authentication.SessionAuthentication",
    ],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.AllowAny"],
    "DEFAULT_PARSER_CLASSES": [
        "api.parsers.JSONParser",  # deeply nested JSON is a 400, not a RecursionError
        "rest_framework.parsers.FormParser",
        "rest_framework.parsers.MultiPartParser",
    ],
    "DEFAULT_RENDERER_CLASSES": [
        "rest_framework.renderers.JSONRenderer",
        "rest_framework.renderers.BrowsableAPIRenderer",
    ],
    "DEFAULT_THROTTLE_CLASSES": [
        "api.throttling.AnonymousThrottle",
        "api.throttling.AccountThrottle",
    ],
    "DEFAULT_THROTTLE_RATES": {"anon": API_ANON_RATE, "user": API_USER_RATE},
    # Throttles tell clients apart by the address our proxy appended, never by one they sent.
    "NUM_PROXIES": 1 if BEHIND_TLS_PROXY else 0,
    "DEFAULT_PAGINATION_CLASS": "api.common.PageNumbers",
    "PAGE_SIZE": 20,
    "DEFAULT_SCHEMA_CLASS": "api.schema.ApiSchema",
    "EXCEPTION_HANDLER": "api.common.exception_handler",
}
SPECTACULAR_SETTINGS = {
    "TITLE": f"{SITE_NAME} API",
    "DESCRIPTION": (
        "Jobs, companies, roles and role guides, with the same filters and the same public rule "
        "as the site's pages; employers list, post, edit and close their own postings with a "
        "token made on their dashboard. Public reads need no token (one sent must work, and "
        "raises the rate limit to the account's)."
    ),
    "VERSION": "1.0.0",
    "SERVE_INCLUDE_SCHEMA": False,
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    # 3.1: JSON Schema's own null (`type: [..., "null"]`, `oneOf` with `{type: null}`), which
    # validators read as meant, where 3.0's `nullable` beside `allOf` rejects null.
    "OAS_VERSION": "3.1.0",
    "COMPONENT_SPLIT_REQUEST": True,
    "ENUM_NAME_OVERRIDES": {
        "WorkplaceEnum": "jobs.choices.Workplace",
        "EmploymentTypeEnum": "jobs.choices.EmploymentType",
        "ExperienceLevelEnum": "jobs.choices.ExperienceLevel",
        "JobStatusEnum": "jobs.choices.JobStatus",
        "SalaryPeriodEnum": "jobs.choices.SalaryPeriod",
    },
}

# Country names as job seekers write them (ISO's own is "United States of America").
COUNTRIES_OVERRIDE = {"US": "United States"}

# Employer accounts.
LOGIN_URL = "employers:log-in"
LOGIN_REDIRECT_URL = "employers:dashboard"
LOGOUT_REDIRECT_URL = "employers:home"
# How long the link in a verification e-mail works.
EMAIL_VERIFICATION_DAYS = env_int("EMAIL_VERIFICATION_DAYS", 3, minimum=1)
PASSWORD_RESET_TIMEOUT = 60 * 60 * 24  # a day
# How long an API token works after it is made.
API_TOKEN_DAYS = env_int("API_TOKEN_DAYS", 90, minimum=1)

# How many guides and jobs a listing page shows.
GUIDES_PER_PAGE = env_int("GUIDES_PER_PAGE", 12, minimum=1)
JOBS_PER_PAGE = env_int("JOBS_PER_PAGE", 20, minimum=1)
COMPANIES_PER_PAGE = env_int("COMPANIES_PER_PAGE", 24, minimum=1)
# At most this many featured postings open a job list; the others sit among the rest by date.
FEATURED_ON_JOB_LIST = env_int("FEATURED_ON_JOB_LIST", 3, minimum=0)
# How long a posting stays up after it is published, unless its expiry is set by hand.
JOB_LIFETIME_DAYS = env_int("JOB_LIFETIME_DAYS", 30, minimum=1)
# Salary figures resting on fewer records than this are hidden, with a note saying so.
SALARY_MIN_SAMPLE = env_int("SALARY_MIN_SAMPLE", 5, minimum=1)
# A saved posting recomputes its titles' figures at once when none holds more records than
# this; bigger titles wait for `refresh_salaries --stale` (run it every few minutes).
SALARY_INSTANT_REFRESH_LIMIT = env_int("SALARY_INSTANT_REFRESH_LIMIT", 100_000, minimum=0)

# Route /bench/floor/, a bare view returning a small page through the same middleware: the
# framework's own cost, which `make bench` measures the pages against. Off in production.
BENCH_FLOOR = env_bool("BENCH_FLOOR", False)

# Every log line names the request it belongs to (also sent back as X-Request-ID).
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"request_id": {"()": "core.middleware.RequestIdLogFilter"}},
    "formatters": {
        "plain": {"format": "%(asctime)s %(levelname)s [%(request_id)s] %(name)s: %(message)s"}
    },
    "handlers": {
        "console": {
            "class": "logging.StreamHandler",
            "filters": ["request_id"],
            "formatter": "plain",
        }
    },
    "root": {"handlers": ["console"], "level": env_str("LOG_LEVEL", "INFO")},
}
