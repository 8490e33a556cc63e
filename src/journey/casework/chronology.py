"""Casework's entries on a child's chronology: episodes, assessments, plans, visits and case notes.

Each provider takes a batch of child ids, so the materialised chronology can be rebuilt for a whole authority a
batch at a time, and refreshed for one child when a row changes."""
from journey.chronology.registry import Entry, as_aware, author, child_of, entry_key, link, register

from .models import Assessment, CaseNote, Episode, Plan, Visit


@register("episode", "Episode of help", sources={"casework.Episode": child_of})
def episodes(child_ids):
    for episode in Episode.objects.filter(child_id__in=child_ids):
        agency, name = author(episode.opened_by_id)
        yield Entry(
            kind="episode", occurred_at=as_aware(episode.started_on), title=f"{episode.get_kind_display()} episode opened",
            agency=agency, author=name, key=entry_key("episode", episode.pk), child_id=episode.child_id,
        )
        if episode.ended_on:
            agency, name = author(episode.closed_by_id or episode.opened_by_id)
            yield Entry(
                kind="episode", occurred_at=as_aware(episode.ended_on), title=f"{episode.get_kind_display()} episode closed",
                summary=" ".join(filter(None, [episode.get_closure_reason_display(), episode.closure_note])),
                agency=agency, author=name, key=entry_key("episode_closed", episode.pk), child_id=episode.child_id,
            )


@register("assessment", "Assessment", sources={"casework.Assessment": child_of})
def assessments(child_ids):
    for assessment in Assessment.objects.filter(child_id__in=child_ids).only(
        "child_id", "started_on", "completed_on", "decision", "analysis", "author_id",
    ):
        agency, name = author(assessment.author_id)
        url = link("casework:assessment", assessment.child_id, assessment.pk)
        yield Entry(
            kind="assessment", occurred_at=as_aware(assessment.started_on), title="Assessment started",
            agency=agency, author=name, url=url, key=entry_key("assessment", assessment.pk), child_id=assessment.child_id,
        )
        if assessment.completed_on:
            yield Entry(
                kind="assessment", occurred_at=as_aware(assessment.completed_on),
                title=f"Assessment completed: {assessment.get_decision_display()}", summary=assessment.analysis,
                agency=agency, author=name, url=url, key=entry_key("assessment_completed", assessment.pk),
                child_id=assessment.child_id,
            )


@register("plan", "Plan", sources={"casework.Plan": child_of})
def plans(child_ids):
    for plan in Plan.objects.filter(child_id__in=child_ids):
        agency, name = author(plan.author_id)
        title = plan.get_kind_display() + (f" ({plan.get_category_display().lower()})" if plan.category else "")
        yield Entry(
            kind="plan", occurred_at=as_aware(plan.started_on), title=f"{title} started",
            summary=plan.what_needs_to_change, agency=agency, author=name, key=entry_key("plan", plan.pk),
            child_id=plan.child_id,
        )


@register("visit", "Visit", sources={"casework.Visit": child_of})
def visits(child_ids):
    for visit in Visit.objects.filter(child_id__in=child_ids).only(
        "child_id", "visited_at", "child_seen", "child_seen_alone", "childs_words", "observations", "recorded_by_id",
    ):
        agency, name = author(visit.recorded_by_id)
        seen = "Child seen alone" if visit.child_seen_alone else ("Child seen" if visit.child_seen else "Child not seen")
        yield Entry(
            kind="visit", occurred_at=visit.visited_at, title=f"Visit: {seen.lower()}",
            summary=visit.childs_words or visit.observations, agency=agency, author=name,
            url=link("casework:visit", visit.child_id, visit.pk), key=entry_key("visit", visit.pk),
            child_id=visit.child_id,
        )


@register("case_note", "Case note", sources={"casework.CaseNote": child_of})
def case_notes(child_ids):
    for note in CaseNote.objects.filter(child_id__in=child_ids):
        agency, name = author(note.author_id)
        yield Entry(
            kind="case_note", occurred_at=note.occurred_at, title=note.subject, summary=note.text,
            agency=agency, author=name, key=entry_key("case_note", note.pk), child_id=note.child_id,
        )
