"""The front door's pages: the list of contacts awaiting screening, raising a contact, and the contact page where a
screener links each child named to the one record and decides what happens next."""
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Prefetch
from django.forms import Form
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from journey.access.fetch import get_child_for, get_child_to_match, log_read, record_pk
from journey.access.rules import NoAccess, can_work_contact, is_front_door, require_staff
from journey.audit.log import record, record_list_read
from journey.audit.models import Action
from journey.codelists import lookup
from journey.lib.forms import apply_errors
from journey.lib.keyset import keyset_page

from . import actions
from .codes import ContactStatus
from .forms import ContactForm, LinkForm, PartnerInformationForm, ScreeningForm
from .models import Contact, ContactChild
from .screening import named_rows
from .shared import concerns, sent_to, shared_sections, shared_with_agency

RECENTLY_SCREENED = 10
QUEUE_PAGE_SIZE = 50
CONCERNS_PAGE_SIZE = 25
WHAT_READ = "front door contact"


def _contact_for(request: HttpRequest, contact_id: int) -> Contact:
    """The contact, if the user may open it (``Contact.objects.visible_to``); a forbidden and a missing contact
    answer alike."""
    require_staff(request.user)
    contact = Contact.objects.visible_to(request.user).filter(pk=record_pk(contact_id)).select_related(
        "agency", "recorded_by", "decision__decided_by"
    ).first()
    if contact is None:
        raise NoAccess
    return contact


def _contact_to_work(request: HttpRequest, contact_id: int) -> Contact:
    """The contact, for the front door's own work on it (linking, new records, screening); anyone else who may
    read the contact is answered as if it were not there. Whether it is still open is the action's to say."""
    contact = _contact_for(request, contact_id)
    if not is_front_door(request.user):
        raise NoAccess
    return contact


def _named_for(contact: Contact, named_id: int) -> ContactChild:
    named = contact.children_named.filter(pk=record_pk(named_id)).first()
    if named is None:
        raise NoAccess
    return named


@require_GET
def contacts(request: HttpRequest) -> HttpResponse:
    """The front door's queue: its own work, so only the front door sees it. The names on it are logged."""
    require_staff(request.user)
    if not is_front_door(request.user):
        raise NoAccess
    named = Prefetch("children_named", queryset=ContactChild.objects.order_by("pk"))
    visible = Contact.objects.visible_to(request.user).select_related("agency").prefetch_related(named)
    queue = visible.filter(status=ContactStatus.AWAITING_SCREENING)
    # Keyset pages, oldest first: contacts arrive while the queue is read, and must not shift it under the reader.
    page = keyset_page(queue, ("received_at", "pk"), size=QUEUE_PAGE_SIZE, after=request.GET.get("after"), before=request.GET.get("before"))
    awaiting = page.rows
    screened = list(
        visible.filter(status=ContactStatus.SCREENED, decision__isnull=False).select_related("decision__decided_by")
        .order_by("-decision__decided_at", "-pk")[:RECENTLY_SCREENED]
    )
    shown = awaiting + screened
    linked = [named.child_id for contact in shown for named in contact.children_named.all() if named.child_id]
    with transaction.atomic():
        record_list_read(request.user, "front door queue", linked, request, contacts=shown)
    return render(request, "frontdoor/contacts.html", {
        "awaiting": awaiting, "page": page, "awaiting_total": queue.count(), "screened": screened,
    })


@require_http_methods(["GET", "POST"])
def new_contact(request: HttpRequest) -> HttpResponse:
    form = ContactForm(request.POST if request.method == "POST" else None, user=request.user)
    if form.is_bound and form.is_valid():
        try:
            contact = actions.record_contact(acting_user=request.user, **form.action_kwargs())
        except ValidationError as error:
            apply_errors(form, error)
        else:
            if request.user.is_partner:  # type: ignore[union-attr]
                return redirect("frontdoor:contact-sent", contact.pk)
            messages.success(request, f"Contact {contact.pk} recorded")
            return redirect("frontdoor:contact", contact.pk)
    return render(request, "frontdoor/new_contact.html", {"form": form})


@require_GET
def contact_sent(request: HttpRequest, contact_id: int) -> HttpResponse:
    """The confirmation a referrer sees: the reference to quote, and nothing of any child's record."""
    contact = Contact.objects.filter(pk=record_pk(contact_id), recorded_by=request.user).first()  # type: ignore[misc]
    if contact is None:
        raise NoAccess
    return render(request, "frontdoor/contact_sent.html", {"contact": contact})


def _render_contact(request: HttpRequest, contact: Contact, *, form: Form | None = None) -> HttpResponse:
    """The contact page; ``form`` is a submitted form whose errors the page must show."""
    rows = named_rows(contact, request.user)
    linked = [row.named.child for row in rows if row.named.child_id and row.record_shown]
    with transaction.atomic():
        record(Action.READ, user=request.user, obj=contact, what=WHAT_READ, request=request)
        for child in linked:
            log_read(request.user, child, WHAT_READ, request)
    screen_form = form if isinstance(form, ScreeningForm) else ScreeningForm(contact=contact)
    context = {
        "contact": contact,
        "decision": getattr(contact, "decision", None),
        "rows": rows,
        "all_linked": all(row.named.child_id for row in rows),
        "can_work": can_work_contact(request.user, contact),
        "form": form,
        "screen_form": screen_form,
        "referral_source": _referral_source(contact),
    }
    return render(request, "frontdoor/contact.html", context)


def _referral_source(contact: Contact) -> str:
    """Who made the referral, as the census counts it, once the contact became one (the same for each child)."""
    referral = contact.referrals.first()
    return lookup.label("cin.referral_source", referral.source) if referral and referral.source else ""


@require_GET
def contact(request: HttpRequest, contact_id: int) -> HttpResponse:
    return _render_contact(request, _contact_for(request, contact_id))


@require_POST
def link(request: HttpRequest, contact_id: int, named_id: int) -> HttpResponse:
    contact = _contact_to_work(request, contact_id)
    named = _named_for(contact, named_id)
    form = LinkForm(request.POST)
    if not form.is_valid():
        raise NoAccess
    child = get_child_to_match(request.user, form.cleaned_data["child_id"], what="link contact", request=request)
    try:
        actions.link_contact_to_child(
            named, child, acting_user=request.user, replacing_reason=form.cleaned_data["replacing_reason"]
        )
    except ValidationError as error:
        apply_errors(form, error)
        return _render_contact(request, contact, form=form)
    messages.success(request, f"{named} is linked to the record of {child.name}")
    return redirect("frontdoor:contact", contact.pk)


@require_POST
def create_child(request: HttpRequest, contact_id: int, named_id: int) -> HttpResponse:
    contact = _contact_to_work(request, contact_id)
    named = _named_for(contact, named_id)
    form = Form(request.POST)
    form.full_clean()
    try:
        child = actions.create_child_from_contact(named, acting_user=request.user)
    except ValidationError as error:
        apply_errors(form, error)
        return _render_contact(request, contact, form=form)
    messages.success(request, f"A new record was made for {child.name} and linked to this contact")
    return redirect("frontdoor:contact", contact.pk)


@require_POST
def screen(request: HttpRequest, contact_id: int) -> HttpResponse:
    contact = _contact_to_work(request, contact_id)
    form = ScreeningForm(request.POST)
    if form.is_valid():
        try:
            decision = actions.screen_contact(
                contact, acting_user=request.user, outcome=form.cleaned_data["outcome"],
                rationale=form.cleaned_data["rationale"], team=form.cleaned_data["team"],
                referral_source=form.cleaned_data["referral_source"],
            )
        except ValidationError as error:
            apply_errors(form, error)
        else:
            messages.success(request, f"Decision recorded: {decision.get_outcome_display()}")
            return redirect("frontdoor:contact", contact.pk)
    return _render_contact(request, contact, form=form)


@require_GET
def shared_record(request: HttpRequest, child_id: int) -> HttpResponse:
    """What a partner agency may see of a child its staff raised concerns about: no more than this page shows."""
    if not request.user.is_partner:  # type: ignore[union-attr]
        raise NoAccess
    child = get_child_for(request.user, child_id, what="shared record", request=request)
    return render(request, "frontdoor/shared_record.html", {
        "child": child, **shared_with_agency(child, request.user.agency), "sections": shared_sections(child, request.user),  # type: ignore[union-attr]
    })


def _require_partner(request: HttpRequest) -> None:
    """Partner pages answer staff (and the signed-out) with the same no-access page."""
    if not (request.user.is_authenticated and request.user.is_partner):
        raise NoAccess


@require_GET
def my_concerns(request: HttpRequest) -> HttpResponse:
    """A partner's own contacts (or, with ``?whose=agency``, their colleagues' at the same agency: the contacts the
    access rules already open to the agency), newest first, in keyset pages. The children named are logged."""
    _require_partner(request)
    user = request.user
    whose = "agency" if request.GET.get("whose") == "agency" else "mine"
    visible = Contact.objects.visible_to(user)
    rows = visible.exclude(recorded_by=user) if whose == "agency" else visible.filter(recorded_by=user)
    rows = rows.select_related("decision").prefetch_related(Prefetch("children_named", queryset=ContactChild.objects.order_by("pk")))
    page = keyset_page(rows, ("-received_at", "-pk"), size=CONCERNS_PAGE_SIZE, after=request.GET.get("after"), before=request.GET.get("before"))
    shown = concerns(user, page.rows)
    linked = dict.fromkeys(named.child_id for concern in shown for named in concern.contact.children_named.all() if named.child_id)
    with transaction.atomic():
        record_list_read(user, "my concerns" if whose == "mine" else "my agency's concerns", linked, request, contacts=page.rows)
    return render(request, "frontdoor/my_concerns.html", {"concerns": shown, "page": page, "whose": whose})


@require_http_methods(["GET", "POST"])
def add_information(request: HttpRequest, child_id: int) -> HttpResponse:
    """A partner adds information about a child their agency raised a concern about; the action decides whether it
    goes to the allocated worker or the front door, and the partner is told which."""
    _require_partner(request)
    child = get_child_for(request.user, child_id, what="add information", request=request)
    form = PartnerInformationForm(request.POST if request.method == "POST" else None)
    if form.is_bound and form.is_valid():
        try:
            information = actions.add_partner_information(child, acting_user=request.user, **form.action_kwargs())
        except ValidationError as error:
            apply_errors(form, error)
        else:
            messages.success(request, sent_to(information))
            return redirect("frontdoor:shared-record", child.pk)
    return render(request, "frontdoor/add_information.html", {"child": child, "form": form})
