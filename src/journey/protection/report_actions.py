"""Partner agencies' reports for a child protection conference, written on the partner's own page before it.

Working Together expects every agency invited to an initial or review conference to send a report beforehand, shared
with the family. Journey takes a partner's report while a conference is awaited for the child (``conference_awaited``):
an initial one, once a section 47 enquiry has found a conference needed and until that conference is recorded; a
review, while the child's protection plan is open. A report waits for its conference; recording the conference takes
the reports sent for it (``take_reports``), so the conference page lists what each agency sent, and each report stays
the agency's own words, never edited by the local authority.

Who may send one is a partner whom the access rules let open the child's shared page (their agency raised a concern,
or they took part in the child's strategy discussion or conferences: ``involvement``); local authority staff record
what they know in the record itself.
"""
from dataclasses import dataclass
from datetime import datetime

from django.core.exceptions import ValidationError
from django.utils import timezone

from journey.audit.context import audited_action
from journey.casework.codes import PlanKind
from journey.casework.models import Plan

from .codes import ConferenceKind
from .models import ChildProtectionConference, ConferenceReport, Section47Enquiry

NOT_A_PARTNER = "Only a partner agency's staff send a report for a conference this way; the child's worker records the conference"
NOTHING_AWAITED = "There is no child protection conference to come for this child, so there is nothing to send a report for"


@dataclass(frozen=True)
class Awaited:
    """The conference to come: an initial one called by ``enquiry``, or a review of ``plan``."""

    kind: str
    enquiry: Section47Enquiry | None = None
    plan: Plan | None = None

    @property
    def label(self) -> str:
        return "initial child protection conference" if self.kind == ConferenceKind.INITIAL else "review child protection conference"


def conference_awaited(child) -> Awaited | None:
    """The conference to come for ``child``, if any: an initial conference called by a completed enquiry and not yet
    recorded comes first (the plan it makes is reviewed later); else the review of an open protection plan."""
    called = (
        Section47Enquiry.objects.filter(child=child, completed_on__isnull=False, conference_needed=True)
        .exclude(conferences__kind=ConferenceKind.INITIAL).order_by("-completed_on", "-pk").first()
    )
    if called is not None:
        return Awaited(ConferenceKind.INITIAL, enquiry=called)
    plan = child.plans.filter(kind=PlanKind.CHILD_PROTECTION, ended_on__isnull=True).order_by("-started_on", "-pk").first()
    return Awaited(ConferenceKind.REVIEW, plan=plan) if plan is not None else None


@dataclass(frozen=True)
class Report:
    """What a partner writes: what their agency knows, what worries them and what is going well."""

    what_we_know: str
    worries: str
    going_well: str
    shared_with_family: bool | None


def report_errors(report: Report) -> dict[str, str]:
    errors = {}
    if not report.what_we_know.strip():
        errors["what_we_know"] = "Enter what your agency knows about the child and family"
    if not report.worries.strip():
        errors["worries"] = "Enter what your agency is worried about, or say that it has no worries"
    if not report.going_well.strip():
        errors["going_well"] = "Enter what is going well for the child: the conference builds on strengths"
    if report.shared_with_family is None:
        errors["shared_with_family"] = "Select whether you have shared this report with the family"
    return errors


@audited_action
def submit_conference_report(child, report: Report, *, acting_user) -> ConferenceReport:
    """Send a partner's report for the conference awaited for ``child``. The caller has fetched the child through the
    access rules for this partner; the rules of who and when are asked here so no caller can skip them."""
    if not acting_user.is_partner or acting_user.agency_id is None:
        raise ValidationError(NOT_A_PARTNER)
    awaited = conference_awaited(child)
    if awaited is None:
        raise ValidationError(NOTHING_AWAITED)
    if errors := report_errors(report):
        raise ValidationError(errors)
    sent = ConferenceReport(
        child=child, enquiry=awaited.enquiry, plan=awaited.plan, agency=acting_user.agency, author=acting_user,
        what_we_know=report.what_we_know.strip(), worries=report.worries.strip(), going_well=report.going_well.strip(),
        shared_with_family=bool(report.shared_with_family),
    )
    sent.full_clean()  # a text over its bound is refused by name, before the database's own check
    sent.save()
    return sent


def waiting_reports(*, enquiry: Section47Enquiry | None = None, plan: Plan | None = None, before: datetime | None = None):
    """The reports sent for the conference to come (for ``enquiry``'s initial or ``plan``'s next review), oldest first;
    with ``before``, only those sent by then."""
    rows = ConferenceReport.objects.filter(conference__isnull=True).select_related("agency", "author").order_by("submitted_at", "pk")
    rows = rows.filter(enquiry=enquiry) if enquiry is not None else rows.filter(plan=plan)
    return rows.filter(submitted_at__lte=before) if before is not None else rows


def take_reports(conference: ChildProtectionConference) -> list[ConferenceReport]:
    """Called by the conference's own action, in its transaction: the reports sent for it become its reports. For an
    initial conference, every report sent for the enquiry's conference (there is only one); for a review, those sent
    by the time it began (one sent later is for the next review). Each is saved on its own so that each change is
    audited as the recorder's."""
    if conference.kind == ConferenceKind.INITIAL:
        taken = list(waiting_reports(enquiry=conference.enquiry))
    else:
        began = timezone.make_aware(datetime.combine(conference.held_on, conference.starts_at))
        taken = list(waiting_reports(plan=conference.plan, before=began))
    for report in taken:
        report.conference = conference
        report.save(update_fields=["conference"])
    return taken
