from django.apps import AppConfig


class DocumentsConfig(AppConfig):
    """Letters, reports and photos attached to an entry of a child's record (a note, a visit...): which entries take
    them is registered by the apps that own those entries (``documents.registry.attachable``)."""

    name = "journey.documents"
    label = "documents"
    verbose_name = "Documents"

    def ready(self) -> None:
        from . import chronology  # noqa: F401  registers "document attached" on the chronology
