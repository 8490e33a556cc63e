"""Case audit pages: each route with paired allow/deny tests, forms that refuse bad input naming the field and keep
what was typed, and the themes page counted from the record in a fixed number of queries."""
from datetime import timedelta

import pytest
from django.utils import timezone

from journey.audit.models import AuditEvent
from journey.learning.audit_actions import record_practitioner_view
from journey.learning.models import CaseAudit, CaseAuditRound
from journey.lib.dates import today

from .audits import a_round, an_audit, framework, grade

pytestmark = pytest.mark.django_db
NO_ACCESS = b"You do not have access"


def _date(prefix: str, day) -> dict:
    return {f"{prefix}_0": day.day, f"{prefix}_1": day.month, f"{prefix}_2": day.year}


def test_a_manager_makes_a_round_from_the_form(client_for, mo, audra, ruby, leo):
    client = client_for(mo)
    assert client.get("/learning/audits/rounds/new/").status_code == 200
    response = client.post("/learning/audits/rounds/new/", {
        "title": "Team A in the autumn", "framework": framework().pk, "method": "random", "size": "2", "seed": "99",
        **_date("as_of", today()), "auditors": [audra.pk], **_date("grant_starts_on", today()), **_date("grant_ends_on", today() + timedelta(days=30)),
    })
    made = CaseAuditRound.objects.get()
    assert response.status_code == 302 and response["Location"] == f"/learning/audits/rounds/{made.pk}/"
    assert made.seed == 99 and made.sample.count() == 2 and list(made.auditors.all()) == [audra]


def test_the_round_form_refuses_bad_input_naming_the_field_and_keeps_what_was_typed(client_for, mo, audra, ruby):
    response = client_for(mo).post("/learning/audits/rounds/new/", {
        "title": "Autumn", "framework": framework().pk, "method": "random", "size": "500", "seed": "abc",
        **_date("as_of", today()), "auditors": [audra.pk], **_date("grant_starts_on", today()), **_date("grant_ends_on", today() + timedelta(days=120)),
    })
    assert response.status_code == 200
    body = response.content.decode()
    assert "Number of children must be a whole number from 1 to 50" in body
    assert "Seed must be a whole number from 0 to 2,147,483,647" in body
    assert 'value="Autumn"' in body
    assert not CaseAuditRound.objects.exists()
    response = client_for(mo).post("/learning/audits/rounds/new/", {
        "title": "Autumn", "framework": framework().pk, "method": "random", "size": "5",
        **_date("as_of", today()), "auditors": [audra.pk], **_date("grant_starts_on", today()), **_date("grant_ends_on", today() + timedelta(days=120)),
    })
    assert "Last day of access must be within 90 days of the first day" in response.content.decode()
    assert not CaseAuditRound.objects.exists()


@pytest.mark.parametrize("who", ["alice", "audra", "charlie", "officer"])
def test_only_a_manager_opens_the_new_round_form(client_for, request, who, police):
    assert client_for(request.getfixturevalue(who)).get("/learning/audits/rounds/new/").status_code == 403


def test_the_round_page_for_its_maker_and_its_auditor_while_access_lasts(client_for, mo, audra, helen, alice, ruby):
    made = a_round(mo, [audra])
    url = f"/learning/audits/rounds/{made.pk}/"
    assert b"Ruby Smith" in client_for(mo).get(url).content
    assert b"Ruby Smith" in client_for(audra).get(url).content
    for other in (helen, alice):
        assert client_for(other).get(url).status_code == 403
    CaseAuditRound.objects.filter(pk=made.pk).update(grant_ended_at=timezone.now())
    assert client_for(audra).get(url).status_code == 403
    assert client_for(mo).get(url).status_code == 200


def test_the_auditor_records_an_audit_and_opens_the_childs_record_only_while_access_lasts(client_for, mo, audra, ruby, leo):
    made = a_round(mo, [audra], size=1, seed=1)
    sample = made.sample.get()
    other = leo if sample.child == ruby else ruby
    client = client_for(audra)
    assert client.get(f"/children/{sample.child_id}/").status_code == 200
    assert client.get(f"/children/{other.pk}/").status_code == 403
    themes = list(framework().themes.all())
    form = {**_date("audited_on", today()), "overall": grade("Good").pk, "working_well": "Seen alone.", "needs_to_change": "Dates on the plan."}
    for theme in themes:
        form[f"theme_{theme.pk}_grade"] = grade("Requires improvement").pk
        form[f"theme_{theme.pk}_evidence"] = "Visit notes."
    missing = {**form, f"theme_{themes[0].pk}_grade": ""}
    response = client.post(f"/learning/audits/sample/{sample.pk}/audit/", missing)
    assert "Choose a grade for the child&#x27;s voice and lived experience" in response.content.decode()
    assert "Dates on the plan." in response.content.decode() and not CaseAudit.objects.exists()
    response = client.post(f"/learning/audits/sample/{sample.pk}/audit/", form)
    audit = CaseAudit.objects.get()
    assert response["Location"] == f"/learning/audits/{audit.pk}/"
    assert client.get(f"/learning/audits/{audit.pk}/").status_code == 200
    CaseAuditRound.objects.filter(pk=made.pk).update(grant_starts_on=today() - timedelta(days=60), grant_ends_on=today() - timedelta(days=1))
    for url in (f"/children/{sample.child_id}/", f"/learning/audits/{audit.pk}/", f"/learning/audits/sample/{sample.pk}/audit/"):
        assert client.get(url).status_code == 403


@pytest.mark.parametrize("who", ["mo", "alice", "helen", "charlie", "officer"])
def test_no_one_but_a_named_auditor_records_an_audit(client_for, request, who, police, mo, audra, ruby):
    sample = a_round(mo, [audra]).sample.get()
    client = client_for(request.getfixturevalue(who))
    assert client.get(f"/learning/audits/sample/{sample.pk}/audit/").status_code == 403
    assert client.post(f"/learning/audits/sample/{sample.pk}/audit/", {}).status_code == 403


@pytest.mark.parametrize(("who", "reads"), [("mo", True), ("audra", True), ("alice", True), ("bea", False), ("helen", False), ("charlie", False)])
def test_the_audit_is_read_by_its_maker_auditor_and_practitioner(client_for, request, who, reads, mo, audra, ruby):
    audit = an_audit(a_round(mo, [audra]).sample.get(), audra)
    reader = request.getfixturevalue(who)
    response = client_for(reader).get(f"/learning/audits/{audit.pk}/")
    assert (response.status_code == 200) is reads
    if reads:
        assert AuditEvent.objects.filter(action="read", user=reader, child_id=ruby.pk, what="case audit").exists()
    else:
        assert response.status_code == 403 and b"Ruby" not in response.content


def test_the_practitioner_gives_their_view_on_the_page(client_for, mo, audra, alice, ruby):
    audit = an_audit(a_round(mo, [audra]).sample.get(), audra)
    client = client_for(alice)
    assert b"Record the practitioner" in client.get(f"/learning/audits/{audit.pk}/").content
    response = client.post(f"/learning/audits/{audit.pk}/practitioner-view/", {**_date("talked_through_on", today() + timedelta(days=1)),
                                                                                "practitioner_view": "Fair."})
    assert "Date it was talked through must be today or in the past" in response.content.decode() and b"Fair." in response.content
    response = client.post(f"/learning/audits/{audit.pk}/practitioner-view/", {**_date("talked_through_on", today()), "practitioner_view": "Fair."})
    assert response.status_code == 302
    audit.refresh_from_db()
    assert audit.practitioner_view == "Fair." and audit.talked_through_on == today()


@pytest.mark.parametrize("who", ["bea", "helen", "charlie"])
def test_no_one_else_records_the_practitioners_view(client_for, request, who, mo, audra, ruby):
    audit = an_audit(a_round(mo, [audra]).sample.get(), audra)
    client = client_for(request.getfixturevalue(who))
    assert client.get(f"/learning/audits/{audit.pk}/practitioner-view/").status_code == 403
    assert client.post(f"/learning/audits/{audit.pk}/practitioner-view/", {}).status_code == 403


def test_the_maker_extends_and_ends_the_grant_on_its_page(client_for, mo, audra, helen, ruby):
    made = a_round(mo, [audra], days=10)
    url = f"/learning/audits/rounds/{made.pk}/access/"
    for other in (audra, helen):
        assert client_for(other).get(url).status_code == 403
        assert client_for(other).post(url, {"end": "1"}).status_code == 403
    client = client_for(mo)
    response = client.post(url, {**_date("grant_ends_on", today() + timedelta(days=95)), "extend": "1"})
    assert "Last day of access must be within 90 days of the first day" in response.content.decode()
    assert client.post(url, {**_date("grant_ends_on", today() + timedelta(days=40)), "extend": "1"}).status_code == 302
    made.refresh_from_db()
    assert made.grant_ends_on == today() + timedelta(days=40)
    assert client.post(url, {"end": "1"}).status_code == 302
    made.refresh_from_db()
    assert made.grant_ended_at is not None
    assert client_for(audra).get(f"/learning/audits/rounds/{made.pk}/").status_code == 403


def test_the_list_shows_each_user_their_rounds_and_the_audits_of_their_work(client_for, police, officer, mo, audra, alice, charlie, ruby):
    audit = an_audit(a_round(mo, [audra], title="Autumn round").sample.get(), audra)
    assert b"Autumn round" in client_for(mo).get("/learning/audits/").content
    assert b"Autumn round" in client_for(audra).get("/learning/audits/").content
    assert f"/learning/audits/{audit.pk}/".encode() in client_for(alice).get("/learning/audits/").content
    body = client_for(charlie).get("/learning/audits/").content
    assert b"Autumn round" not in body and b"Ruby" not in body
    assert client_for(officer).get("/learning/audits/").status_code == 403


def test_findings_by_theme_count_the_audits_the_reader_may_read_and_link_to_them(client_for, mo, audra, alice, charlie, ruby, leo, tom):
    made = a_round(mo, [audra], size=2)
    for sample in made.sample.all():
        an_audit(sample, audra, overall="Good" if sample.child == ruby else "Inadequate", theme_grade="Good")
    response = client_for(mo).get("/learning/audits/themes/")
    body = response.content.decode()
    theme = framework().themes.first()
    link = f"?year={today().year}&amp;quarter={(today().month - 1) // 3 + 1}&amp;theme={theme.pk}&amp;grade={grade('Good').pk}\">2<"
    assert link in body
    behind = client_for(mo).get(f"/learning/audits/themes/?year={today().year}&quarter={(today().month - 1) // 3 + 1}&theme=0&grade={grade('Inadequate').pk}")
    assert b"Leo Jones" in behind.content and b"Ruby Smith" not in behind.content
    assert b"Ruby" not in client_for(charlie).get(f"/learning/audits/themes/?year={today().year}&quarter=1&theme=0&grade={grade('Good').pk}").content
    assert "No audit you can read yet" in client_for(charlie).get("/learning/audits/themes/").content.decode()


def test_the_themes_page_costs_the_same_queries_however_many_audits(client_for, mo, audra, ruby, leo, django_assert_max_num_queries):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client = client_for(mo)
    made = a_round(mo, [audra], size=2)
    samples = list(made.sample.all())
    an_audit(samples[0], audra)
    with CaptureQueriesContext(connection) as one:
        client.get("/learning/audits/themes/")
    an_audit(samples[1], audra, overall="Inadequate", theme_grade="Inadequate")
    record_practitioner_view(CaseAudit.objects.first(), talked_through_on=today(), view="Fair.", acting_user=mo)
    with CaptureQueriesContext(connection) as two:
        client.get("/learning/audits/themes/")
    assert len(one.captured_queries) == len(two.captured_queries)


def test_an_administrator_changes_the_framework_in_the_admin_site_and_no_one_else_may(client_for, admin_user, mo, audra):
    found = framework()
    url = f"/admin/learning/auditframework/{found.pk}/change/"
    for other in (mo, audra):
        assert client_for(other).get(url).status_code == 302
    client = client_for(admin_user)
    page = client.get(url)
    assert page.status_code == 200 and b"Management oversight and supervision" in page.content
    data = {"name": found.name, "version": found.version, "in_use": ""}
    for prefix, rows, parts in (("themes", found.themes.all(), ("position", "name", "guidance")), ("grades", found.grades.all(), ("position", "name"))):
        data |= {f"{prefix}-TOTAL_FORMS": len(rows), f"{prefix}-INITIAL_FORMS": len(rows), f"{prefix}-MIN_NUM_FORMS": 0, f"{prefix}-MAX_NUM_FORMS": 1000}
        for number, row in enumerate(rows):
            data |= {f"{prefix}-{number}-id": row.pk, f"{prefix}-{number}-framework": found.pk,
                     **{f"{prefix}-{number}-{part}": getattr(row, part) for part in parts}}
    data["grades-3-name"] = "Inadequate practice"
    assert client.post(url, data).status_code == 302
    found.refresh_from_db()
    assert not found.in_use and found.grades.get(position=4).name == "Inadequate practice"
    assert AuditEvent.objects.filter(object_type="learning.auditframework", action="update", user=admin_user).exists()
