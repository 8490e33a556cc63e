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
    """Why an episode ended. Modelled on the CIN census reasons for closure (RC1-RC8), in plain words."""

    STEPPED_DOWN = "stepped_down", "Stepped down to early help or universal services"
    NEEDS_MET = "needs_met", "Needs met: no further help required"
    STEPPED_UP = "stepped_up", "Stepped up to another episode of help"
    MOVED_AWAY = "moved_away", "Moved to another local authority"
    ADOPTED = "adopted", "Adopted"
    SPECIAL_GUARDIANSHIP = "sgo", "Special guardianship or child arrangements order"
    RETURNED_HOME = "returned_home", "Returned home to family"
    AGED_OUT = "aged_out", "Reached adulthood"
    TRANSFERRED = "transferred", "Transferred to adult services"
    DECLINED = "declined", "Family declined help"
    DIED = "died", "Child died"
    OTHER = "other", "Other"


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
