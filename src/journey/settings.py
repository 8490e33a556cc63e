"""One settings module, read from the environment and parsed strictly.

SQLite is the embedded default (the demo); PostgreSQL is chosen with DATABASE_URL. In production
(JOURNEY_DEBUG unset or false) a secret key must be given: it is never defaulted.
"""
from datetime import timedelta
from pathlib import Path
from typing import Any
import importlib.util
import os
import re

import dj_database_url
from csp.constants import NONE, SELF
from django.core.exceptions import ImproperlyConfigured

BASE_DIR = Path(__file__).resolve().parent
DATA_DIR = Path(os.environ.get("JOURNEY_DATA_DIR", Path.cwd() / "var"))


def env_bool(name: str, default: bool) -> bool:
    raw = os.environ.get(name)
    if raw is None or raw == "":
        return default
    value = raw.strip().lower()
    if value in {"1", "true", "yes", "on"}:
        return True
    if value in {"0", "false", "no", "off"}:
        return False
    raise ImproperlyConfigured(f"{name} must be true or false, not {raw!r}")


def env_list(name: str, default: list[str]) -> list[str]:
    raw = os.environ.get(name)
    if not raw:
        return default
    return [item.strip() for item in raw.split(",") if item.strip()]


def env_int(name: str, default: int, minimum: int = 0) -> int:
    raw = os.environ.get(name)
    if raw is None or raw.strip() == "":
        return default
    try:
        value = int(raw.strip())
    except ValueError:
        raise ImproperlyConfigured(f"{name} must be a whole number, not {raw!r}") from None
    if value < minimum:
        raise ImproperlyConfigured(f"{name} must be at least {minimum}, not {value}")
    return value


DEBUG = env_bool("JOURNEY_DEBUG", False)
TESTING = env_bool("JOURNEY_TESTING", False)

SECRET_KEY = os.environ.get("JOURNEY_SECRET_KEY", "")
if not SECRET_KEY:
    if DEBUG or TESTING:
        SECRET_KEY = "insecure-key-for-local-demo-and-tests-only"
    else:
        raise ImproperlyConfigured(
            "JOURNEY_SECRET_KEY is required: set it to a long random secret (50 characters or more), "
            "or set JOURNEY_DEBUG=true for the local demo."
        )

ALLOWED_HOSTS = env_list("JOURNEY_ALLOWED_HOSTS", ["127.0.0.1", "localhost", "[::1]"] if DEBUG or TESTING else [])

INSTALLED_APPS = [
    "django.contrib.admin",
    "journey.accounts",  # before django.contrib.auth, so that its createsuperuser and changepassword name their actor
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django.forms",
    "django_htmx",
    "ninja",  # the API's interactive docs served from this site's own static files, not a CDN
    "axes",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "journey.codelists",  # the DfE's code lists, which the domain apps below read
    "journey.people",
    "journey.frontdoor",
    "journey.casework",
    "journey.protection",
    "journey.practice",
    "journey.learning",
    "journey.feedback",
    "journey.chronology",
    "journey.documents",
    "journey.news",
    "journey.access",
    "journey.audit",
    "journey.dataprotection",
    "journey.api",
    "journey.synthetic",
    "journey.operations",
]

MIDDLEWARE = [
    # First: the request's id is on every log line written while it is served, and its access line sees every answer.
    "journey.operations.middleware.RequestIdMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "csp.middleware.CSPMiddleware",
    "journey.accounts.middleware.SecurityHeadersMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "journey.audit.middleware.AuditContextMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "journey.accounts.middleware.SessionTimeoutMiddleware",
    "django.contrib.auth.middleware.LoginRequiredMiddleware",
    "journey.accounts.middleware.RequireTwoFactorMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "journey.access.middleware.NoAccessMiddleware",
    # Last, as django-axes asks: it turns a locked-out sign-in into the lockout page.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "journey.urls"
# Widgets (the GOV.UK date input) render through the project's template settings, so journey/templates is searched.
FORM_RENDERER = "django.forms.renderers.TemplatesSetting"
WSGI_APPLICATION = "journey.wsgi.application"

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
                "journey.accounts.context.authority",
                "journey.access.context.front_door",
            ],
            "builtins": ["journey.lib.templatetags.govuk"],
        },
    }
]

# Connections persist for JOURNEY_DB_CONN_MAX_AGE seconds, one to each of the server's threads (Django's connections are
# per thread): PostgreSQL's max_connections must exceed processes x JOURNEY_SERVER_THREADS, plus the cron jobs and
# a few for administrators (docs/operations.md, "Serving"). 0 opens one connection per request instead.
DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{DATA_DIR / 'journey.sqlite3'}",
        conn_max_age=env_int("JOURNEY_DB_CONN_MAX_AGE", 60),
        conn_health_checks=True,
    )
}
if not os.environ.get("DATABASE_URL"):
    DATA_DIR.mkdir(parents=True, exist_ok=True)
if DATABASES["default"]["ENGINE"].endswith("sqlite3"):
    DATABASES["default"].setdefault("OPTIONS", {})
    DATABASES["default"]["OPTIONS"].update({"timeout": 20, "transaction_mode": "IMMEDIATE"})
elif env_bool("JOURNEY_DB_PREPARED_STATEMENTS", True):
    # Server-side binding with prepared statements: a query a connection has run twice is parsed once, and PostgreSQL
    # stops planning it once a generic plan proves as good. The journey page's queries spent about half their time in
    # the planner before (benchmarks/journey_page.py). Set false behind a pooler that moves sessions between
    # connections (PgBouncer in transaction mode without max_prepared_statements).
    DATABASES["default"].setdefault("OPTIONS", {}).update(server_side_binding=True, prepare_threshold=2)

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
AUTH_USER_MODEL = "accounts.User"
LOGIN_URL = "accounts:sign-in"
LOGIN_REDIRECT_URL = "casework:my-children"
LOGOUT_REDIRECT_URL = "accounts:sign-in"
# django-axes first: it refuses locked-out sign-ins before any password is checked (it authenticates no one itself).
AUTHENTICATION_BACKENDS = ["axes.backends.AxesStandaloneBackend", "django.contrib.auth.backends.ModelBackend"]

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 12}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
# Argon2id for new and changed passwords; PBKDF2 stays so that older hashes still verify (and are upgraded at sign-in).
PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2SHA1PasswordHasher",
]
if TESTING:
    PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]

LANGUAGE_CODE = "en-gb"
TIME_ZONE = "Europe/London"
USE_I18N = False
USE_TZ = True
DATE_FORMAT = "j F Y"
SHORT_DATE_FORMAT = "j M Y"

STATIC_URL = "/static/"
STATICFILES_DIRS = [BASE_DIR / "static"]
STATIC_ROOT = os.environ.get("JOURNEY_STATIC_ROOT") or None
STORAGES: dict[str, dict[str, Any]] = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}

# Documents attached to entries (journey.documents; docs/operations.md, "Documents"): kept outside the web root and
# served only through the access path. On this server's disk by default, under JOURNEY_DOCUMENTS_DIR; in object storage
# (S3 or compatible, private, no public URLs) with JOURNEY_DOCUMENTS_STORAGE=s3 and the django-storages extra installed.
JOURNEY_DOCUMENT_MAX_MB = env_int("JOURNEY_DOCUMENT_MAX_MB", 20, minimum=1)
JOURNEY_DOCUMENTS_STORAGE = os.environ.get("JOURNEY_DOCUMENTS_STORAGE", "").strip().lower() or "filesystem"
JOURNEY_DOCUMENTS_DIR = Path(os.environ.get("JOURNEY_DOCUMENTS_DIR", "").strip() or DATA_DIR / "documents").resolve()
if JOURNEY_DOCUMENTS_STORAGE == "filesystem":
    for served in [BASE_DIR / "static", *([Path(STATIC_ROOT)] if STATIC_ROOT else [])]:
        if JOURNEY_DOCUMENTS_DIR.is_relative_to(served.resolve()):
            raise ImproperlyConfigured(f"JOURNEY_DOCUMENTS_DIR must not be inside the static files ({served}): documents are never served directly")
    STORAGES["documents"] = {
        "BACKEND": "django.core.files.storage.FileSystemStorage",
        "OPTIONS": {"location": str(JOURNEY_DOCUMENTS_DIR), "base_url": None, "file_permissions_mode": 0o600, "directory_permissions_mode": 0o700},
    }
elif JOURNEY_DOCUMENTS_STORAGE == "s3":
    if not os.environ.get("JOURNEY_DOCUMENTS_S3_BUCKET", "").strip():
        raise ImproperlyConfigured("JOURNEY_DOCUMENTS_S3_BUCKET is required when JOURNEY_DOCUMENTS_STORAGE=s3")
    if importlib.util.find_spec("storages") is None:
        raise ImproperlyConfigured("JOURNEY_DOCUMENTS_STORAGE=s3 needs django-storages: install Journey with its s3 extra (pip install 'journey[s3]')")
    # Credentials come from the usual AWS sources (AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, or an instance role).
    STORAGES["documents"] = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": os.environ["JOURNEY_DOCUMENTS_S3_BUCKET"].strip(),
            "endpoint_url": os.environ.get("JOURNEY_DOCUMENTS_S3_ENDPOINT", "").strip() or None,
            "region_name": os.environ.get("JOURNEY_DOCUMENTS_S3_REGION", "").strip() or None,
            "location": os.environ.get("JOURNEY_DOCUMENTS_S3_PREFIX", "").strip() or "documents",
            "default_acl": "private", "querystring_auth": True, "file_overwrite": False, "custom_domain": None,
        },
    }
else:
    raise ImproperlyConfigured(f"JOURNEY_DOCUMENTS_STORAGE must be filesystem or s3, not {JOURNEY_DOCUMENTS_STORAGE!r}")

WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = DEBUG

SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
# A session ends after this long without a request, and this long after signing in whatever happens
# (journey.accounts.middleware.SessionTimeoutMiddleware); the cookie goes when the browser closes.
JOURNEY_SESSION_IDLE_MINUTES = env_int("JOURNEY_SESSION_IDLE_MINUTES", 30, minimum=1)
# How long a break-glass opening lasts, and how long a closed episode's worker, team and managers keep access.
JOURNEY_BREAK_GLASS_HOURS = env_int("JOURNEY_BREAK_GLASS_HOURS", 4, minimum=1)
JOURNEY_CLOSED_EPISODE_GRACE_DAYS = env_int("JOURNEY_CLOSED_EPISODE_GRACE_DAYS", 28, minimum=0)
JOURNEY_SESSION_MAX_HOURS = env_int("JOURNEY_SESSION_MAX_HOURS", 10, minimum=1)
SESSION_COOKIE_AGE = JOURNEY_SESSION_MAX_HOURS * 60 * 60
SESSION_EXPIRE_AT_BROWSER_CLOSE = True
SESSION_COOKIE_SECURE = env_bool("JOURNEY_SECURE_COOKIES", not (DEBUG or TESTING))
CSRF_COOKIE_SECURE = SESSION_COOKIE_SECURE
CSRF_COOKIE_HTTPONLY = True
# Over HTTPS the __Host- prefix makes browsers refuse the cookies unless Secure, for this host only and path /.
SESSION_COOKIE_NAME = "__Host-sessionid" if SESSION_COOKIE_SECURE else "sessionid"
CSRF_COOKIE_NAME = "__Host-csrftoken" if SESSION_COOKIE_SECURE else "csrftoken"
# A form refused for want of a valid CSRF token gets a GOV.UK page and is logged as a refusal.
CSRF_FAILURE_VIEW = "journey.access.views.csrf_failure"
SECURE_HSTS_SECONDS = env_int("JOURNEY_HSTS_SECONDS", 0 if DEBUG else 365 * 24 * 60 * 60)
# Journey is served on a host of its own (e.g. journey.council.gov.uk), so HTTPS-only for its subdomains and
# eligibility for browsers' preload lists cost nothing; both can be turned off where the host name is shared.
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("JOURNEY_HSTS_INCLUDE_SUBDOMAINS", not DEBUG)
SECURE_HSTS_PRELOAD = env_bool("JOURNEY_HSTS_PRELOAD", not DEBUG)
# Plain HTTP is redirected to HTTPS in production. Behind a proxy that ends TLS, name the header it sets to say the
# request came over HTTPS (e.g. X-Forwarded-Proto), or every request looks like HTTP and is redirected for ever. Set it
# only when the proxy always sets or strips that header: otherwise a client could forge it.
SECURE_SSL_REDIRECT = env_bool("JOURNEY_SSL_REDIRECT", not (DEBUG or TESTING))
# The load balancer's health probe talks plain HTTP to the server behind the proxy; it is answered, not redirected.
SECURE_REDIRECT_EXEMPT = [r"^healthz$"]


def env_proxy_ssl_header(name: str) -> tuple[str, str] | None:
    raw = os.environ.get(name, "").strip()
    if not raw:
        return None
    if not re.fullmatch(r"[A-Za-z0-9]+(-[A-Za-z0-9]+)*", raw):
        raise ImproperlyConfigured(f"{name} must be a header name like X-Forwarded-Proto, not {raw!r}")
    return ("HTTP_" + raw.upper().replace("-", "_"), "https")


SECURE_PROXY_SSL_HEADER = env_proxy_ssl_header("JOURNEY_PROXY_SSL_HEADER")
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"

DATA_UPLOAD_MAX_MEMORY_SIZE = 2 * 1024 * 1024

# Mail (the daily break-glass report): an SMTP relay inside the council's network. A server that does not answer
# is given up after EMAIL_TIMEOUT seconds rather than holding the job for ever.
EMAIL_HOST = os.environ.get("JOURNEY_EMAIL_HOST", "localhost")
EMAIL_PORT = env_int("JOURNEY_EMAIL_PORT", 25, minimum=1)
EMAIL_TIMEOUT = 30
DEFAULT_FROM_EMAIL = os.environ.get("JOURNEY_EMAIL_FROM", "journey@localhost")

JOURNEY_AUTHORITY_NAME = os.environ.get("JOURNEY_AUTHORITY_NAME", "Northfield Borough Council")


def env_la_code(name: str, default: str) -> str:
    """The DfE's three-digit number for a local authority (e.g. 999 for the synthetic one): ASCII digits only."""
    raw = os.environ.get(name, "")
    value = raw.strip() or default
    if not re.fullmatch(r"[0-9]{3}", value):
        raise ImproperlyConfigured(f"{name} must be the DfE's three-digit local authority number, like 999, not {raw!r}")
    return value


# The local authority as the DfE's returns name it (the children in need census): its number and its name on the DfE's
# list, which may differ from the council's own name above. Defaults are the synthetic authority's; set both in production.
JOURNEY_LA_CODE = env_la_code("JOURNEY_LA_CODE", "999")
JOURNEY_LA_NAME = os.environ.get("JOURNEY_LA_NAME", "").strip() or "Northfield (synthetic)"

# Content Security Policy (django-csp): only this site's own files; no inline script or style, no eval, no framing.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF],
        "font-src": [SELF],
        "connect-src": [SELF],
        "object-src": [NONE],
        "base-uri": [NONE],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
    }
}

# Sign-in lockout (django-axes; see journey.accounts.lockout and docs/security.md). Failed passwords or second-step
# codes lock for JOURNEY_LOCKOUT_MINUTES after the last failure:
# - one username after JOURNEY_SIGN_IN_ATTEMPTS failures from any address (guessing one password from many addresses
#   gains nothing; the price is that anyone can lock an account for a while, which an administrator can clear);
# - one address after JOURNEY_SIGN_IN_ATTEMPTS_PER_ADDRESS failures for any usernames (password spraying). Higher,
#   because a council office may share one address; each correct sign-in clears that person's failures from there.
# A reverse proxy must pass the client's address as REMOTE_ADDR.
AXES_FAILURE_LIMIT = env_int("JOURNEY_SIGN_IN_ATTEMPTS", 5, minimum=1)
JOURNEY_SIGN_IN_ATTEMPTS_PER_ADDRESS = env_int("JOURNEY_SIGN_IN_ATTEMPTS_PER_ADDRESS", 30, minimum=AXES_FAILURE_LIMIT)
AXES_COOLOFF_TIME = timedelta(minutes=env_int("JOURNEY_LOCKOUT_MINUTES", 15, minimum=1))
AXES_LOCKOUT_PARAMETERS = ["username", "ip_address"]  # what is recorded; the limits are applied by the handler
AXES_HANDLER = "journey.accounts.lockout.AccountAndAddressHandler"
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_CALLABLE = "journey.accounts.lockout.locked_out"

# Optional second factor (django-otp, TOTP). Roles listed here (Role values, e.g. "team_manager,administrator")
# must set it up before using Journey; checked against the roles at start-up.
JOURNEY_REQUIRE_2FA_ROLES = env_list("JOURNEY_REQUIRE_2FA_ROLES", [])
OTP_TOTP_ISSUER = f"Journey ({JOURNEY_AUTHORITY_NAME})"

# Logs (journey.operations.logs; docs/operations.md, "Logs"): to standard output, one JSON object a line in production
# or readable text (JOURNEY_LOG_FORMAT, text by default when JOURNEY_DEBUG=true), each with its request's id. One
# access line per request (method, route pattern, status, duration, user number) unless JOURNEY_ACCESS_LOG=false.
# No path, query string or name is logged: see journey.operations.logs for how.
JOURNEY_LOG_FORMAT = os.environ.get("JOURNEY_LOG_FORMAT", "").strip().lower() or ("text" if DEBUG else "json")
if JOURNEY_LOG_FORMAT not in {"json", "text"}:
    raise ImproperlyConfigured(f"JOURNEY_LOG_FORMAT must be json or text, not {JOURNEY_LOG_FORMAT!r}")
JOURNEY_LOG_LEVEL = os.environ.get("JOURNEY_LOG_LEVEL", "").strip().upper() or "WARNING"
if JOURNEY_LOG_LEVEL not in {"DEBUG", "INFO", "WARNING", "ERROR", "CRITICAL"}:
    raise ImproperlyConfigured(f"JOURNEY_LOG_LEVEL must be DEBUG, INFO, WARNING, ERROR or CRITICAL, not {JOURNEY_LOG_LEVEL!r}")
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {
        "request_id": {"()": "journey.operations.logs.RequestIdFilter"},
        "no_paths": {"()": "journey.operations.logs.PathFilter"},
    },
    "formatters": {
        "json": {"()": "journey.operations.logs.JsonLinesFormatter"},
        "text": {"()": "journey.operations.logs.TextFormatter"},
    },
    "handlers": {
        "console": {
            "class": "logging.StreamHandler", "stream": "ext://sys.stdout", "formatter": JOURNEY_LOG_FORMAT,
            "filters": ["request_id", "no_paths"],
        },
    },
    "root": {"handlers": ["console"], "level": JOURNEY_LOG_LEVEL},
    "loggers": {
        "journey.access": {"level": "INFO" if env_bool("JOURNEY_ACCESS_LOG", True) else "WARNING"},
        # Django's own handlers (a plain console in debug, mail to ADMINS) are replaced: its records go to the one above.
        "django": {"handlers": [], "level": JOURNEY_LOG_LEVEL, "propagate": True},
        # runserver's request lines carry the full path and query string; journey.access says the same without them.
        "django.server": {"handlers": [], "level": "CRITICAL", "propagate": False},
    },
}


# ---------------------------------------------------------------------------------------------------------------------
# Serving (journey serve, with waitress; see docs/operations.md, "Serving")
# ---------------------------------------------------------------------------------------------------------------------
# One process runs Python on about one core at a time (the GIL): its threads overlap the waits on the database, not
# the work. So a few threads a process, and more processes (one `journey serve` per port behind the proxy) for more
# cores. Each thread holds its own database connection.
JOURNEY_SERVER_THREADS = env_int("JOURNEY_SERVER_THREADS", min(8, max(4, 2 * (os.cpu_count() or 1))), minimum=1)
# Open connections (including idle keep-alives) one process accepts before it stops accepting more, and how long an
# idle one is kept.
JOURNEY_SERVER_CONNECTION_LIMIT = env_int("JOURNEY_SERVER_CONNECTION_LIMIT", 100, minimum=1)
JOURNEY_SERVER_CHANNEL_TIMEOUT = env_int("JOURNEY_SERVER_CHANNEL_TIMEOUT", 60, minimum=1)
# The reverse proxy's address: from it (only), X-Forwarded-For gives REMOTE_ADDR, the client's address that sign-in
# lockout and the audit log record. Unset, REMOTE_ADDR is whoever connected.
JOURNEY_SERVER_TRUSTED_PROXY = os.environ.get("JOURNEY_SERVER_TRUSTED_PROXY", "").strip() or None


# ---------------------------------------------------------------------------------------------------------------------
# Audit key and anchors (journey.audit; see docs/operations.md, "Audit key and anchors")
# ---------------------------------------------------------------------------------------------------------------------
JOURNEY_AUDIT_DEVELOPMENT_KEY = "journey-DEVELOPMENT-ONLY-audit-key-not-secret-never-use-in-production"
JOURNEY_AUDIT_KEY_MIN_LENGTH = 32


def audit_key_from_environment(environ, *, allow_development_key: bool) -> bytes:
    """The key for the audit chain's HMACs and its anchors' signatures. It comes from the environment or a file (a
    mounted secret), never from the database, so that whoever can write the audit tables still cannot make a
    rewritten event verify. Only the demo and the tests may fall back to the published development key."""
    raw, file_name = environ.get("JOURNEY_AUDIT_KEY", ""), environ.get("JOURNEY_AUDIT_KEY_FILE", "")
    if raw and file_name:
        raise ImproperlyConfigured("Set JOURNEY_AUDIT_KEY or JOURNEY_AUDIT_KEY_FILE, not both.")
    source = "JOURNEY_AUDIT_KEY"
    if file_name:
        source = f"JOURNEY_AUDIT_KEY_FILE ({file_name})"
        try:
            raw = Path(file_name).read_text(encoding="utf-8").removesuffix("\n").removesuffix("\r")
        except (OSError, UnicodeDecodeError) as error:
            raise ImproperlyConfigured(f"JOURNEY_AUDIT_KEY_FILE cannot be read: {error}") from None
        if not raw:
            raise ImproperlyConfigured(f"{source} is empty.")
    if not raw:
        if allow_development_key:
            return JOURNEY_AUDIT_DEVELOPMENT_KEY.encode("utf-8")
        raise ImproperlyConfigured(
            "JOURNEY_AUDIT_KEY (or JOURNEY_AUDIT_KEY_FILE) is required unless JOURNEY_DEBUG=true: a random secret of "
            f"{JOURNEY_AUDIT_KEY_MIN_LENGTH} characters or more, kept outside the database."
        )
    if raw != raw.strip():
        raise ImproperlyConfigured(f"{source} has spaces or line breaks at its ends; remove them.")
    if len(raw) < JOURNEY_AUDIT_KEY_MIN_LENGTH:
        raise ImproperlyConfigured(
            f"{source} must be at least {JOURNEY_AUDIT_KEY_MIN_LENGTH} characters, not {len(raw)}."
        )
    if raw == JOURNEY_AUDIT_DEVELOPMENT_KEY and not allow_development_key:
        raise ImproperlyConfigured(f"{source} is the published development key; set a secret one.")
    return raw.encode("utf-8")


JOURNEY_AUDIT_KEY = audit_key_from_environment(os.environ, allow_development_key=DEBUG or TESTING)
# Where `journey audit_anchor` writes the chain's head and `journey audit_verify` reads it back; in production a
# write-once place that the database's roles cannot reach. The default is a folder per database, so that the
# anchors of one database (the demo's, say) are never checked against another's chain.
_anchored_database = "-".join(
    str(DATABASES["default"].get(part) or "") for part in ("ENGINE", "HOST", "PORT", "NAME")
)
JOURNEY_AUDIT_ANCHOR_DIR = Path(
    os.environ.get("JOURNEY_AUDIT_ANCHOR_DIR", "").strip()
    or DATA_DIR / "audit-anchors" / re.sub(r"[^A-Za-z0-9]+", "-", _anchored_database.removeprefix("django.db.backends.")).strip("-")
)

# A read event commits without waiting for the disk on PostgreSQL (audit/log.py says what that risks: the reads of
# the last moment before a database crash, never a change). True makes every read wait for the disk, as changes do.
JOURNEY_AUDIT_READS_DURABLE = env_bool("JOURNEY_AUDIT_READS_DURABLE", False)
