"""``journey api_token create --user USERNAME | --agency "Agency name" --name NAME --by ISSUER [--days N]`` issues a
token and prints its secret once; ``journey api_token revoke PREFIX --by USERNAME`` stops one working; ``journey
api_token list`` shows them (prefixes only: no secret is ever stored, so none can be shown again).

``--by`` is required: issuing and revoking are actions, and every action is logged as the person who did it."""
from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils.timezone import localtime

from journey.accounts.models import Agency, User
from journey.api.actions import DEFAULT_DAYS, create_agency_token, create_user_token, revoke_token
from journey.api.models import ApiToken


def _message(error: ValidationError) -> str:
    return "; ".join(error.messages)


class Command(BaseCommand):
    help = "Issue, revoke or list API tokens for users and partner agency systems."

    def add_arguments(self, parser: CommandParser) -> None:
        actions = parser.add_subparsers(dest="action", required=True, title="actions")
        create = actions.add_parser("create", help="Issue a token and print its secret (shown once).")
        holder = create.add_mutually_exclusive_group(required=True)
        holder.add_argument("--user", metavar="USERNAME", help="The token acts as this user, under their rules.")
        holder.add_argument("--agency", metavar="AGENCY", help="A partner agency's system: acts as the agency's system user.")
        create.add_argument("--name", required=True, help="What the token is for, e.g. 'Police MASH referral system'.")
        create.add_argument("--days", type=int, default=DEFAULT_DAYS, help=f"How many days it works for (default {DEFAULT_DAYS}).")
        create.add_argument("--by", metavar="USERNAME", required=True, help="Who is issuing it: recorded with the token and in the audit log.")
        revoke = actions.add_parser("revoke", help="Stop a token working, by its prefix.")
        revoke.add_argument("prefix", help="The token's first 8 characters, as 'list' shows them.")
        revoke.add_argument("--by", metavar="USERNAME", required=True, help="Who is revoking it: recorded with the token and in the audit log.")
        actions.add_parser("list", help="Show every token: prefix, name, who it acts as, and whether it works.")

    def handle(self, *args, action: str, **options) -> None:
        try:
            getattr(self, f"_{action}")(**options)
        except ValidationError as error:
            raise CommandError(_message(error)) from None

    def _user(self, username: str | None, what: str) -> User | None:
        if username is None:
            return None
        user = User.objects.filter(username=username).first()
        if user is None:
            raise CommandError(f"No user has the username {username!r} ({what})")
        return user

    def _issuer(self, username: str) -> User:
        issuer = self._user(username, "--by")
        if not issuer.is_active:  # type: ignore[union-attr]
            raise CommandError(f"{username} is deactivated, so cannot issue or revoke tokens (--by)")
        return issuer  # type: ignore[return-value]

    def _create(self, *, user: str | None, agency: str | None, name: str, days: int, by: str, **_) -> None:
        acting_user = self._issuer(by)
        if user is not None:
            token, secret = create_user_token(self._user(user, "--user"), name=name, days=days, acting_user=acting_user)
        else:
            found = Agency.objects.filter(name__iexact=agency.strip()).first()  # type: ignore[union-attr]
            if found is None:
                raise CommandError(f"No agency is called {agency!r}; give its name exactly as the record has it")
            token, secret = create_agency_token(found, name=name, days=days, acting_user=acting_user)
        self.stdout.write(f"Issued API token {token.prefix}... '{token.name}', acting as {token.user.username}, "
                          f"until {localtime(token.expires_at):%Y-%m-%d %H:%M %Z}.")
        self.stdout.write("Its secret is below. It is shown only this once: give it to the holder now.")
        self.stdout.write(secret)

    def _revoke(self, *, prefix: str, by: str, **_) -> None:
        token = revoke_token(prefix, acting_user=self._issuer(by))
        self.stdout.write(f"Revoked API token {token.prefix}... '{token.name}' (revoked at {localtime(token.revoked_at):%Y-%m-%d %H:%M %Z}).")

    def _list(self, **_) -> None:
        for token in ApiToken.objects.select_related("user", "agency"):
            state = "revoked" if token.is_revoked else ("expired" if token.has_expired() else "active")
            holder = f"agency {token.agency.name}" if token.is_agency_system else f"user {token.user.username}"  # type: ignore[union-attr]
            self.stdout.write(f"{token.prefix}  {state:8}  {holder}  '{token.name}'  until {localtime(token.expires_at):%Y-%m-%d}")
