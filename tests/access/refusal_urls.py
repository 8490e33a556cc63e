"""The site's routes plus two that exist only for the refusal tests: a view that writes inside a transaction and
then meets no access (so the write rolls back), and one that raises Django's own ``PermissionDenied``."""
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.urls import path

from journey.access.rules import NoAccess
from journey.accounts.models import Agency
from journey.urls import urlpatterns as site

ROLLED_BACK_AGENCY = "Written, then rolled back"


def writes_then_refuses(request, child_id: int):
    with transaction.atomic():
        Agency.objects.create(name=ROLLED_BACK_AGENCY)
        raise NoAccess


def permission_denied(request, child_id: int):
    raise PermissionDenied


urlpatterns = [
    path("refusal-tests/<int:child_id>/rolled-back/", writes_then_refuses),
    path("refusal-tests/<int:child_id>/permission-denied/", permission_denied),
    *site,
]
