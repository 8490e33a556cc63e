"""The "new for you" pages: the whole list, opening one item, and marking all read.

The list and the opening both go through ``feed``, which chooses children only through
``Child.objects.visible_to(user)``: an item about a child the user may not open, someone else's item, and an item
that does not exist all answer the same "no access" page."""
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_GET, require_POST

from journey.access.fetch import record_pk
from journey.access.rules import NoAccess, require_staff
from journey.audit.log import record_list_read
from journey.lib.forms import apply_errors

from . import actions, feed
from .forms import MarkAllReadForm


def _list(request: HttpRequest, form: MarkAllReadForm | None = None, status: int = 200) -> HttpResponse:
    shown = feed.page(request.user, after=request.GET.get("after"), before=request.GET.get("before"))
    record_list_read(request.user, "new for you", dict.fromkeys(item.child.pk for item in shown.items), request=request)
    return render(request, "news/news.html", {"page": shown, "form": form, "horizon_days": feed.HORIZON.days}, status=status)


@require_GET
def news(request: HttpRequest) -> HttpResponse:
    """All the user's news, newest first, a page at a time; the children named on the page go to the audit log."""
    require_staff(request.user)
    return _list(request)


@require_GET
def open_item(request: HttpRequest, kind: str, item_id: int) -> HttpResponse:
    """Mark the item read and go to its own page (or, with ``?to=child``, to the child's): the link that opens an
    item from the list. The page it leads to logs its own read; nothing here names the child."""
    require_staff(request.user)
    try:
        item = actions.open_news(kind, record_pk(item_id), acting_user=request.user)
    except actions.NotYourNews:
        raise NoAccess from None
    return redirect(feed.child_url(item.child) if request.GET.get("to") == "child" else item.url)


@require_POST
def mark_all_read(request: HttpRequest) -> HttpResponse:
    require_staff(request.user)
    form = MarkAllReadForm(request.POST)
    if form.is_valid():
        try:
            actions.mark_all_read(acting_user=request.user, up_to=form.cleaned_data["up_to"])
        except ValidationError as error:
            apply_errors(form, error)
        else:
            messages.success(request, "Your news is marked as read")
            return redirect("casework:my-children" if form.cleaned_data["back"] == "my-children" else "news:news")
    return _list(request, form, status=400)
