"""The employers' area: the landing page, the dashboard, and writing and managing postings.

Every posting is looked up through Job.objects.for_employer(user): another company's posting is
a 404, never a 403 that would confirm it exists."""

from collections.abc import Callable
from dataclasses import dataclass
from datetime import timedelta

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db import IntegrityError, transaction
from django.db.models import OuterRef, Subquery
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone

from companies import review
from companies.selectors import has_page
from core import ratelimit
from core.pagination import page_or_404
from employers.accounts import EmployerRequest, too_many_attempts
from employers.forms import CompanyForm, JobForm
from employers.models import Employer
from jobs import moderation, verification
from jobs.choices import JobStatus
from jobs.models import Job, StatusChange, default_expiry
from jobs.views import job_page_context

DASHBOARD_PAGE_SIZE = 25
# Fields a duplicate copies; dates, status and slug start afresh.
COPIED_FIELDS = [name for name in JobForm.Meta.fields if name != "role"] + ["role_id"]
# A new draft identical to one the same person saved this recently is the same form sent twice.
TWIN_WINDOW = timedelta(minutes=2)


def recent_twin(user, job: Job) -> Job | None:
    """A draft `user` saved moments ago with exactly this content (a double submit), or None."""
    same = {name: getattr(job, name) for name in COPIED_FIELDS}
    return (
        Job.objects.for_employer(user)
        .filter(
            created_by=user,
            status=JobStatus.DRAFT,
            created_at__gte=timezone.now() - TWIN_WINDOW,
            **same,
        )
        .order_by("-created_at", "-pk")
        .first()
    )


def save_new_job(job: Job) -> None:
    """Insert a new posting. Two inserts at the same moment may pick the same free slug; the
    one that loses picks the next free one instead of failing."""
    for attempt in range(3):
        try:
            with transaction.atomic():
                job.save()
            return
        except IntegrityError:
            if attempt == 2 or not Job.objects.filter(slug=job.slug).exists():
                raise
            job.slug = ""  # Job.save picks a free one again


def employer_home(request: HttpRequest) -> HttpResponse:
    return render(request, "employers/home.html", {"employer": employer_of(request.user)})


def employer_of(user) -> Employer | None:
    if not user.is_authenticated:
        return None
    return Employer.objects.select_related("company", "user").filter(user=user).first()


def employer_required(view: Callable) -> Callable:
    """Logged in, with an employer account (staff without one are sent to the landing page)."""

    @login_required
    def wrapped(request: EmployerRequest, *args, **kwargs) -> HttpResponse:
        employer = employer_of(request.user)
        if employer is None:
            messages.info(request, "This account does not post jobs for a company.")
            return redirect("employers:home")
        request.employer = employer
        return view(request, *args, **kwargs)

    wrapped.__name__ = view.__name__
    wrapped.__doc__ = view.__doc__
    return wrapped


def own_job(request: HttpRequest, pk: int) -> Job:
    return get_object_or_404(
        Job.objects.for_employer(request.user).select_related("company", "role"), pk=pk
    )


@employer_required
def dashboard(request: EmployerRequest) -> HttpResponse:
    # The message of the latest moderator decision (empty after a plain approval) and the version
    # it was about, read in the same query as the postings.
    latest_note = StatusChange.objects.filter(
        job=OuterRef("pk"), actor__is_staff=True, to_status__in=moderation.DECISIONS
    ).order_by("-created_at", "-pk")
    jobs = (
        Job.objects.for_employer(request.user)
        .annotate(
            review_note=Subquery(latest_note.values("note")[:1]),
            review_revision=Subquery(latest_note.values("revision")[:1]),
            renewals=moderation.renewals_count(),
        )
        .defer("description", "description_html")
        .order_by("-created_at", "-pk")
    )
    page = page_or_404(Paginator(jobs, DASHBOARD_PAGE_SIZE), request)
    now = timezone.now()
    context = {
        "employer": request.employer,
        "page": page,
        "now": now,
        "renewal_opens": now + moderation.RENEWAL_WINDOW,  # renewable if it expires before
        "max_renewals": moderation.MAX_RENEWALS,
    }
    return render(request, "employers/dashboard.html", context)


@employer_required
def job_create(request: EmployerRequest) -> HttpResponse:
    if not request.employer.may_manage_postings:
        messages.info(request, "Confirm your e-mail address first: the link is in your inbox.")
        return redirect("employers:dashboard")
    job = Job(company=request.employer.company, created_by=request.user)
    return _job_form(request, job, created=True)


@employer_required
def job_edit(request: EmployerRequest, pk: int) -> HttpResponse:
    job = own_job(request, pk)
    if job.status in (JobStatus.FILLED, JobStatus.EXPIRED):
        messages.info(request, "A closed posting cannot be edited: renew it or duplicate it.")
        return redirect("employers:dashboard")
    return _job_form(request, job, created=False)


def _job_form(request: EmployerRequest, job: Job, *, created: bool) -> HttpResponse:
    status = job.status
    in_review = status in moderation.EDITED_NOTES  # published or waiting for review
    form = JobForm(request.POST or None, instance=job)
    if request.method == "POST" and form.is_valid():
        if in_review and not form.has_changed():
            messages.info(request, "Nothing changed.")
            return redirect("employers:dashboard")
        job = form.save(commit=False)
        twin = recent_twin(request.user, job) if created else None
        if twin is not None:  # the same form sent twice: the first one's draft
            messages.info(request, f"“{twin.title}” was already saved a moment ago.")
            job = twin
        elif created:
            save_new_job(job)
            moderation.record_creation(job, request.user)
        else:
            # A new version: one under review or on the board goes (back) to the queue.
            try:
                moderation.save_edit(job, request.user)
            except ValidationError as error:
                form.add_error(None, error)
        if not form.errors:
            if in_review:
                messages.success(
                    request,
                    f"Version {job.revision} is waiting for review. The posting is off the "
                    "board until a moderator approves it.",
                )
                return redirect("employers:dashboard")
            if twin is None:
                messages.success(request, f"Saved “{job.title}”.")
            if "save_draft" in request.POST:
                return redirect("employers:dashboard")
            return redirect("employers:preview", pk=job.pk)
    context = {"form": form, "job": job, "created": created, "status": status}
    return render(request, "employers/job_form.html", context)


def submission_problems(job: Job) -> list[str]:
    """What stops the posting from being submitted, as messages for the employer."""
    if job.status not in moderation.SUBMITTABLE:
        return []
    saved_status, job.status = job.status, JobStatus.PENDING
    try:
        job.full_clean(exclude=moderation.UNCHECKED)
    except ValidationError as error:
        return [message for messages_ in error.message_dict.values() for message in messages_]
    finally:
        job.status = saved_status
    return []


@employer_required
def job_preview(request: EmployerRequest, pk: int) -> HttpResponse:
    job = own_job(request, pk)
    if job.posted_at is None:  # dated as it will be when it goes live
        job.posted_at = timezone.now()
        job.expires_at = default_expiry(job.posted_at)
    context = job_page_context(request, job)
    context.update(
        preview=True,
        employer=request.employer,
        problems=submission_problems(job),
        can_submit=job.status in moderation.SUBMITTABLE,
    )
    response = render(request, "jobs/job_detail.html", context)
    response["Cache-Control"] = "private, no-store"
    response["X-Robots-Tag"] = "noindex"
    return response


@dataclass(frozen=True)
class Action:
    """A change an employer makes to a posting: a question on a GET, the change on a POST."""

    title: str
    question: str
    button: str
    allowed: Callable[[Job], bool]
    perform: Callable[[EmployerRequest, Job], HttpResponse]
    danger: bool = False
    # Why the step may not be taken now though the status allows it (a message), or None.
    refusal: Callable[[Job], str | None] = lambda job: None


def _submit(request: EmployerRequest, job: Job) -> HttpResponse:
    if not request.employer.is_verified:
        messages.error(request, "Confirm your e-mail address first: the link is in your inbox.")
        return redirect("employers:dashboard")
    if ratelimit.hit(ratelimit.SUBMISSION, str(job.company_id)):
        return too_many_attempts(request, ratelimit.SUBMISSION)
    try:
        moderation.submit(job, request.user)
    except ValidationError as error:
        messages.error(request, "Fix these first: " + " ".join(error.messages))
        return redirect("employers:edit", pk=job.pk)
    messages.success(request, f"“{job.title}” is in the review queue. We will e-mail you.")
    return redirect("employers:dashboard")


def _fill(request: EmployerRequest, job: Job) -> HttpResponse:
    moderation.mark_filled(job, request.user)
    messages.success(request, f"“{job.title}” is marked filled and closed to applications.")
    return redirect("employers:dashboard")


def _renew(request: EmployerRequest, job: Job) -> HttpResponse:
    try:
        change = moderation.renew_by_employer(job, request.user)
    except moderation.NotAllowed as error:
        messages.error(request, " ".join(error.messages))
        return redirect("employers:dashboard")
    job = change.job
    left = moderation.MAX_RENEWALS - moderation.renewals_used(job)
    more = f"It may be renewed {left} more time{'s' if left != 1 else ''}."
    messages.success(
        request,
        f"“{job.title}” now runs until {job.expires_at:%B %-d, %Y}. "
        + (more if left else "That was its last renewal."),
    )
    return redirect("employers:dashboard")


def _duplicate(request: EmployerRequest, job: Job) -> HttpResponse:
    copy = Job(
        company=job.company,
        created_by=request.user,
        **{name: getattr(job, name) for name in COPIED_FIELDS},
    )
    twin = recent_twin(request.user, copy)
    if twin is not None and twin.pk != job.pk:  # the same button pressed twice
        messages.info(request, "A copy was made a moment ago: here it is.")
        return redirect("employers:edit", pk=twin.pk)
    save_new_job(copy)
    moderation.record_creation(copy, request.user)
    messages.success(request, "A copy was saved as a draft. Edit it, then submit it.")
    return redirect("employers:edit", pk=copy.pk)


def _delete(request: EmployerRequest, job: Job) -> HttpResponse:
    title = job.title
    job.delete()
    messages.success(request, f"“{title}” is deleted.")
    return redirect("employers:dashboard")


ACTIONS = {
    "submit": Action(
        "Submit for review",
        "A moderator reviews the posting, usually within a working day; you get an e-mail.",
        "Submit for review",
        lambda job: job.status in moderation.SUBMITTABLE,
        _submit,
    ),
    "fill": Action(
        "Mark as filled",
        "The posting closes to applications at once; its page stays up with a notice.",
        "Mark as filled",
        lambda job: job.status in moderation.FILLABLE,
        _fill,
    ),
    "renew": Action(
        "Renew",
        "The posting runs for another full period without a new review.",
        "Renew",
        lambda job: job.status in moderation.RENEWABLE,
        _renew,
        refusal=moderation.renewal_refusal,
    ),
    "duplicate": Action(
        "Duplicate",
        "A copy is saved as a new draft for you to edit and submit.",
        "Duplicate",
        lambda job: True,
        _duplicate,
    ),
    "delete": Action(
        "Delete",
        "The posting and its history are deleted for good. This cannot be undone.",
        "Delete for good",
        lambda job: job.posted_at is None,  # a posting that was public closes instead
        _delete,
        danger=True,
    ),
}


@employer_required
def job_action(request: EmployerRequest, pk: int, action: str) -> HttpResponse:
    step = ACTIONS.get(action)
    if step is None:
        raise Http404("No such action.")
    job = own_job(request, pk)
    if not step.allowed(job):
        messages.error(
            request,
            f"“{job.title}” is {job.get_status_display().lower()}: it cannot be changed that way.",
        )
        return redirect("employers:dashboard")
    refusal = step.refusal(job)
    if refusal:
        messages.error(request, refusal)
        return redirect("employers:dashboard")
    if request.method == "POST":
        return step.perform(request, job)
    return render(request, "employers/confirm.html", {"job": job, "step": step, "action": action})


@employer_required
def company_edit(request: EmployerRequest) -> HttpResponse:
    employer = request.employer
    if not employer.may_manage_postings:
        messages.info(request, "Confirm your e-mail address first: the link is in your inbox.")
        return redirect("employers:dashboard")
    company = employer.company
    pending = review.pending_change(company)
    initial = pending.values if pending else None
    form = CompanyForm(
        request.POST or None, request.FILES or None, instance=company, initial=initial
    )
    form.uploaded_by = request.user
    if request.method == "POST" and form.is_valid():
        values = dict(form.cleaned_data)
        if form.cleaned_data.get("logo_upload") or form.cleaned_data.get("logo_remove"):
            form.store_uploads()  # into the library; shown once the profile change is approved
            values["logo"] = form.instance.logo
        if review.propose(company, values, request.user):
            messages.success(
                request,
                "Your changes are waiting for review: the company page shows them once a "
                "moderator approves them.",
            )
        else:
            if "website" in form.changed_data:  # set for the first time: its domain may vouch
                verification.website_changed(company, request.user)
            messages.success(request, "The company profile is saved.")
        return redirect("employers:dashboard")
    context = {
        "form": form,
        "employer": employer,
        "pending": pending,
        "has_page": has_page(company),
        "last_decision": None if pending else review.last_decision(company),
    }
    return render(request, "employers/company_form.html", context)
