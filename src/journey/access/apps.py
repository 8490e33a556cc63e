from django.apps import AppConfig


class AccessConfig(AppConfig):
    name = "journey.access"
    label = "access"
    verbose_name = "Access and the read log"

    def ready(self) -> None:
        from . import involvement_reasons  # noqa: F401  registers how it involves users with a child (journey.access.involvement)
        from .memo import connect

        connect()
