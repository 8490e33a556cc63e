from django.apps import AppConfig


class AuditConfig(AppConfig):
    name = "journey.audit"
    label = "audit"
    verbose_name = "Audit log"

    def ready(self) -> None:
        from django.db.backends.signals import connection_created

        from . import changes, sign_ins, triggers

        changes.connect()
        sign_ins.connect()
        connection_created.connect(triggers.prepare_sqlite_connection, dispatch_uid="journey.audit:sqlite")
