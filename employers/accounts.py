"""Employer accounts: sign up, confirm the e-mail address, log in and out, passwords."""

from functools import wraps

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import get_user_model
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.core import signing
from django.db import IntegrityError, transaction
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse, reverse_lazy
from django.utils import timezone
from django.views.decorators.http import require_POST

from core import email, ratelimit
from core.http import SignedInRequest
from employers.forms import EmailAuthenticationForm, OutboxPasswordResetForm, SignUpForm
from employers.models import ApiToken, Employer
from jobs import verification

VERIFY_SALT = "employers.verify-email"


class EmployerRequest(SignedInRequest):
    """A request as employers.views.employer_required passes it on: with the account's
    `employer`."""

    employer: Employer


def too_many_attempts(request: HttpRequest, limit: ratelimit.Limit) -> HttpResponse:
    return ratelimit.too_many(request, limit)


def sign_up(request: HttpRequest) -> HttpResponse:
    """The sign-up answers the same whether or not the address already has an account: the same
    redirect to the same "check your inbox" page. A new account is made and gets its
    confirmation link; the owner of an existing one is told by e-mail instead."""
    if request.user.is_authenticated:
        return redirect("employers:dashboard")
    form = SignUpForm(request.POST or None)
    if request.method == "POST":
        if ratelimit.hit(ratelimit.SIGN_UP, ratelimit.client_network(request)):
            return too_many_attempts(request, ratelimit.SIGN_UP)
        if form.is_valid() and register(form):
            return redirect("employers:sign-up-sent")
    return render(request, "employers/sign_up.html", {"form": form})


def sign_up_sent(request: HttpRequest) -> HttpResponse:
    context = {"days": settings.EMAIL_VERIFICATION_DAYS}
    return render(request, "employers/sign_up_sent.html", context)


def existing_account(email: str):
    """The user whose user name is this address, or None."""
    return get_user_model().objects.filter(username__iexact=email).first()


def register(form: SignUpForm) -> bool:
    """Make the account of a valid sign-up, or tell the address's owner that it has one. False
    when the company's name was taken by another sign-up at the same moment (the form then
    says so)."""
    data = form.cleaned_data
    user = existing_account(data["email"])
    if user is not None and not user.is_staff:
        stale = Employer.objects.filter(user=user).stale_pending()
        if stale.exists():  # its link has expired: the address is free again
            remove_pending_accounts(stale)
            user = None
    if user is None:
        try:
            with transaction.atomic():
                employer = form.save()
        except IntegrityError:
            # Sent twice at once (a double click), or another sign-up took the company's name
            # between the form's checks and the insert.
            user = existing_account(data["email"])
            if user is None:
                form.add_error(
                    "company_name",
                    f"{data['company_name']} was just added to the board by someone else. "
                    "Send the form again to join it, or choose another name.",
                )
                return False
        else:
            send_verification(employer)
            return True
    tell_owner(user, data["password"])
    return True


def tell_owner(user, password: str) -> None:
    """A sign-up named an address that has an account. The same person again (an unconfirmed
    account, the same password: a double submit or a lost message) gets a new link; anyone
    else's attempt is reported to the address's owner, with the way to log in."""
    same_person = user.check_password(password)  # also costs what hashing a new one costs
    employer = Employer.objects.select_related("user", "company").filter(user=user).first()
    if employer is not None and not employer.is_verified and same_person:
        if not ratelimit.hit(ratelimit.VERIFICATION_EMAIL, str(user.pk)):
            send_verification(employer)
        return
    context = {
        "pending": employer is not None and not employer.is_verified,
        "days": settings.EMAIL_VERIFICATION_DAYS,
        "log_in_url": email.link(reverse("employers:log-in")),
        "reset_url": email.link(reverse("employers:password-reset")),
    }
    email.send("account_exists", [user.email], context)


@transaction.atomic
def remove_pending_accounts(pending) -> int:
    """Delete these never-confirmed accounts (not staff), and each company one of them created
    that is left with no member and no posting that was ever public (its drafts go with it).
    How many accounts were deleted."""
    pending = list(
        pending.filter(verified_at__isnull=True, user__is_staff=False).select_related(
            "user", "company"
        )
    )
    companies = {e.company for e in pending if e.created_company}
    for employer in pending:
        employer.user.delete()  # its membership and API tokens go with it
    for company in companies:
        if company.employers.exists() or company.jobs.filter(posted_at__isnull=False).exists():
            continue
        company.jobs.all().delete()
        company.delete()
    return len(pending)


def remove_stale_sign_ups() -> str:
    """The periodic job (settings.PERIODIC_JOBS): sign-ups past EMAIL_VERIFICATION_DAYS."""
    removed = remove_pending_accounts(Employer.objects.stale_pending())
    return f"removed {removed} unconfirmed sign-up(s)"


def send_verification(employer: Employer) -> None:
    token = signing.dumps([employer.user.pk, employer.user.email], salt=VERIFY_SALT)
    url = email.link(reverse("employers:verify", args=[token]))
    context = {
        "employer": employer,
        "verify_url": url,
        "days": settings.EMAIL_VERIFICATION_DAYS,
    }
    email.send("verify_email", [employer.user.email], context)


def verify_email(request: HttpRequest, token: str) -> HttpResponse:
    max_age = settings.EMAIL_VERIFICATION_DAYS * 24 * 60 * 60
    try:
        user_pk, email = signing.loads(token, salt=VERIFY_SALT, max_age=max_age)
        employer = Employer.objects.select_related("user").get(user=user_pk, user__email=email)
    except (signing.BadSignature, ValueError, TypeError, Employer.DoesNotExist):
        return render(request, "employers/verify_failed.html", status=400)
    if not employer.is_verified:
        employer.verified_at = timezone.now()
        employer.save(update_fields=["verified_at"])
        # An address at the company's website domain earns the company its "Verified" badge.
        verification.recheck(employer.company, employer.user)
    messages.success(request, f"Thank you: {employer.user.email} is confirmed.")
    return redirect("employers:dashboard" if request.user.is_authenticated else "employers:log-in")


@login_required
@require_POST
def resend_verification(request: SignedInRequest) -> HttpResponse:
    employer = Employer.objects.filter(user=request.user).first()
    if employer is None or employer.is_verified:
        return redirect("employers:dashboard")
    if ratelimit.hit(ratelimit.VERIFICATION_EMAIL, str(request.user.pk)):
        return too_many_attempts(request, ratelimit.VERIFICATION_EMAIL)
    send_verification(employer)
    messages.success(request, f"We sent a new link to {request.user.email}.")
    return redirect("employers:dashboard")


def _log_in_account(request: HttpRequest) -> str:
    """The account a log-in attempt names, as its failures are counted: every spelling of one
    user name or address (width, case, compatibility characters, spaces) is the same account."""
    return ratelimit.identity(request.POST.get("username", ""))[:254]


def log_in_refusal(request: HttpRequest) -> ratelimit.Limit | None:
    """Count a log-in attempt from its address; the limit that refuses it, if any: too many
    attempts or too many failures from the address, or an account paused after repeated
    failures."""
    address = ratelimit.client_network(request)
    if ratelimit.hit(ratelimit.LOG_IN, address):
        return ratelimit.LOG_IN
    if ratelimit.exceeded(ratelimit.LOG_IN_ADDRESS_FAILURES, address):
        return ratelimit.LOG_IN_ADDRESS_FAILURES
    if ratelimit.exceeded(ratelimit.LOG_IN_FAILURES, _log_in_account(request)):
        return ratelimit.LOG_IN_FAILURES
    return None


def record_log_in(request: HttpRequest, succeeded: bool) -> None:
    """A success clears the account's failures; a failure counts one for the account and one
    for the address (which a success does not clear: logging in to one's own account must not
    buy more guesses at others). The account's count is in the database: with the check in
    `log_in_refusal`, a log-in POST costs two small queries for it."""
    account = _log_in_account(request)
    if succeeded:
        ratelimit.clear(ratelimit.LOG_IN_FAILURES, account)
        return
    ratelimit.hit(ratelimit.LOG_IN_ADDRESS_FAILURES, ratelimit.client_network(request))
    if account:
        ratelimit.hit(ratelimit.LOG_IN_FAILURES, account)


class SiteNamed:
    """Django's log-in and log-out views name the site after the request's host (there is no
    sites framework here); pages name it SITE_NAME, as everywhere else."""

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)  # type: ignore[misc]
        context["site_name"] = settings.SITE_NAME
        context.pop("site", None)
        return context


class LogInView(SiteNamed, auth_views.LoginView):
    """Log-in with two limits: attempts per address, and failures per account (then a pause,
    said on the form itself)."""

    template_name = "employers/log_in.html"
    authentication_form = EmailAuthenticationForm
    redirect_authenticated_user = True

    def post(self, request, *args, **kwargs):
        refused = log_in_refusal(request)
        if refused in (ratelimit.LOG_IN, ratelimit.LOG_IN_ADDRESS_FAILURES):
            return too_many_attempts(request, refused)
        if refused:
            form = self.get_form()
            form.add_error(
                None,
                "Too many failed attempts for this account. Try again in "
                f"{refused.minutes} minutes, or reset your password.",
            )
            return self.form_invalid(form)
        return super().post(request, *args, **kwargs)

    def form_valid(self, form):
        record_log_in(self.request, succeeded=True)
        return super().form_valid(form)

    def form_invalid(self, form):
        record_log_in(self.request, succeeded=False)
        return super().form_invalid(form)


def throttled_log_in(view):
    """The same limits for another log-in view (the admin's), answered with a 429 page: a failed
    log-in re-renders the form, a success redirects."""

    @wraps(view)
    def wrapped(request: HttpRequest, *args, **kwargs) -> HttpResponse:
        if request.method != "POST":
            return view(request, *args, **kwargs)
        refused = log_in_refusal(request)
        if refused:
            return too_many_attempts(request, refused)
        response = view(request, *args, **kwargs)
        record_log_in(request, succeeded=response.status_code in (301, 302, 303))
        return response

    return wrapped


class PasswordResetView(auth_views.PasswordResetView):
    form_class = OutboxPasswordResetForm
    template_name = "employers/password_reset.html"
    email_template_name = "emails/password_reset.txt"
    html_email_template_name = "emails/password_reset.html"
    subject_template_name = "emails/password_reset_subject.txt"
    success_url = reverse_lazy("employers:password-reset-sent")

    def form_valid(self, form):
        # The link is built from SITE_URL, never from the request's Host header.
        self.extra_email_context = {"site_name": settings.SITE_NAME, "site_url": settings.SITE_URL}
        return super().form_valid(form)

    def post(self, request, *args, **kwargs):
        if ratelimit.hit(ratelimit.PASSWORD_RESET, ratelimit.client_network(request)):
            return too_many_attempts(request, ratelimit.PASSWORD_RESET)
        return super().post(request, *args, **kwargs)


def _revoke_tokens(user) -> None:
    """A new password ends every API token: whoever knew the old one may have made some. (An
    explicit call in the two views that set a password, not a signal.)"""
    ApiToken.revoke_all(user)


class PasswordChangeView(auth_views.PasswordChangeView):
    template_name = "employers/password_change.html"
    success_url = reverse_lazy("employers:password-changed")

    def form_valid(self, form):
        response = super().form_valid(form)
        _revoke_tokens(form.user)
        return response


class PasswordResetConfirmView(auth_views.PasswordResetConfirmView):
    template_name = "employers/password_reset_confirm.html"
    success_url = reverse_lazy("employers:password-reset-complete")

    def form_valid(self, form):
        response = super().form_valid(form)
        _revoke_tokens(form.user)
        return response


class LogOutView(SiteNamed, auth_views.LogoutView):
    pass


log_out = LogOutView.as_view()
password_change = PasswordChangeView.as_view()
password_changed = auth_views.PasswordChangeDoneView.as_view(
    template_name="employers/password_changed.html"
)
password_reset_sent = auth_views.PasswordResetDoneView.as_view(
    template_name="employers/password_reset_sent.html"
)
password_reset_confirm = PasswordResetConfirmView.as_view()
password_reset_complete = auth_views.PasswordResetCompleteView.as_view(
    template_name="employers/password_reset_complete.html"
)
