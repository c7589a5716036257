from django.urls import path

from livingwell.accounts import sso, views

app_name = "accounts"
urlpatterns = [
    path("sign-in/", views.SignInView.as_view(), name="sign_in"),
    path("sign-out/", views.SignOutView.as_view(), name="sign_out"),
    path("two-factor/", views.two_factor, name="two_factor"),
    path("sso/", sso.SsoStartView.as_view(), name="sso_start"),
    path("sso/callback/", sso.SsoCallbackView.as_view(), name="sso_callback"),
    path("welcome/<uidb64>/<token>/", views.WelcomeView.as_view(), name="welcome"),
    path("forgot-password/", views.forgot_password, name="forgot_password"),
    path("new-password/<uidb64>/<token>/", views.PasswordResetView.as_view(), name="password_reset"),
    path("", views.dashboard, name="dashboard"),
]
