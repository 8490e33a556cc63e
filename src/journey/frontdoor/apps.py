from django.apps import AppConfig


class FrontdoorConfig(AppConfig):
    name = "journey.frontdoor"
    label = "frontdoor"
    verbose_name = "The front door"

    def ready(self) -> None:
        from . import (
            chronology,  # noqa: F401  registers contact entries on the child's chronology
            involvement,  # noqa: F401  registers how it involves users with a child (journey.access.involvement)
        )
