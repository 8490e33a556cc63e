"""The API's staff view of a child carries what the census asks of the child's details; a partner's does not."""
from datetime import timedelta

from journey.lib.dates import today
from journey.lib.identifiers import upn_check_letter
from journey.people.actions import update_child_details

FORMER_UPN = upn_check_letter("987654321098") + "987654321098"


def test_staff_read_the_former_upn_the_reason_the_upn_is_unknown_and_the_date_of_death(alice, ruby, user_token, api):
    died = today() - timedelta(days=1)
    update_child_details(ruby, acting_user=alice, upn_unknown_reason="UN1", former_upn=FORMER_UPN, date_of_death=died)

    child = api(user_token(alice)).get(f"/api/children/{ruby.pk}").json()

    assert (child["upn_unknown_reason"], child["former_upn"], child["date_of_death"]) == ("UN1", FORMER_UPN, died.isoformat())


def test_a_partner_reads_none_of_them(alice, officer, ruby, user_token, api):
    update_child_details(ruby, acting_user=alice, upn_unknown_reason="UN1", former_upn=FORMER_UPN)

    child = api(user_token(officer)).get(f"/api/children/{ruby.pk}").json()

    assert not {"upn_unknown_reason", "former_upn", "date_of_death"} & set(child)
