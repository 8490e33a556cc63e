"""Serve Journey with waitress, a production-grade pure-Python WSGI server (static files come via WhiteNoise).

Its size comes from settings (``JOURNEY_SERVER_*``; docs/operations.md, "Serving"), so that the same command serves a
laptop demo and a council's service."""
from typing import Any


def server_options() -> dict[str, Any]:
    """waitress's options from settings. No ``Server:`` banner (``ident`` blank): it would only tell a scanner which
    server and version to try."""
    from django.conf import settings

    options: dict[str, Any] = {
        "threads": settings.JOURNEY_SERVER_THREADS,
        "connection_limit": settings.JOURNEY_SERVER_CONNECTION_LIMIT,
        "channel_timeout": settings.JOURNEY_SERVER_CHANNEL_TIMEOUT,
        "ident": "",
    }
    if settings.JOURNEY_SERVER_TRUSTED_PROXY:
        # Only the client's address; the scheme is Django's to judge (JOURNEY_PROXY_SSL_HEADER), so the proxy's other
        # headers are passed on untouched.
        options.update(
            trusted_proxy=settings.JOURNEY_SERVER_TRUSTED_PROXY, trusted_proxy_count=1,
            trusted_proxy_headers={"x-forwarded-for"}, clear_untrusted_proxy_headers=False,
        )
    return options


def serve(host: str = "127.0.0.1", port: int = 8000) -> None:
    from waitress import serve as waitress_serve

    from journey.wsgi import application

    options = server_options()
    print(
        f"Journey is running on http://{host}:{port}/  ({options['threads']} threads, up to "
        f"{options['connection_limit']} connections; Ctrl+C to stop)",
        flush=True,
    )
    waitress_serve(application, host=host, port=port, **options)
