"""Feedback on a child's chronology: one entry per feedback, compliment or complaint, on the day it was received
(decision record 0019).

The title says what it is and from whom, then its themes ("Complaint from a parent or carer: communication, being
kept informed"), so that a reader scanning the story sees a complaint as a complaint; the summary is what they said,
in their words; the details say what it was about, how it came (recorded by a worker, or through the family's
link), and for a compliment or complaint the response and, for a complaint, the outcome, so the chronology shows it
was answered."""
from journey.chronology.registry import Entry, as_aware, author, child_of, entry_key, label, link, register

from .models import Feedback, FeedbackTheme, Kind, Outcome, Source, Theme

FAMILY_LINK = "Given by the family through a feedback link"


def _theme_child(row) -> list[int]:
    """A theme belongs to its feedback's child (none once a cascade has taken the feedback)."""
    return list(Feedback.objects.filter(pk=row.feedback_id).values_list("child_id", flat=True))


def title(kind: str, source: str, themes: list[str]) -> str:
    text = f"{label(Kind, kind)} from {label(Source, source)[0].lower()}{label(Source, source)[1:]}"
    return f"{text}: {', '.join(label(Theme, t).lower() for t in themes)}" if themes else text


@register("feedback", "Feedback, compliment or complaint", sources={"feedback.Feedback": child_of, "feedback.FeedbackTheme": _theme_child})
def feedback_entries(child_ids):
    rows = Feedback.objects.filter(child_id__in=child_ids).select_related("visit", "plan", "conference", "episode")
    themes: dict[int, list[str]] = {}
    for feedback_id, theme in FeedbackTheme.objects.filter(feedback__child_id__in=child_ids).order_by("feedback_id", "theme").values_list("feedback_id", "theme"):
        themes.setdefault(feedback_id, []).append(theme)
    for row in rows:
        agency, name = author(row.recorded_by_id) if row.recorded_by_id else ("", "")
        details = [("About", row.about_text()), ("How it came", FAMILY_LINK if row.link_id else "Recorded by a worker")]
        if row.responded_on is not None:
            details += [("Response", row.response), ("Responded by", author(row.responded_by_id)[1]), ("Responded on", f"{row.responded_on:%-d %B %Y}")]
        if row.kind == Kind.COMPLAINT:
            details.append(("Outcome", label(Outcome, row.outcome) if row.outcome else "No outcome yet"))
            details.append(("Status", f"Closed on {row.closed_on:%-d %B %Y}" if row.closed_on else "Open"))
        yield Entry(
            kind="feedback", occurred_at=as_aware(row.received_on), title=title(row.kind, row.source, themes.get(row.pk, [])),
            summary=row.said, agency=agency, author=name or FAMILY_LINK, url=link("feedback:feedback", row.child_id, row.pk),
            key=entry_key("feedback", row.pk), details=tuple(details), child_id=row.child_id,
        )
