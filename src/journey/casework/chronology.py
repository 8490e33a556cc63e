"""Casework's entries on a child's chronology: episodes, assessments, plans, visits, notes, calls and meetings, and
the steps of a transfer between teams and of a closure proposed and agreed.

Each provider takes a batch of child ids and reads plain rows (no model objects: a rebuild derives hundreds of
thousands of entries), so the materialised chronology can be rebuilt for a whole authority a batch at a time, and
refreshed for one child when a row changes."""
from datetime import timedelta

from django.utils import timezone

from journey.chronology.registry import Entry, as_aware, author, child_of, entry_key, label, link, register

from .codes import AbuseCategory, AssessmentDecision, ClosureReason, Decision, EpisodeKind, PlanKind
from .models import Allocation, Assessment, CaseNote, ClosureProposal, Episode, Plan, PlanVersion, Transfer, Visit, note_title


def opened_at(started_on, opened_at, referred_at):
    """When an episode began, as exactly as the record says, so that it sorts after what caused it: the moment of
    the referral that began it, if that was on the day it started; else the moment it was recorded, if on that day;
    else (a start recorded later, with an earlier date) the start of that day."""
    for moment in (referred_at, opened_at):
        if moment is not None and timezone.localdate(moment) == started_on:
            return moment
    return as_aware(started_on)


@register("episode", "Episode of help", sources={"casework.Episode": child_of, "frontdoor.Referral": child_of})
def episodes(child_ids):
    rows = Episode.objects.filter(child_id__in=child_ids).order_by().values_list(
        "pk", "child_id", "kind", "started_on", "ended_on", "closure_reason", "closure_note", "opened_by_id", "closed_by_id",
        "opened_at", "referral__referred_at",
    )
    for pk, child_id, kind, started_on, ended_on, closure_reason, closure_note, opened_by, closed_by, recorded, referred in rows:
        agency, name = author(opened_by)
        yield Entry(
            kind="episode", occurred_at=opened_at(started_on, recorded, referred), title=f"{label(EpisodeKind, kind)} episode opened",
            agency=agency, author=name, key=entry_key("episode", pk), child_id=child_id,
        )
        if ended_on:
            agency, name = author(closed_by or opened_by)
            reason = label(ClosureReason, closure_reason) if closure_reason else ""
            yield Entry(
                kind="episode", occurred_at=as_aware(ended_on), title=f"{label(EpisodeKind, kind)} episode closed",
                summary=" ".join(filter(None, [reason, closure_note])),
                agency=agency, author=name, key=entry_key("episode_closed", pk), child_id=child_id,
            )


AFTER_ITS_CAUSE = timedelta(seconds=1)


def _episode_child(allocation) -> list[int]:
    """An allocation belongs to its episode's child (none once a cascade has taken the episode)."""
    return list(Episode.objects.filter(pk=allocation.episode_id).values_list("child_id", flat=True))


@register("allocation", "Allocation", sources={"casework.Allocation": _episode_child})
def allocations(child_ids):
    """Who took the child on, in which team, and who allocated them: continuity of worker, read on the story.
    At the moment it was recorded if that was the day it began, else the start of that day; never before the
    episode it allocates opened (a second after it at the earliest), so the story reads cause then consequence."""
    rows = Allocation.objects.filter(episode__child_id__in=child_ids).order_by().values_list(
        "pk", "episode__child_id", "episode__kind", "started_on", "allocated_at", "allocated_by_id", "worker_id", "team__name",
        "episode__started_on", "episode__opened_at", "episode__referral__referred_at",
    )
    for pk, child_id, kind, started_on, allocated_at, allocated_by, worker, team, episode_start, recorded, referred in rows:
        moment = allocated_at if allocated_at is not None and timezone.localdate(allocated_at) == started_on else as_aware(started_on)
        moment = max(moment, opened_at(episode_start, recorded, referred) + AFTER_ITS_CAUSE)
        agency, name = author(allocated_by) if allocated_by else ("", "")
        _, worker_name = author(worker)
        yield Entry(
            kind="allocation", occurred_at=moment, title=f"Allocated to {worker_name} ({team})",
            summary=f"Lead practitioner for the {label(EpisodeKind, kind).lower()} episode from {started_on:%-d %B %Y}.",
            agency=agency, author=name, key=entry_key("allocation", pk), child_id=child_id,
        )


@register("assessment", "Assessment", sources={"casework.Assessment": child_of})
def assessments(child_ids):
    rows = Assessment.objects.filter(child_id__in=child_ids).order_by().values_list(
        "pk", "child_id", "started_on", "completed_on", "decision", "analysis", "author_id", "authorised_on", "authorised_by_id",
        "authorisation_reasons",
    )
    for pk, child_id, started_on, completed_on, decision, analysis, written_by, authorised_on, authorised_by, reasons in rows:
        agency, name = author(written_by)
        url = link("casework:assessment", child_id, pk)
        yield Entry(
            kind="assessment", occurred_at=as_aware(started_on), title="Assessment started",
            agency=agency, author=name, url=url, key=entry_key("assessment", pk), child_id=child_id,
        )
        if completed_on:
            decided = label(AssessmentDecision, decision) if decision else ""
            yield Entry(
                kind="assessment", occurred_at=as_aware(completed_on), title=f"Assessment completed: {decided}",
                summary=analysis, agency=agency, author=name, url=url, key=entry_key("assessment_completed", pk),
                child_id=child_id,
            )
        if authorised_on and authorised_by is not None:  # the manager's sign-off and why, in the manager's name
            manager_agency, manager = author(authorised_by)
            yield Entry(
                kind="assessment", occurred_at=as_aware(authorised_on), title="Assessment authorised", summary=reasons,
                agency=manager_agency, author=manager, url=url, key=entry_key("assessment_authorised", pk), child_id=child_id,
            )


def _plan_child(version) -> list[int]:
    """A plan version belongs to its plan's child."""
    return list(Plan.objects.filter(pk=version.plan_id).values_list("child_id", flat=True))


@register("plan", "Plan", sources={"casework.Plan": child_of, "casework.PlanVersion": _plan_child})
def plans(child_ids):
    """A plan's start, and each version of it as written with the family: the first written, then each review, at
    the moment it was saved, with the family's own comment (or what needs to change) and a link to that version."""
    rows = Plan.objects.filter(child_id__in=child_ids).order_by().values_list(
        "pk", "child_id", "kind", "category", "started_on", "what_needs_to_change", "author_id",
    )
    titles = {}
    for pk, child_id, kind, category, started_on, what_needs_to_change, written_by in rows:
        agency, name = author(written_by)
        titles[pk] = title = label(PlanKind, kind) + (f" ({label(AbuseCategory, category).lower()})" if category else "")
        yield Entry(
            kind="plan", occurred_at=as_aware(started_on), title=f"{title} started", summary=what_needs_to_change,
            agency=agency, author=name, url=link("casework:plan", child_id, pk), key=entry_key("plan", pk), child_id=child_id,
        )
    versions = PlanVersion.objects.filter(plan__child_id__in=child_ids).order_by().values_list(
        "pk", "plan_id", "plan__child_id", "number", "familys_comments", "what_needs_to_change", "written_by_id", "written_at",
    )
    for pk, plan_id, child_id, number, familys_comments, what_needs_to_change, written_by, written_at in versions:
        agency, name = author(written_by)
        done = "written" if number == 1 else f"reviewed (version {number})"
        yield Entry(
            kind="plan", occurred_at=written_at, title=f"{titles[plan_id]} {done}", summary=familys_comments or what_needs_to_change,
            agency=agency, author=name, url=link("casework:plan-version", child_id, plan_id, number),
            key=entry_key("plan_version", pk), child_id=child_id,
        )


@register("visit", "Visit", sources={"casework.Visit": child_of})
def visits(child_ids):
    rows = Visit.objects.filter(child_id__in=child_ids).order_by().values_list(
        "pk", "child_id", "visited_at", "child_seen", "child_seen_alone", "childs_words", "observations", "recorded_by_id",
    )
    for pk, child_id, visited_at, child_seen, child_seen_alone, childs_words, observations, recorded_by in rows:
        agency, name = author(recorded_by)
        seen = "Child seen alone" if child_seen_alone else ("Child seen" if child_seen else "Child not seen")
        yield Entry(
            kind="visit", occurred_at=visited_at, title=f"Visit: {seen.lower()}", summary=childs_words or observations,
            agency=agency, author=name, url=link("casework:visit", child_id, pk), key=entry_key("visit", pk),
            child_id=child_id,
        )


@register("case_note", "Case note, call or meeting", sources={"casework.CaseNote": child_of})
def case_notes(child_ids):
    """Notes, phone calls, emails, letters and meetings: one kind on the chronology, each titled with what it was
    ("Phone call from school nurse") and linked to its own page."""
    rows = CaseNote.objects.filter(child_id__in=child_ids).order_by().values_list(
        "pk", "child_id", "occurred_at", "kind", "direction", "with_whom", "subject", "text", "author_id",
    )
    for pk, child_id, occurred_at, kind, direction, with_whom, subject, text, written_by in rows:
        agency, name = author(written_by)
        yield Entry(
            kind="case_note", occurred_at=occurred_at, title=note_title(kind, direction, with_whom, subject), summary=text,
            agency=agency, author=name, url=link("casework:note", child_id, pk), key=entry_key("case_note", pk),
            child_id=child_id,
        )


@register("transfer", "Transfer between teams", sources={"casework.Transfer": child_of})
def transfers(child_ids):
    """A transfer proposed, then accepted or returned by the receiving team, each with who did it and why."""
    rows = Transfer.objects.filter(child_id__in=child_ids).order_by().values_list(
        "pk", "child_id", "episode__kind", "from_team__name", "to_team__name", "reason", "proposed_by_id", "proposed_at",
        "decision", "decided_by_id", "decided_at", "return_reason",
    )
    for pk, child_id, kind, from_team, to_team, reason, proposed_by, proposed_at, decision, decided_by, decided_at, returned_why in rows:
        url = link("casework:transfer", child_id, pk)
        agency, name = author(proposed_by)
        episode = label(EpisodeKind, kind).lower()
        yield Entry(
            kind="transfer", occurred_at=proposed_at, title=f"Transfer of the {episode} episode to {to_team} proposed",
            summary=reason, agency=agency, author=name, url=url, key=entry_key("transfer", pk), child_id=child_id,
        )
        if decision != Decision.PENDING and decided_at is not None:
            agency, name = author(decided_by) if decided_by else ("", "")
            title = (f"{to_team} accepted the {episode} episode from {from_team}" if decision == Decision.ACCEPTED
                     else f"{to_team} returned the transfer of the {episode} episode")
            yield Entry(
                kind="transfer", occurred_at=decided_at, title=title, summary=returned_why, agency=agency, author=name,
                url=url, key=entry_key("transfer_decided", pk), child_id=child_id,
            )


@register("closure", "Closure proposed and agreed", sources={"casework.ClosureProposal": child_of})
def closures(child_ids):
    """A worker's proposal to close an episode and the manager's answer. A manager's own closure in one step is the
    episode's "closed" entry alone."""
    rows = ClosureProposal.objects.filter(child_id__in=child_ids).order_by().values_list(
        "pk", "child_id", "episode__kind", "ended_on", "reason", "note", "proposed_by_id", "proposed_at", "decision",
        "decided_by_id", "decided_at", "return_reason", "agreed_reasons",
    )
    for (pk, child_id, kind, ended_on, reason, note, proposed_by, proposed_at, decision, decided_by, decided_at, returned_why,
         agreed_why) in rows:
        if decision == Decision.ACCEPTED and decided_by == proposed_by:
            continue
        url = link("casework:closure", child_id, pk)
        episode = label(EpisodeKind, kind).lower()
        agency, name = author(proposed_by)
        yield Entry(
            kind="closure", occurred_at=proposed_at, title=f"Closure of the {episode} episode proposed for {ended_on:%-d %B %Y}",
            summary=" ".join(filter(None, [label(ClosureReason, reason), note])), agency=agency, author=name, url=url,
            key=entry_key("closure", pk), child_id=child_id,
        )
        if decision != Decision.PENDING and decided_at is not None and decided_by is not None:
            agency, name = author(decided_by)
            agreed = decision == Decision.ACCEPTED
            yield Entry(
                kind="closure", occurred_at=decided_at,
                title=f"Closure of the {episode} episode {'agreed' if agreed else 'sent back'}", summary=agreed_why if agreed else returned_why,
                agency=agency, author=name, url=url, key=entry_key("closure_decided", pk), child_id=child_id,
            )
