from django import forms
from django.contrib.auth.forms import AuthenticationForm


class SignInForm(AuthenticationForm):
    """Django's sign-in, with messages that name the field and say what to do."""

    error_messages = {
        "invalid_login": "Enter a correct username and password. Both are case-sensitive",
        "inactive": "This account has been deactivated. Ask your administrator if you need it again",
    }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["username"].error_messages["required"] = "Enter your username"
        self.fields["password"].error_messages["required"] = "Enter your password"
        self.fields["password"].widget = forms.PasswordInput(attrs={"autocomplete": "current-password"})
