from django.apps import AppConfig


class LearningConfig(AppConfig):
    """How the system learns from its own work: case audits against a framework, systems case reviews in the SCIE
    "Learning Together" way, and the recommendations that come out of them, tracked to their outcome (issue 15)."""

    name = "journey.learning"
    label = "learning"
    verbose_name = "Learning"

    def ready(self) -> None:
        from . import (
            audit_chronology,  # noqa: F401  registers case audits on the child's chronology
            audit_involvement,  # noqa: F401  gives a round's auditors its sample while the grant lasts
            review_chronology,  # noqa: F401  registers a case review's existence on the child's chronology
        )
