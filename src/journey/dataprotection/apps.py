from django.apps import AppConfig


class DataProtectionConfig(AppConfig):
    name = "journey.dataprotection"
    label = "dataprotection"
    verbose_name = "Data protection duties"

    def ready(self) -> None:
        from . import chronology  # noqa: F401  registers information shares on the child's chronology
