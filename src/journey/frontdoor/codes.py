"""Code lists for the front door, defined once."""
from django.db import models

from journey.accounts.models import AgencyKind


class ScreeningOutcome(models.TextChoices):
    """What the front door decided about a contact. Source: Working Together to Safeguard Children (2023), ch. 2-4."""

    NO_FURTHER_ACTION = "nfa", "No further action"
    INFORMATION_AND_ADVICE = "advice", "Information and advice"
    EARLY_HELP = "early_help", "Early help"
    REFERRAL = "referral", "Referral to children's social care"
    STRATEGY_DISCUSSION = "strategy", "Strategy discussion"

    @classmethod
    def opening_social_work(cls) -> set[str]:
        """Outcomes that make the contact a referral: the child's story moves into statutory social work."""
        return {cls.REFERRAL, cls.STRATEGY_DISCUSSION}


class ContactStatus(models.TextChoices):
    AWAITING_SCREENING = "awaiting", "Awaiting screening"
    SCREENED = "screened", "Screened"


# What the front door's decision means, in words a partner who raised the concern understands (the code lists'
# labels are the front door's own terms). Source: Working Together to Safeguard Children (2023), ch. 2-4.
OUTCOME_FOR_PARTNERS = {
    ScreeningOutcome.NO_FURTHER_ACTION: "No further action by children's social care",
    ScreeningOutcome.INFORMATION_AND_ADVICE: "Information and advice given; no further action by children's social care",
    ScreeningOutcome.EARLY_HELP: "Early help offered",
    ScreeningOutcome.REFERRAL: "Referred to children's social care for assessment",
    ScreeningOutcome.STRATEGY_DISCUSSION: "Referred to children's social care, who are talking with the police and health about keeping the child safe",
}
AWAITING_FOR_PARTNERS = "Waiting for the front door to decide"


class HowKnown(models.TextChoices):
    """How a partner knows what they tell us about a child: what the worker weighs first. The labels are the
    partner's own answers; ``HOW_KNOWN_REPORTED`` says the same of them on the child's chronology."""

    SEEN = "seen", "I saw or heard it myself"
    CHILD = "child", "The child told me"
    FAMILY = "family", "A parent, carer or family member told me"
    SOMEONE_ELSE = "other", "Someone else told me"
    RECORDS = "records", "From my agency's records"


HOW_KNOWN_REPORTED = {
    HowKnown.SEEN: "seen or heard by them",
    HowKnown.CHILD: "the child told them",
    HowKnown.FAMILY: "the family told them",
    HowKnown.SOMEONE_ELSE: "someone else told them",
    HowKnown.RECORDS: "from their agency's records",
}


class InformationRoute(models.TextChoices):
    """Where information from a partner went (``frontdoor.rules.route_information``)."""

    WORKER = "worker", "Sent to the child's allocated worker"
    FRONT_DOOR = "front_door", "Sent to the front door"


# The census's referral source (cin.referral_source) that a contact's agency points to, so the screener starts
# from it and changes it only where the referral came from someone more particular (a health visitor, a neighbour).
# Source: Children in need census 2025 to 2026: guide, referral source codes.
REFERRAL_SOURCE_FOR_AGENCY = {
    AgencyKind.CHILDRENS_SOCIAL_CARE: "5A",  # local authority services: social care
    AgencyKind.EARLY_HELP: "5D",  # local authority services: early help
    AgencyKind.POLICE: "6",
    AgencyKind.HEALTH: "3F",  # health services: other (the screener says GP, health visitor, A&E... where known)
    AgencyKind.SCHOOL: "2A",
    AgencyKind.EARLY_YEARS: "2B",  # education services
    AgencyKind.HOUSING: "4",
    AgencyKind.PROBATION: "7",  # other legal agency
    AgencyKind.OTHER_LA: "5C",  # local authority services: external
    AgencyKind.VOLUNTARY: "8",
    AgencyKind.FAMILY: "1A",  # individual: family member, relative or carer
    AgencyKind.ANONYMOUS: "9",
    AgencyKind.OTHER: "8",
}
UNKNOWN_REFERRAL_SOURCE = "10"


def referral_source_for(agency_kind: str) -> str:
    """The referral source a contact from this kind of agency is, before the screener says otherwise."""
    return REFERRAL_SOURCE_FOR_AGENCY.get(agency_kind, UNKNOWN_REFERRAL_SOURCE)  # type: ignore[call-overload]
