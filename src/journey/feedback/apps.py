from django.apps import AppConfig


class FeedbackConfig(AppConfig):
    """Feedback that is heard: what children, families, partner agencies and practitioners say about the work with a
    child (feedback, compliments and complaints with their response and outcome), recorded by staff or given by a
    family through a single-use link, on the child's chronology and summarised by theme for a team (decision
    record 0019)."""

    name = "journey.feedback"
    label = "feedback"
    verbose_name = "Feedback"

    def ready(self) -> None:
        from . import chronology  # noqa: F401  registers feedback on the child's chronology
