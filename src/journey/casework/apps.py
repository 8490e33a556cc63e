from django.apps import AppConfig


class CaseworkConfig(AppConfig):
    name = "journey.casework"
    label = "casework"
    verbose_name = "Casework"

    def ready(self) -> None:
        from django.utils import timezone

        from journey.documents.registry import attachable

        from . import (
            chronology,  # noqa: F401  registers episodes, assessments and visits on the chronology
            involvement,  # noqa: F401  registers how it involves users with a child (journey.access.involvement)
        )

        # Documents (letters, reports, photos) may be attached to notes of every kind, visits and plans.
        attachable("casework.CaseNote", label="note", page="casework:note", describe=lambda note: note.title)
        attachable("casework.Visit", label="visit", page="casework:visit", describe=lambda visit: f"Visit on {timezone.localtime(visit.visited_at):%-d %B %Y}")
        attachable("casework.Plan", label="plan", page="casework:plan", describe=lambda plan: f"{plan.get_kind_display()} from {plan.started_on:%-d %B %Y}")
