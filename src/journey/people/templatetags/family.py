"""Template filters for the family pages."""
from datetime import date

from django import template

register = template.Library()


@register.filter
def age_described(person, on: date) -> str:
    """``{{ person|age_described:today }}``: '34', 'about 34' from an approximate age, or empty when not known."""
    return person.age_described(on)
