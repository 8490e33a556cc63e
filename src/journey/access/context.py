"""What every page needs to know of the user's access, asked only when a template uses it."""
from django.utils.functional import SimpleLazyObject

from .rules import is_front_door


def front_door(request) -> dict:
    """``is_front_door`` for the header and the contact pages: worked out once, and only if a template asks."""
    user = getattr(request, "user", None)
    return {"is_front_door": SimpleLazyObject(lambda: is_front_door(user))}
