"""Django's ``changepassword``, with the change logged as this command's work (an operator at the server's console,
not a signed-in user). See createsuperuser.py for why it replaces Django's."""
from django.contrib.auth.management.commands.changepassword import Command as DjangoChangePassword

from journey.audit.context import acting_as_system


class Command(DjangoChangePassword):
    def handle(self, *args, **options):
        with acting_as_system("changepassword command"):
            return super().handle(*args, **options)
