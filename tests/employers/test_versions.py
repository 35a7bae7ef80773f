"""Moderation approves a version: what a moderator read is what goes live.

The attack: a moderator opens a pending posting, the employer swaps its text, the moderator's
approval publishes the swapped text. Every edit is a new version; a decision names the version
it was made on and is refused once the posting has moved on."""

import pytest
from django.core import mail
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from jobs.choices import JobStatus
from jobs.models import Job, StatusChange
from tests.api_clients import token_client

from .helpers import (
    DASHBOARD_URL,
    QUEUE_URL,
    client_for,
    form_data_of,
    make_employer,
    make_moderator,
    make_pending,
    messages_of,
)
from .test_moderation_flow import admin_form_data

pytestmark = pytest.mark.django_db

ORIGINAL = "Build **models** that ship."
SWAPPED = "Send your bank details to win a prize."
REASON = "Say where the office is."
JOBS_URL = reverse("admin:jobs_job_changelist")


@pytest.fixture
def employer():
    return make_employer()


@pytest.fixture
def moderator():
    return make_moderator()


@pytest.fixture
def admin(moderator):
    return client_for(moderator)


@pytest.fixture
def job(employer):
    return make_pending(employer.company, title="Vision Engineer", description=ORIGINAL)


def review_url(job: Job) -> str:
    return reverse("admin:jobs_job_review", args=[job.pk])


def decide(admin: Client, job: Job, decision: str, revision: int, note: str = "", **kwargs):
    data = {"decision": decision, "note": note, "revision": revision}
    return admin.post(review_url(job), data, **kwargs)


def open_review(admin: Client, job: Job) -> str:
    page = admin.get(review_url(job))
    assert page.status_code == 200
    return page.content.decode()


def edit_on_dashboard(employer, job: Job, **changes):
    response = client_for(employer.user).post(
        reverse("employers:edit", args=[job.pk]), form_data_of(job, **changes)
    )
    assert response.status_code == 302, response.context["form"].errors
    return response


def edit_through_the_api(employer, job: Job, **changes):
    response = token_client(employer.user).patch(
        f"/api/v1/employer/jobs/{job.pk}/", changes, content_type="application/json"
    )
    assert response.status_code == 200, response.json()
    return response.json()


def published_changes(job: Job):
    return StatusChange.objects.filter(job=job, to_status=JobStatus.PUBLISHED)


@pytest.mark.parametrize("edit", [edit_on_dashboard, edit_through_the_api], ids=["form", "api"])
def test_approval_of_the_version_read_is_refused_after_the_employer_edits(
    admin, employer, job, edit, django_capture_on_commit_callbacks
):
    page = open_review(admin, job)
    assert ORIGINAL.replace("**", "") not in page  # rendered, not raw
    assert "version 1" in page
    assert 'name="revision" value="1"' in page

    with django_capture_on_commit_callbacks(execute=True):
        edit(employer, job, description=SWAPPED)
    job.refresh_from_db()
    assert (job.status, job.revision, job.description) == (JobStatus.PENDING, 2, SWAPPED)
    edited = StatusChange.objects.get(job=job)
    assert (edited.from_status, edited.to_status, edited.revision) == ("pending", "pending", 2)
    assert edited.note == "Edited while in review."
    assert mail.outbox == []  # already in the moderators' queue: no new e-mail

    # The moderator's decision on version 1 is refused, and nothing goes live.
    with django_capture_on_commit_callbacks(execute=True):
        response = decide(admin, job, "approve", 1, follow=True)
    assert response.redirect_chain == [(review_url(job), 302)]
    assert "This posting changed after you opened it: review version 2." in messages_of(response)
    job.refresh_from_db()
    assert job.status == JobStatus.PENDING
    assert not published_changes(job).exists()
    assert mail.outbox == []
    assert Client().get(job.get_absolute_url()).status_code == 404

    # The page now shows version 2; approving it publishes exactly version 2's text.
    page = response.content.decode()
    assert SWAPPED in page and 'name="revision" value="2"' in page
    with django_capture_on_commit_callbacks(execute=True):
        response = decide(admin, job, "approve", 2, follow=True)
    assert response.redirect_chain == [(QUEUE_URL, 302)]
    assert "“Vision Engineer” version 2 is now published." in messages_of(response)
    job.refresh_from_db()
    assert job.status == JobStatus.PUBLISHED and job.revision == 2
    public = Client().get(job.get_absolute_url())
    assert public.status_code == 200
    assert SWAPPED in public.content.decode()
    assert "models" not in public.content.decode()
    (approval,) = published_changes(job)
    assert approval.revision == 2
    assert len(mail.outbox) == 1  # the employer's "approved"


@pytest.mark.parametrize(
    ("decision", "status"), [("changes", JobStatus.CHANGES), ("reject", JobStatus.REJECTED)]
)
def test_request_changes_and_reject_name_the_version(admin, employer, job, decision, status):
    open_review(admin, job)
    edit_on_dashboard(employer, job, description=SWAPPED)

    response = decide(admin, job, decision, 1, REASON, follow=True)
    assert "This posting changed after you opened it: review version 2." in messages_of(response)
    job.refresh_from_db()
    assert job.status == JobStatus.PENDING
    assert not StatusChange.objects.filter(job=job, to_status=status).exists()

    decide(admin, job, decision, 2, REASON)
    job.refresh_from_db()
    assert job.status == status
    change = StatusChange.objects.get(job=job, to_status=status)
    assert (change.revision, change.note) == (2, REASON)
    # The employer's dashboard names the version the message was about.
    dashboard = client_for(employer.user).get(DASHBOARD_URL).content.decode()
    assert "(on version 2)" in dashboard and "version 2" in dashboard


def test_a_double_submitted_approval_is_done_once(admin, job, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        first = decide(admin, job, "approve", 1)
        second = decide(admin, job, "approve", 1, follow=True)
    assert first.status_code == 302
    assert second.redirect_chain == [(QUEUE_URL, 302)]
    assert "“Vision Engineer” version 1 is already published." in messages_of(second)
    assert published_changes(job).count() == 1
    assert len(mail.outbox) == 1


@pytest.mark.parametrize("decision", ["changes", "reject"])
def test_a_double_submitted_sending_back_is_done_once(admin, job, decision):
    assert decide(admin, job, decision, 1, REASON).status_code == 302
    second = decide(admin, job, decision, 1, REASON, follow=True)
    assert second.redirect_chain == [(QUEUE_URL, 302)]
    assert any("is already" in message for message in messages_of(second))
    assert StatusChange.objects.filter(job=job).count() == 1


def test_an_edit_of_a_published_posting_is_reviewed_as_its_new_version(
    admin, employer, job, django_capture_on_commit_callbacks
):
    decide(admin, job, "approve", 1)
    with django_capture_on_commit_callbacks(execute=True):
        edit_on_dashboard(employer, job, description=SWAPPED)
    job.refresh_from_db()
    assert (job.status, job.revision) == (JobStatus.PENDING, 2)
    assert Client().get(job.get_absolute_url()).status_code == 404
    assert len(mail.outbox) == 1  # the moderators hear of it: it left the board
    assert decide(admin, job, "approve", 1).status_code == 302
    job.refresh_from_db()
    assert job.status == JobStatus.PENDING
    decide(admin, job, "approve", 2)
    assert [c.revision for c in published_changes(job).order_by("pk")] == [1, 2]


def test_an_unchanged_form_makes_no_new_version(employer, job):
    url = reverse("employers:edit", args=[job.pk])
    response = client_for(employer.user).post(url, form_data_of(job), follow=True)
    assert "Nothing changed." in messages_of(response)
    job.refresh_from_db()
    assert job.revision == 1
    assert not StatusChange.objects.filter(job=job).exists()


def test_the_history_shows_each_version(admin, employer, job):
    edit_on_dashboard(employer, job, description=SWAPPED)
    decide(admin, job, "changes", 2, REASON)
    page = open_review(admin, job)
    history = page[page.index("<h2>History</h2>") :]
    assert '<th scope="col">Version</th>' in history
    assert "<td>Pending review → Changes requested</td><td>2</td>" in history


# --- the admin's lists ----------------------------------------------------------------------------


def list_action(admin: Client, action: str, jobs, revisions: dict, **extra):
    data = {"action": action, "_selected_action": [job.pk for job in jobs], **extra}
    data.update({f"revision_{pk}": revision for pk, revision in revisions.items()})
    return admin.post(JOBS_URL, data, follow=True)


def test_the_list_carries_each_rows_version(admin, job):
    page = admin.get(QUEUE_URL).content.decode()
    assert f'name="revision_{job.pk}" value="1"' in page


@pytest.mark.parametrize(
    ("action", "status", "extra"),
    [
        ("approve", JobStatus.PUBLISHED, {}),
        ("request_changes", JobStatus.CHANGES, {"note": REASON}),
        ("reject", JobStatus.REJECTED, {"note": REASON}),
    ],
)
def test_list_actions_leave_postings_edited_since_the_list_was_shown(
    admin, employer, job, action, status, extra
):
    untouched = make_pending(employer.company, title="Data Engineer")
    edit_on_dashboard(employer, job, description=SWAPPED)  # after the list showed version 1

    response = list_action(admin, action, [job, untouched], {job.pk: 1, untouched.pk: 1}, **extra)
    messages = messages_of(response)
    assert any("1 job(s)" in message for message in messages)
    assert (
        "Changed since the list was shown, so left alone: “Vision Engineer”. Review the new "
        "version." in messages
    )
    job.refresh_from_db()
    untouched.refresh_from_db()
    assert job.status == JobStatus.PENDING
    assert untouched.status == status
    assert StatusChange.objects.get(job=untouched).revision == 1


def test_a_list_action_without_the_version_changes_nothing(admin, job):
    response = list_action(admin, "approve", [job], {})
    assert any("Changed since the list was shown" in m for m in messages_of(response))
    job.refresh_from_db()
    assert job.status == JobStatus.PENDING


def test_a_content_edit_in_the_admin_is_a_new_version(admin, job):
    """A colleague's edit in the admin's change form: a review opened before it is refused."""
    open_review(admin, job)
    url = reverse("admin:jobs_job_change", args=[job.pk])
    data = admin_form_data(admin.get(url))
    data["featured_until_0"] = "2031-01-01"  # when it runs is not what it says
    data["featured_until_1"] = "00:00:00"
    assert admin.post(url, data).status_code == 302
    job.refresh_from_db()
    assert job.revision == 1

    data = admin_form_data(admin.get(url))
    data["description"] = SWAPPED
    assert admin.post(url, data).status_code == 302
    job.refresh_from_db()
    assert job.revision == 2
    decide(admin, job, "approve", 1)
    job.refresh_from_db()
    assert job.status == JobStatus.PENDING


# --- query counts -------------------------------------------------------------------------------


def count_queries(call) -> tuple[int, object]:
    with CaptureQueriesContext(connection) as queries:
        result = call()
    return len(queries), result


def test_queries_of_an_approval(admin, job, django_capture_on_commit_callbacks):
    open_review(admin, job)  # the session is read once before
    with django_capture_on_commit_callbacks(execute=True):
        count, response = count_queries(lambda: decide(admin, job, "approve", 1))
    assert response.status_code == 302
    assert count == APPROVE_QUERIES, count


def test_queries_of_an_employers_edit(employer, job, django_capture_on_commit_callbacks):
    client = client_for(employer.user)
    url = reverse("employers:edit", args=[job.pk])
    data = form_data_of(job, description=SWAPPED)
    with django_capture_on_commit_callbacks(execute=True):
        count, response = count_queries(lambda: client.post(url, data))
    assert response.status_code == 302
    assert count == EDIT_QUERIES, count


# Every write request runs in a transaction of its own (core.middleware; 2 savepoint statements
# inside the test's transaction), around all of what follows.
REQUEST_TRANSACTION = 2
# The session, the moderator and their permissions (4), the posting (1); in one transaction
# (2 savepoint statements): the posting again under a row lock (1), its company checked (1),
# the posting's seven database constraints checked (7 × 3 statements with their savepoints),
# the update (1), the history line (1), the company's addresses for the e-mail (1) and the
# e-mail's outbox row (1; the worker sends it after the commit).
APPROVE_QUERIES = REQUEST_TRANSACTION + 4 + 1 + 2 + 1 + 1 + 21 + 1 + 1 + 1 + 1
# The session, user, employer account and posting (4); the form's check of the four constraints
# it can see (4 × 3); in one transaction (2): the status and version under a row lock (1), the
# company checked (1), the seven constraints for the submission (7 × 3), the update (1) and the
# history line (1). No e-mail: a pending posting is in the moderators' queue already.
EDIT_QUERIES = REQUEST_TRANSACTION + 4 + 12 + 2 + 1 + 1 + 21 + 1 + 1
