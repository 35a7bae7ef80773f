"""Writing a posting: the form, drafts, validation, the preview, submitting and the actions."""

from datetime import timedelta

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from employers.forms import JobForm
from employers.views import ACTIONS
from jobs.choices import JobStatus
from jobs.models import Job, StatusChange
from tests.factories import directives, make_job

from .helpers import (
    DASHBOARD_URL,
    NEW_URL,
    action_url,
    client_for,
    form_data_of,
    job_data,
    make_draft,
    make_employer,
    make_moderator,
    messages_of,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def employer():
    return make_employer()


@pytest.fixture
def client(employer):
    return client_for(employer.user)


def test_the_form_shows_every_field_with_a_label(client):
    response = client.get(NEW_URL)
    assert response.status_code == 200
    html = response.content.decode()
    form = response.context["form"]
    for name in JobForm.Meta.fields:
        field = form[name]
        assert f'<label for="{field.id_for_label}">' in html, name
        assert f'id="{field.id_for_label}"' in html, name
        assert str(field.label) in html, name
    assert 'name="save_draft"' in html


def test_saving_a_draft(client, employer):
    response = client.post(NEW_URL, {**job_data(apply_url=""), "save_draft": ""})
    assert response.status_code == 302
    assert response["Location"] == DASHBOARD_URL
    job = Job.objects.get()
    assert job.status == JobStatus.DRAFT
    assert job.company == employer.company
    assert job.created_by == employer.user
    assert job.posted_at is None and job.submitted_at is None
    assert job.title == "Machine Learning Engineer"
    assert "<strong>models</strong>" in job.description_html
    creation = StatusChange.objects.get(job=job)
    assert (creation.from_status, creation.to_status, creation.actor) == (
        "",
        JobStatus.DRAFT,
        employer.user,
    )
    assert job.title in client.get(DASHBOARD_URL).content.decode()


@pytest.mark.parametrize(
    ("overrides", "field"),
    [
        ({"salary_min": "120000", "salary_max": "90000"}, "salary_max"),
        ({"workplace": "onsite", "city": ""}, "city"),
        ({"workplace": "hybrid", "remote_region": "anywhere"}, "remote_region"),
        ({"salary_currency": ""}, "salary_currency"),
        ({"title": ""}, "title"),
    ],
    ids=["max-below-min", "onsite-without-city", "region-not-remote", "no-currency", "no-title"],
)
def test_validation_errors_keep_the_input(client, overrides, field):
    data = {**job_data(title="Keep me, please", description="My *own* words"), **overrides}
    response = client.post(NEW_URL, data)
    assert response.status_code == 200
    assert field in response.context["form"].errors
    html = response.content.decode()
    assert "My *own* words" in html
    if field != "title":
        assert 'value="Keep me, please"' in html
    assert f'value="{data["salary_min"]}"' in html
    assert not Job.objects.exists()


def test_preview_is_the_public_template_with_a_banner_and_is_private(client, employer):
    job = make_draft(employer.company, title="Preview me")
    response = client.get(reverse("employers:preview", args=[job.pk]))
    assert response.status_code == 200
    assert "jobs/job_detail.html" in [t.name for t in response.templates]
    html = response.content.decode()
    assert "Preview me" in html
    assert "employer-preview" in html and "Submit for review" in html
    assert {"private", "no-store"} <= directives(response["Cache-Control"])
    assert "noindex" in response["X-Robots-Tag"]
    assert '<meta name="robots" content="noindex' in html
    # The public page is not there yet.
    assert client.get(job.get_absolute_url()).status_code == 404


def test_submit_sends_the_posting_to_review(client, employer, django_capture_on_commit_callbacks):
    moderator = make_moderator()
    former = make_moderator("former", "former@example.com")
    former.is_staff = False  # in the group, but no longer staff: not told
    former.save()
    job = make_draft(employer.company, title="Submit me")
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(action_url(job, "submit"))
    assert response.status_code == 302
    assert response["Location"] == DASHBOARD_URL
    job.refresh_from_db()
    assert job.status == JobStatus.PENDING
    assert job.submitted_at is not None
    change = StatusChange.objects.get(job=job, to_status=JobStatus.PENDING)
    assert (change.from_status, change.actor) == (JobStatus.DRAFT, employer.user)
    assert [m.to for m in mail.outbox] == [[moderator.email]]
    assert "Submit me" in mail.outbox[0].subject
    assert client.get(job.get_absolute_url()).status_code == 404


def test_submission_problems_are_listed_and_the_submit_is_refused(client, employer):
    job = make_draft(employer.company, apply_url="", apply_email="")
    preview = client.get(reverse("employers:preview", args=[job.pk]))
    assert (
        "Give a web address or an e-mail address for applications." in preview.context["problems"]
    )
    html = preview.content.decode()
    assert "Before you can submit it" in html
    assert "Give a web address or an e-mail address for applications." in html
    assert action_url(job, "submit") not in html
    response = client.post(action_url(job, "submit"), follow=True)
    assert any("Give a web address" in m for m in messages_of(response))
    job.refresh_from_db()
    assert job.status == JobStatus.DRAFT
    assert job.submitted_at is None
    assert not StatusChange.objects.filter(job=job, to_status=JobStatus.PENDING).exists()


def test_editing_a_published_posting_sends_it_back_to_review(
    client, employer, django_capture_on_commit_callbacks
):
    make_moderator()
    job = make_job(company=employer.company, title="Live job")
    assert client.get(job.get_absolute_url()).status_code == 200
    edit = reverse("employers:edit", args=[job.pk])
    assert "This posting is live." in client.get(edit).content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(edit, form_data_of(job, title="Live job, reworded"))
    assert response.status_code == 302
    job.refresh_from_db()
    assert job.status == JobStatus.PENDING
    assert job.title == "Live job, reworded"
    assert job.submitted_at is not None
    assert StatusChange.objects.filter(
        job=job, from_status=JobStatus.PUBLISHED, to_status=JobStatus.PENDING
    ).exists()
    assert len(mail.outbox) == 1
    assert client.get(job.get_absolute_url()).status_code == 404
    assert job.title not in client.get(reverse("jobs:list")).content.decode()


def test_saving_a_published_posting_unchanged_saves_nothing(client, employer):
    job = make_job(company=employer.company, title="Live job")
    before = job.updated_at
    response = client.post(reverse("employers:edit", args=[job.pk]), form_data_of(job), follow=True)
    assert "Nothing changed." in messages_of(response)
    job.refresh_from_db()
    assert job.status == JobStatus.PUBLISHED
    assert job.updated_at == before
    assert not StatusChange.objects.filter(job=job).exists()


def test_mark_filled_needs_no_review(client, employer):
    job = make_job(company=employer.company)
    response = client.post(action_url(job, "fill"))
    assert response.status_code == 302
    job.refresh_from_db()
    assert job.status == JobStatus.FILLED
    assert StatusChange.objects.filter(job=job, to_status=JobStatus.FILLED).exists()
    page = client.get(job.get_absolute_url())
    assert page.status_code == 200
    assert "no longer accepting applications" in page.content.decode()


@pytest.mark.parametrize("status", [JobStatus.PUBLISHED, JobStatus.EXPIRED])
def test_renew_needs_no_review(client, employer, status):
    expiry = timezone.now() + timedelta(days=3)  # renewable in its last week
    job = make_job(company=employer.company, status=status, expires_at=expiry)
    old_expiry = job.expires_at
    client.post(action_url(job, "renew"))
    job.refresh_from_db()
    assert job.status == JobStatus.PUBLISHED
    assert job.expires_at > old_expiry
    assert job.is_public


def test_duplicate_makes_a_draft_copy(client, employer):
    job = make_job(company=employer.company, title="Original", skills="Python, Go")
    response = client.post(action_url(job, "duplicate"))
    copy = Job.objects.exclude(pk=job.pk).get()
    assert response["Location"] == reverse("employers:edit", args=[copy.pk])
    assert copy.status == JobStatus.DRAFT
    assert (copy.title, copy.skills, copy.company) == ("Original", "Python, Go", job.company)
    assert copy.posted_at is None and copy.expires_at is None and copy.submitted_at is None
    assert copy.slug != job.slug
    job.refresh_from_db()
    assert job.status == JobStatus.PUBLISHED


def test_delete_works_for_a_never_published_posting(client, employer):
    job = make_draft(employer.company)
    assert client.post(action_url(job, "delete")).status_code == 302
    assert not Job.objects.filter(pk=job.pk).exists()


@pytest.mark.parametrize("status", [JobStatus.PUBLISHED, JobStatus.FILLED, JobStatus.EXPIRED])
def test_delete_is_refused_once_a_posting_was_public(client, employer, status):
    job = make_job(company=employer.company, status=status)
    response = client.post(action_url(job, "delete"), follow=True)
    assert any("cannot be changed that way" in m for m in messages_of(response))
    assert Job.objects.filter(pk=job.pk).exists()


@pytest.mark.parametrize("action", list(ACTIONS))
def test_a_get_only_asks(client, employer, action):
    if action in ("submit", "delete"):
        job = make_draft(employer.company)
    else:  # in its last week, so that it may be renewed
        job = make_job(company=employer.company, expires_at=timezone.now() + timedelta(days=3))
    before = (job.status, job.expires_at, job.updated_at)
    response = client.get(action_url(job, action))
    assert response.status_code == 200
    assert "employers/confirm.html" in [t.name for t in response.templates]
    assert 'method="post"' in response.content.decode()
    job.refresh_from_db()
    assert (job.status, job.expires_at, job.updated_at) == before
    assert Job.objects.filter(company=employer.company).count() == 1
    assert not StatusChange.objects.filter(job__company=employer.company).exists()


def test_closed_postings_cannot_be_edited(client, employer):
    job = make_job(company=employer.company, status=JobStatus.FILLED)
    response = client.post(reverse("employers:edit", args=[job.pk]), form_data_of(job, title="X"))
    assert response.status_code == 302
    job.refresh_from_db()
    assert job.title != "X"
