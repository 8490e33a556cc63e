"""Supervision's entries on a child's chronology: each decision taken about the child in supervision, on the day of
the session, with its rationale, who is responsible and by when. Only decisions: the practitioner's reflections, and
above all their private feelings about the family, stay in the supervision record (decision record 0017)."""
from journey.chronology.registry import Entry, as_aware, author, entry_key, register

from .models import SupervisionDecision, SupervisionDiscussion


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
