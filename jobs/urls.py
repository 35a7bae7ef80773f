"""URL patterns of the jobs app, one list per namespace (jobs, salaries, employers)."""

from django.urls import path

from jobs import account_views as accounts
from jobs import employer_views as employers
from jobs import token_views as tokens
from jobs import views
from roles import salary_views

job_patterns = [
    path("", views.job_list, name="list"),
    path("<slug:slug>/", views.job_detail, name="detail"),
    path("<slug:slug>/apply/", views.job_apply_email, name="apply-email"),
]

salary_patterns = [
    path("", salary_views.salary_list, name="list"),
    path("<slug:slug>/", salary_views.salary_detail, name="detail"),
]

employer_patterns = [
    path("", employers.employer_home, name="home"),
    path("sign-up/", accounts.sign_up, name="sign-up"),
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
    path("dashboard/", employers.dashboard, name="dashboard"),
    path("company/", employers.company_edit, name="company"),
    path("api-tokens/", tokens.api_tokens, name="api-tokens"),
    path("api-tokens/<int:pk>/revoke/", tokens.api_token_revoke, name="api-token-revoke"),
    path("jobs/new/", employers.job_create, name="new"),
    path("jobs/<int:pk>/edit/", employers.job_edit, name="edit"),
    path("jobs/<int:pk>/preview/", employers.job_preview, name="preview"),
    path("jobs/<int:pk>/<slug:action>/", employers.job_action, name="action"),
]
