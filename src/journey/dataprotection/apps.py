from django.apps import AppConfig


class DataProtectionConfig(AppConfig):
    name = "journey.dataprotection"
    label = "dataprotection"
    verbose_name = "Data protection duties"
