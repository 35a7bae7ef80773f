"""Digests: exactly the postings that became public since the last one, matching the search."""

from datetime import timedelta

import pytest
from django.contrib.auth import get_user_model
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from alerts import digests
from alerts.models import Alert, AlertSend
from background.models import OutgoingEmail
from jobs import moderation
from jobs.choices import EmploymentType, ExperienceLevel, JobStatus, Workplace
from tests.factories import make_company, make_job, make_role

from .helpers import SITE, html_of, links, make_alert, run_digests

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def site_url(settings):
    settings.SITE_URL = SITE


def recent(**fields):
    """A public posting that became public an hour ago (after the alert's last digest)."""
    return make_job(posted_at=timezone.now() - timedelta(hours=1), **fields)


def old(**fields):
    return make_job(posted_at=timezone.now() - timedelta(days=3), **fields)


def test_a_digest_lists_the_new_matching_postings_newest_first(django_capture_on_commit_callbacks):
    role = make_role(name="Deep Learning Engineer")
    make_alert(f"role={role.slug}")
    old(title="Old DL job", role=role)
    first = recent(title="Earlier DL job", role=role)
    first.posted_at -= timedelta(minutes=30)
    first.save()
    recent(title="Newer DL job", role=role)
    recent(title="Other role job", role=make_role())

    [message] = run_digests(django_capture_on_commit_callbacks)
    assert message.to == ["grace@hopper.example"]
    assert message.subject == "2 new jobs: Deep Learning Engineer jobs"
    body = message.body
    assert body.index("Newer DL job") < body.index("Earlier DL job")
    assert "Old DL job" not in body and "Other role job" not in body
    assert "Newer DL job" in html_of(message)
    for url in links(body) + links(html_of(message)):
        assert url.startswith(SITE), url
    assert f"{SITE}/jobs/?role={role.slug}" in body
    unsubscribe = message.extra_headers["List-Unsubscribe"]
    assert unsubscribe.startswith(f"<{SITE}/alerts/unsubscribe/") and unsubscribe.endswith("/>")
    assert message.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert unsubscribe.strip("<>") in body and unsubscribe.strip("<>") in html_of(message)
    send = AlertSend.objects.get()
    assert send.job_count == 2


def test_approving_a_matching_posting_puts_it_in_the_next_digest(
    django_capture_on_commit_callbacks,
):
    role = make_role(name="Data Engineer")
    make_alert(f"role={role.slug}")
    moderator = get_user_model().objects.create_user("mod", is_staff=True)
    pending = make_job(
        title="Approved today", role=role, status=JobStatus.PENDING, posted_at=None, expires_at=None
    )
    moderation.approve(pending, moderator)
    [message] = run_digests(django_capture_on_commit_callbacks)
    assert "Approved today" in message.body


# (search, what a matching posting has, what a posting that does not match has)
FILTER_CASES = {
    "role": ("role={role}", {"role": "role"}, {"role": "other_role"}),
    "location city": ("location=Munich", {"city": "Munich"}, {"city": "Paris", "country": "FR"}),
    "location country": ("location=Germany", {"country": "DE"}, {"country": "US"}),
    "remote": (
        "workplace=remote",
        {"workplace": Workplace.REMOTE},
        {"workplace": Workplace.ONSITE},
    ),
    "level": (
        "experience_level=senior",
        {"experience_level": ExperienceLevel.SENIOR},
        {"experience_level": ExperienceLevel.ENTRY},
    ),
    "employment type": (
        "employment_type=contract",
        {"employment_type": EmploymentType.CONTRACT},
        {"employment_type": EmploymentType.FULL_TIME},
    ),
    "salary": (
        "salary_min=100000",
        {"salary_min": 90_000, "salary_max": 120_000},
        {"salary_min": 60_000, "salary_max": 80_000},
    ),
    "keywords": ("q=pytorch", {"skills": "PyTorch, Python"}, {"skills": "Excel"}),
    "company": ("company={company}", {"company": "company"}, {"company": "other_company"}),
}


@pytest.mark.parametrize("case", FILTER_CASES, ids=list(FILTER_CASES))
def test_each_job_filter_applies_to_the_digest(case, django_capture_on_commit_callbacks):
    search, matching, other = FILTER_CASES[case]
    things = {
        "role": make_role(),
        "other_role": make_role(),
        "company": make_company(slug="acme"),
        "other_company": make_company(),
    }
    old(title="Acme's older job", company=things["company"])  # the company filter's validity
    alert = make_alert(search.format(role=things["role"].slug, company="acme"))
    assert alert.query == search.format(role=things["role"].slug, company="acme")
    resolve = {k: things.get(v, v) if isinstance(v, str) else v for k, v in matching.items()}
    recent(title="Matching posting", **resolve)
    resolve = {k: things.get(v, v) if isinstance(v, str) else v for k, v in other.items()}
    recent(title="Unwanted posting", **resolve)

    [message] = run_digests(django_capture_on_commit_callbacks)
    assert "Matching posting" in message.body
    assert "Unwanted posting" not in message.body and "Unwanted posting" not in html_of(message)


def test_nothing_private_or_not_public_is_ever_sent(django_capture_on_commit_callbacks):
    make_alert("")  # every posting
    now = timezone.now()
    company = make_company()
    recent(title="Visible job", company=company, apply_email="hiring@secret-employer.example")
    hidden = {
        "Draft job": {"status": JobStatus.DRAFT, "posted_at": None, "expires_at": None},
        "Pending job": {"status": JobStatus.PENDING, "posted_at": None, "expires_at": None},
        "Rejected job": {"status": JobStatus.REJECTED, "posted_at": None, "expires_at": None},
        "Filled job": {"status": JobStatus.FILLED, "posted_at": now - timedelta(hours=2)},
        "Expired job": {"status": JobStatus.EXPIRED, "posted_at": now - timedelta(hours=2)},
        "Lapsed job": {
            "posted_at": now - timedelta(hours=2),
            "expires_at": now - timedelta(minutes=1),
        },
        "Scheduled job": {"posted_at": now + timedelta(hours=2)},
    }
    for title, fields in hidden.items():
        make_job(title=title, company=company, **fields)

    [message] = run_digests(django_capture_on_commit_callbacks)
    text = message.body + html_of(message)
    assert "Visible job" in text
    for title in hidden:
        assert title not in text
    assert "secret-employer" not in text
    assert "@" not in message.body.replace(message.to[0], "")


def test_a_posting_closed_after_the_search_ran_is_left_out(
    django_capture_on_commit_callbacks, monkeypatch
):
    make_alert("")
    job = recent(title="Filled meanwhile")
    recent(title="Still open")
    original = digests._matches

    def matches_then_fill(*args):
        found = original(*args)
        job.status = JobStatus.FILLED
        job.save()
        return found

    monkeypatch.setattr(digests, "_matches", matches_then_fill)
    [message] = run_digests(django_capture_on_commit_callbacks)
    assert "Still open" in message.body and "Filled meanwhile" not in message.body


def test_no_e_mail_when_nothing_is_new(django_capture_on_commit_callbacks):
    alert = make_alert("workplace=remote")
    old(title="Old remote", workplace=Workplace.REMOTE)
    recent(title="New on-site")
    assert run_digests(django_capture_on_commit_callbacks) == []
    alert.refresh_from_db()
    assert alert.covered_until > timezone.now() - timedelta(minutes=1)  # checked all the same
    assert alert.last_sent_at is None and not AlertSend.objects.exists()


def test_no_posting_is_sent_twice(django_capture_on_commit_callbacks):
    alert = make_alert("")
    recent(title="Once only")
    [message] = run_digests(django_capture_on_commit_callbacks)
    assert "Once only" in message.body
    assert run_digests(django_capture_on_commit_callbacks) == []  # not due again
    # Even forced due again over the same window (a crash, a clock step), the history holds.
    Alert.objects.filter(pk=alert.pk).update(covered_until=timezone.now() - timedelta(days=2))
    assert run_digests(django_capture_on_commit_callbacks) == []
    recent(title="The next one")
    Alert.objects.filter(pk=alert.pk).update(covered_until=timezone.now() - timedelta(days=2))
    [message] = run_digests(django_capture_on_commit_callbacks)
    assert "The next one" in message.body and "Once only" not in message.body


def test_weekly_alerts_wait_a_week(django_capture_on_commit_callbacks):
    alert = make_alert("", frequency="weekly")
    recent(title="This week's job")
    assert run_digests(django_capture_on_commit_callbacks) == []
    Alert.objects.filter(pk=alert.pk).update(covered_until=timezone.now() - timedelta(days=7))
    [message] = run_digests(django_capture_on_commit_callbacks)
    assert "This week's job" in message.body
    assert "weekly e-mail" in message.body


def test_an_unconfirmed_alert_gets_nothing(django_capture_on_commit_callbacks):
    alert = make_alert("")
    Alert.objects.filter(pk=alert.pk).update(confirmed_at=None)
    recent(title="Anything")
    assert run_digests(django_capture_on_commit_callbacks) == []


def test_at_most_twenty_postings_with_a_link_to_the_rest(django_capture_on_commit_callbacks):
    role = make_role()
    make_alert(f"role={role.slug}")
    now = timezone.now()
    for n in range(25):
        make_job(
            title=f"Posting number {n:02}", role=role, posted_at=now - timedelta(minutes=60 + n)
        )
    [message] = run_digests(django_capture_on_commit_callbacks)
    assert message.subject.startswith("25 new jobs")
    listed = [n for n in range(25) if f"Posting number {n:02}" in message.body]
    assert listed == list(range(20))  # the newest twenty
    assert "5 more new postings" in message.body and "5 more new postings" in html_of(message)
    assert f"{SITE}/jobs/?role={role.slug}" in message.body
    assert "See all new jobs" in html_of(message)
    assert AlertSend.objects.get().job_count == 20


def test_an_alert_whose_role_was_taken_down_sends_nothing(django_capture_on_commit_callbacks):
    role = make_role()
    make_alert(f"role={role.slug}")
    role.status = "draft"
    role.save()
    recent(title="Any job at all")  # a dropped filter must not widen the search to everything
    assert run_digests(django_capture_on_commit_callbacks) == []


def _digest_queries(capture, alerts_per_search: int) -> int:
    roles = [make_role() for _ in range(3)]
    for n in range(alerts_per_search):
        for role in roles:
            make_alert(f"role={role.slug}", email=f"reader{n}@example.com")
    for role in roles:
        recent(title=f"New {role.name}", role=role)
    # Delivery (the outbox's own work, after commit) is left out: it is not the digest's.
    with capture(execute=False), CaptureQueriesContext(connection) as queries:
        run = digests.send_due_digests(now=timezone.now() + timedelta(minutes=10))
    assert run.emails == OutgoingEmail.objects.filter(kind="alert_digest").count()
    assert run.emails == 3 * alerts_per_search
    OutgoingEmail.objects.all().delete()
    return len(queries)


def test_digest_queries_are_per_batch_not_per_alert(django_capture_on_commit_callbacks):
    few = _digest_queries(django_capture_on_commit_callbacks, 1)
    Alert.objects.all().delete()
    many = _digest_queries(django_capture_on_commit_callbacks, 12)
    assert few == many
    assert many <= 16


def test_batches_cover_every_alert_once(django_capture_on_commit_callbacks):
    for n in range(7):
        make_alert("", email=f"reader{n}@example.com")
    recent(title="For everyone")
    sent = run_digests(django_capture_on_commit_callbacks, batch_size=3)
    assert sorted(m.to[0] for m in sent) == sorted(f"reader{n}@example.com" for n in range(7))
    assert AlertSend.objects.count() == 7
