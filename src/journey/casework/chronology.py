"""Casework's entries on a child's chronology: episodes, assessments, plans, visits and case notes."""
from django.urls import reverse

from journey.chronology.registry import Entry, as_aware, entry_key, register


def _who(user) -> tuple[str, str]:
    return str(user.agency), user.display_name


@register("episode", "Episode of help")
def episodes(child):
    for episode in child.episodes.select_related("opened_by__agency", "closed_by__agency"):
        agency, author = _who(episode.opened_by)
        yield Entry(
            kind="episode", occurred_at=as_aware(episode.started_on), title=f"{episode.get_kind_display()} episode opened",
            agency=agency, author=author, key=entry_key("episode", episode.pk),
        )
        if episode.ended_on:
            agency, author = _who(episode.closed_by or episode.opened_by)
            yield Entry(
                kind="episode", occurred_at=as_aware(episode.ended_on), title=f"{episode.get_kind_display()} episode closed",
                summary=" ".join(filter(None, [episode.get_closure_reason_display(), episode.closure_note])),
                agency=agency, author=author, key=entry_key("episode_closed", episode.pk),
            )


@register("assessment", "Assessment")
def assessments(child):
    for assessment in child.assessments.select_related("author__agency"):
        agency, author = _who(assessment.author)
        url = reverse("casework:assessment", args=[child.pk, assessment.pk])
        yield Entry(
            kind="assessment", occurred_at=as_aware(assessment.started_on), title="Assessment started",
            agency=agency, author=author, url=url, key=entry_key("assessment", assessment.pk),
        )
        if assessment.completed_on:
            yield Entry(
                kind="assessment", occurred_at=as_aware(assessment.completed_on),
                title=f"Assessment completed: {assessment.get_decision_display()}", summary=assessment.analysis,
                agency=agency, author=author, url=url, key=entry_key("assessment_completed", assessment.pk),
            )


@register("plan", "Plan")
def plans(child):
    for plan in child.plans.select_related("author__agency"):
        agency, author = _who(plan.author)
        title = plan.get_kind_display() + (f" ({plan.get_category_display().lower()})" if plan.category else "")
        yield Entry(
            kind="plan", occurred_at=as_aware(plan.started_on), title=f"{title} started",
            summary=plan.what_needs_to_change, agency=agency, author=author, key=entry_key("plan", plan.pk),
        )


@register("visit", "Visit")
def visits(child):
    for visit in child.visits.select_related("recorded_by__agency"):
        agency, author = _who(visit.recorded_by)
        seen = "Child seen alone" if visit.child_seen_alone else ("Child seen" if visit.child_seen else "Child not seen")
        yield Entry(
            kind="visit", occurred_at=visit.visited_at, title=f"Visit: {seen.lower()}",
            summary=visit.childs_words or visit.observations, agency=agency, author=author,
            url=reverse("casework:visit", args=[child.pk, visit.pk]), key=entry_key("visit", visit.pk),
        )


@register("case_note", "Case note")
def case_notes(child):
    for note in child.case_notes.select_related("author__agency"):
        agency, author = _who(note.author)
        yield Entry(
            kind="case_note", occurred_at=note.occurred_at, title=note.subject, summary=note.text,
            agency=agency, author=author, key=entry_key("case_note", note.pk),
        )
