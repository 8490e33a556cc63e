from django.apps import AppConfig


class CaseworkConfig(AppConfig):
    name = "journey.casework"
    label = "casework"
    verbose_name = "Casework"

    def ready(self) -> None:
        from . import (
            chronology,  # noqa: F401  registers episodes, assessments and visits on the chronology
            involvement,  # noqa: F401  registers how it involves users with a child (journey.access.involvement)
        )
