"""Pages where a practitioner adds to a child's chronology. The chronology itself is derived from the record;
these add only what the record does not already hold: a significant event, or a practitioner's judgement that an
existing entry matters."""
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_GET, require_http_methods

from journey.access.fetch import get_child_for_staff
from journey.lib.forms import apply_errors

from . import actions
from .forms import ChronologyFilterForm, FlagEntryForm, SignificantEventForm
from .models import SignificanceFlag
from .printing import MOST_PRINTED, PrintedChronology, PrintingUnavailable, chronology_pdf
from .read import entry_on, every_entry, summary_of


@require_http_methods(["GET", "POST"])
def add_event(request: HttpRequest, child_id: int) -> HttpResponse:
    child = get_child_for_staff(request, child_id, what="record a significant event")
    form = SignificantEventForm(request.POST) if request.method == "POST" else SignificantEventForm()
    if request.method == "POST" and form.is_valid():
        try:
            actions.record_significant_event(
                child, acting_user=request.user, occurred_at=form.occurred_at_value(), description=form.cleaned_data["description"],
            )
        except ValidationError as error:
            apply_errors(form, error)
        else:
            messages.success(request, "Significant event added to the chronology")
            return redirect("people:child", child.pk)
    return render(request, "chronology/event_form.html", {"child": child, "form": form})


@require_http_methods(["GET", "POST"])
def flag(request: HttpRequest, child_id: int) -> HttpResponse:
    child = get_child_for_staff(request, child_id, what="flag a chronology entry")
    key = (request.POST.get("entry") if request.method == "POST" else request.GET.get("entry")) or ""
    entry = entry_on(child, key)  # None for a key of the wrong shape too, which is never sent to the database
    if entry is None:
        key = ""
    if request.method == "GET":
        existing = SignificanceFlag.objects.filter(child=child, entry_key=key).first()
        form = FlagEntryForm(initial={"reason": existing.reason} if existing else None)
        if entry is None:
            return render(request, "chronology/flag_form.html", {"child": child, "form": form, "entry": None}, status=404)
    else:
        form = FlagEntryForm(request.POST)
        if form.is_valid():
            try:
                actions.flag_entry_significant(child, key, acting_user=request.user, reason=form.cleaned_data["reason"])
            except ValidationError as error:
                apply_errors(form, error)
            else:
                messages.success(request, "Entry marked as significant")
                return redirect("people:child", child.pk)
    return render(request, "chronology/flag_form.html", {"child": child, "form": form, "entry": entry})


@require_GET
def print_chronology(request: HttpRequest, child_id: int) -> HttpResponse:
    """The chronology as a PDF, with the filters chosen on the journey page. Printing is a read of the record like
    any other, so it goes to the audit log as one."""
    child = get_child_for_staff(request, child_id, what="print the chronology (PDF)")
    form = ChronologyFilterForm(request.GET or None, agencies=summary_of(child).agencies)
    chosen = form.chosen()
    entries, matching = every_entry(child, chosen, most=MOST_PRINTED)
    person = child.person
    printed_at = timezone.localtime()
    printed = PrintedChronology(
        child_name=person.full_name, born=f"{person.date_of_birth:%-d %B %Y}" if person.date_of_birth else "",
        entries=entries, matching=matching, filters=form.describe(),
        oldest_first=chosen.oldest_first, printed_at=printed_at, printed_by=request.user.display_name,  # type: ignore[union-attr]
    )
    try:
        pdf = chronology_pdf(printed)
    except PrintingUnavailable:
        return render(request, "chronology/print_unavailable.html", {"child": child}, status=503)
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="chronology-{child.pk}-{printed_at:%Y-%m-%d}.pdf"'
    response["Cache-Control"] = "no-store"
    return response
