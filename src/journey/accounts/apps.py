from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "journey.accounts"
    label = "accounts"
    verbose_name = "Users, teams and agencies"
