"""The ``journey`` command: ``journey demo``, ``journey serve``, ``journey generate ...``, and any other
Django management command (``journey migrate``, ``journey createsuperuser``)."""
import os
import sys

HELP = {"help", "--help", "-h", "--version"}


def check_settings() -> None:
    """Read the settings now, so that a missing or malformed one (no JOURNEY_SECRET_KEY in production, a flag that is
    not true or false) ends the command with its one-line message rather than a traceback from deep in Django."""
    from django.conf import settings
    from django.core.exceptions import ImproperlyConfigured

    try:
        settings.INSTALLED_APPS  # noqa: B018 (reading a setting loads them all)
    except ImproperlyConfigured as error:
        sys.exit(f"journey: {error}")


def main(argv: list[str] | None = None) -> None:
    argv = list(sys.argv[1:] if argv is None else argv)
    if argv[:1] == ["demo"]:
        os.environ.setdefault("JOURNEY_DEBUG", "true")
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "journey.settings")
    if argv[:1] and argv[0] not in HELP:
        check_settings()
    if argv[:1] == ["serve"]:
        import argparse

        import django

        parser = argparse.ArgumentParser(prog="journey serve", description="Serve Journey over HTTP.")
        parser.add_argument("--host", default="127.0.0.1")
        parser.add_argument("--port", type=int, default=8000)
        options = parser.parse_args(argv[1:])
        django.setup()
        from journey.server import serve

        serve(options.host, options.port)
        return
    from django.core.management import execute_from_command_line

    execute_from_command_line(["journey", *argv])


if __name__ == "__main__":
    main()
