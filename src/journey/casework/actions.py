"""Casework state changes: episodes, allocation, assessments and their 'by when' dates, visits and notes.

Each action is an ``@audited_action``: atomic, logged as its keyword-only ``acting_user``, validating the rule it
guards with a message naming the field. Rows are saved one by one (never ``QuerySet.update()``), so that ending an
allocation is in the audit log like any other change.
"""
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import TYPE_CHECKING

from django.core.exceptions import ValidationError
from django.utils import timezone

from journey.accounts.models import TeamKind
from journey.audit.context import audited_action
from journey.lib.dates import today

from . import census, queries, rules
from .codes import Decision, Direction, EpisodeKind, NoteKind, closure_reasons_for
from .models import Allocation, Assessment, ByWhen, CaseNote, ClosureProposal, Episode, HouseholdVisit, MeetingAttendee, Transfer, Visit

if TYPE_CHECKING:
    from journey.people.models import Child


@audited_action
def open_episode(
    child, kind: str, *, started_on: date, acting_user, referral=None, worker=None, team=None,
) -> Episode:
    if kind not in EpisodeKind.values:
        raise ValidationError({"kind": "Select the kind of episode"})
    if started_on > today():
        raise ValidationError({"started_on": "Start date must be today or in the past"})
    if child.episodes.filter(kind=kind, ended_on__isnull=True).exists():
        raise ValidationError({"kind": f"{EpisodeKind(kind).label} is already open for this child: close it first or continue it"})
    team = team or (worker.team if worker is not None else None)
    episode = Episode.objects.create(
        child=child, kind=kind, started_on=started_on, referral=referral, opened_by=acting_user, team=team
    )
    if worker is not None:
        _hand_on(episode, worker=worker, team=team, started_on=started_on, allocated_by=acting_user)
    return episode


def _closure_errors(episode: Episode, *, ended_on: date, reason: str) -> dict[str, str]:
    """What is wrong with closing ``episode`` on ``ended_on`` for ``reason``, each message keyed by its field."""
    errors = {}
    if reason not in closure_reasons_for(episode.kind):
        errors["reason"] = "Select the reason the episode is closing"
    elif refused := census.closing_after_assessment_refusal(episode, reason):
        errors["reason"] = refused
    held = list(episode.allocations.filter(ended_on__isnull=True))
    if ended_on < episode.started_on:
        errors["ended_on"] = f"End date must be on or after the start date ({episode.started_on:%-d %B %Y})"
    elif ended_on > today():
        errors["ended_on"] = "End date must be today or in the past"
    elif latest := max((a.started_on for a in held if a.started_on > ended_on), default=None):
        errors["ended_on"] = f"End date must be on or after the current allocation began ({latest:%-d %B %Y})"
    return errors


def _close(episode: Episode, *, ended_on: date, reason: str, note: str, closed_by) -> Episode:
    episode.ended_on = ended_on
    episode.closure_reason = reason
    episode.closure_note = note.strip()
    episode.closed_by = closed_by
    episode.save()
    for allocation in episode.allocations.filter(ended_on__isnull=True):  # the worker hands the child on the day the episode closes
        allocation.ended_on = ended_on
        allocation.save(update_fields=["ended_on"])
    for transfer in episode.transfers.pending():  # a closed episode moves nowhere: the receiving team is answered
        transfer.decision = Decision.RETURNED
        transfer.decided_at = timezone.now()
        transfer.return_reason = "The episode closed before the transfer was answered"
        transfer.save()
    return episode


@audited_action
def close_episode(episode: Episode, *, ended_on: date, reason: str, acting_user, note: str = "") -> Episode:
    """A manager of the child closes the episode: they agree their own proposal in one step, so the closure's
    history is the same as when a worker proposes and the manager agrees. Others propose (``propose_closure``)."""
    if refusal := rules.closure_refusal(acting_user, episode):
        raise ValidationError(refusal)
    if errors := _closure_errors(episode, ended_on=ended_on, reason=reason):
        raise ValidationError(errors)
    for waiting in episode.closure_proposals.pending():  # the manager's own closure answers any proposal waiting
        waiting.decision = Decision.RETURNED
        waiting.decided_by = acting_user
        waiting.decided_at = timezone.now()
        waiting.return_reason = "Closed directly by a manager"
        waiting.save()
    now = timezone.now()
    ClosureProposal.objects.create(
        episode=episode, child_id=episode.child_id, ended_on=ended_on, reason=reason, note=note.strip(), proposed_by=acting_user,
        proposed_at=now, decision=Decision.ACCEPTED, decided_by=acting_user, decided_at=now,
    )
    return _close(episode, ended_on=ended_on, reason=reason, note=note, closed_by=acting_user)


@audited_action
def propose_closure(episode: Episode, *, ended_on: date, reason: str, acting_user, note: str = "") -> ClosureProposal:
    """The worker proposes closing the episode, with the date and the reason; the manager line agrees or sends it
    back (``agree_closure``, ``send_back_closure``). The episode stays open meanwhile."""
    if refusal := rules.closure_proposal_refusal(acting_user, episode):
        raise ValidationError(refusal)
    if errors := _closure_errors(episode, ended_on=ended_on, reason=reason):
        raise ValidationError(errors)
    return ClosureProposal.objects.create(
        episode=episode, child_id=episode.child_id, ended_on=ended_on, reason=reason, note=note.strip(), proposed_by=acting_user,
    )


@audited_action
def agree_closure(proposal: ClosureProposal, *, reasons: str, acting_user) -> Episode:
    """A manager of the child agrees the proposal, with their reasons: the episode closes on the proposed date,
    closed by the manager. The reasons are required because agreeing is a supervisory judgement that a later reader
    (or the family) needs to see, as much as sending back is. The date is checked again: the work may have moved on
    since it was proposed."""
    if refusal := rules.closure_decision_refusal(acting_user, proposal):
        raise ValidationError(refusal)
    if not reasons.strip():
        raise ValidationError({"agreed_reasons": "Enter your reasons for agreeing the closure"})
    episode = proposal.episode
    if errors := _closure_errors(episode, ended_on=proposal.ended_on, reason=proposal.reason):
        raise ValidationError(" ".join(message for message in errors.values()) + ": send the closure back to be proposed again")
    proposal.decision = Decision.ACCEPTED
    proposal.decided_by = acting_user
    proposal.decided_at = timezone.now()
    proposal.agreed_reasons = reasons.strip()
    proposal.full_clean()
    proposal.save()
    return _close(episode, ended_on=proposal.ended_on, reason=proposal.reason, note=proposal.note, closed_by=acting_user)


@audited_action
def send_back_closure(proposal: ClosureProposal, *, reason: str, acting_user) -> ClosureProposal:
    """The manager line does not agree the closure yet, and says why; the episode stays open."""
    if refusal := rules.closure_decision_refusal(acting_user, proposal):
        raise ValidationError(refusal)
    return _send_back(proposal, reason=reason, acting_user=acting_user, missing="Enter why the closure is being sent back")


@audited_action
def propose_transfer(episode: Episode, *, to_team, reason: str, acting_user) -> Transfer:
    """A manager of the team holding the episode asks another team to take it, saying why. Nothing moves until the
    receiving team's manager accepts (``accept_transfer``); meanwhile they may open the child's record."""
    if refusal := rules.transfer_refusal(acting_user, episode):
        raise ValidationError(refusal)
    from_team_id = rules.episode_team_id(episode)
    errors = {}
    if to_team is None or to_team.kind in (TeamKind.SERVICE, TeamKind.FRONT_DOOR) or not to_team.agency.is_local_authority:
        errors["to_team"] = "Select a team of the local authority that holds children's work"
    elif to_team.pk == from_team_id:
        errors["to_team"] = "Select a team other than the one holding the episode now"
    elif to_team.manager_id is None and not any(area.manager_id for area in to_team.ancestors()):
        errors["to_team"] = f"Nobody manages {to_team.name} to accept the transfer: choose another team"
    if not reason.strip():
        errors["reason"] = "Enter why the episode should move to that team"
    if errors:
        raise ValidationError(errors)
    transfer = Transfer(
        episode=episode, child_id=episode.child_id, from_team_id=from_team_id, to_team=to_team, reason=reason.strip(),  # type: ignore[misc]
        proposed_by=acting_user,
    )
    transfer.full_clean()
    transfer.save()
    return transfer


@audited_action
def accept_transfer(transfer: Transfer, *, acting_user) -> Transfer:
    """The receiving manager takes the episode: it moves to their team, its worker hands it on today, and it waits
    in their team's queue for them to allocate."""
    if refusal := rules.transfer_decision_refusal(acting_user, transfer):
        raise ValidationError(refusal)
    episode = transfer.episode
    for allocation in episode.allocations.filter(ended_on__isnull=True):
        allocation.ended_on = max(today(), allocation.started_on)
        allocation.save(update_fields=["ended_on"])
    episode.team_id = transfer.to_team_id
    episode.save(update_fields=["team"])
    transfer.decision = Decision.ACCEPTED
    transfer.decided_by = acting_user
    transfer.decided_at = timezone.now()
    transfer.save()
    return transfer


@audited_action
def return_transfer(transfer: Transfer, *, reason: str, acting_user) -> Transfer:
    """The receiving manager does not take the episode, and says why: nothing moves, and the sender sees the reason."""
    if refusal := rules.transfer_decision_refusal(acting_user, transfer):
        raise ValidationError(refusal)
    return _send_back(transfer, reason=reason, acting_user=acting_user, missing="Enter why the transfer is being returned")


def _send_back(proposal, *, reason: str, acting_user, missing: str):
    """A "not yet" to a proposal (a closure or a transfer): nothing moves, and the proposer sees the reason."""
    if not reason.strip():
        raise ValidationError({"return_reason": missing})
    proposal.decision = Decision.RETURNED
    proposal.decided_by = acting_user
    proposal.decided_at = timezone.now()
    proposal.return_reason = reason.strip()
    proposal.full_clean()
    proposal.save()
    return proposal


@audited_action
def allocate(episode: Episode, *, worker, team, started_on: date, acting_user) -> Allocation:
    """Give the episode a lead practitioner; whoever held it before hands it on that day. Allocating is the work
    of the child's manager line (``casework.rules.can_allocate``); the page asks the same rule."""
    if refusal := rules.allocation_refusal(acting_user, episode):
        raise ValidationError(refusal)
    if refusal := rules.worker_refusal(acting_user, worker):
        raise ValidationError({"worker": refusal})
    return _hand_on(episode, worker=worker, team=team, started_on=started_on, allocated_by=acting_user)


def _hand_on(episode: Episode, *, worker, team, started_on: date, allocated_by) -> Allocation:
    """The lead practitioner changes: the one who held the episode hands it on that day. Opening an episode with a
    worker does this too, as part of recording who has held the episode from its start."""
    if not episode.is_open:
        raise ValidationError("A closed episode cannot be allocated")
    if started_on < episode.started_on:
        raise ValidationError({"started_on": "Allocation cannot start before the episode started"})
    if not worker.is_active or not worker.is_local_authority_staff:
        raise ValidationError({"worker": "Choose an active practitioner in the local authority"})
    if started_on > today():
        raise ValidationError({"started_on": "Allocation date must be today or in the past"})
    held = list(episode.allocations.filter(ended_on__isnull=True))
    for previous in held:
        if started_on < previous.started_on:
            raise ValidationError({"started_on": (
                f"Allocation must start on or after the current allocation began ({previous.started_on:%-d %B %Y}): "
                "one worker hands on to the next"
            )})
    for previous in held:
        previous.ended_on = started_on
        previous.save(update_fields=["ended_on"])
    if episode.team_id != team.pk:
        episode.team = team
        episode.save(update_fields=["team"])
    return Allocation.objects.create(
        episode=episode, worker=worker, team=team, started_on=started_on, allocated_by=allocated_by, allocated_at=timezone.now(),
    )


@audited_action
def start_assessment(episode: Episode, *, acting_user, started_on: date, due_on: date, due_reason: str) -> Assessment:
    """Begin a single assessment with a 'by when' date set for this child, and the reason for it."""
    if not episode.is_open:
        raise ValidationError("An assessment can only be started in an open episode")
    errors = {}
    if started_on < episode.started_on:
        errors["started_on"] = "Assessment cannot start before the episode started"
    elif started_on > today():
        errors["started_on"] = "Start date must be today or in the past"
    if due_on < started_on:
        errors["due_on"] = "'By when' date must be on or after the start date"
    if not due_reason.strip():
        errors["due_reason"] = "Enter why this 'by when' date is right for this child"
    if errors:
        raise ValidationError(errors)
    assessment = Assessment.objects.create(child=episode.child, episode=episode, started_on=started_on, author=acting_user)
    ByWhen.objects.create(assessment=assessment, due_on=due_on, reason=due_reason.strip(), set_by=acting_user)
    return assessment


@audited_action
def change_by_when(assessment: Assessment, *, due_on: date, reason: str, acting_user) -> ByWhen:
    """Move the 'by when' date. The old date and its reason stay in the history."""
    if assessment.is_complete:
        raise ValidationError("This assessment is complete, so its 'by when' date can no longer change")
    errors = {}
    if due_on < assessment.started_on:
        errors["due_on"] = "'By when' date must be on or after the assessment started"
    if not reason.strip():
        errors["reason"] = "Enter why the 'by when' date is changing"
    if errors:
        raise ValidationError(errors)
    return ByWhen.objects.create(assessment=assessment, due_on=due_on, reason=reason.strip(), set_by=acting_user)


ASSESSMENT_TEXT_FIELDS = (
    "developmental_needs_strengths", "developmental_needs_worries", "parenting_capacity_strengths",
    "parenting_capacity_worries", "family_environment_strengths", "family_environment_worries",
    "childs_views", "analysis",
)


@audited_action
def save_assessment(
    assessment: Assessment, *, acting_user, complete: bool, completed_on: date | None = None, decision: str = "",
    primary_need: str = "", factors: Sequence[str] = (), **texts: str,
) -> Assessment:
    """Save the practitioner's writing; completing needs an analysis, a decision and at least one strength, and a
    primary need when the decision finds the child in need. The census codes are checked against the lists valid
    on the completion day (``census.assessment_refusals``)."""
    if assessment.is_complete:
        raise ValidationError("This assessment is complete and can no longer be changed")
    for name in ASSESSMENT_TEXT_FIELDS:
        if name in texts:
            setattr(assessment, name, texts[name].strip())
    assessment.decision = decision
    assessment.primary_need = primary_need
    assessment.factors = list(dict.fromkeys(factors))
    on = (completed_on or today()) if complete else today()
    census_errors = census.assessment_refusals(
        decision=decision, primary_need=primary_need, factors=assessment.factors, on=on, completing=complete,
    )
    if census_errors and not complete:
        raise ValidationError(census_errors)
    if complete:
        errors = dict(census_errors)
        if not assessment.analysis:
            errors["analysis"] = "Enter your analysis before completing the assessment"
        if not decision:
            errors["decision"] = "Select the decision before completing the assessment"
        if not any(getattr(assessment, f) for f in ASSESSMENT_TEXT_FIELDS if f.endswith("_strengths")):
            errors["developmental_needs_strengths"] = "Record at least one strength: assessments build on what is going well"
        completed_on = completed_on or today()
        if completed_on < assessment.started_on:
            errors["completed_on"] = "Completion date must be on or after the start date"
        if errors:
            raise ValidationError(errors)
        assessment.completed_on = completed_on
    assessment.save()
    return assessment


@audited_action
def authorise_assessment(assessment: Assessment, *, reasons: str, acting_user, authorised_on: date | None = None) -> Assessment:
    """A manager's sign-off, with their reasons: supervision is a judgement about the practitioner's analysis and
    decision, not a button, and the reasons are what a later reader weighs. Who may give it is
    ``rules.can_authorise``, asked here so that no caller can skip it."""
    if refusal := rules.authorisation_refusal(acting_user, assessment):
        raise ValidationError(refusal)
    if not reasons.strip():
        raise ValidationError({"authorisation_reasons": "Enter your reasons for authorising the assessment"})
    assessment.authorised_on = authorised_on or today()
    assessment.authorised_by = acting_user
    assessment.authorisation_reasons = reasons.strip()
    assessment.clean_fields(exclude=[field.name for field in Assessment._meta.fields if field.name != "authorisation_reasons"])
    assessment.save(update_fields=["authorised_on", "authorised_by", "authorisation_reasons"])
    return assessment


@audited_action
def record_visit(
    child, *, acting_user, visited_at: datetime, child_seen: bool, child_seen_alone: bool, place: str = "",
    who_was_present: str = "", childs_words: str = "", observations: str = "", next_steps: str = "",
) -> Visit:
    errors = {}
    if visited_at > timezone.now():
        errors["visited_at"] = "Date of visit must be today or in the past"
    if child_seen_alone and not child_seen:
        errors["child_seen_alone"] = "A child cannot be seen alone if they were not seen"
    if errors:
        raise ValidationError(errors)
    return Visit.objects.create(
        child=child, visited_at=visited_at, place=place.strip(), who_was_present=who_was_present.strip(),
        child_seen=child_seen, child_seen_alone=child_seen_alone, childs_words=childs_words.strip(),
        observations=observations.strip(), next_steps=next_steps.strip(), recorded_by=acting_user,
    )


@dataclass(frozen=True)
class ChildSeen:
    """One child's part of a visit to their household: whether they were seen, seen alone, and what they said."""

    child: "Child"
    seen: bool
    seen_alone: bool
    words: str = ""


def child_field(child, name: str) -> str:
    """The form field for ``name`` (seen, seen_alone, words) of one child on a household visit, so that a rule's
    message lands beside that child's answer."""
    return f"child_{child.pk}_{name}"


@audited_action
def record_household_visit(
    child, *, acting_user, visited_at: datetime, children: Sequence[ChildSeen], place: str = "", who_was_present: str = "",
    observations: str = "", next_steps: str = "",
) -> HouseholdVisit:
    """One visit to ``child``'s household, landing on the record of each child seen on it as a visit of their own.

    Only ``child`` and the children living with them now whom ``acting_user`` may open can be on it
    (``queries.household_children``): a child of another household, or one hidden from the worker, is refused,
    whatever a form posted. All the rows are written together or none is."""
    errors: dict[str, str] = {}
    if visited_at > timezone.now():
        errors["visited_at"] = "Date of visit must be today or in the past"
    ids = [part.child.pk for part in children]
    allowed = {child.pk, *queries.household_children(child, acting_user).values_list("pk", flat=True)}
    if child.pk not in ids:
        errors["children"] = f"Record whether {child.person.first_name} was seen"
    elif len(set(ids)) != len(ids) or not set(ids) <= allowed:
        errors["children"] = f"Choose only children who live with {child.person.first_name} and whose records you may open"
    for part in children:
        if part.seen_alone and not part.seen:
            errors[child_field(part.child, "seen_alone")] = f"{part.child.person.first_name} cannot be seen alone if they were not seen"
    if errors:
        raise ValidationError(errors)
    household_visit = HouseholdVisit.objects.create(recorded_by=acting_user)
    for part in children:
        Visit.objects.create(
            child=part.child, visited_at=visited_at, place=place.strip(), who_was_present=who_was_present.strip(),
            child_seen=part.seen, child_seen_alone=part.seen_alone, childs_words=part.words.strip(),
            observations=observations.strip(), next_steps=next_steps.strip(), recorded_by=acting_user,
            household_visit=household_visit,
        )
    return household_visit


@dataclass(frozen=True)
class Attendee:
    """Someone invited to a multi-agency meeting."""

    name: str
    agency: str
    role: str = ""
    sent_apologies: bool = False


def _note_errors(kind: str, *, occurred_at: datetime, subject: str, text: str, direction: str, with_whom: str,
                 attendees: Sequence[Attendee]) -> dict[str, str]:
    """What is missing or wrong in a note of this kind, each message keyed by its field and naming it."""
    errors = {}
    what = NoteKind(kind).label.lower() if kind in NoteKind.values else "note"
    if kind not in NoteKind.values:
        errors["kind"] = "Select what you are recording: a case note, phone call, email, letter or meeting"
    if occurred_at > timezone.now():
        errors["occurred_at"] = f"Date of the {what} must be today or in the past"
    if kind == NoteKind.NOTE and not subject.strip():
        errors["subject"] = "Enter a short heading"
    if kind == NoteKind.MEETING and not subject.strip():
        errors["subject"] = "Enter what the meeting was, for example core group meeting"
    if kind in NoteKind.exchanges():
        if direction not in Direction.values:
            errors["direction"] = f"Select whether the {what} came in or went out"
        if not with_whom.strip():
            errors["with_whom"] = f"Enter who the {what} was with"
    elif direction or with_whom.strip():
        errors["direction"] = f"A {what} has no direction or other party: record it as a call, email or letter"
    if not text.strip():
        errors["text"] = "Enter what was discussed and agreed" if kind == NoteKind.MEETING else f"Enter what the {what} was about"
    if kind == NoteKind.MEETING:
        if not any(not person.sent_apologies for person in attendees):
            errors["attendees"] = "Add at least one person who attended the meeting"
        for number, person in enumerate(attendees, start=1):
            if not person.name.strip() or not person.agency.strip():
                missing = "name" if not person.name.strip() else "agency"
                errors["attendees"] = f"Enter the {missing} of attendee {number}"
    elif attendees:
        errors["attendees"] = f"A {what} has no attendees: record it as a meeting"
    return errors


@audited_action
def write_case_note(
    child, *, acting_user, occurred_at: datetime, text: str, subject: str = "", kind: str = NoteKind.NOTE,
    direction: str = "", with_whom: str = "", attendees: Sequence[Attendee] = (),
) -> CaseNote:
    """Record a case note, phone call, email, letter or multi-agency meeting on the child's record (and so on the
    chronology, with its author and their agency). A meeting's attendees are written with it, each with an agency."""
    errors = _note_errors(kind, occurred_at=occurred_at, subject=subject, text=text, direction=direction,
                          with_whom=with_whom, attendees=attendees)
    if errors:
        raise ValidationError(errors)
    note = CaseNote.objects.create(
        child=child, kind=kind, occurred_at=occurred_at, subject=subject.strip(), text=text.strip(), direction=direction,
        with_whom=with_whom.strip(), author=acting_user,
    )
    for person in attendees:
        MeetingAttendee.objects.create(
            case_note=note, name=person.name.strip(), role=person.role.strip(), agency=person.agency.strip(),
            sent_apologies=person.sent_apologies,
        )
    return note
