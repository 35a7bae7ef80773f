from django.urls import path

from employers import accounts, own_data_views, views
from employers import token_views as tokens

app_name = "employers"

urlpatterns = [
    path("", views.employer_home, name="home"),
    path("sign-up/", accounts.sign_up, name="sign-up"),
    path("sign-up/sent/", accounts.sign_up_sent, name="sign-up-sent"),
    path("verify/<str:token>/", accounts.verify_email, name="verify"),
    path("verify-again/", accounts.resend_verification, name="verify-again"),
    path("log-in/", accounts.LogInView.as_view(), name="log-in"),
    path("log-out/", accounts.log_out, name="log-out"),
    path("password/", accounts.password_change, name="password-change"),
    path("password/changed/", accounts.password_changed, name="password-changed"),
    path("password/reset/", accounts.PasswordResetView.as_view(), name="password-reset"),
    path("password/reset/sent/", accounts.password_reset_sent, name="password-reset-sent"),
    path(
        "password/reset/<uidb64>/<token>/",
        accounts.password_reset_confirm,
        name="password-reset-confirm",
    ),
    path(
        "password/reset/complete/",
        accounts.password_reset_complete,
        name="password-reset-complete",
    ),
    path("dashboard/", views.dashboard, name="dashboard"),
    path("company/", views.company_edit, name="company"),
    path("my-data/", own_data_views.my_data, name="my-data"),
    path("my-data/download/", own_data_views.download, name="my-data-download"),
    path("my-data/delete-account/", own_data_views.delete_account, name="delete-account"),
    path("api-tokens/", tokens.api_tokens, name="api-tokens"),
    path("api-tokens/<int:pk>/revoke/", tokens.api_token_revoke, name="api-token-revoke"),
    path("jobs/new/", views.job_create, name="new"),
    path("jobs/<int:pk>/edit/", views.job_edit, name="edit"),
    path("jobs/<int:pk>/preview/", views.job_preview, name="preview"),
    path("jobs/<int:pk>/<slug:action>/", views.job_action, name="action"),
]
