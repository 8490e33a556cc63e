"""Pages where a practitioner adds to a child's chronology. The chronology itself is derived from the record;
these add only what the record does not already hold: a significant event, or a practitioner's judgement that an
existing entry matters."""
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods

from journey.access.fetch import get_child_for_staff
from journey.lib.forms import apply_errors

from . import actions
from .forms import FlagEntryForm, SignificantEventForm
from .models import SignificanceFlag
from .read import entry_on


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
