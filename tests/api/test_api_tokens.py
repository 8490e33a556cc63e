"""Tokens: issued by the command with the secret shown once, stored only as a hash, and refused (401, no data)
when missing, tampered with, expired, revoked, or held by a leaver. A session cookie is never an API credential."""
import hashlib
from datetime import timedelta
from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django.utils import timezone

from journey.accounts.models import Role, User
from journey.api.models import ApiToken


def issue(*args) -> str:
    """Run ``journey api_token create ... --by ada`` (Ada the administrator issues it: use the ``admin_user``
    fixture) and return the secret it printed (its last line)."""
    out = StringIO()
    call_command("api_token", "create", *args, "--by", "ada", stdout=out)
    return out.getvalue().strip().splitlines()[-1]


def test_the_command_prints_a_secret_that_is_stored_only_as_its_hash(alice, admin_user):
    secret = issue("--user", "alice", "--name", "Alice's script", "--days", "30")

    token = ApiToken.objects.get()
    assert token.user == alice and token.agency is None
    assert token.prefix == secret[:8]
    assert token.token_hash == hashlib.sha256(secret.encode()).hexdigest()
    stored = [str(value) for value in ApiToken.objects.values().get().values()]
    assert not any(secret in value for value in stored)
    assert timedelta(days=29) < token.expires_at - timezone.now() <= timedelta(days=30)


def test_an_agency_token_acts_as_the_agencys_own_system_user_who_cannot_sign_in(police, admin_user):
    issue("--agency", "Northfield Police", "--name", "Police MASH system")

    token = ApiToken.objects.get()
    system = token.user
    assert token.agency == police
    assert system.username == "system.northfield-police"
    assert system.role == Role.PARTNER and system.agency == police
    assert not system.has_usable_password()
    assert not system.check_password("")


def test_a_second_agency_token_reuses_the_system_user(police, admin_user):
    issue("--agency", "Northfield Police", "--name", "One")
    issue("--agency", "Northfield Police", "--name", "Two")

    assert User.objects.filter(username__startswith="system.").count() == 1
    assert ApiToken.objects.count() == 2


def test_it_refuses_an_agency_token_for_the_council_itself(council, admin_user):
    with pytest.raises(CommandError, match="local authority"):
        issue("--agency", council.name, "--name", "Not allowed")


@pytest.mark.parametrize("args, message", [
    (["--user", "nobody", "--name", "x"], "No user has the username 'nobody'"),
    (["--agency", "Nowhere Police", "--name", "x"], "No agency is called 'Nowhere Police'"),
    (["--user", "alice", "--name", "   "], "Enter a name"),
    (["--user", "alice", "--name", "x", "--days", "0"], "between 1 and"),
    (["--user", "alice", "--name", "x", "--days", "100000"], "between 1 and"),
])
def test_it_explains_what_is_wrong_with_a_create_command(alice, police, args, message, admin_user):
    with pytest.raises(CommandError, match=message):
        issue(*args)
    assert not ApiToken.objects.exists()


def test_it_refuses_a_token_for_a_deactivated_user(alice, admin_user):
    alice.is_active = False
    alice.save()

    with pytest.raises(CommandError, match="deactivated"):
        issue("--user", "alice", "--name", "Leaver's script")


def test_a_token_reads_the_api_until_it_is_revoked(alice, api, admin_user):
    secret = issue("--user", "alice", "--name", "Alice's script")
    assert api(secret).get("/api/children").status_code == 200

    out = StringIO()
    call_command("api_token", "revoke", secret[:8], "--by", "ada", stdout=out)

    assert "Revoked" in out.getvalue()
    response = api(secret).get("/api/children")
    assert response.status_code == 401
    assert response.json() == {"detail": "This API token has been revoked. Ask the council for a new one"}


def test_revoking_an_unknown_prefix_says_so(admin_user):
    with pytest.raises(CommandError, match="No API token has the prefix 'abcdefgh'"):
        call_command("api_token", "revoke", "abcdefgh", "--by", "ada")


def test_the_list_shows_prefixes_and_state_but_never_a_secret(alice, admin_user):
    secret = issue("--user", "alice", "--name", "Alice's script")
    out = StringIO()
    call_command("api_token", "list", stdout=out)

    assert secret[:8] in out.getvalue() and "active" in out.getvalue()
    assert secret not in out.getvalue()


def test_it_refuses_an_expired_token(alice, user_token, api):
    secret = user_token(alice)
    ApiToken.objects.update(expires_at=timezone.now() - timedelta(seconds=1))

    response = api(secret).get("/api/children")

    assert response.status_code == 401
    assert response.json() == {"detail": "This API token has expired. Ask the council for a new one"}


@pytest.mark.parametrize("tamper", [
    lambda s: s[:-1] + ("A" if s[-1] != "A" else "B"),  # last character changed
    lambda s: s[:8] + "x" * (len(s) - 8),  # right prefix, wrong secret
    lambda s: s + "A",  # one character added
    lambda s: s[:8],  # the prefix alone
    lambda s: "",  # nothing after 'Bearer'
    lambda s: s.replace(s[0], "é", 1),  # a character outside the token alphabet
])
def test_it_refuses_a_tampered_token_without_data(alice, ruby, user_token, api, tamper):
    secret = user_token(alice)

    for url in ("/api/children", f"/api/children/{ruby.pk}", f"/api/children/{ruby.pk}/chronology"):
        response = api(tamper(secret)).get(url)
        assert response.status_code == 401
        assert response.json() == {"detail": "The API token is missing or not valid. Send it as the header 'Authorization: Bearer <token>'"}
        assert response["WWW-Authenticate"].startswith("Bearer")


def test_it_refuses_a_request_without_a_token(ruby, api):
    response = api(None).get(f"/api/children/{ruby.pk}")

    assert response.status_code == 401
    assert "Ruby" not in response.content.decode()


def test_it_refuses_another_authorisation_scheme(alice, user_token, client):
    secret = user_token(alice)

    response = client.get("/api/children", headers={"Authorization": f"Token {secret}"})

    assert response.status_code == 401


def test_a_signed_in_session_is_not_an_api_credential(alice, ruby, client_for):
    """So the API needs no CSRF protection: a forged cross-site request carries the cookie, never a token."""
    client = client_for(alice)

    assert client.get("/api/children").status_code == 401
    assert client.get(f"/api/children/{ruby.pk}").status_code == 401
    assert client.post("/api/contacts", {}, content_type="application/json").status_code == 401


def test_a_token_stops_working_when_its_user_is_deactivated(alice, user_token, api):
    secret = user_token(alice)
    alice.is_active = False
    alice.save()

    response = api(secret).get("/api/children")

    assert response.status_code == 401
    assert response.json() == {"detail": "The account this API token acts for has been deactivated"}


def test_a_used_token_records_when_it_was_last_used(alice, user_token, api):
    secret = user_token(alice)
    assert ApiToken.objects.get().last_used_at is None

    api(secret).get("/api/children")

    assert ApiToken.objects.get().last_used_at is not None


def test_a_token_request_with_someone_elses_session_acts_as_the_token_holder(alice, charlie, ruby, user_token, client_for, api):
    """The token decides who acts, whatever cookie comes with it."""
    client_for(alice)  # the shared test client now carries Alice's session
    secret = user_token(charlie)
    expected = {c["id"] for c in api(secret).get("/api/children", {"limit": 100}).json()["items"]}

    from journey.people.models import Child

    assert expected == set(Child.objects.visible_to(charlie).values_list("pk", flat=True))


def test_a_token_is_issued_only_by_someone_named(alice):
    with pytest.raises(CommandError, match="--by"):
        call_command("api_token", "create", "--user", "alice", "--name", "Nobody's script")
    assert not ApiToken.objects.exists()


def test_issuing_a_token_is_logged_as_the_issuer(alice, admin_user):
    from journey.audit.models import Action, AuditEvent

    issue("--user", "alice", "--name", "Alice's script")

    token = ApiToken.objects.get()
    event = AuditEvent.objects.get(action=Action.CREATE, object_type="api.apitoken", object_id=str(token.pk))
    assert event.user == admin_user and token.created_by == admin_user
