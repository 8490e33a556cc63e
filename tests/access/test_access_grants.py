"""Explicit access: the child's team manager gives it and withdraws it; it ends on its last day."""
from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError

from journey.access.actions import grant_access, revoke_access
from journey.access.models import ExplicitAccess
from journey.access.rules import involvement
from journey.lib.dates import today

pytestmark = pytest.mark.django_db

REASON = "Covering Alice's visits while she is on leave."


def test_the_team_manager_gives_a_person_access(client_for, mo, charlie, ruby, date_fields):
    response = client_for(mo).post(f"/access/children/{ruby.pk}/grants/", {"username": "charlie", "reason": REASON})
    assert response.status_code == 302
    grant = ExplicitAccess.objects.get()
    assert (grant.user, grant.granted_by, grant.reason) == (charlie, mo, REASON)
    assert involvement(charlie, ruby) == "explicit access"
    assert client_for(charlie).get(f"/children/{ruby.pk}/").status_code == 200


def test_the_team_manager_gives_a_team_access(mo, charlie, team_b, ruby):
    grant_access(ruby, acting_user=mo, team=team_b, reason=REASON)
    assert involvement(charlie, ruby) == "explicit access"


def test_a_practitioner_cannot_give_access(client_for, alice, charlie, ruby):
    response = client_for(alice).post(f"/access/children/{ruby.pk}/grants/", {"username": "charlie", "reason": REASON})
    assert response.status_code == 403
    assert not ExplicitAccess.objects.exists()
    with pytest.raises(ValidationError):
        grant_access(ruby, acting_user=alice, user=charlie, reason=REASON)


def test_the_manager_of_another_team_cannot_see_the_grants_page(client_for, council, team_b, ruby):
    from journey.accounts.models import Role
    from tests.conftest import make_user

    tom = make_user("tom", Role.TEAM_MANAGER, council, team_b, "Tom", "Other")
    team_b.manager = tom
    team_b.save()
    assert client_for(tom).get(f"/access/children/{ruby.pk}/grants/").status_code == 403


def test_the_grants_page_lists_grants_for_the_manager(client_for, mo, charlie, ruby):
    grant_access(ruby, acting_user=mo, user=charlie, reason=REASON)
    page = client_for(mo).get(f"/access/children/{ruby.pk}/grants/").content.decode()
    assert "Charlie Cole" in page and "Covering Alice&#x27;s visits" in page and "In force" in page


def test_it_asks_for_a_reason_and_one_grantee(client_for, mo, charlie, team_b, ruby):
    page = client_for(mo).post(f"/access/children/{ruby.pk}/grants/", {"username": "charlie", "team": team_b.pk, "reason": "x"})
    text = page.content.decode()
    assert page.status_code == 200
    assert "Enter a username or choose a team, not both" in text
    assert "must be at least 10 characters" in text
    assert 'value="charlie"' in text


def test_it_names_an_unknown_username(client_for, mo, ruby):
    page = client_for(mo).post(f"/access/children/{ruby.pk}/grants/", {"username": "nobody", "reason": REASON}).content.decode()
    assert "No active user has that username" in page


def test_it_refuses_access_for_a_partner(mo, officer, ruby):
    with pytest.raises(ValidationError, match="active local authority user"):
        grant_access(ruby, acting_user=mo, user=officer, reason=REASON)


def test_nobody_gives_themselves_access(mo, ruby):
    with pytest.raises(ValidationError, match="You cannot give yourself access"):
        grant_access(ruby, acting_user=mo, user=mo, reason=REASON)
    assert not ExplicitAccess.objects.exists()


def test_it_refuses_a_last_day_in_the_past(client_for, mo, charlie, ruby, date_fields):
    data = {"username": "charlie", "reason": REASON, **date_fields("expires_on", today() - timedelta(days=1))}
    page = client_for(mo).post(f"/access/children/{ruby.pk}/grants/", data).content.decode()
    assert "Last day of access must be today or in the future" in page


def test_access_lasts_through_its_last_day_and_then_ends(mo, charlie, ruby):
    grant = grant_access(ruby, acting_user=mo, user=charlie, reason=REASON, expires_on=today())
    assert involvement(charlie, ruby) == "explicit access"
    ExplicitAccess.objects.filter(pk=grant.pk).update(expires_on=today() - timedelta(days=1))
    assert involvement(charlie, ruby) is None


def test_the_manager_withdraws_access(client_for, mo, charlie, ruby):
    grant = grant_access(ruby, acting_user=mo, user=charlie, reason=REASON)
    response = client_for(mo).post(f"/access/children/{ruby.pk}/grants/{grant.pk}/revoke/")
    assert response.status_code == 302
    grant.refresh_from_db()
    assert grant.revoked_by == mo and grant.revoked_at is not None
    assert involvement(charlie, ruby) is None
    assert client_for(charlie).get(f"/children/{ruby.pk}/").status_code == 403


def test_withdrawing_twice_says_so(client_for, mo, charlie, ruby):
    grant = grant_access(ruby, acting_user=mo, user=charlie, reason=REASON)
    revoke_access(grant, acting_user=mo)
    page = client_for(mo).post(f"/access/children/{ruby.pk}/grants/{grant.pk}/revoke/").content.decode()
    assert "This access was already withdrawn" in page


def test_the_grantee_cannot_withdraw_or_manage(client_for, mo, charlie, ruby):
    grant = grant_access(ruby, acting_user=mo, user=charlie, reason=REASON)
    assert client_for(charlie).post(f"/access/children/{ruby.pk}/grants/{grant.pk}/revoke/").status_code == 403
    grant.refresh_from_db()
    assert grant.revoked_at is None


def test_a_grant_id_from_another_child_answers_no_access(client_for, mo, charlie, ruby, make_child, held_by, alice):
    other = make_child("Ava")
    held_by(other, alice)
    grant = grant_access(other, acting_user=mo, user=charlie, reason=REASON)
    assert client_for(mo).post(f"/access/children/{ruby.pk}/grants/{grant.pk + 1000}/revoke/").status_code == 403
    assert client_for(mo).post(f"/access/children/{ruby.pk}/grants/{grant.pk}/revoke/").status_code == 403


def test_revoking_answers_get_with_method_not_allowed(client_for, mo, charlie, ruby):
    grant = grant_access(ruby, acting_user=mo, user=charlie, reason=REASON)
    assert client_for(mo).get(f"/access/children/{ruby.pk}/grants/{grant.pk}/revoke/").status_code == 405
