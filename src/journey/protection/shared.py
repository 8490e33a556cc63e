"""What a partner who took part in a strategy discussion sees of it on their agency's shared page for the child: the
date, which agencies took part and the decision. Not what was shared nor the reasons: others spoke in confidence,
and the partner knows what they said themselves. Nobody else from the agency sees it, and only on a shared page the
agency may already open (never a restricted child's: access refuses the page itself)."""
from journey.frontdoor.shared import SharedSection

from .models import StrategyDiscussion


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
