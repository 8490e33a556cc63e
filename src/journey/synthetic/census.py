"""What a screener and a practitioner record for the census in the generated authority: the referral's source as
the screener would refine it from the referrer's role, and an assessment's primary need and what it found, from
the child's story. Derived, never drawn at random, so generation stays as it was for the same seed."""
from journey.casework.census import FINDS_IN_NEED
from journey.casework.codes import AssessmentDecision
from journey.frontdoor.codes import referral_source_for

# The screener's override: a role that says more than the agency does (a health visitor rather than "health").
SOURCE_FOR_ROLE = {
    "Health visitor": "3B", "School nurse": "3C", "Emergency department nurse": "3E", "GP": "3A",
    "Grandparent": "1A", "Aunt": "1A", "Parent": "1A", "Neighbour": "1B",
    "Housing officer": "4", "Probation officer": "7", "Social worker, another council": "5C", "Nursery manager": "2B",
}

# The primary need and the factors a child's story points to, when an assessment finds the child in need.
NEED_FOR_THEME = {
    "domestic_abuse": ("N1", ["3B"]), "neglect": ("N1", ["16A"]), "physical_harm": ("N1", ["18B"]),
    "emotional_harm": ("N1", ["17A"]), "sexual_harm": ("N1", ["19B"]), "exploitation": ("N1", ["24A", "10A"]),
    "mental_health": ("N3", ["4B"]), "substance_misuse": ("N5", ["2B"]),
}
NOT_IN_NEED = "N9"  # cases other than children in need


def referral_source(contact) -> str:
    return SOURCE_FOR_ROLE.get(contact.referrer_role) or referral_source_for(contact.agency.kind)


def assessment_codes(theme: str, decision: str, *, parenting_worry: bool) -> tuple[str, list[str]]:
    """(primary need, factors) for a completed assessment: the story's need and factors when it finds the child in
    need; for early help, N9 with what was found; for no further action, N9 and nothing chosen. A worry about
    parenting as well adds a parent's mental health, where the story is not already about it."""
    if not decision:
        return "", []
    need, factors = NEED_FOR_THEME.get(theme, ("N4", ["20"]))
    if parenting_worry and "4B" not in factors:
        factors = [*factors, "4B"]
    if decision in FINDS_IN_NEED:
        return need, factors
    if decision == AssessmentDecision.EARLY_HELP:
        return NOT_IN_NEED, factors
    return NOT_IN_NEED, []
