from django.apps import AppConfig


class ProtectionConfig(AppConfig):
    """Child protection enquiries and conferences: the strategy discussion, the section 47 enquiry it may decide,
    the conferences that follow, and the core group meetings that take a child protection plan forward."""

    name = "journey.protection"
    label = "protection"
    verbose_name = "Child protection"

    def ready(self) -> None:
        from journey.frontdoor.shared import register_shared_section

        from . import (
            chronology,  # noqa: F401  registers discussions, enquiries and conferences on the chronology
            involvement,  # noqa: F401  registers the conference chair's reading of the child's record
            steps,  # noqa: F401  registers enquiries as work with a "by when" for casework's manager's list
        )
        from .shared import conferences_for_partner, core_groups_for_partner, discussions_for_partner, reports_for_partner

        # A partner who took part in a strategy discussion sees its date, agencies and decision on their shared page;
        # one who came to a conference, its date, outcome and the agencies attending; and their reports for conferences.
        register_shared_section(discussions_for_partner)
        register_shared_section(conferences_for_partner)
        register_shared_section(core_groups_for_partner)  # one who came to a core group meeting: its date and agencies
        register_shared_section(reports_for_partner)
