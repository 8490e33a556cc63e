"""Data protection state changes: logging a subject access request, producing its export, recording the
response, and recording information shared with another organisation. Each is atomic and takes the acting user
as a keyword-only argument; rule failures name the field."""
from datetime import date

from django.core.exceptions import ValidationError
from django.utils import timezone

from journey.access.fetch import log_read
from journey.access.rules import NoAccess, can_record_work
from journey.audit.context import audited_action
from journey.lib.dates import today

from .codes import LawfulBasis
from .exporter import SubjectAccessExport, build_export
from .models import InformationShare, SubjectAccessRequest
from .periods import add_months
from .rules import children_in_scope, require_officer

SAR_EXPORT = "subject access export"
SAR_EXPORT_NAMED = "subject access export: records naming a related person"


def sar_due_on(received_on: date) -> date:
    """One calendar month from receipt; where that month has no such day, its last day (ICO guidance)."""
    return add_months(received_on, 1)


@audited_action
def record_subject_access_request(
    person, *, acting_user, requested_by_name: str, received_on: date, notes: str = "",
) -> SubjectAccessRequest:
    require_officer(acting_user)
    errors = {}
    if not requested_by_name.strip():
        errors["requested_by_name"] = "Enter who made the request"
    if received_on > today():
        errors["received_on"] = "Date received must be today or in the past"
    if errors:
        raise ValidationError(errors)
    return SubjectAccessRequest.objects.create(
        person=person, requested_by_name=requested_by_name.strip(), received_on=received_on,
        due_on=sar_due_on(received_on), notes=notes.strip(), recorded_by=acting_user,
    )


@audited_action
def export_subject_access(sar: SubjectAccessRequest, *, acting_user, request=None) -> SubjectAccessExport:
    """Build the export, logging a read of every child's record it draws on, and note who produced it and when."""
    scope = children_in_scope(acting_user)
    person = sar.person

    def record_read(child) -> None:
        log_read(acting_user, child, SAR_EXPORT if child.pk == person.pk else SAR_EXPORT_NAMED, request)

    export = build_export(person, user=acting_user, children=scope, record_read=record_read)
    sar.exported_by = acting_user
    sar.exported_at = export.generated_at
    sar.save(update_fields=["exported_by", "exported_at"])
    return export


@audited_action
def record_sar_response(sar: SubjectAccessRequest, *, acting_user, responded_on: date) -> SubjectAccessRequest:
    require_officer(acting_user)
    if not sar.is_open:
        raise ValidationError("This request has already been answered")
    if responded_on < sar.received_on:
        raise ValidationError({"responded_on": f"Date sent must be on or after the date received ({sar.received_on:%-d %B %Y})"})
    if responded_on > today():
        raise ValidationError({"responded_on": "Date sent must be today or in the past"})
    sar.responded_on = responded_on
    sar.save(update_fields=["responded_on"])
    return sar


@audited_action
def record_information_share(
    child, *, acting_user, shared_with_agency, lawful_basis: str, what_was_shared: str, reason: str, shared_on: date,
    shared_with_person: str = "",
) -> InformationShare:
    """Record what was shared about a child, with whom and on what lawful basis. Partners cannot record shares."""
    if not can_record_work(acting_user):
        raise NoAccess
    errors = {}
    if shared_with_agency is None:
        errors["shared_with_agency"] = "Select the organisation the information was shared with"
    if lawful_basis not in LawfulBasis.values:
        errors["lawful_basis"] = "Select the lawful basis for sharing"
    if not what_was_shared.strip():
        errors["what_was_shared"] = "Enter what information was shared"
    if not reason.strip():
        errors["reason"] = "Enter why it was necessary to share the information"
    if shared_on and shared_on > today():
        errors["shared_on"] = "Date shared must be today or in the past"
    if errors:
        raise ValidationError(errors)
    return InformationShare.objects.create(
        child=child, shared_with_agency=shared_with_agency, shared_with_person=shared_with_person.strip(),
        what_was_shared=what_was_shared.strip(), lawful_basis=lawful_basis, reason=reason.strip(),
        shared_on=shared_on, recorded_by=acting_user, recorded_at=timezone.now(),
    )
