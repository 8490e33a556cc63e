"""Code lists for casework, defined once."""
from django.db import models


class EpisodeKind(models.TextChoices):
    """Episodes of help on a child's record. Source: Children Act 1989 and Working Together (2023)."""

    EARLY_HELP = "early_help", "Early help"
    CHILD_IN_NEED = "child_in_need", "Child in need"
    CHILD_PROTECTION = "child_protection", "Child protection"
    LOOKED_AFTER = "looked_after", "Looked after"
    CARE_LEAVER = "care_leaver", "Care leaver"


class ClosureReason(models.TextChoices):
    """Why an episode ended, in plain words. The first nine close the case as the children in need census counts
    it, each with exactly one of the census's reasons for closure (``CENSUS_CODE_FOR_CLOSURE``, RC1 to RC9); a
    step up or down moves the child between Journey's episodes and closes nothing in the census
    (``NOT_CLOSING_THE_CIN_EPISODE``); the last four say more of what the census counts as services ceased for
    any other reason (RC7, ``census.census_code``). Stored values never change: new reasons are added beside them."""

    NEEDS_MET = "needs_met", "Needs met: no further help required"
    ASSESSED_NO_FURTHER_ACTION = "assessed_nfa", "Closed after assessment: no further action"
    ASSESSED_EARLY_HELP = "assessed_early_help", "Closed after assessment: referred to early help"
    MOVED_AWAY = "moved_away", "Moved to another local authority"
    TRANSFERRED = "transferred", "Transferred to adult social care"
    ADOPTED = "adopted", "Adopted"
    SPECIAL_GUARDIANSHIP = "sgo", "Special guardianship order"
    CHILD_ARRANGEMENTS = "cao", "Child arrangements order"
    DIED = "died", "Child died"
    STEPPED_UP = "stepped_up", "Stepped up to another episode of help"
    STEPPED_DOWN = "stepped_down", "Stepped down to another episode of help, early help or universal services"
    RETURNED_HOME = "returned_home", "Returned home to family"
    AGED_OUT = "aged_out", "Reached adulthood"
    DECLINED = "declined", "Family declined help"
    OTHER = "other", "Other"


# Each reason that closes the case, with the one census reason for closure (cin.reason_for_closure) it is.
# Source: Children in need census 2025 to 2026: guide, reason for closure codes.
CENSUS_CODE_FOR_CLOSURE = {
    ClosureReason.ADOPTED: "RC1",
    ClosureReason.DIED: "RC2",
    ClosureReason.CHILD_ARRANGEMENTS: "RC3",
    ClosureReason.SPECIAL_GUARDIANSHIP: "RC4",
    ClosureReason.MOVED_AWAY: "RC5",
    ClosureReason.TRANSFERRED: "RC6",
    ClosureReason.NEEDS_MET: "RC7",
    ClosureReason.ASSESSED_NO_FURTHER_ACTION: "RC8",
    ClosureReason.ASSESSED_EARLY_HELP: "RC9",
}
NOT_CLOSING_THE_CIN_EPISODE = {ClosureReason.STEPPED_UP, ClosureReason.STEPPED_DOWN}
CLOSING_AFTER_ASSESSMENT = {ClosureReason.ASSESSED_NO_FURTHER_ACTION, ClosureReason.ASSESSED_EARLY_HELP}
# Reasons that are the census's "services ceased for any other reason" (RC7) in more words: a worker may say which.
OTHER_REASONS = {ClosureReason.RETURNED_HOME, ClosureReason.AGED_OUT, ClosureReason.DECLINED, ClosureReason.OTHER}
# Endings that only follow statutory work: never offered for early help or a care leaver.
STATUTORY_ONLY = {
    ClosureReason.ASSESSED_NO_FURTHER_ACTION, ClosureReason.ASSESSED_EARLY_HELP, ClosureReason.ADOPTED,
    ClosureReason.SPECIAL_GUARDIANSHIP, ClosureReason.CHILD_ARRANGEMENTS,
}


def closure_reasons_for(kind: str) -> list[ClosureReason]:
    """The reasons offered for ending an episode of ``kind``, in ``ClosureReason``'s order: every one for child in
    need, protection and care (the census's CIN episode); for early help and care leavers, none of the endings
    that only follow statutory work."""
    if kind in (EpisodeKind.CHILD_IN_NEED, EpisodeKind.CHILD_PROTECTION, EpisodeKind.LOOKED_AFTER):
        return list(ClosureReason)
    return [reason for reason in ClosureReason if reason not in STATUTORY_ONLY]


class AssessmentDecision(models.TextChoices):
    NO_FURTHER_ACTION = "nfa", "No further action"
    EARLY_HELP = "early_help", "Step down to early help"
    CHILD_IN_NEED = "child_in_need", "Child in need plan"
    STRATEGY_DISCUSSION = "strategy", "Strategy discussion (possible significant harm)"
    LOOKED_AFTER = "looked_after", "Child to become looked after"


class PlanKind(models.TextChoices):
    EARLY_HELP = "early_help", "Early help plan"
    CHILD_IN_NEED = "child_in_need", "Child in need plan"
    CHILD_PROTECTION = "child_protection", "Child protection plan"
    CARE = "care", "Care plan"
    PATHWAY = "pathway", "Pathway plan"


class AbuseCategory(models.TextChoices):
    """Category of a child protection plan. Source: DfE CIN census 2024-25."""

    NEGLECT = "NEG", "Neglect"
    PHYSICAL = "PHY", "Physical abuse"
    EMOTIONAL = "EMO", "Emotional abuse"
    SEXUAL = "SAB", "Sexual abuse"
    MULTIPLE = "MUL", "Multiple"


class NoteKind(models.TextChoices):
    """What a piece of everyday recording is: each is written on its own short page and named in its chronology title."""

    NOTE = "note", "Case note"
    PHONE_CALL = "phone_call", "Phone call"
    EMAIL = "email", "Email"
    LETTER = "letter", "Letter"
    MEETING = "meeting", "Multi-agency meeting"

    @classmethod
    def exchanges(cls) -> set[str]:
        """The kinds that pass between the worker and someone else, so have a direction and a person at the other end."""
        return {cls.PHONE_CALL, cls.EMAIL, cls.LETTER}


class Direction(models.TextChoices):
    """Which way a call, email or letter went, from the worker's side."""

    INCOMING = "incoming", "Incoming"
    OUTGOING = "outgoing", "Outgoing"


class Decision(models.TextChoices):
    """Where a proposal waiting for a manager stands: a transfer to another team, or an episode's closure."""

    PENDING = "pending", "Waiting for a decision"
    ACCEPTED = "accepted", "Accepted"
    RETURNED = "returned", "Returned"
