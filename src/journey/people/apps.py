from django.apps import AppConfig


class PeopleConfig(AppConfig):
    name = "journey.people"
    label = "people"
    verbose_name = "The child and family record"

    def ready(self) -> None:
        from . import chronology  # noqa: F401  registers family and household changes on the chronology
