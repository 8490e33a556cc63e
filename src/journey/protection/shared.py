"""What a partner who took part in a strategy discussion sees of it on their agency's shared page for the child: the
date, which agencies took part and the decision. Not what was shared nor the reasons: others spoke in confidence,
and the partner knows what they said themselves. Nobody else from the agency sees it, and only on a shared page the
agency may already open (never a restricted child's: access refuses the page itself)."""
from journey.codelists import lookup
from journey.frontdoor.shared import SharedSection

from .codes import CATEGORY_LIST
from .models import ChildProtectionConference, ConferenceReport, CoreGroupMeeting, StrategyDiscussion
from .report_actions import conference_awaited


def discussions_for_partner(child, user) -> SharedSection | None:
    taken_part = (
        StrategyDiscussion.objects.filter(child=child, participants__user=user, participants__sent_apologies=False)
        .distinct().prefetch_related("participants__agency").order_by("-held_at", "-pk")
    )
    rows = [
        {
            "held_at": discussion.held_at, "decision": discussion.get_decision_display(),
            "agencies": sorted({p.agency.name for p in discussion.participants.all() if not p.sent_apologies}),
        }
        for discussion in taken_part
    ]
    return SharedSection("protection/_shared_discussions.html", {"discussions": rows}) if rows else None


def core_groups_for_partner(child, user) -> SharedSection | None:
    """A partner who came to a core group meeting sees its date and the agencies that came; not what was said or
    decided, which the family and others shared in confidence."""
    came = (
        CoreGroupMeeting.objects.filter(child=child, members__user=user, members__sent_apologies=False)
        .distinct().prefetch_related("members__agency").order_by("-held_on", "-starts_at", "-pk")
    )
    rows = [
        {"held_on": meeting.held_on, "agencies": sorted({m.agency.name for m in meeting.members.all() if not m.sent_apologies})}
        for meeting in came
    ]
    return SharedSection("protection/_shared_core_groups.html", {"meetings": rows}) if rows else None


def conferences_for_partner(child, user) -> SharedSection | None:
    """A partner who came to a conference sees its date, the outcome (plan or not, and the category) and the
    agencies attending; not the minutes, the views or the reasons, which others gave in confidence."""
    came = (
        ChildProtectionConference.objects.filter(child=child, attendees__user=user, attendees__sent_apologies=False)
        .distinct().prefetch_related("attendees__agency").order_by("-held_on", "-starts_at", "-pk")
    )
    rows = [
        {
            "held_on": conference.held_on, "kind": conference.get_kind_display(), "decision": conference.get_decision_display(),
            "category": lookup.label(CATEGORY_LIST, conference.category) if conference.category else "",
            "agencies": sorted({a.agency.name for a in conference.attendees.all() if not a.sent_apologies}),
        }
        for conference in came
    ]
    return SharedSection("protection/_shared_conferences.html", {"conferences": rows}) if rows else None


def reports_for_partner(child, user) -> SharedSection | None:
    """A partner's own reports for the child's conferences, and the way to send one while a conference is awaited;
    never another agency's report (``report_views.report`` refuses those too)."""
    awaited = conference_awaited(child)
    sent = list(ConferenceReport.objects.filter(child=child, author=user).select_related("conference").order_by("-submitted_at", "-pk"))
    if awaited is None and not sent:
        return None
    return SharedSection("protection/_shared_reports.html", {"awaited": awaited, "reports": sent})
