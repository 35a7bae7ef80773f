"""The moderation desk: the waiting count on the admin index, the queue with its flags, the
review page with approve and reject-with-reason, bulk approval; only for moderators."""

from datetime import timedelta

import pytest
from django.contrib.admin.helpers import ACTION_CHECKBOX_NAME
from django.core import mail
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from jobs import moderation, review
from jobs.choices import JobStatus
from jobs.models import Job, StatusChange
from tests.employers.helpers import (
    client_for,
    make_draft,
    make_employer,
    make_moderator,
    make_pending,
)
from tests.factories import make_company, make_editor, make_job

pytestmark = pytest.mark.django_db

INDEX_URL = reverse("admin:index")
QUEUE_URL = reverse("admin:jobs_jobforreview_changelist")
REASON = "The salary range is missing and the title names no role."


def review_url(job: Job) -> str:
    return reverse("admin:jobs_job_review", args=[job.pk])


@pytest.fixture
def moderator():
    return make_moderator()


@pytest.fixture
def desk(moderator):
    return client_for(moderator)


@pytest.fixture
def editor():
    """Staff who write guides and roles, without the Moderators group."""
    return client_for(make_editor())


def count_queries(call) -> tuple[int, object]:
    with CaptureQueriesContext(connection) as queries:
        result = call()
    return len(queries), result


def pending_batch(n: int, company=None) -> list[Job]:
    """`n` pending postings with every flag among them: new companies, a posting back after a
    rejection, postings without pay."""
    now = timezone.now()
    jobs = []
    for i in range(n):
        job = make_pending(
            company or make_company(),
            title=f"Pending {i}",
            submitted_at=now - timedelta(hours=i + 1),
            salary_min=None if i % 2 else 50_000,
            salary_max=None if i % 2 else 70_000,
        )
        StatusChange.objects.create(
            job=job, from_status=JobStatus.PENDING, to_status=JobStatus.REJECTED, note="No."
        )
        jobs.append(job)
    return jobs


# --- the admin index ---------------------------------------------------------------------------


def test_the_index_shows_how_many_postings_wait_and_links_to_the_queue(desk):
    company = make_company()
    pending_batch(3, company)
    make_draft(company, title="A draft")
    make_job(company=company, title="On the board")
    make_job(company=company, title="Sent back", status=JobStatus.CHANGES)
    html = desk.get(INDEX_URL).content.decode()
    assert "<strong>3 postings waiting</strong> for review" in html
    assert f'href="{QUEUE_URL}"' in html
    # The queue's own row in the list speaks plainly too.
    assert "Postings waiting for review" in html
    assert "Review queue" not in html


def test_the_index_says_when_nothing_waits(desk):
    make_pending(make_company()).delete()
    assert "No postings waiting" in desk.get(INDEX_URL).content.decode()
    make_pending(make_company())
    assert "<strong>1 posting waiting</strong>" in desk.get(INDEX_URL).content.decode()


def test_the_index_counts_in_one_query_however_many_wait(desk):
    desk.get(INDEX_URL)  # the session and permissions are read the same way each time
    few, _ = count_queries(lambda: desk.get(INDEX_URL))
    pending_batch(6)
    many, response = count_queries(lambda: desk.get(INDEX_URL))
    assert "6 postings waiting" in response.content.decode()
    assert few == many


# --- who may use the desk -----------------------------------------------------------------------


def test_an_editor_without_moderation_rights_sees_no_count_and_cannot_decide(editor):
    job = make_pending(make_company(), title="Not for editors")
    assert "postings waiting" not in editor.get(INDEX_URL).content.decode().lower()
    assert editor.get(QUEUE_URL).status_code == 403
    assert editor.get(review_url(job)).status_code == 403
    data = {"decision": "approve", "note": "", "revision": job.revision}
    assert editor.post(review_url(job), data).status_code == 403
    bulk = {"action": "approve", ACTION_CHECKBOX_NAME: [job.pk], f"revision_{job.pk}": 1}
    assert editor.post(QUEUE_URL, bulk).status_code == 403
    job.refresh_from_db()
    assert job.status == JobStatus.PENDING
    assert not StatusChange.objects.filter(job=job).exists()


# --- the queue ------------------------------------------------------------------------------------


def test_the_queue_lists_title_company_age_and_flags_in_plain_words(desk):
    now = timezone.now()
    known = make_company(name="Known Labs")
    make_job(company=known, title="Earlier posting", status=JobStatus.EXPIRED)
    plain = make_pending(known, title="Plain posting", submitted_at=now - timedelta(hours=3))
    newcomer = make_pending(
        make_company(name="New Labs"),
        title="No pay given",
        submitted_at=now - timedelta(days=2, hours=5),
        salary_min=None,
        salary_max=None,
    )
    response = desk.get(QUEUE_URL)
    assert list(response.context["cl"].result_list) == [newcomer, plain]
    html = response.content.decode()
    assert "Postings waiting for review, oldest first" in html
    assert "2 postings waiting for review" in html
    assert "review queue" not in html.lower()
    # One unit, as a person says it (a no-break space keeps "3 hours" on one line).
    assert "3\xa0hours ago" in html and "2\xa0days ago" in html
    assert f'href="{review_url(plain)}">Plain posting</a>' in html
    assert "Known Labs" in html and "New Labs" in html
    rows = {job.title: review_url(job) for job in (plain, newcomer)}
    plain_row = html[html.index(rows["Plain posting"]) :]
    plain_row = plain_row[: plain_row.index("</tr>")]
    assert "review-flag" not in plain_row
    new_row = html[html.index(rows["No pay given"]) :]
    new_row = new_row[: new_row.index("</tr>")]
    assert "First posting from this company" in new_row
    assert "Salary missing" in new_row
    # Only the reason field beside the actions: days mean nothing here.
    assert 'name="days"' not in html
    assert "Reason for the employer" in html


def test_the_all_jobs_list_names_its_days_field_for_what_it_does(desk):
    make_job()
    html = desk.get(reverse("admin:jobs_job_changelist")).content.decode()
    assert "Days to feature or extend by" in html


def test_flags_follow_the_postings_history():
    company = make_company()
    rejected = make_pending(company, title="Back after rejection")
    moderation.reject(make_pending(company), None, "Not this one.")  # another of its postings
    StatusChange.objects.create(
        job=rejected, from_status=JobStatus.PENDING, to_status=JobStatus.REJECTED
    )
    sent_back = make_pending(company, title="Back after changes")
    StatusChange.objects.create(
        job=sent_back, from_status=JobStatus.PENDING, to_status=JobStatus.CHANGES
    )
    # Rejected once, approved later, edited again: no longer "after a rejection", and its
    # company has had a posting on the board.
    approved = make_pending(make_company(), title="Approved since")
    StatusChange.objects.create(
        job=approved, from_status=JobStatus.PENDING, to_status=JobStatus.REJECTED
    )
    moderation.approve(approved, None)
    moderation.save_edit(approved, approved.company.employers.first())
    flagged = {job.title: job for job in review.with_flags(review.waiting())}
    assert flagged.keys() == {"Back after rejection", "Back after changes", "Approved since"}
    assert flagged["Back after rejection"].last_decision == JobStatus.REJECTED
    assert flagged["Back after rejection"].first_posting
    assert flagged["Back after changes"].last_decision == JobStatus.CHANGES
    assert flagged["Approved since"].last_decision == JobStatus.PUBLISHED
    assert not flagged["Approved since"].first_posting


def test_the_queue_page_runs_the_same_queries_for_two_or_eight_postings(desk):
    pending_batch(2)
    desk.get(QUEUE_URL)
    few, _ = count_queries(lambda: desk.get(QUEUE_URL))
    pending_batch(6)
    many, response = count_queries(lambda: desk.get(QUEUE_URL))
    assert len(response.context["cl"].result_list) == 8
    assert few == many


# --- the review page ------------------------------------------------------------------------------


def test_the_review_page_shows_the_posting_as_the_site_will(desk):
    job = make_pending(
        make_company(name="Render Labs"),
        title="Markdown Engineer",
        description="Ship **bold** work.\n\n- one\n- two",
        salary_min=None,
        salary_max=None,
    )
    html = desk.get(review_url(job)).content.decode()
    assert "<strong>bold</strong>" in html and "<li>one</li>" in html
    assert "Markdown Engineer" in html and "Render Labs" in html
    assert "No salary given" in html and "Salary missing" in html
    assert "First posting from this company" in html
    assert ">Approve and publish</button>" in html
    assert ">Reject with reason</button>" in html
    assert f'href="{QUEUE_URL}">Postings waiting for review</a>' in html


def test_the_review_page_runs_the_same_queries_however_many_postings_and_history_lines(desk):
    job = make_pending(make_company())
    desk.get(review_url(job))
    few, _ = count_queries(lambda: desk.get(review_url(job)))
    pending_batch(5)
    for _ in range(4):
        StatusChange.objects.create(job=job, from_status="", to_status=JobStatus.PENDING)
    many, response = count_queries(lambda: desk.get(review_url(job)))
    assert response.status_code == 200
    assert few == many


def test_a_moderator_approves_from_the_review_page(
    desk, moderator, client, django_capture_on_commit_callbacks
):
    employer = make_employer()
    job = make_pending(employer.company, title="Approved Engineer")
    assert "Approved Engineer" not in client.get("/jobs/").content.decode()  # now cached
    with django_capture_on_commit_callbacks(execute=True):
        response = desk.post(
            review_url(job), {"decision": "approve", "note": "", "revision": job.revision}
        )
    assert response.status_code == 302 and response["Location"] == QUEUE_URL
    job.refresh_from_db()
    assert job.status == JobStatus.PUBLISHED
    change = StatusChange.objects.get(job=job)
    assert (change.actor, change.to_status) == (moderator, JobStatus.PUBLISHED)
    assert [m.to for m in mail.outbox] == [[employer.user.email]]
    # The cached list was retired with the decision.
    assert "Approved Engineer" in client.get("/jobs/").content.decode()


def test_a_moderator_rejects_with_a_reason_the_employer_receives(
    desk, moderator, django_capture_on_commit_callbacks
):
    employer = make_employer()
    job = make_pending(employer.company, title="Vague Engineer")
    with django_capture_on_commit_callbacks(execute=True):
        response = desk.post(
            review_url(job), {"decision": "reject", "note": REASON, "revision": job.revision}
        )
    assert response.status_code == 302
    job.refresh_from_db()
    assert job.status == JobStatus.REJECTED
    change = StatusChange.objects.get(job=job)
    assert (change.actor, change.to_status, change.note) == (
        moderator,
        JobStatus.REJECTED,
        REASON,
    )
    (message,) = mail.outbox
    assert message.to == [employer.user.email]
    assert message.subject == "Not published: Vague Engineer"
    assert REASON in message.body


def test_rejecting_without_a_reason_says_so_and_changes_nothing(desk):
    job = make_pending(make_company())
    response = desk.post(review_url(job), {"decision": "reject", "note": "  ", "revision": 1})
    assert response.status_code == 200
    html = response.content.decode()
    assert "Nothing was decided: rejecting or requesting changes needs a reason" in html
    assert "Give the employer a reason." in html
    assert 'aria-invalid="true"' in html
    job.refresh_from_db()
    assert job.status == JobStatus.PENDING
    assert not StatusChange.objects.exists()
    assert mail.outbox == []


def test_a_moderator_approves_several_postings_from_the_queue(
    desk, moderator, django_capture_on_commit_callbacks
):
    employers = [make_employer() for _ in range(3)]
    jobs = [make_pending(e.company, title=f"Bulk {i}") for i, e in enumerate(employers)]
    left = make_pending(make_company(), title="Not selected")
    data = {"action": "approve", ACTION_CHECKBOX_NAME: [job.pk for job in jobs]}
    data.update({f"revision_{job.pk}": job.revision for job in jobs})
    with django_capture_on_commit_callbacks(execute=True):
        response = desk.post(QUEUE_URL, data, follow=True)
    assert [m.message for m in response.context["messages"]] == ["Published 3 job(s)."]
    assert list(response.context["cl"].result_list) == [left]
    assert set(Job.objects.filter(status=JobStatus.PUBLISHED)) == set(jobs)
    assert StatusChange.objects.filter(actor=moderator, to_status=JobStatus.PUBLISHED).count() == 3
    assert sorted(m.to[0] for m in mail.outbox) == sorted(e.user.email for e in employers)


def test_bulk_rejection_from_the_queue_needs_the_reason(desk):
    job = make_pending(make_company())
    data = {"action": "reject", ACTION_CHECKBOX_NAME: [job.pk], f"revision_{job.pk}": 1}
    response = desk.post(QUEUE_URL, data, follow=True)
    messages = [m.message for m in response.context["messages"]]
    assert messages == ["Type a reason for the employer beside the action."]
    job.refresh_from_db()
    assert job.status == JobStatus.PENDING


@pytest.mark.parametrize(
    ("flag", "expected"),
    [("first", {"New company"}), ("sent_back", {"Back again"}), ("no_salary", {"No pay"})],
)
def test_the_queue_filters_by_flag(desk, flag, expected):
    known = make_company()
    make_job(company=known)
    make_pending(make_company(), title="New company")
    back = make_pending(known, title="Back again")
    StatusChange.objects.create(job=back, from_status=JobStatus.PENDING, to_status="rejected")
    make_pending(known, title="No pay", salary_min=None, salary_max=None)
    make_pending(known, title="Nothing special")
    response = desk.get(QUEUE_URL, {"flag": flag})
    assert {job.title for job in response.context["cl"].result_list} == expected
