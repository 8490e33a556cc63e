from django.apps import AppConfig


class PracticeConfig(AppConfig):
    """Practice and learning: reflective supervision of practitioners by their managers, the decisions it takes about
    each child landing on the child's chronology (decision record 0017)."""

    name = "journey.practice"
    label = "practice"
    verbose_name = "Practice and learning"

    def ready(self) -> None:
        from . import chronology  # noqa: F401  registers supervision decisions on the child's chronology
