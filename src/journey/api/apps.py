from django.apps import AppConfig


class ApiConfig(AppConfig):
    name = "journey.api"
    label = "api"
    verbose_name = "API for partner systems"
