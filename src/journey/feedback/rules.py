"""Who may record feedback, answer it and invite it, and who sees a team's summary: asked by the actions and the
pages alike.

Feedback is recorded work on the child, like a visit or a case note: whoever on the local authority's staff may
record work (``can_record_work``) and open the child's record (``visible_to``, the one access path) records it, answers
it and invites it, and reads it. Feedback reaches whoever hears it (the worker, a chair at a conference, the front
door on the phone), so it is not kept to the casework holders. A team's summary is for the managers of the teams
whose feedback it counts (decision record 0019).
"""
from datetime import date

from journey.access.rules import can_record_work, child_model, manages_a_team
from journey.casework.models import Episode
from journey.casework.rules import episode_team_id, teams_managed_by
from journey.lib.dates import age_in_years

from .models import Kind

NOT_THEIR_CHILD = "Only staff who may open the child's record can record feedback about the child"
NOT_ANSWERABLE = "Only a compliment or a complaint is answered: plain feedback is recorded as it is"
ALREADY_CLOSED = "This complaint is closed: its response and outcome are on the record"


def recording_refusal(user, child) -> str | None:
    """Why ``user`` may not record, answer or invite feedback about ``child``, or None if they may."""
    if can_record_work(user) and child_model().objects.visible_to(user).filter(pk=child.pk).exists():
        return None
    return NOT_THEIR_CHILD


def can_record(user, child) -> bool:
    return recording_refusal(user, child) is None


def response_refusal(user, feedback) -> str | None:
    """Why ``user`` may not answer ``feedback``: staff who may open the child answer an open compliment or complaint."""
    if refusal := recording_refusal(user, feedback.child):
        return refusal
    if feedback.kind == Kind.FEEDBACK:
        return NOT_ANSWERABLE
    if feedback.closed_on is not None:
        return ALREADY_CLOSED
    return None


def can_respond(user, feedback) -> bool:
    return response_refusal(user, feedback) is None


def can_see_summary(user) -> bool:
    """Managers of a team or service area see the summary of the feedback their teams received."""
    return can_record_work(user) and manages_a_team(user)


def summary_teams(user):
    return teams_managed_by(user)


def team_for(child, episode: Episode | None = None) -> int | None:
    """The team whose feedback this is: the team answering for the episode it is about, else for the child's latest
    open episode, else the latest episode of all; None for a child with no episode."""
    if episode is None:
        latest = Episode.objects.filter(child=child).order_by("-started_on", "-pk")
        episode = latest.filter(ended_on__isnull=True).first() or latest.first()
    return episode_team_id(episode) if episode is not None else None


class AgeBand:
    UNDER_8 = "under_8"
    EIGHT_TO_12 = "8_to_12"
    THIRTEEN_AND_OVER = "13_and_over"


def age_band(date_of_birth: date | None, on: date) -> str:
    """The wording a child's own form uses, from their age on ``on``; a child whose birth date is not known gets the
    plainest of the older wordings (8 to 12), which reads well to a teenager too."""
    if date_of_birth is None:
        return AgeBand.EIGHT_TO_12
    age = age_in_years(date_of_birth, on)
    if age < 8:
        return AgeBand.UNDER_8
    return AgeBand.EIGHT_TO_12 if age <= 12 else AgeBand.THIRTEEN_AND_OVER
