from django.apps import AppConfig


class ProtectionConfig(AppConfig):
    """Child protection enquiries and conferences: the strategy discussion, the section 47 enquiry it may decide,
    and (to come) the conferences, plans and core groups that follow."""

    name = "journey.protection"
    label = "protection"
    verbose_name = "Child protection"

    def ready(self) -> None:
        from journey.frontdoor.shared import register_shared_section

        from . import chronology  # noqa: F401  registers discussions and enquiries on the chronology
        from .shared import discussions_for_partner

        # A partner who took part in a strategy discussion sees its date, agencies and decision on their shared page.
        register_shared_section(discussions_for_partner)
