"""How long something has waited, in words, counted from the record's own date."""
from datetime import date, datetime

from django import template

from journey.casework.team import days_waited

register = template.Library()


@register.simple_tag
def days_since(since: date | datetime | None) -> str:
    if since is None:
        return ""
    days = days_waited(since)
    return "Today" if days <= 0 else "1 day" if days == 1 else f"{days} days"
