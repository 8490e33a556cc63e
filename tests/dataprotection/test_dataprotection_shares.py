"""Recording information shared about a child: what, with whom, on what lawful basis; it joins the chronology."""
from datetime import timedelta

import pytest

from journey.chronology.build import chronology_for
from journey.dataprotection.models import InformationShare
from journey.lib.dates import today


@pytest.fixture
def share_form(police, date_fields):  # police before ruby: Ruby's contact reuses the force
    def form(**changes):
        data = {
            "shared_with_agency": str(police.pk), "shared_with_person": "DS Khan, CID", **date_fields("shared_on", today()),
            "what_was_shared": "Dates of the last three incidents", "lawful_basis": "ca1989_s47", "reason": "For the strategy discussion",
        }
        data.update(changes)
        return data
    return form


def test_it_records_a_share_from_the_childs_record(client_for, police, alice, ruby, share_form):
    response = client_for(alice).post(f"/data-protection/children/{ruby.pk}/shares/new/", share_form())
    assert response.status_code == 302 and response["Location"] == f"/data-protection/children/{ruby.pk}/shares/"
    share = InformationShare.objects.get()
    assert (share.child, share.shared_with_agency, share.lawful_basis, share.recorded_by) == (ruby, police, "ca1989_s47", alice)
    page = client_for(alice).get(f"/data-protection/children/{ruby.pk}/shares/")
    assert "Dates of the last three incidents" in page.text and "Children Act 1989 s47" in page.text


def test_it_requires_the_lawful_basis_and_what_was_shared(client_for, share_form, alice, ruby):
    response = client_for(alice).post(f"/data-protection/children/{ruby.pk}/shares/new/", share_form(lawful_basis="", what_was_shared="  ", reason="kept"))
    assert response.status_code == 200
    assert "Select the lawful basis for sharing" in response.text
    assert "Enter what information was shared" in response.text
    assert "kept" in response.text
    assert not InformationShare.objects.exists()


def test_it_refuses_an_unknown_lawful_basis_and_a_future_date(client_for, share_form, alice, ruby, date_fields):
    response = client_for(alice).post(
        f"/data-protection/children/{ruby.pk}/shares/new/", share_form(lawful_basis="because", **date_fields("shared_on", today() + timedelta(days=2))),
    )
    assert "Select the lawful basis for sharing" in response.text
    assert "Date shared must be today or in the past" in response.text


def test_it_puts_the_share_on_the_chronology(client_for, share_form, alice, ruby):
    client_for(alice).post(f"/data-protection/children/{ruby.pk}/shares/new/", share_form())
    entry = next(e for e in chronology_for(ruby) if e.kind == "information_share")
    assert entry.title == "Information shared with Northfield Police (DS Khan, CID)"
    assert "Lawful basis: Children Act 1989 s47" in entry.summary
    assert "Information shared with Northfield Police" in client_for(alice).get(f"/children/{ruby.pk}/").text


@pytest.mark.parametrize("persona", ["officer", "teacher"])
def test_it_refuses_partners_who_try_to_record_a_share(client_for, request, share_form, ruby, persona):
    client = client_for(request.getfixturevalue(persona))
    assert client.get(f"/data-protection/children/{ruby.pk}/shares/new/").status_code == 403
    assert client.post(f"/data-protection/children/{ruby.pk}/shares/new/", share_form()).status_code == 403
    assert client.get(f"/data-protection/children/{ruby.pk}/shares/").status_code == 403
    assert not InformationShare.objects.exists()


def test_it_refuses_a_partner_at_the_action_too(officer, police, ruby):
    from journey.access.rules import NoAccess
    from journey.dataprotection.actions import record_information_share

    with pytest.raises(NoAccess):
        record_information_share(ruby, acting_user=officer, shared_with_agency=police, lawful_basis="consent",
                                 what_was_shared="x", reason="y", shared_on=today())


def test_it_answers_an_unknown_child_as_no_access(client_for, alice):
    assert client_for(alice).get("/data-protection/children/987654/shares/new/").status_code == 403


def test_it_lists_shares_in_the_officers_sharing_log(client_for, share_form, alice, dee, ruby):
    client_for(alice).post(f"/data-protection/children/{ruby.pk}/shares/new/", share_form())
    response = client_for(dee).get("/data-protection/shares/")
    assert "Ruby Smith" in response.text and "Dates of the last three incidents" in response.text
