"""Who may see and change which postings; who may use the review queue."""

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse

from employers.views import ACTIONS
from jobs.choices import JobStatus
from jobs.models import Job
from tests.factories import make_company, make_editor, make_job

from .helpers import (
    DASHBOARD_URL,
    LOG_IN_URL,
    NEW_URL,
    QUEUE_URL,
    action_url,
    client_for,
    job_data,
    make_draft,
    make_employer,
    make_moderator,
    make_pending,
    messages_of,
)

pytestmark = pytest.mark.django_db


def snapshot(job: Job) -> dict:
    job.refresh_from_db()
    return {f.attname: getattr(job, f.attname) for f in Job._meta.concrete_fields if f.attname}


def test_anonymous_visitors_are_sent_to_log_in(client):
    job = make_draft(make_company())
    urls = [
        DASHBOARD_URL,
        NEW_URL,
        reverse("employers:company"),
        reverse("employers:edit", args=[job.pk]),
        reverse("employers:preview", args=[job.pk]),
        *(action_url(job, action) for action in ACTIONS),
    ]
    for url in urls:
        for method in (client.get, client.post):
            response = method(url)
            assert response.status_code == 302, url
            assert response["Location"].startswith(f"{LOG_IN_URL}?next="), url
    assert Job.objects.filter(pk=job.pk, status=JobStatus.DRAFT).exists()


@pytest.mark.parametrize("status", [JobStatus.DRAFT, JobStatus.PUBLISHED])
def test_another_companys_posting_is_not_found(status):
    theirs = (
        make_job(status=status) if status == JobStatus.PUBLISHED else make_draft(make_company())
    )
    before = snapshot(theirs)
    intruder = client_for(make_employer().user)
    for url in (
        reverse("employers:edit", args=[theirs.pk]),
        reverse("employers:preview", args=[theirs.pk]),
    ):
        assert intruder.get(url).status_code == 404, url
        assert intruder.post(url, job_data(title="Hijacked")).status_code == 404, url
    for action in ACTIONS:
        assert intruder.get(action_url(theirs, action)).status_code == 404, action
        assert intruder.post(action_url(theirs, action)).status_code == 404, action
    assert Job.objects.filter(pk=theirs.pk).exists()
    assert snapshot(theirs) == before
    assert Job.objects.count() == 1, "duplicate made no copy"


def test_unverified_creator_drafts_and_previews_but_cannot_submit():
    employer = make_employer(verified=False, created_company=True)
    client = client_for(employer.user)
    assert client.get(NEW_URL).status_code == 200
    response = client.post(NEW_URL, job_data())
    job = Job.objects.get()
    assert response["Location"] == reverse("employers:preview", args=[job.pk])
    preview = client.get(reverse("employers:preview", args=[job.pk]))
    assert preview.status_code == 200
    assert "Confirm your e-mail address to submit it" in preview.content.decode()
    response = client.post(action_url(job, "submit"), follow=True)
    assert any("Confirm your e-mail address" in m for m in messages_of(response))
    job.refresh_from_db()
    assert job.status == JobStatus.DRAFT
    assert job.submitted_at is None


def test_unverified_member_of_an_existing_company_sees_none_of_its_postings():
    company = make_company()
    draft = make_draft(company, title="Their draft")
    public = make_job(company=company, title="Their live job")
    joiner = make_employer(company=company, verified=False, created_company=False)
    client = client_for(joiner.user)
    dashboard = client.get(DASHBOARD_URL)
    assert dashboard.status_code == 200
    assert list(dashboard.context["page"].object_list) == []
    for job in (draft, public):
        assert client.get(reverse("employers:edit", args=[job.pk])).status_code == 404
        assert client.get(reverse("employers:preview", args=[job.pk])).status_code == 404
        assert client.post(action_url(job, "duplicate")).status_code == 404
    new = client.get(NEW_URL)
    assert new.status_code == 302
    assert Job.objects.count() == 2

    joiner.verified_at = public.posted_at
    joiner.save()
    dashboard = client.get(DASHBOARD_URL)
    assert {job.pk for job in dashboard.context["page"].object_list} == {draft.pk, public.pk}


def test_staff_without_an_employer_account_go_to_the_landing_page():
    staff = get_user_model().objects.create_user("staff", password="pw-long-1234", is_staff=True)
    client = client_for(staff)
    for url in (DASHBOARD_URL, NEW_URL, reverse("employers:company")):
        response = client.get(url)
        assert response.status_code == 302, url
        assert response["Location"] == reverse("employers:home"), url
    landing = client.get(reverse("employers:home"))
    assert "does not post jobs for a company" in landing.content.decode()


def test_moderators_open_the_review_queue_and_review_page():
    job = make_pending(make_company())
    client = client_for(make_moderator())
    assert client.get(QUEUE_URL).status_code == 200
    assert client.get(reverse("admin:jobs_job_review", args=[job.pk])).status_code == 200


def test_editors_cannot_use_the_review_queue():
    job = make_pending(make_company())
    client = client_for(make_editor("editor-only"))
    assert client.get(QUEUE_URL).status_code == 403
    review = reverse("admin:jobs_job_review", args=[job.pk])
    assert client.get(review).status_code == 403
    response = client.post(review, {"decision": "approve", "note": ""})
    assert response.status_code == 403
    job.refresh_from_db()
    assert job.status == JobStatus.PENDING
