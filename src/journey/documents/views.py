"""Attaching a document to an entry, and reading one.

Both fetch the child through ``get_child_for_staff`` (the read is logged) and the entry or document only within that
child, so an id from another child's record answers "no access" like a child the user may not see. A download is
answered as an attachment with the type sniffed when it was stored, never rendered by the browser in this site's
origin, and its read is logged naming the document.
"""
from django.conf import settings
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db import models
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_GET, require_http_methods

from journey.access.fetch import get_child_for_staff, record_pk
from journey.access.rules import NoAccess
from journey.audit.log import record
from journey.audit.models import Action
from journey.lib.forms import apply_errors

from . import registry, rules
from .actions import attach_document
from .forms import AttachForm
from .models import Document


def _entry_of(child, attachable: registry.Attachable | None, entry_id) -> models.Model:
    if attachable is None:
        raise NoAccess
    entry = attachable.model_class._default_manager.filter(child=child, pk=record_pk(entry_id)).first()
    if entry is None:
        raise NoAccess
    return entry


@require_http_methods(["GET", "POST"])
def attach(request: HttpRequest, child_id: int, label: str, **entry_ids: int) -> HttpResponse:
    child = get_child_for_staff(request, child_id, what="attach a document")
    attachable = registry.by_label(label)
    entry = _entry_of(child, attachable, entry_ids.get(attachable.id_name) if attachable else None)
    assert attachable is not None
    if not rules.can_attach(request.user, child):
        raise NoAccess
    form = AttachForm(request.POST, request.FILES) if request.method == "POST" else AttachForm()
    if request.method == "POST" and form.is_valid():
        try:
            document = attach_document(
                entry, form.cleaned_data["file"], description=form.cleaned_data["description"], acting_user=request.user,
            )
        except ValidationError as error:
            apply_errors(form, error)
        else:
            messages.success(request, f"Document attached: {document.original_name}")
            return redirect(attachable.page, child.pk, entry.pk)
    return render(request, "documents/attach.html", {
        "child": child, "form": form, "what": attachable.describe(entry), "back": reverse(attachable.page, args=[child.pk, entry.pk]),
        "max_mb": settings.JOURNEY_DOCUMENT_MAX_MB,
    })


@require_GET
def download(request: HttpRequest, child_id: int, document_id: int) -> FileResponse:
    child = get_child_for_staff(request, child_id, what="a document")
    document = Document.objects.filter(child=child, pk=record_pk(document_id)).first()
    if document is None or not rules.can_read(request.user, child):
        raise NoAccess
    try:
        opened = document.file.open("rb")
    except FileNotFoundError:
        raise Http404("The document's file is missing from the documents storage") from None
    record(Action.READ, user=request.user, child=child, obj=document, what=f"document: {document.original_name}", request=request)
    media_type = document.media_type + ("; charset=utf-8" if document.media_type == "text/plain" else "")
    response = FileResponse(opened, as_attachment=True, filename=document.original_name, content_type=media_type)
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = "sandbox"
    response["Cache-Control"] = "private, no-store"
    return response
