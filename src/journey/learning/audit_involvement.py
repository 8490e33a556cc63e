"""How a case audit involves a user with a child, registered with ``access.involvement``: an auditor named on a round
opens the round's sampled children while the round's grant lasts, and no other child (decision record 0020). The
grant is the sample's, not the auditor's role: a case auditor has no standing access to any child. Never a
restricted child (no sample draws one; one restricted since is left out here too)."""
from django.db.models import QuerySet

from journey.access.involvement import register

from .audit_models import CaseAuditRound, SampledChild
from .audit_rules import AUDITING_ROLES

CASE_AUDITOR = "auditor of the child's case (audit round)"


@register(CASE_AUDITOR, strength=55, child_field="child_id")
def sample_audited_by(user) -> QuerySet | None:
    if user.role not in AUDITING_ROLES:
        return None
    return SampledChild.objects.filter(round__in=CaseAuditRound.objects.granting().filter(auditors=user).values("pk"), child__is_restricted=False)
