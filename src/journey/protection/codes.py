"""Code lists for child protection, defined once. These are Journey's own choices, in the words of Working Together
to Safeguard Children (2023), chapter 4; the census codes that some of them feed are the code lists' own."""
from django.db import models

from journey.accounts.models import AgencyKind
from journey.casework.codes import EpisodeKind


class StrategyDecision(models.TextChoices):
    """What a strategy discussion decided. Source: Working Together (2023), paragraphs 171-177."""

    SECTION_47 = "section_47", "Section 47 enquiry"
    SINGLE_ASSESSMENT = "single_assessment", "Single assessment only"
    NO_FURTHER_ACTION = "no_further_action", "No further action"


# Episodes a strategy discussion belongs to: statutory social work, where significant harm can be suspected. Early
# help steps up through the front door first; a care leaver is an adult.
PROTECTION_EPISODES = (EpisodeKind.CHILD_IN_NEED, EpisodeKind.CHILD_PROTECTION, EpisodeKind.LOOKED_AFTER)

# Agencies Working Together (2023, paragraph 172) expects in every strategy discussion, besides children's social
# care: not a checklist that refuses, a warning the page shows and the record keeps.
EXPECTED_AGENCIES = (AgencyKind.POLICE, AgencyKind.HEALTH)


class ConferenceKind(models.TextChoices):
    """Which conference. Source: Working Together (2023), paragraphs 197-214."""

    INITIAL = "initial", "Initial child protection conference"
    REVIEW = "review", "Review child protection conference"


class ConferenceDecision(models.TextChoices):
    """What a conference decided: an initial one whether the child needs a plan, a review whether it continues."""

    PLAN = "plan", "Child protection plan"
    NO_PLAN = "no_plan", "No child protection plan"
    CONTINUE = "continue", "The plan continues"
    END = "end", "The plan ends"


DECISIONS_OF = {
    ConferenceKind.INITIAL: (ConferenceDecision.PLAN, ConferenceDecision.NO_PLAN),
    ConferenceKind.REVIEW: (ConferenceDecision.CONTINUE, ConferenceDecision.END),
}
# Decisions after which the child has a plan, whose category the conference gives.
PLAN_DECISIONS = (ConferenceDecision.PLAN, ConferenceDecision.CONTINUE)


class ChildHeard(models.TextChoices):
    """How the conference heard the child's views, in plain words. Journey's own list."""

    ATTENDED = "attended", "They came to the conference"
    ADVOCATE = "advocate", "Through an advocate"
    WROTE_OR_DREW = "wrote_or_drew", "They wrote or drew something"
    SOCIAL_WORKER = "social_worker", "Through their social worker"
    TOO_YOUNG = "too_young", "Too young to give their views"


# The DfE list a plan's category comes from (journey.codelists, lists.csv).
CATEGORY_LIST = "cin.category_of_abuse"
