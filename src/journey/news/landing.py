"""The "new for you" panel at the top of "My children": the newest unread items and how many are unread."""
from django.http import HttpRequest

from journey.casework.landing import Panel, register

from . import feed


@register
def new_for_you(request: HttpRequest) -> Panel:
    unread = feed.unread(request.user)
    return Panel(
        "news/_panel.html", {"items": unread.items, "count": unread.count, "capped": unread.count_is_capped, "up_to": unread.up_to},
        children=[item.child.pk for item in unread.items],
    )
