"""Break-glass: staff without access open a record in an emergency by saying why; it is time-limited, shown to the
child's managers and reported daily to the Caldicott guardian."""
import socket
from datetime import timedelta
from io import StringIO

import pytest
from django.core import mail
from django.core.management import CommandError, call_command
from django.template.loader import render_to_string
from django.test import RequestFactory
from django.utils import timezone

from journey.access.models import BreakGlass
from journey.access.rules import involvement

pytestmark = pytest.mark.django_db

REASON = "Police report Ruby missing tonight; need her address history."


def test_the_no_access_page_offers_break_glass_to_local_authority_staff(client_for, charlie, ruby):
    page = client_for(charlie).get(f"/children/{ruby.pk}/").content.decode()
    assert f'action="/access/children/{ruby.pk}/break-glass/"' in page


def test_the_no_access_page_offers_no_break_glass_to_partners_or_administrators(client_for, teacher, admin_user, ruby):
    for user in (teacher, admin_user):
        page = client_for(user).get(f"/children/{ruby.pk}/").content.decode()
        assert "break-glass" not in page


def test_it_needs_a_reason(client_for, charlie, ruby):
    response = client_for(charlie).post(f"/access/children/{ruby.pk}/break-glass/", {"reason": ""})
    assert response.status_code == 200
    assert "Enter the reason for emergency access" in response.content.decode()
    assert not BreakGlass.objects.exists()


def test_it_needs_more_than_a_word_and_keeps_what_was_typed(client_for, charlie, ruby):
    response = client_for(charlie).post(f"/access/children/{ruby.pk}/break-glass/", {"reason": "urgent"})
    page = response.content.decode()
    assert "The reason for emergency access must be at least 10 characters" in page
    assert ">urgent</textarea>" in page
    assert not BreakGlass.objects.exists()


def test_it_opens_the_record_for_a_limited_time(client_for, charlie, ruby, settings):
    settings.JOURNEY_BREAK_GLASS_HOURS = 2
    client = client_for(charlie)
    response = client.post(f"/access/children/{ruby.pk}/break-glass/", {"reason": REASON})
    assert response.status_code == 302 and response["Location"] == f"/children/{ruby.pk}/"
    use = BreakGlass.objects.get()
    assert (use.user, use.child, use.reason) == (charlie, ruby, REASON)
    assert timedelta(hours=1, minutes=59) < use.expires_at - use.at <= timedelta(hours=2)
    assert involvement(charlie, ruby) == "break-glass"
    assert client.get(f"/children/{ruby.pk}/").status_code == 200
    BreakGlass.objects.filter(pk=use.pk).update(expires_at=timezone.now() - timedelta(seconds=1))
    assert client.get(f"/children/{ruby.pk}/").status_code == 403


def test_a_partner_cannot_break_glass(client_for, teacher, ruby):
    assert client_for(teacher).post(f"/access/children/{ruby.pk}/break-glass/", {"reason": REASON}).status_code == 403
    assert not BreakGlass.objects.exists()


def test_an_administrator_cannot_break_glass(client_for, admin_user, ruby):
    assert client_for(admin_user).post(f"/access/children/{ruby.pk}/break-glass/", {"reason": REASON}).status_code == 403
    assert not BreakGlass.objects.exists()


def test_a_missing_child_answers_with_the_no_access_page(client_for, charlie, ruby):
    client = client_for(charlie)
    missing = client.post("/access/children/999999/break-glass/", {"reason": REASON})
    assert missing.status_code == 403
    assert "You do not have access to this record" in missing.content.decode()
    assert not BreakGlass.objects.exists()
    # A bad reason reads the same for a missing child as for a real one.
    real = client.post(f"/access/children/{ruby.pk}/break-glass/", {"reason": "x"}).content.decode()
    fake = client.post("/access/children/999999/break-glass/", {"reason": "x"}).content.decode()
    strip = lambda page: page.replace(str(ruby.pk), "").replace("999999", "")  # noqa: E731
    assert "csrfmiddlewaretoken" in real
    import re
    token = re.compile(r'name="csrfmiddlewaretoken" value="[^"]+"')
    assert token.sub("", strip(real)) == token.sub("", strip(fake))


def test_someone_already_involved_is_sent_to_the_record_without_a_break_glass(client_for, alice, ruby):
    response = client_for(alice).post(f"/access/children/{ruby.pk}/break-glass/", {"reason": REASON})
    assert response.status_code == 302
    assert not BreakGlass.objects.exists()


def notice(user, child) -> str:
    request = RequestFactory().get("/")
    request.user = user
    return render_to_string("access/_break_glass_notice.html", {"child": child}, request=request)


def test_the_childs_managers_see_the_break_glass_on_the_record(mo, helen, charlie, ruby, client_for):
    client_for(charlie).post(f"/access/children/{ruby.pk}/break-glass/", {"reason": REASON})
    for manager in (mo, helen):
        shown = notice(manager, ruby)
        assert "Charlie Cole" in shown and REASON in shown


def test_others_do_not_see_who_broke_glass(bea, alice, charlie, ruby, client_for):
    client_for(charlie).post(f"/access/children/{ruby.pk}/break-glass/", {"reason": REASON})
    for user in (bea, alice):
        assert REASON not in notice(user, ruby)
    assert "Your access ends at" in notice(charlie, ruby)


def yesterday_use(user, child) -> BreakGlass:
    at = timezone.now() - timedelta(days=1)
    return BreakGlass.objects.create(user=user, child=child, reason=REASON, at=at, expires_at=at + timedelta(hours=4))


def test_the_daily_report_lists_yesterdays_uses_and_emails_the_caldicott_guardian(carol, charlie, ruby):
    yesterday_use(charlie, ruby)
    out = StringIO()
    call_command("break_glass_report", stdout=out)
    printed = out.getvalue()
    assert "Break-glass uses on" in printed and ": 1" in printed
    assert "Charlie Cole (charlie, Practitioner, Child in Need Team B)" in printed
    assert "Ruby Smith" in printed and REASON in printed
    assert [m.to for m in mail.outbox] == [[carol.email]]
    assert REASON in mail.outbox[0].body


def test_the_report_for_a_given_day_leaves_out_other_days(carol, charlie, ruby):
    use = yesterday_use(charlie, ruby)
    out = StringIO()
    day = timezone.localtime(use.at).date() - timedelta(days=1)
    call_command("break_glass_report", date=day.isoformat(), stdout=out)
    assert "No record was opened by break-glass on this day." in out.getvalue()
    assert REASON not in out.getvalue()


@pytest.fixture
def closed_port() -> int:
    """A port on this machine where nothing listens: connecting to it is refused at once."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def test_without_a_mail_server_the_report_is_printed_and_one_line_says_it_was_not_sent(
    settings, closed_port, carol, charlie, ruby,
):
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", closed_port
    yesterday_use(charlie, ruby)
    out = StringIO()

    with pytest.raises(CommandError) as caught:
        call_command("break_glass_report", stdout=out)

    assert REASON in out.getvalue()
    message = str(caught.value)
    assert "\n" not in message
    assert message.startswith("The report above was not emailed (0 of 1 Caldicott guardians sent)")
    assert f"127.0.0.1:{closed_port}" in message and "JOURNEY_EMAIL_HOST" in message


def test_the_report_rejects_a_date_that_is_not_a_date():
    with pytest.raises(CommandError, match="--date must be a real date written YYYY-MM-DD"):
        call_command("break_glass_report", date="31/02/2026", stdout=StringIO())


def test_break_glass_is_written_to_the_audit_log_with_its_reason(client_for, charlie, ruby):
    from journey.audit.models import Action, AuditEvent

    client_for(charlie).post(f"/access/children/{ruby.pk}/break-glass/", {"reason": "Police at the door at 2am asking about Ruby."})
    event = AuditEvent.objects.get(action=Action.BREAK_GLASS, child=ruby)
    assert (event.user, event.reason) == (charlie, "Police at the door at 2am asking about Ruby.")
