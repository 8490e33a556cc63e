"""Code lists for the front door, defined once."""
from django.db import models


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
