"""Moderators review postings: the queue, decisions with reasons, the history, the e-mails."""

from datetime import timedelta

import pytest
from django.core import mail
from django.forms.widgets import MultiWidget
from django.urls import reverse
from django.utils import timezone

from jobs.choices import JobStatus
from jobs.models import StatusChange
from tests.factories import make_company, make_job

from .helpers import (
    DASHBOARD_URL,
    QUEUE_URL,
    client_for,
    make_draft,
    make_employer,
    make_moderator,
    make_pending,
)

pytestmark = pytest.mark.django_db

REASON = "Please state the salary range & the office city <b>clearly</b>."


@pytest.fixture
def moderator():
    return make_moderator()


@pytest.fixture
def admin(moderator):
    return client_for(moderator)


def review_url(job) -> str:
    return reverse("admin:jobs_job_review", args=[job.pk])


def test_the_queue_lists_pending_postings_oldest_submission_first(admin):
    company = make_company()
    now = timezone.now()
    newest = make_pending(company, title="Newest", submitted_at=now - timedelta(hours=1))
    oldest = make_pending(company, title="Oldest", submitted_at=now - timedelta(days=3))
    middle = make_pending(company, title="Middle", submitted_at=now - timedelta(days=1))
    make_draft(company, title="A draft")
    make_job(company=company, title="Published")
    make_job(company=company, title="Rejected", status=JobStatus.REJECTED)
    response = admin.get(QUEUE_URL)
    assert response.status_code == 200
    assert list(response.context["cl"].result_list) == [oldest, middle, newest]
    html = response.content.decode()
    assert review_url(oldest) in html


def test_approve_from_the_review_page(admin, moderator, client, django_capture_on_commit_callbacks):
    employer = make_employer()
    job = make_pending(employer.company)
    with django_capture_on_commit_callbacks(execute=True):
        response = admin.post(
            review_url(job), {"decision": "approve", "note": "", "revision": job.revision}
        )
    assert response.status_code == 302
    assert response["Location"] == QUEUE_URL
    job.refresh_from_db()
    assert job.status == JobStatus.PUBLISHED
    assert job.is_public
    change = StatusChange.objects.get(job=job)
    assert (change.actor, change.from_status, change.to_status) == (
        moderator,
        JobStatus.PENDING,
        JobStatus.PUBLISHED,
    )
    assert client.get(job.get_absolute_url()).status_code == 200
    assert [m.to for m in mail.outbox] == [[employer.user.email]]


@pytest.mark.parametrize(
    ("decision", "status"), [("changes", JobStatus.CHANGES), ("reject", JobStatus.REJECTED)]
)
def test_sending_back_needs_a_reason(admin, decision, status):
    job = make_pending(make_company())
    response = admin.post(
        review_url(job), {"decision": decision, "note": "   ", "revision": job.revision}
    )
    assert response.status_code == 200
    assert response.context["form"].errors["note"] == ["Give the employer a reason."]
    job.refresh_from_db()
    assert job.status == JobStatus.PENDING
    assert not StatusChange.objects.exists()
    assert mail.outbox == []

    response = admin.post(
        review_url(job), {"decision": decision, "note": REASON, "revision": job.revision}
    )
    assert response.status_code == 302
    job.refresh_from_db()
    assert job.status == status
    assert StatusChange.objects.get(job=job).note == REASON


@pytest.mark.parametrize("decision", ["changes", "reject"])
def test_the_employer_sees_the_latest_reason(admin, decision):
    employer = make_employer()
    job = make_pending(employer.company, title="Reviewed job")
    StatusChange.objects.create(
        job=job,
        actor=None,
        from_status=JobStatus.PENDING,
        to_status=JobStatus.CHANGES,
        note="An older message",
        created_at=timezone.now() - timedelta(days=2),
    )
    admin.post(review_url(job), {"decision": decision, "note": REASON, "revision": job.revision})
    dashboard = client_for(employer.user).get(DASHBOARD_URL)
    html = dashboard.content.decode()
    assert "Please state the salary range &amp; the office city &lt;b&gt;clearly&lt;/b&gt;." in html
    assert "An older message" not in html
    assert "<b>clearly</b>" not in html


def test_the_employers_own_notes_are_not_shown_as_reviewer_messages():
    employer = make_employer()
    job = make_job(company=employer.company, expires_at=timezone.now() + timedelta(days=2))
    client = client_for(employer.user)
    client.post(reverse("employers:action", args=[job.pk, "renew"]))
    # Renewing records "Runs until …" by the employer: not a message from a reviewer.
    assert "Runs until" not in client.get(DASHBOARD_URL).content.decode()


@pytest.mark.parametrize(
    ("decision", "subject"),
    [("changes", "Changes requested: "), ("reject", "Not published: ")],
)
def test_emails_go_to_verified_members_with_the_reason(
    admin, settings, decision, subject, django_capture_on_commit_callbacks
):
    company = make_company()
    first = make_employer("first@x.example", company=company)
    second = make_employer("second@x.example", company=company, created_company=False)
    make_employer("unverified@x.example", company=company, verified=False, created_company=False)
    make_employer("other@y.example")  # another company
    job = make_pending(company, title="Data Scientist")
    with django_capture_on_commit_callbacks(execute=True):
        admin.post(
            review_url(job), {"decision": decision, "note": REASON, "revision": job.revision}
        )
    assert sorted(m.to[0] for m in mail.outbox) == [first.user.email, second.user.email]
    for message in mail.outbox:
        assert message.subject == f"{subject}Data Scientist"
        assert REASON in message.body
        edit = f"{settings.SITE_URL}{reverse('employers:edit', args=[job.pk])}"
        dashboard = f"{settings.SITE_URL}{DASHBOARD_URL}"
        assert edit in message.body and dashboard in message.body
        html, kind = message.alternatives[0]
        assert kind == "text/html"
        assert edit in html and dashboard in html
        assert "&amp; the office city &lt;b&gt;clearly&lt;/b&gt;" in html
        assert "<b>clearly</b>" not in html


def test_history_on_the_review_page_and_the_change_page(admin, moderator):
    employer = make_employer("owner@acme.example")
    job = make_draft(employer.company)
    owner = client_for(employer.user)
    owner.post(reverse("employers:action", args=[job.pk, "submit"]))
    admin.post(
        review_url(job),
        {"decision": "reject", "note": "Too vague about the role.", "revision": job.revision},
    )
    history = list(StatusChange.objects.filter(job=job).order_by("created_at", "pk"))
    assert [(c.actor, c.from_status, c.to_status) for c in history] == [
        (employer.user, JobStatus.DRAFT, JobStatus.PENDING),
        (moderator, JobStatus.PENDING, JobStatus.REJECTED),
    ]

    review = admin.get(review_url(job)).content.decode()
    assert "owner@acme.example" in review and moderator.email in review
    assert "Draft → Pending review" in review
    assert "Pending review → Rejected" in review
    assert "Too vague about the role." in review

    change = admin.get(reverse("admin:jobs_job_change", args=[job.pk]))
    assert change.status_code == 200
    html = change.content.decode()
    assert "Too vague about the role." in html
    assert "Rejected" in html and "Pending review" in html
    assert "mod" in html


def admin_form_data(response) -> dict:
    """The admin change form's fields and inline management forms as the page sent them."""
    data = {}
    for field in response.context["adminform"].form:
        value = field.value()
        widget = field.field.widget
        if isinstance(widget, MultiWidget):
            parts = value if isinstance(value, list) else widget.decompress(value)
            for i, part in enumerate(parts):
                data[f"{field.html_name}_{i}"] = "" if part is None else str(part)
        else:
            data[field.html_name] = "" if value is None else value
    for inline in response.context["inline_admin_formsets"]:
        formset = inline.formset
        for field in formset.management_form:
            data[field.html_name] = field.value()
        for form in formset.forms:
            for field in form:
                value = field.value()
                data[field.html_name] = "" if value is None else value
    return data


def test_the_change_form_shows_the_status_but_does_not_change_it(admin, moderator):
    """Status changes go through moderation.py (the review page and the actions): the form
    shows the status read-only, and a status posted anyway is ignored."""
    job = make_pending(make_company())
    url = reverse("admin:jobs_job_change", args=[job.pk])
    page = admin.get(url)
    assert "status" not in page.context["adminform"].form.fields
    assert "Pending review" in page.content.decode()
    data = admin_form_data(page)
    data.update(status=JobStatus.PUBLISHED, title="Retitled by the moderator")
    response = admin.post(url, data)
    assert response.status_code == 302, response.context["adminform"].form.errors
    job.refresh_from_db()
    assert (job.status, job.title, job.revision) == (
        JobStatus.PENDING,
        "Retitled by the moderator",
        2,
    )
    assert not StatusChange.objects.filter(job=job).exists()


def test_changelist_actions_record_the_reason(admin, moderator, django_capture_on_commit_callbacks):
    employer = make_employer()
    job = make_pending(employer.company)
    with django_capture_on_commit_callbacks(execute=True):
        admin.post(
            reverse("admin:jobs_job_changelist"),
            {
                "action": "request_changes",
                "_selected_action": [job.pk],
                "note": REASON,
                f"revision_{job.pk}": job.revision,
            },
        )
    job.refresh_from_db()
    assert job.status == JobStatus.CHANGES
    change = StatusChange.objects.get(job=job)
    assert (change.actor, change.note) == (moderator, REASON)
    assert len(mail.outbox) == 1 and REASON in mail.outbox[0].body


@pytest.mark.parametrize("apply_url", ["", "https://careers.example/1"], ids=["unfinished", "done"])
def test_a_draft_the_employer_never_submitted_is_not_approved(admin, client, apply_url):
    """ "Nobody else sees it until you submit it and a moderator approves it" (the posting form)."""
    employer = make_employer()
    draft = make_draft(employer.company, apply_url=apply_url, apply_email="")
    response = admin.post(
        reverse("admin:jobs_job_changelist"),
        {"action": "approve", "_selected_action": [draft.pk], f"revision_{draft.pk}": 1},
        follow=True,
    )
    assert response.status_code == 200
    draft.refresh_from_db()
    assert draft.status == JobStatus.DRAFT
    assert client.get(draft.get_absolute_url()).status_code == 404

    response = admin.post(
        review_url(draft),
        {"decision": "approve", "note": "", "revision": draft.revision},
        follow=True,
    )
    assert response.status_code == 200
    draft.refresh_from_db()
    assert draft.status == JobStatus.DRAFT
    assert not StatusChange.objects.filter(job=draft).exists()
