"""From sign-up to a live posting, with one rejection on the way, through the pages alone."""

import re

import pytest
from django.core import mail
from django.test import Client
from django.urls import reverse

from jobs.choices import JobStatus
from jobs.models import Job

from .helpers import (
    DASHBOARD_URL,
    LOG_IN_URL,
    NEW_URL,
    PASSWORD,
    QUEUE_URL,
    SIGN_UP_URL,
    action_url,
    client_for,
    job_data,
    make_employer,
    make_moderator,
)

pytestmark = pytest.mark.django_db

REASON = "Say which team this is for and give the salary range."


def path_of(url: str, settings) -> str:
    assert url.startswith(settings.SITE_URL), url
    return url.removeprefix(settings.SITE_URL)


def test_sign_up_to_live_posting(settings, django_capture_on_commit_callbacks):
    moderator = make_moderator()
    capture = django_capture_on_commit_callbacks
    employer = Client()

    # Sign up and confirm the address from the e-mail.
    with capture(execute=True):
        response = employer.post(
            SIGN_UP_URL,
            {
                "email": "lead@vectorworks.example",
                "password": PASSWORD,
                "company_name": "Vectorworks",
                "company_website": "https://vectorworks.example",
                "nickname": "",
            },
        )
    assert response["Location"] == reverse("employers:sign-up-sent")
    (verification,) = mail.outbox
    link = re.search(r"\S+/employers/verify/\S+/", verification.body).group(0)
    assert employer.get(path_of(link, settings)).status_code == 302
    mail.outbox.clear()
    # Then log in.
    response = employer.post(
        LOG_IN_URL, {"username": "lead@vectorworks.example", "password": PASSWORD}
    )
    assert response["Location"] == DASHBOARD_URL

    # Write the posting, preview it, submit it.
    response = employer.post(
        NEW_URL,
        job_data(title="Vector Search Engineer", salary_min="", salary_max="", salary_currency=""),
    )
    job = Job.objects.get()
    preview_url = reverse("employers:preview", args=[job.pk])
    assert response["Location"] == preview_url
    preview = employer.get(preview_url)
    assert preview.status_code == 200
    assert "Vector Search Engineer" in preview.content.decode()
    assert action_url(job, "submit") in preview.content.decode()
    with capture(execute=True):
        employer.post(action_url(job, "submit"))
    job.refresh_from_db()
    assert job.status == JobStatus.PENDING
    (to_moderator,) = mail.outbox
    assert to_moderator.to == [moderator.email]
    mail.outbox.clear()

    # The moderator rejects it with a reason.
    admin = client_for(moderator)
    queue = admin.get(QUEUE_URL)
    assert list(queue.context["cl"].result_list) == [job]
    review = reverse("admin:jobs_job_review", args=[job.pk])
    with capture(execute=True):
        admin.post(review, {"decision": "reject", "note": REASON, "revision": job.revision})
    job.refresh_from_db()
    assert job.status == JobStatus.REJECTED
    (rejection,) = mail.outbox
    assert REASON in rejection.body
    mail.outbox.clear()

    # The employer reads the reason, edits and resubmits.
    assert REASON in employer.get(DASHBOARD_URL).content.decode()
    edit_url = path_of(
        re.search(r"\S+/employers/jobs/\d+/edit/", rejection.body).group(0), settings
    )
    assert employer.get(edit_url).status_code == 200
    employer.post(
        edit_url,
        job_data(
            title="Vector Search Engineer (Retrieval team)",
            salary_min="100000",
            salary_max="130000",
            salary_currency="USD",
        ),
    )
    with capture(execute=True):
        employer.post(action_url(job, "submit"))
    job.refresh_from_db()
    assert job.status == JobStatus.PENDING
    assert len(mail.outbox) == 1
    mail.outbox.clear()

    # Approved: on the board.
    with capture(execute=True):
        admin.post(review, {"decision": "approve", "note": "", "revision": job.revision})
    job.refresh_from_db()
    assert job.status == JobStatus.PUBLISHED
    assert len(mail.outbox) == 1
    visitor = Client()
    listing = visitor.get(reverse("jobs:list"))
    assert job in listing.context["page"].object_list
    page = visitor.get(job.get_absolute_url())
    assert page.status_code == 200
    assert "Vector Search Engineer (Retrieval team)" in page.content.decode()

    # Someone from another company cannot touch it.
    stranger = client_for(make_employer("boss@other.example").user)
    assert stranger.get(reverse("employers:edit", args=[job.pk])).status_code == 404
