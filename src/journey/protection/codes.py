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
