from django.urls import path

from livingwell.accounts import views

app_name = "accounts"
urlpatterns = [
    path("sign-in/", views.SignInView.as_view(), name="sign_in"),
    path("sign-out/", views.SignOutView.as_view(), name="sign_out"),
    path("two-factor/", views.two_factor, name="two_factor"),
    path("welcome/<uidb64>/<token>/", views.WelcomeView.as_view(), name="welcome"),
    path("forgot-password/", views.forgot_password, name="forgot_password"),
    path("new-password/<uidb64>/<token>/", views.PasswordResetView.as_view(), name="password_reset"),
    path("", views.dashboard, name="dashboard"),
]
