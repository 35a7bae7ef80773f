"""Shared by the employer tests: accounts, logged-in clients, a valid posting form."""

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from employers.models import Employer
from jobs.choices import JobStatus
from jobs.models import Company, Job
from tests.factories import make_company, make_job

PASSWORD = "a-long-employer-password"
SIGN_UP_URL = reverse("employers:sign-up")
LOG_IN_URL = reverse("employers:log-in")
DASHBOARD_URL = reverse("employers:dashboard")
NEW_URL = reverse("employers:new")
QUEUE_URL = reverse("admin:jobs_jobforreview_changelist")


def make_employer(
    email: str | None = None,
    *,
    company: Company | None = None,
    verified: bool = True,
    created_company: bool = True,
    password: str = PASSWORD,
) -> Employer:
    company = company or make_company()
    email = (email or f"person{get_user_model().objects.count() + 1}@{company.domain}").lower()
    user = get_user_model().objects.create_user(username=email, email=email, password=password)
    return Employer.objects.create(
        user=user,
        company=company,
        created_company=created_company,
        verified_at=timezone.now() if verified else None,
    )


def client_for(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def make_moderator(username: str = "mod", email: str = "mod@example.com"):
    user = get_user_model().objects.create_user(
        username=username, email=email, password=PASSWORD, is_staff=True
    )
    user.groups.add(Group.objects.get(name="Moderators"))
    return user


def make_draft(company: Company, **fields) -> Job:
    defaults = {"status": JobStatus.DRAFT, "posted_at": None, "expires_at": None}
    return make_job(company=company, **{**defaults, **fields})


def make_pending(company: Company, **fields) -> Job:
    defaults = {"submitted_at": timezone.now()}
    return make_draft(company, **{"status": JobStatus.PENDING, **defaults, **fields})


def job_data(**overrides) -> dict:
    """What a person types into the posting form for a valid on-site job."""
    data = {
        "title": "Machine Learning Engineer",
        "role": "",
        "employment_type": "full_time",
        "experience_level": "senior",
        "description": "Build **models** that ship.\n\n- Python\n- PyTorch",
        "skills": "Python, PyTorch",
        "workplace": "onsite",
        "remote_region": "",
        "street_address": "1 Main Street",
        "city": "Berlin",
        "region": "Berlin",
        "postal_code": "10115",
        "country": "DE",
        "salary_min": "90000",
        "salary_max": "120000",
        "salary_currency": "EUR",
        "salary_period": "year",
        "apply_url": "https://careers.example/ml",
        "apply_email": "",
    }
    data.update(overrides)
    return data


def form_data_of(job: Job, **overrides) -> dict:
    """The posting form as it comes back unchanged from the edit page."""
    data = {
        name: ("" if getattr(job, name) is None else str(getattr(job, name)))
        for name in job_data()
        if name not in ("role", "country")
    }
    data["role"] = str(job.role_id or "")
    data["country"] = job.country.code
    data.update(overrides)
    return data


def action_url(job: Job, action: str) -> str:
    return reverse("employers:action", args=[job.pk, action])


def messages_of(response) -> list[str]:
    return [str(message) for message in response.context["messages"]]
