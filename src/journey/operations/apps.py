from django.apps import AppConfig


class OperationsConfig(AppConfig):
    """Running Journey as a service: the health check, request ids and the structured logs."""

    name = "journey.operations"
    label = "operations"
    verbose_name = "Operations"
