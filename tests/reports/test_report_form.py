"""Reporting a posting: the link on the job page, the form's checks, the honeypot, a form sent
twice, the rate limit, and no report page for a posting the public cannot see."""

import uuid

import pytest
from django.core import mail
from django.urls import reverse

from core import ratelimit
from jobs.choices import JobStatus
from reports.models import Reason, Report
from tests.factories import directives, make_job

pytestmark = pytest.mark.django_db


def report_url(job) -> str:
    return reverse("reports:report", args=[job.slug])


def form_data(**overrides) -> dict:
    data = {
        "reason": Reason.SCAM,
        "details": "They asked me to pay 200 USD for a training kit.",
        "email": "",
        "nickname": "",
        "token": str(uuid.uuid4()),
    }
    data.update(overrides)
    return data


def test_the_job_page_links_to_its_report_page_and_stays_cached(client):
    job = make_job(title="Data Engineer")
    first = client.get(job.get_absolute_url())
    assert f'href="{report_url(job)}"' in first.content.decode()
    assert "Report this job" in first.content.decode()
    # The link costs the cached page nothing: no CSRF token, so the second visit is a hit.
    assert "csrfmiddlewaretoken" not in first.content.decode()
    assert client.get(job.get_absolute_url())["X-Page-Cache"] == "hit"


def test_the_report_page_offers_every_reason_and_is_private(client, django_assert_num_queries):
    job = make_job(title="Data Engineer")
    with django_assert_num_queries(1):  # the posting with its company
        response = client.get(report_url(job))
    assert response.status_code == 200
    html = response.content.decode()
    assert "Data Engineer at" in html
    for _value, label in Reason.choices:
        assert label in html
    assert {"private", "no-store"} <= directives(response["Cache-Control"])
    assert response["X-Robots-Tag"] == "noindex"


def test_a_visitor_reports_a_posting_and_is_thanked(client, django_assert_num_queries):
    job = make_job()
    data = form_data(email="reader@example.com")
    # In the request's transaction: the posting, whether the form was sent before, and the
    # report (get_or_create: a read, then the insert in a savepoint).
    with django_assert_num_queries(8):
        response = client.post(report_url(job), data)
    assert response.status_code == 302
    assert response["Location"] == reverse("reports:thanks", args=[job.slug])
    report = Report.objects.get()
    assert (report.job, report.reason, report.email) == (job, Reason.SCAM, "reader@example.com")
    assert report.details == "They asked me to pay 200 USD for a training kit."
    assert report.decision is None
    thanks = client.get(response["Location"])
    assert "Thank you for your report" in thanks.content.decode()
    assert f'href="{job.get_absolute_url()}"' in thanks.content.decode()
    assert mail.outbox == []  # nothing is sent before a moderator decides


@pytest.mark.parametrize(
    ("overrides", "field", "message"),
    [
        ({"reason": ""}, "reason", "Choose what is wrong with the posting."),
        ({"reason": "spam"}, "reason", "Select a valid choice."),
        ({"reason": Reason.OTHER, "details": "  "}, "details", "needs a few words"),
        ({"email": "not an address"}, "email", "Enter a valid email address."),
        ({"details": "x" * 2001}, "details", "at most 2000 characters"),
    ],
)
def test_the_form_says_what_to_correct_and_files_nothing(client, overrides, field, message):
    job = make_job()
    response = client.post(report_url(job), form_data(**overrides))
    assert response.status_code == 200
    errors = " ".join(response.context["form"].errors[field])
    assert message in errors
    assert message.split("“")[0] in response.content.decode()
    assert not Report.objects.exists()


def test_other_with_details_is_accepted(client):
    job = make_job()
    response = client.post(
        report_url(job), form_data(reason=Reason.OTHER, details="The company does not exist.")
    )
    assert response.status_code == 302
    assert Report.objects.get().reason == Reason.OTHER


def test_the_honeypot_refuses_a_filled_in_form(client):
    job = make_job()
    response = client.post(report_url(job), form_data(nickname="bot"))
    assert response.status_code == 200
    assert "This form could not be sent" in response.content.decode()
    assert not Report.objects.exists()


def test_the_same_form_sent_twice_files_one_report(client):
    job = make_job()
    data = form_data()
    first = client.post(report_url(job), data)
    second = client.post(report_url(job), data)
    assert first["Location"] == second["Location"] == reverse("reports:thanks", args=[job.slug])
    assert Report.objects.count() == 1


def test_reports_are_limited_per_network(client):
    job = make_job()
    for _ in range(ratelimit.REPORT.count):
        assert client.post(report_url(job), form_data()).status_code == 302
    response = client.post(report_url(job), form_data())
    assert response.status_code == 429
    assert response["Retry-After"] == str(ratelimit.REPORT.seconds)
    assert "Too many reports" in response.content.decode()
    assert Report.objects.count() == ratelimit.REPORT.count
    # A form already filed, sent again, still gets its thank-you (it files nothing).
    filed = Report.objects.first()
    replay = client.post(report_url(job), form_data(token=str(filed.token)))
    assert replay.status_code == 302
    # Another address of the same IPv6 /64 shares the count; another network does not.
    same_64 = client.post(report_url(job), form_data(), REMOTE_ADDR="2001:db8:1:2::5")
    other_64 = client.post(report_url(job), form_data(), REMOTE_ADDR="2001:db8:1:2::6")
    assert same_64.status_code == 302 and other_64.status_code == 302  # a new /64: its own count
    for _ in range(ratelimit.REPORT.count - 2):
        client.post(report_url(job), form_data(), REMOTE_ADDR="2001:db8:1:2::7")
    third = client.post(report_url(job), form_data(), REMOTE_ADDR="2001:db8:1:2::8")
    assert third.status_code == 429


@pytest.mark.parametrize(
    "fields",
    [
        {"status": JobStatus.PENDING},
        {"status": JobStatus.DRAFT, "posted_at": None},
        {"status": JobStatus.REJECTED},
        {"status": JobStatus.FILLED},
    ],
)
def test_a_posting_the_public_cannot_see_has_no_report_page(client, fields):
    job = make_job(**fields)
    assert client.get(report_url(job)).status_code == 404
    assert client.post(report_url(job), form_data()).status_code == 404
    assert not Report.objects.exists()
    if fields["status"] == JobStatus.FILLED:  # its page stays up, without the link
        page = client.get(job.get_absolute_url())
        assert page.status_code == 200 and "Report this job" not in page.content.decode()
