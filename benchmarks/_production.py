"""Production settings for benchmarks: DEBUG off (Django then keeps no query log and caches templates as in service),
over plain HTTP, with an audit key of the benchmarks' own.

Production settings refuse the published development key, so a benchmark authority is generated under this key
(``JOURNEY_AUDIT_KEY=<BENCHMARK_AUDIT_KEY> journey generate ...``, which benchmarks/generate.py does); otherwise the
chain written by the benchmark does not verify against the one written by the generator."""
import os
import secrets

BENCHMARK_AUDIT_KEY = "journey-benchmark-audit-key-for-synthetic-authorities-only"


def production_environment() -> dict[str, str]:
    return {
        "DJANGO_SETTINGS_MODULE": "journey.settings",
        "JOURNEY_DEBUG": "false",
        "JOURNEY_SECRET_KEY": secrets.token_urlsafe(50),
        "JOURNEY_AUDIT_KEY": os.environ.get("JOURNEY_AUDIT_KEY", BENCHMARK_AUDIT_KEY),
        "JOURNEY_ALLOWED_HOSTS": "127.0.0.1,testserver",
        "JOURNEY_SSL_REDIRECT": "false",
        "JOURNEY_SECURE_COOKIES": "false",
        "JOURNEY_ACCESS_LOG": "false",
    }


def use_production_settings() -> None:
    """Before ``django.setup()``: run this process with production settings (each one still overridable)."""
    for name, value in production_environment().items():
        os.environ.setdefault(name, value)
