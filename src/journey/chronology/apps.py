from django.apps import AppConfig


class ChronologyConfig(AppConfig):
    name = "journey.chronology"
    label = "chronology"
    verbose_name = "Chronology"

    def ready(self) -> None:
        from . import entries  # noqa: F401  registers significant events
