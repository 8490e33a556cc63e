"""Child protection's entries on a child's chronology: each strategy discussion at the time it was held, with its
decision and who took part by agency; each section 47 enquiry's start and its completion with the outcome; each
conference at the time it began, with its decision, the plan's category and who chaired (the minutes a link away);
each core group meeting at the time it began, titled by the agencies that came."""
from datetime import datetime

from django.utils import timezone

from journey.chronology.registry import Entry, as_aware, author, child_of, entry_key, label, link, register
from journey.codelists import lookup

from .codes import CATEGORY_LIST, EXPECTED_AGENCIES, ConferenceDecision, ConferenceKind, StrategyDecision
from .models import (
    ChildProtectionConference,
    ConferenceAttendee,
    ConferenceReport,
    CoreGroupMeeting,
    CoreGroupMember,
    Section47Enquiry,
    StrategyDiscussion,
    StrategyParticipant,
)


def _discussion_child(participant) -> list[int]:
    """A participant belongs to its discussion's child (none once a cascade has taken the discussion)."""
    return list(StrategyDiscussion.objects.filter(pk=participant.discussion_id).values_list("child_id", flat=True))


@register("strategy_discussion", "Strategy discussion", sources={
    "protection.StrategyDiscussion": child_of, "protection.StrategyParticipant": _discussion_child,
})
def discussions(child_ids):
    taking_part: dict[int, dict[str, list[str]]] = {}
    kinds: dict[int, set[str]] = {}
    for discussion_id, agency, kind, apologies in StrategyParticipant.objects.filter(
        discussion__child_id__in=child_ids,
    ).order_by("id").values_list("discussion_id", "agency__name", "agency__kind", "sent_apologies"):
        if not apologies:
            taking_part.setdefault(discussion_id, {}).setdefault(agency, [])
            kinds.setdefault(discussion_id, set()).add(kind)
    rows = StrategyDiscussion.objects.filter(child_id__in=child_ids).order_by().values_list(
        "pk", "child_id", "held_at", "decision", "reasons", "previous_id", "recorded_by_id",
    )
    for pk, child_id, held_at, decision, reasons, previous, recorded_by in rows:
        agency, name = author(recorded_by)
        agencies = ", ".join(sorted(taking_part.get(pk, {})))
        missing = [k.label.lower() for k in EXPECTED_AGENCIES if k not in kinds.get(pk, set())]
        details = [("Agencies taking part", agencies or "None recorded")]
        if missing:
            details.append(("Not taking part", f"No one from {' or '.join(missing)} took part"))
        yield Entry(
            kind="strategy_discussion", occurred_at=held_at,
            title=f"{'Further strategy' if previous else 'Strategy'} discussion: {label(StrategyDecision, decision).lower()}",
            summary=reasons, agency=agency, author=name, url=link("protection:discussion", child_id, pk),
            key=entry_key("strategy_discussion", pk), details=tuple(details), child_id=child_id,
        )


def _yes_no(answer: bool | None, yes: str, no: str) -> str:
    return yes if answer else no


@register("section_47", "Section 47 enquiry", sources={"protection.Section47Enquiry": child_of})
def enquiries(child_ids):
    rows = Section47Enquiry.objects.filter(child_id__in=child_ids).order_by().values_list(
        "pk", "child_id", "started_on", "recorded_at", "recorded_by_id", "completed_on", "completed_at", "completed_by_id",
        "concerns_substantiated", "continuing_risk", "conference_needed", "outcome_reasons",
    )
    for (pk, child_id, started_on, recorded_at, recorded_by, completed_on, completed_at, completed_by,
         substantiated, continuing, conference, reasons) in rows:
        url = link("protection:enquiry", child_id, pk)
        agency, name = author(recorded_by)
        yield Entry(
            kind="section_47", occurred_at=_on_the_day(started_on, recorded_at), title="Section 47 enquiry started",
            agency=agency, author=name, url=url, key=entry_key("section_47", pk), child_id=child_id,
        )
        if completed_on is not None and completed_by is not None:
            agency, name = author(completed_by)
            outcome = "; ".join([
                _yes_no(substantiated, "concerns substantiated", "concerns not substantiated"),
                _yes_no(continuing, "at continuing risk of significant harm", "not at continuing risk of significant harm"),
                _yes_no(conference, "initial conference needed", "no initial conference"),
            ])
            yield Entry(
                kind="section_47", occurred_at=_on_the_day(completed_on, completed_at), title=f"Section 47 enquiry completed: {outcome}",
                summary=reasons, agency=agency, author=name, url=url, key=entry_key("section_47_completed", pk), child_id=child_id,
            )


def _on_the_day(day, recorded_at):
    """The moment it was recorded, if that was on the day it says; else the start of that day."""
    if recorded_at is not None and timezone.localdate(recorded_at) == day:
        return recorded_at
    return as_aware(day)


def _meeting_child(member) -> list[int]:
    """A core group member belongs to its meeting's child (none once a cascade has taken the meeting)."""
    return list(CoreGroupMeeting.objects.filter(pk=member.meeting_id).values_list("child_id", flat=True))


@register("core_group", "Core group meeting", sources={"protection.CoreGroupMeeting": child_of, "protection.CoreGroupMember": _meeting_child})
def core_group_meetings(child_ids):
    """Each core group meeting at the time it began, titled by the agencies that came (the family among them), with
    what has changed against the plan as its summary; the decisions a link away."""
    came: dict[int, set[str]] = {}
    for meeting_id, agency in CoreGroupMember.objects.filter(
        meeting__child_id__in=child_ids, sent_apologies=False,
    ).values_list("meeting_id", "agency__name"):
        came.setdefault(meeting_id, set()).add(agency)
    rows = CoreGroupMeeting.objects.filter(child_id__in=child_ids).order_by().values_list(
        "pk", "child_id", "held_on", "starts_at", "progress", "recorded_by_id",
    )
    for pk, child_id, held_on, starts_at, progress, recorded_by in rows:
        agency, name = author(recorded_by)
        agencies = ", ".join(sorted(came.get(pk, set()), key=str.lower))
        yield Entry(
            kind="core_group", occurred_at=timezone.make_aware(datetime.combine(held_on, starts_at)),
            title=f"Core group meeting: {agencies.lower() or 'no one recorded as coming'}", summary=progress, agency=agency, author=name,
            url=link("protection:core-group", child_id, pk), key=entry_key("core_group", pk), child_id=child_id,
        )


def _conference_child(attendee) -> list[int]:
    """An attendee belongs to its conference's child (none once a cascade has taken the conference)."""
    return list(ChildProtectionConference.objects.filter(pk=attendee.conference_id).values_list("child_id", flat=True))


@register("conference", "Child protection conference", sources={
    "protection.ChildProtectionConference": child_of, "protection.ConferenceAttendee": _conference_child,
})
def conferences(child_ids):
    attending: dict[int, set[str]] = {}
    for conference_id, agency in ConferenceAttendee.objects.filter(
        conference__child_id__in=child_ids, sent_apologies=False,
    ).values_list("conference_id", "agency__name"):
        attending.setdefault(conference_id, set()).add(agency)
    rows = ChildProtectionConference.objects.filter(child_id__in=child_ids).order_by().values_list(
        "pk", "child_id", "kind", "held_on", "starts_at", "decision", "category", "reasons", "chair_id", "recorded_by_id",
    )
    for pk, child_id, kind, held_on, starts_at, decision, category, reasons, chair, recorded_by in rows:
        agency, name = author(recorded_by)
        outcome = label(ConferenceDecision, decision).lower()
        if category:
            outcome += f" ({lookup.label(CATEGORY_LIST, category).lower()})"
        details = (("Chaired by", author(chair)[1]), ("Agencies attending", ", ".join(sorted(attending.get(pk, set()))) or "None recorded"))
        yield Entry(
            kind="conference", occurred_at=timezone.make_aware(datetime.combine(held_on, starts_at)),
            title=f"{label(ConferenceKind, kind)}: {outcome}", summary=reasons, agency=agency, author=name,
            url=link("protection:conference", child_id, pk), key=entry_key("conference", pk),
            details=details, child_id=child_id,
        )


@register("conference_report", "Report for a conference", sources={"protection.ConferenceReport": child_of})
def conference_reports(child_ids):
    """Each partner's report at the moment it was sent, under its own agency and author: the chronology tells who
    knew what, and when."""
    rows = ConferenceReport.objects.filter(child_id__in=child_ids).order_by().values_list(
        "pk", "child_id", "enquiry_id", "submitted_at", "worries", "author_id",
    )
    for pk, child_id, enquiry_id, submitted_at, worries, author_id in rows:
        agency, name = author(author_id)
        kind = "initial" if enquiry_id else "review"
        yield Entry(
            kind="conference_report", occurred_at=submitted_at, title=f"Report for the {kind} child protection conference from {agency}",
            summary=worries, agency=agency, author=name, url=link("protection:report", child_id, pk), key=entry_key("conference_report", pk),
            child_id=child_id,
        )
