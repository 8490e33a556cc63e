"""What the children in need census needs of casework, recorded where the work happens: an assessment's primary need
and the factors it found, and the census's own unit of count, the CIN episode (``cin_episodes``).

Nothing here is a form to fill in for the census: the primary need is asked only when an assessment finds the child
in need, and the factors are what the practitioner found, chosen when they describe it. See decision record 0014.
"""
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta

from django.utils import timezone

from journey.codelists import lookup

from .codes import CENSUS_CODE_FOR_CLOSURE, CLOSING_AFTER_ASSESSMENT, NOT_CLOSING_THE_CIN_EPISODE, AssessmentDecision, EpisodeKind

# Decisions by which an assessment finds the child in need (so the census counts a primary need for them).
FINDS_IN_NEED = {AssessmentDecision.CHILD_IN_NEED, AssessmentDecision.STRATEGY_DISCUSSION, AssessmentDecision.LOOKED_AFTER}
# Primary needs that say the child is not (or not yet shown to be) in need: for an assessment that found no need.
NOT_IN_NEED = {"N9", "N0"}
NO_FACTORS = "21"

# The factors, grouped as a practitioner thinks of what they found; a code the DfE adds later shows under "Other".
FACTOR_GROUPS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("Abuse or neglect", ("16A", "17A", "18B", "18C", "19B", "19C", "22A", "23A")),
    ("Domestic abuse", ("3A", "3B", "3C")),
    ("Alcohol or drugs", ("1A", "1B", "1C", "2A", "2B", "2C")),
    ("Mental health, learning disability, physical disability or illness",
     ("4A", "4B", "4C", "5A", "5B", "5C", "6A", "6B", "6C")),
    ("Harm outside the home", ("10A", "11A", "24A", "12A", "13A")),
    ("The child's own behaviour and wellbeing", ("14A", "15A", "7A")),
    ("Where the child lives and who cares for them", ("8B", "8C", "8D", "8E", "8F", "9A")),
    ("Other", ("20", NO_FACTORS)),
)


def factor_groups(offered: Sequence[str]) -> list[tuple[str, list[str]]]:
    """The codes ``offered`` (those valid on the day, in the list's order) in their groups, each group in the
    order above; any code in no group joins "Other", so a new DfE code is never lost from the form."""
    placed = {code for _, codes in FACTOR_GROUPS for code in codes}
    groups = [(title, [code for code in codes if code in offered]) for title, codes in FACTOR_GROUPS]
    groups[-1][1].extend(code for code in offered if code not in placed)
    return [(title, codes) for title, codes in groups if codes]


def assessment_refusals(*, decision: str, primary_need: str, factors: Sequence[str], on: date, completing: bool) -> dict[str, str]:
    """What is wrong with an assessment's census codes, by field (empty if nothing). Codes must be valid on ``on``
    (the completion day, or today for a draft). Completing with a decision that finds the child in need needs
    the primary need that says why; the factors are never needed."""
    errors = {}
    if primary_need and (refused := lookup.refusal("cin.primary_need", primary_need, on, "Primary need")):
        errors["primary_need"] = refused
    elif completing and decision in FINDS_IN_NEED:
        if not primary_need:
            errors["primary_need"] = "Select the child's primary need: the assessment finds them in need"
        elif primary_need in NOT_IN_NEED:
            errors["primary_need"] = (
                f"Primary need must say why the child is in need: '{lookup.label('cin.primary_need', primary_need)}' "
                "is for an assessment that finds no need"
            )
    if wrong := [code for code in factors if not lookup.is_valid("cin.assessment_factor", code, on)]:
        errors["factors"] = lookup.refusal("cin.assessment_factor", wrong[0], on, "Factors")  # type: ignore[assignment]
    elif NO_FACTORS in factors and len(set(factors)) > 1:
        errors["factors"] = "Factors: choose 'No factors identified' on its own, or the factors you found"
    return errors


def closing_after_assessment_refusal(episode, reason: str) -> str | None:
    """Why ``reason`` cannot close ``episode``, where it is one of the census's closures after assessment (RC8,
    RC9): those are for a child in need episode whose assessment is complete and after which no plan was made.
    After a plan, the case closes as needs met (RC7)."""
    if reason not in CLOSING_AFTER_ASSESSMENT:
        return None
    if episode.kind != EpisodeKind.CHILD_IN_NEED or not episode.assessments.filter(completed_on__isnull=False).exists():
        return "Reason: 'closed after assessment' is for a child in need episode with a completed assessment"
    if episode.plans.exists():
        return "Reason: a plan was made after the assessment, so choose 'needs met' or another reason"
    return None


@dataclass
class CinEpisode:
    """One children in need census episode: see ``cin_episodes``."""

    start: date
    end: date | None = None
    reason_for_closure: str = ""  # the census's RC code, once ended
    referral_source: str = ""
    episodes: list = field(default_factory=list)

    @property
    def is_open(self) -> bool:
        return self.end is None


CENSUS_KINDS = (EpisodeKind.CHILD_IN_NEED, EpisodeKind.CHILD_PROTECTION, EpisodeKind.LOOKED_AFTER)
STEP_GAP = timedelta(days=1)  # a step recorded as ending one day, the next episode opened the next, is still a step


def cin_episodes(child) -> list[CinEpisode]:
    """The child's census CIN episodes, earliest first.

    The census counts a child in need from the referral to the case's closure, however the help was given. A CIN
    episode starts on the referral date (of the referral that began the first of Journey's episodes in it; that
    episode's start where none did) and spans Journey's episodes of child in need, child protection and looked
    after care while they run on from one another: an episode joins when it begins while the census episode is
    still open (an episode in it has not ended), or, after a step up or down between episodes
    (``NOT_CLOSING_THE_CIN_EPISODE``), by the day after the step. So a child protection plan starting, or care
    ending with a child in need plan to follow, is no closure. The census episode ends when the last of its
    episodes ends, with that ending's RC code (``census_code``). Early help and care leaver episodes are outside
    the census: a step down to early help with nothing after it ends the census episode.
    """
    rows = child.episodes.filter(kind__in=CENSUS_KINDS).select_related("referral").order_by("started_on", "pk")
    found: list[CinEpisode] = []
    last_reason = ""
    for episode in rows:
        current = found[-1] if found else None
        if current is None or not _joins(current, episode, last_reason):
            referral = episode.referral
            current = CinEpisode(
                start=timezone.localdate(referral.referred_at) if referral else episode.started_on,
                referral_source=referral.source if referral else "",
            )
            found.append(current)
        current.episodes.append(episode)
        if any(e.ended_on is None for e in current.episodes):
            current.end, current.reason_for_closure, last_reason = None, "", ""
            continue
        # the ending that ends it all: the latest, and on a day two end, the one that is not a step
        last = max(current.episodes, key=lambda e: (e.ended_on, e.closure_reason not in NOT_CLOSING_THE_CIN_EPISODE, e.pk))
        current.end, current.reason_for_closure, last_reason = last.ended_on, census_code(last.closure_reason), last.closure_reason
    return found


def _joins(current: CinEpisode, episode, last_reason: str) -> bool:
    if current.end is None or episode.started_on < current.end:
        return True
    return last_reason in NOT_CLOSING_THE_CIN_EPISODE and episode.started_on <= current.end + STEP_GAP


def census_code(reason: str) -> str:
    """The RC code an ending gives the census episode it ends (``CENSUS_CODE_FOR_CLOSURE``). A step with nothing
    after it (down to early help), and the reasons that say more of an ending (returned home, reached adulthood,
    family declined, other: ``OTHER_REASONS``), are the census's "services ceased for any other reason" (RC7)."""
    return CENSUS_CODE_FOR_CLOSURE.get(reason, "RC7")  # type: ignore[call-overload]
