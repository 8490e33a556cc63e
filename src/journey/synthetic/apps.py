from django.apps import AppConfig


class SyntheticConfig(AppConfig):
    name = "journey.synthetic"
    label = "synthetic"
    verbose_name = "Synthetic authorities"
