"""Contacts: a partner system (or council staff) submits a concern, then follows its status and outcome; a partner
adds information about a child their agency raised a concern about."""
from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import HttpRequest
from ninja import Router, Status

from journey.access.fetch import get_child_for, log_read, record_pk
from journey.access.rules import NoAccess
from journey.accounts.models import Agency
from journey.audit.log import record
from journey.audit.models import Action
from journey.frontdoor.actions import NamedChild, add_partner_information, record_contact
from journey.frontdoor.models import Contact
from journey.frontdoor.shared import sent_to
from journey.people.relations import children_hidden_from

from ..schemas import ContactCreated, ContactIn, ContactOut, Error, InformationIn, InformationSent, ValidationErrors
from .shared import contact_outcome

router = Router(tags=["Contacts"])
ERRORS = {401: Error, 403: Error, 422: ValidationErrors}


def _agency_for(user, payload: ContactIn) -> Agency:
    """A partner's contact always comes from their own agency; council staff say which agency it came from."""
    if user.is_partner:
        if payload.agency_id not in (None, user.agency_id):
            raise ValidationError({"agency_id": "A partner raises contacts for their own agency: leave agency_id out"})
        if payload.received_at is not None:
            raise ValidationError({"received_at": "Only council staff may say when a contact was received: leave it out"})
        return user.agency
    if payload.agency_id is None:
        raise ValidationError({"agency_id": "Give the id of the agency the contact came from"})
    agency = Agency.objects.filter(pk=payload.agency_id).first()
    if agency is None:
        raise ValidationError({"agency_id": "No agency has this id"})
    return agency


@router.post("/contacts", response={201: ContactCreated, **ERRORS}, summary="Submit a contact")
def submit_contact(request: HttpRequest, payload: ContactIn):
    """Record a concern about one or more children, as the referrer describes them. The front door links each
    child to their record and decides what happens next; follow it with GET /api/contacts/{id}."""
    user = request.auth  # type: ignore[attr-defined]
    contact = record_contact(
        acting_user=user, agency=_agency_for(user, payload), concern=payload.concern, received_at=payload.received_at,
        children=[
            NamedChild(
                first_name=c.first_name, last_name=c.last_name, date_of_birth=c.date_of_birth, nhs_number=c.nhs_number,
                address=c.address, postcode=c.postcode, expected_delivery=c.expected_date_of_delivery,
            )
            for c in payload.children
        ],
        referrer_name=payload.referrer_name, referrer_role=payload.referrer_role, referrer_phone=payload.referrer_phone,
        parents_aware=payload.parents_aware,
    )
    return Status(201, {"id": contact.pk, "status": contact.status, "status_label": contact.get_status_display()})


def _contact_for(user, contact_id: int) -> Contact:
    """The contacts the same rule lets the user open on the site (``Contact.objects.visible_to``): a partner its
    agency's, never one about a restricted child; council staff as the front door's pages allow. A forbidden and
    a missing contact answer alike."""
    contact = Contact.objects.visible_to(user).filter(pk=record_pk(contact_id)).select_related("agency", "decision").first()
    if contact is None:
        raise NoAccess
    return contact


@router.get("/contacts/{contact_id}", response={200: ContactOut, **ERRORS}, summary="A contact's status and outcome")
def get_contact(request: HttpRequest, contact_id: int):
    """Where a contact has got to. Reading it is logged as a read of each child record it is linked to. A child
    linked to a restricted record the caller may not open is left out altogether, as on every page: the referrer
    named her, but what the record has since made of her (a restricted child) is not theirs to learn."""
    contact = _contact_for(request.auth, contact_id)  # type: ignore[attr-defined]
    hidden = children_hidden_from(request.auth).values("pk")  # type: ignore[attr-defined]
    named = list(contact.children_named.exclude(child__in=hidden).select_related("child").order_by("pk"))
    with transaction.atomic():
        record(Action.READ, user=request.auth, obj=contact, what="api: contact", request=request)  # type: ignore[attr-defined]
        for row in named:
            if row.child is not None:
                log_read(request.auth, row.child, "api: contact", request)  # type: ignore[attr-defined]
    return {
        **contact_outcome(contact),
        "children": [
            {"first_name": n.given_first_name, "last_name": n.given_last_name, "date_of_birth": n.given_date_of_birth} for n in named
        ],
    }


@router.post(
    "/children/{child_id}/information", response={201: InformationSent, **ERRORS}, summary="Add information about a child",
)
def add_information(request: HttpRequest, child_id: int, payload: InformationIn):
    """A partner adds information about a child their agency raised a concern about, as on the page: it goes to the
    child's allocated worker and team, or to the front door as a new contact when nobody is allocated, and the
    answer says which. Council staff, and partners whose agency raised no concern about the child, are answered 403,
    as for a child who does not exist."""
    user = request.auth  # type: ignore[attr-defined]
    if not user.is_partner:
        raise NoAccess
    child = get_child_for(user, child_id, what="api: add information", request=request)
    information = add_partner_information(
        child, acting_user=user, what_happened=payload.what_happened, happened_on=payload.happened_on,
        how_known=payload.how_known, family_knows=payload.family_knows,
    )
    return Status(201, {
        "id": information.pk, "routed_to": information.routed_to, "routed_to_label": information.get_routed_to_display(),
        "message": sent_to(information), "contact_id": information.contact_id,
    })
