"""``journey break_glass_report [--date YYYY-MM-DD]``: the day's break-glass uses for the Caldicott guardian.

Run daily (e.g. from cron shortly after midnight); it reports the previous day unless given a date, prints the
report and emails it to every active Caldicott guardian with an email address. A day with no uses is reported
too, so that a missing email means the job did not run rather than that nothing happened.

When the mail server cannot be reached or refuses the message, the report is still printed and the command ends
with one line saying so and a non-zero status, so that cron mails or logs the failure rather than a traceback.
"""
from datetime import date, datetime, time, timedelta
from smtplib import SMTPException

from django.conf import settings
from django.core.mail import send_mail
from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from journey.access.models import BreakGlass
from journey.accounts.models import Role, User
from journey.lib.dates import today


def _day(value: str) -> date:
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise CommandError(f"--date must be a real date written YYYY-MM-DD, not {value!r}") from None


def report_for(day: date) -> tuple[str, str]:
    """The subject and body of the report for ``day`` (local time, midnight to midnight)."""
    start = timezone.make_aware(datetime.combine(day, time.min))
    uses = list(BreakGlass.objects.between(start, start + timedelta(days=1)))
    lines = []
    for use in uses:
        who = f"{use.user.display_name} ({use.user.username}, {use.user.get_role_display()}"
        who += f", {use.user.team.name})" if use.user.team else ")"
        lines += [
            f"{timezone.localtime(use.at):%H:%M}  {who}",
            f"       opened the record of {use.child.person.full_name} (child {use.child.pk})",
            f"       until {timezone.localtime(use.expires_at):%H:%M on %-d %B %Y}",
            f"       reason: {use.reason}",
            "",
        ]
    subject = f"Break-glass uses on {day:%-d %B %Y}: {len(uses)}"
    body = "\n".join([subject, "", *(lines or ["No record was opened by break-glass on this day."])]).rstrip() + "\n"
    return subject, body


class Command(BaseCommand):
    help = "Print the previous day's break-glass uses and email them to each Caldicott guardian."

    def add_arguments(self, parser) -> None:
        parser.add_argument("--date", help="Report this day (YYYY-MM-DD) instead of yesterday.")

    def handle(self, *args, **options) -> None:
        day = _day(options["date"]) if options["date"] else today() - timedelta(days=1)
        subject, body = report_for(day)
        self.stdout.write(body)
        guardians = list(User.objects.filter(role=Role.CALDICOTT_GUARDIAN, is_active=True).exclude(email="").order_by("pk"))
        sent = 0
        try:
            for guardian in guardians:
                send_mail(subject, body, None, [guardian.email])
                sent += 1
        except (OSError, SMTPException) as error:
            raise CommandError(
                f"The report above was not emailed ({sent} of {len(guardians)} Caldicott guardians sent): the mail server "
                f"at {settings.EMAIL_HOST}:{settings.EMAIL_PORT} could not be reached or refused it ({error}). "
                "Check JOURNEY_EMAIL_HOST and JOURNEY_EMAIL_PORT, then run the report again."
            ) from None
        self.stdout.write(f"Sent to {sent} Caldicott guardian{'' if sent == 1 else 's'}.")
