from django.urls import path

from . import views

app_name = "accounts"
urlpatterns = [
    path("sign-in/", views.SignInView.as_view(), name="sign-in"),
    path("sign-in/code/", views.SignInCodeView.as_view(), name="sign-in-code"),
    path("sign-out/", views.SignOutView.as_view(), name="sign-out"),
    path("two-factor/", views.TwoFactorView.as_view(), name="two-factor"),
    path("two-factor/start/", views.TwoFactorStartView.as_view(), name="two-factor-start"),
    path("two-factor/confirm/", views.TwoFactorConfirmView.as_view(), name="two-factor-confirm"),
    path("two-factor/turn-off/", views.TwoFactorTurnOffView.as_view(), name="two-factor-turn-off"),
]
