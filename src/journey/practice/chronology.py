"""Practice's entries on a child's chronology: each decision taken about the child in supervision, on the day of
the session, with its rationale, who is responsible and by when. Only decisions: the practitioner's reflections, and
above all their private feelings about the family, stay in the supervision record (decision record 0017). And each
entry about the child at a social work unit's weekly meeting (decision record 0018)."""
from journey.chronology.registry import Entry, as_aware, author, child_of, entry_key, register

from .models import SupervisionDecision, SupervisionDiscussion, UnitMeetingEntry


def _decision_child(decision) -> list[int]:
    """A decision belongs to its discussion's child (none once a cascade has taken the discussion)."""
    return list(SupervisionDiscussion.objects.filter(pk=decision.discussion_id).values_list("child_id", flat=True))


def _discussion_child(discussion) -> list[int]:
    return [discussion.child_id]


@register("supervision_decision", "Supervision decision", sources={
    "practice.SupervisionDecision": _decision_child, "practice.SupervisionDiscussion": _discussion_child,
})
def supervision_decisions(child_ids):
    rows = SupervisionDecision.objects.filter(discussion__child_id__in=child_ids).order_by().values_list(
        "pk", "discussion__child_id", "discussion__session__held_on", "discussion__session__recorded_by_id",
        "decision", "rationale", "responsible_id", "by_when",
    )
    for pk, child_id, held_on, recorded_by, decision, rationale, responsible, by_when in rows:
        agency, name = author(recorded_by)
        details = [("Responsible", author(responsible)[1])]
        if by_when is not None:
            details.append(("By when", f"{by_when:%-d %B %Y}"))
        yield Entry(
            kind="supervision_decision", occurred_at=as_aware(held_on), title=f"Supervision decision: {decision}",
            summary=rationale, agency=agency, author=name, key=entry_key("supervision_decision", pk),
            details=tuple(details), child_id=child_id,
        )


def _meeting_children(meeting) -> list[int]:
    """A meeting feeds the entries of every child discussed at it (its date and recorder are on each)."""
    return list(UnitMeetingEntry.objects.filter(meeting_id=meeting.pk).values_list("child_id", flat=True))


@register("unit_meeting", "Unit meeting", sources={"practice.UnitMeetingEntry": child_of, "practice.UnitMeeting": _meeting_children})
def unit_meeting_entries(child_ids):
    """Each child's entry at a unit's weekly meeting, on the day it met: what was discussed, what was agreed, who
    will do it and by when (decision record 0018)."""
    rows = UnitMeetingEntry.objects.filter(child_id__in=child_ids).order_by().values_list(
        "pk", "child_id", "meeting__held_on", "meeting__recorded_by_id", "meeting__unit__name", "discussed", "agreed", "responsible_id", "by_when",
    )
    for pk, child_id, held_on, recorded_by, unit, discussed, agreed, responsible, by_when in rows:
        agency, name = author(recorded_by)
        details = [("Unit", unit)]
        if agreed:
            details.append(("Agreed", agreed))
        if responsible is not None:
            details.append(("Who will do it", author(responsible)[1]))
        if by_when is not None:
            details.append(("By when", f"{by_when:%-d %B %Y}"))
        yield Entry(
            kind="unit_meeting", occurred_at=as_aware(held_on), title=f"Discussed at the unit meeting ({unit})", summary=discussed,
            agency=agency, author=name, key=entry_key("unit_meeting", pk), details=tuple(details), child_id=child_id,
        )
