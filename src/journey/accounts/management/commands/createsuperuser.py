"""Django's ``createsuperuser``, with the account it makes logged as this command's work.

Every captured write must say who made it, and when the first account is made there is no user yet to act, so the
command names itself as the system actor. (``journey.accounts`` is listed before ``django.contrib.auth`` in
INSTALLED_APPS so that this command is the one that runs.)
"""
from django.contrib.auth.management.commands.createsuperuser import Command as DjangoCreateSuperuser

from journey.audit.context import acting_as_system


class Command(DjangoCreateSuperuser):
    def handle(self, *args, **options):
        with acting_as_system("createsuperuser command"):
            return super().handle(*args, **options)
