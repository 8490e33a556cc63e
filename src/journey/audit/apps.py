from django.apps import AppConfig


class AuditConfig(AppConfig):
    name = "journey.audit"
    label = "audit"
    verbose_name = "Audit log"
