"""Reports on the moderation desk: the count on the admin index, reported postings grouped with
their counts (newest report first), and the two decisions with their e-mails and audit trail."""

from datetime import timedelta

import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from jobs.choices import JobStatus
from jobs.models import StatusChange
from reports.models import Outcome, Reason, Report, ReportDecision
from tests.employers.helpers import client_for, make_employer, make_moderator
from tests.factories import make_editor, make_job

pytestmark = pytest.mark.django_db

INDEX_URL = reverse("admin:index")
LIST_URL = reverse("admin:reports_reportedposting_changelist")
REASON = "The employer asks candidates to pay for a training kit: a scam."


def desk_url(job) -> str:
    return reverse("admin:reports_reportedposting_desk", args=[job.pk])


def report(job, reason=Reason.SCAM, email="", ago=timedelta(0), **fields) -> Report:
    made = Report.objects.create(job=job, reason=reason, email=email, **fields)
    Report.objects.filter(pk=made.pk).update(created_at=timezone.now() - ago)
    return made


@pytest.fixture
def moderator():
    return make_moderator()


@pytest.fixture
def desk(moderator):
    return client_for(moderator)


def test_the_admin_index_counts_reported_postings(desk):
    make_job()  # never reported
    assert "No postings reported" in desk.get(INDEX_URL).content.decode()
    job = make_job()
    report(job)
    report(job)
    report(make_job())
    html = desk.get(INDEX_URL).content.decode()
    assert "2 postings reported" in html
    assert f'href="{LIST_URL}"' in html


def test_reported_postings_are_grouped_with_counts_newest_report_first(desk):
    older = make_job(title="Older Report Engineer")
    newer = make_job(title="Newer Report Analyst")
    for _ in range(3):
        report(older, ago=timedelta(days=2))
    report(newer, reason=Reason.WRONG, ago=timedelta(hours=1))
    report(newer, reason=Reason.WRONG, ago=timedelta(hours=2))
    make_job(title="Never Reported Designer")
    decided = make_job(title="Already Decided Scientist")
    report(
        decided,
        decision=ReportDecision.objects.create(
            job=decided, outcome=Outcome.DISMISSED, report_count=1
        ),
    )
    response = desk.get(LIST_URL)
    html = response.content.decode()
    assert "Already Decided Scientist" not in html
    assert "Never Reported Designer" not in html
    assert html.index("Newer Report Analyst") < html.index("Older Report Engineer")
    rows = {job.title: job.open_reports for job in response.context["cl"].result_list}
    assert rows == {"Newer Report Analyst": 2, "Older Report Engineer": 3}
    assert "Wrong information (2)" in html
    assert "Scam, or asks for money (3)" in html
    assert f'href="{desk_url(newer)}"' in html


def test_the_list_costs_the_same_queries_for_one_posting_or_many(desk):
    report(make_job())
    desk.get(LIST_URL)
    with CaptureQueriesContext(connection) as one:
        desk.get(LIST_URL)
    for _ in range(8):
        job = make_job()
        report(job)
        report(job, reason=Reason.EXPIRED)
    with CaptureQueriesContext(connection) as many:
        desk.get(LIST_URL)
    assert len(many) == len(one)


def test_the_desk_page_shows_the_open_reports(desk):
    job = make_job(title="Suspicious Engineer")
    report(job, details="They want 200 USD up front.", email="reader@example.com")
    report(job, reason=Reason.OTHER, details="No such company.")
    html = desk.get(desk_url(job)).content.decode()
    assert "Reports: Suspicious Engineer" in html
    assert "They want 200 USD up front." in html and "No such company." in html
    assert "2 open reports" in html
    assert "Take the posting down" in html and "Dismiss the reports" in html
    assert "reader@example.com" not in html  # only whether an address was left


def test_dismissing_closes_the_reports_tells_the_reporters_and_leaves_the_posting_up(
    desk, moderator, client, django_capture_on_commit_callbacks
):
    employer = make_employer()
    job = make_job(company=employer.company, title="Honest Engineer")
    report(job, email="first@example.com")
    report(job, email="second@example.com", reason=Reason.WRONG)
    report(job)
    with django_capture_on_commit_callbacks(execute=True):
        response = desk.post(desk_url(job), {"decision": "dismiss", "note": "Checked: real."})
    assert response.status_code == 302 and response["Location"] == LIST_URL
    decision = ReportDecision.objects.get()
    assert (decision.job, decision.moderator, decision.outcome) == (
        job,
        moderator,
        Outcome.DISMISSED,
    )
    assert (decision.report_count, decision.note) == (3, "Checked: real.")
    assert not Report.objects.open().exists()
    # The addresses were only for the outcome: gone once it is sent.
    assert set(Report.objects.values_list("email", flat=True)) == {""}
    assert sorted(m.to[0] for m in mail.outbox) == ["first@example.com", "second@example.com"]
    assert all("the posting stays up" in m.subject for m in mail.outbox)
    job.refresh_from_db()
    assert job.status == JobStatus.PUBLISHED
    assert client.get(job.get_absolute_url()).status_code == 200
    assert "No postings reported" in desk.get(INDEX_URL).content.decode()
    # The trail of decisions lists it.
    trail = desk.get(reverse("admin:reports_reportdecision_changelist")).content.decode()
    assert "Honest Engineer" in trail


def test_taking_down_tells_the_employer_why_and_the_reporters_the_outcome(
    desk, moderator, client, django_capture_on_commit_callbacks
):
    employer = make_employer()
    job = make_job(company=employer.company, title="Training Kit Engineer")
    assert client.get(job.get_absolute_url()).status_code == 200  # now cached
    report(job, email="reader@example.com")
    report(job)
    with django_capture_on_commit_callbacks(execute=True):
        response = desk.post(desk_url(job), {"decision": "take_down", "note": REASON})
    assert response.status_code == 302
    job.refresh_from_db()
    assert job.status == JobStatus.REJECTED
    # The posting's own history records the step; the reports' trail records the decision.
    change = StatusChange.objects.get(job=job)
    assert (change.actor, change.from_status, change.to_status, change.note) == (
        moderator,
        JobStatus.PUBLISHED,
        JobStatus.REJECTED,
        REASON,
    )
    decision = ReportDecision.objects.get()
    assert (decision.outcome, decision.note, decision.report_count) == (
        Outcome.TAKEN_DOWN,
        REASON,
        2,
    )
    to_employer = next(m for m in mail.outbox if m.to == [employer.user.email])
    assert to_employer.subject == "Taken down: Training Kit Engineer"
    assert REASON in to_employer.body
    to_reporter = next(m for m in mail.outbox if m.to == ["reader@example.com"])
    assert "taken down" in to_reporter.subject
    assert REASON not in to_reporter.body  # written for the employer
    assert len(mail.outbox) == 2
    # Off the board at once: the cached page was retired.
    assert client.get(job.get_absolute_url()).status_code == 404
    assert job.title not in client.get("/jobs/").content.decode()


def test_taking_down_needs_a_reason_and_changes_nothing_without_one(desk):
    job = make_job()
    report(job)
    response = desk.post(desk_url(job), {"decision": "take_down", "note": "  "})
    assert response.status_code == 200
    assert "Give the employer a reason" in response.content.decode()
    job.refresh_from_db()
    assert job.status == JobStatus.PUBLISHED
    assert Report.objects.open().count() == 1
    assert not ReportDecision.objects.exists()


def test_a_decision_sent_twice_is_taken_once(desk, django_capture_on_commit_callbacks):
    job = make_job()
    report(job, email="reader@example.com")
    with django_capture_on_commit_callbacks(execute=True):
        desk.post(desk_url(job), {"decision": "dismiss", "note": ""})
        again = desk.post(desk_url(job), {"decision": "take_down", "note": REASON}, follow=True)
    assert "were already dealt with" in again.content.decode()
    assert ReportDecision.objects.count() == 1
    job.refresh_from_db()
    assert job.status == JobStatus.PUBLISHED
    assert len(mail.outbox) == 1


def test_a_posting_no_longer_on_the_board_cannot_be_taken_down_but_can_be_dismissed(desk):
    job = make_job()
    report(job)
    job.status = JobStatus.FILLED
    job.save()
    response = desk.post(desk_url(job), {"decision": "take_down", "note": REASON})
    assert response.status_code == 200
    assert "no longer on the board" in response.content.decode()
    assert not ReportDecision.objects.exists()
    assert desk.post(desk_url(job), {"decision": "dismiss", "note": ""}).status_code == 302
    assert ReportDecision.objects.get().outcome == Outcome.DISMISSED


def test_editors_handle_reports_and_other_staff_do_not():
    job = make_job()
    report(job)
    editor = client_for(make_editor())
    assert "1 posting reported" in editor.get(INDEX_URL).content.decode()
    assert editor.get(LIST_URL).status_code == 200
    assert editor.post(desk_url(job), {"decision": "dismiss"}).status_code == 302
    staff = get_user_model().objects.create_user(username="staff", is_staff=True)
    other = client_for(staff)
    assert other.get(LIST_URL).status_code == 403
    assert other.get(desk_url(job)).status_code == 403
    assert "postings reported" not in other.get(INDEX_URL).content.decode()
