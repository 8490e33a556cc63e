from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "journey.accounts"
    label = "accounts"
    verbose_name = "Users, teams and agencies"

    def ready(self) -> None:
        from django.contrib.auth.signals import user_logged_in
        from django.core import checks

        from .checks import check_required_two_factor_roles
        from .sessions import stamp_sign_in

        user_logged_in.connect(stamp_sign_in, dispatch_uid="journey.accounts.stamp_sign_in")
        checks.register(check_required_two_factor_roles)
