"""Moderators (staff in the "Moderators" group, not superusers) review postings in the admin."""

import struct
import zlib
from datetime import timedelta

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from images.models import Image
from jobs.choices import JobStatus, Workplace
from jobs.models import Company
from jobs.validators import LOGO_MAX_BYTES
from tests.factories import make_company, make_job

pytestmark = pytest.mark.django_db

JOBS_URL = reverse("admin:jobs_job_changelist")
COMPANIES_URL = reverse("admin:jobs_company_changelist")
CLOSE = timedelta(minutes=1)


def make_moderator(username: str = "mod", password: str = "a-long-test-password"):
    user = get_user_model().objects.create_user(
        username=username, password=password, is_staff=True, first_name="Mo", last_name="Derator"
    )
    user.groups.add(Group.objects.get(name="Moderators"))
    return user


@pytest.fixture
def moderator():
    """A client logged in as a moderator; the `client` fixture stays anonymous."""
    moderator_client = Client()
    moderator_client.force_login(make_moderator())
    return moderator_client


@pytest.fixture
def lifetime(settings):
    # A length other than the default, so an expiry that ignores the setting shows up.
    settings.JOB_LIFETIME_DAYS = 45
    return timedelta(days=45)


def act(client, action: str, jobs, **extra) -> list[tuple[str, str]]:
    """Run an action from the job changelist, each posting at the version the list showed (the
    row's hidden field); the messages the moderator then sees."""
    data = {"action": action, "_selected_action": [job.pk for job in jobs], **extra}
    data.update({f"revision_{job.pk}": job.revision for job in jobs})
    response = client.post(JOBS_URL, data, follow=True)
    assert response.status_code == 200
    assert response.redirect_chain, "an action ends with a redirect back to the list"
    return [(message.level_tag, message.message) for message in response.context["messages"]]


def listed(client, **params) -> set[int]:
    response = client.get(JOBS_URL, params)
    assert response.status_code == 200
    return {job.pk for job in response.context["cl"].result_list}


def first_on_job_list(client):
    response = client.get(reverse("jobs:list"))
    assert response.status_code == 200
    return response.context["page"].object_list[0]


def png_bytes() -> bytes:
    """A complete 1×1 greyscale PNG."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        crc = zlib.crc32(kind + data)
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", crc)

    header = struct.pack(">IIBBBBB", 1, 1, 8, 0, 0, 0, 0)
    pixels = zlib.compress(b"\x00\x00")  # filter type 0, one black pixel
    return (
        b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", pixels) + chunk(b"IEND", b"")
    )


# --- who gets in -----------------------------------------------------------------------------


def test_moderators_group_has_exactly_the_job_company_and_alert_permissions():
    group = Group.objects.get(name="Moderators")
    permissions = {
        (p.content_type.app_label, p.codename)
        for p in group.permissions.select_related("content_type")
    }
    assert permissions == {
        ("jobs", "add_job"),
        ("jobs", "change_job"),
        ("jobs", "delete_job"),
        ("jobs", "view_job"),
        ("jobs", "add_company"),
        ("jobs", "change_company"),
        ("jobs", "view_company"),
        ("images", "view_image"),  # to pick a company's logo from the library
        # The review queue, each posting's history and the companies' employer accounts.
        ("jobs", "view_jobforreview"),
        ("jobs", "change_jobforreview"),
        ("jobs", "view_statuschange"),
        # The companies' audit trail, and the old addresses of merged companies.
        ("jobs", "view_companyevent"),
        *{
            ("jobs", f"{action}_companyslugredirect")
            for action in ("view", "add", "change", "delete")
        },
        ("employers", "view_employer"),
        ("employers", "change_employer"),
        # Employers' company profile changes, to approve or reject.
        ("companies", "view_companyprofilechange"),
        ("companies", "change_companyprofilechange"),
        # Reports of postings: the desk's list and decisions (tests/reports/).
        ("reports", "view_reportedposting"),
        ("reports", "change_reportedposting"),
        ("reports", "view_report"),
        ("reports", "view_reportdecision"),
        # Job alerts: their addresses (bounces), alerts and send history (tests/alerts/).
        *{
            ("alerts", f"{action}_{model}")
            for model in ("subscriber", "alert", "alertsend")
            for action in ("view", "change", "delete")
        },
    }


def test_moderator_opens_the_job_and_company_pages(moderator):
    job = make_job(title="Reviewable job")
    assert moderator.get(JOBS_URL).status_code == 200
    assert moderator.get(COMPANIES_URL).status_code == 200
    page = moderator.get(reverse("admin:jobs_job_change", args=[job.pk]))
    assert page.status_code == 200
    assert page.context["original"] == job
    company_page = moderator.get(reverse("admin:jobs_company_change", args=[job.company.pk]))
    assert company_page.status_code == 200
    # Nothing beyond jobs and companies.
    assert moderator.get(reverse("admin:auth_user_changelist")).status_code == 403
    delete = reverse("admin:jobs_company_delete", args=[job.company.pk])
    assert moderator.get(delete).status_code == 403


def test_staff_without_the_group_are_refused(client, django_user_model):
    job = make_job()
    staff = django_user_model.objects.create_user("plain", password="pw-long-123", is_staff=True)
    client.force_login(staff)
    assert client.get(JOBS_URL).status_code == 403
    assert client.get(COMPANIES_URL).status_code == 403
    assert client.get(reverse("admin:jobs_job_change", args=[job.pk])).status_code == 403


def test_anonymous_visitors_are_sent_to_the_login(client):
    job = make_job()
    login = reverse("admin:login")
    for url in (JOBS_URL, COMPANIES_URL, reverse("admin:jobs_job_change", args=[job.pk])):
        response = client.get(url)
        assert response.status_code == 302
        assert response["Location"].startswith(f"{login}?next=")


# --- the job list ------------------------------------------------------------------------------


def test_job_list_filters_and_search(moderator):
    now = timezone.now()
    pending = make_job(title="Pending analyst", status=JobStatus.PENDING, posted_at=None,
                       expires_at=None)  # fmt: skip
    featured = make_job(title="Featured engineer", featured_until=now + timedelta(days=3))
    soon = make_job(title="Soon gone", expires_at=now + timedelta(days=3))
    past = make_job(
        title="Past it", posted_at=now - timedelta(days=40), expires_at=now - timedelta(days=1)
    )
    remote = make_job(
        title="Remote scientist",
        workplace=Workplace.REMOTE,
        city="",
        remote_region="anywhere in the EU",
        company=make_company(name="Acme Analytics"),
    )
    everyone = {pending.pk, featured.pk, soon.pk, past.pk, remote.pk}

    assert listed(moderator) == everyone
    assert listed(moderator, status__exact="pending") == {pending.pk}
    assert listed(moderator, featured="now") == {featured.pk}
    assert listed(moderator, featured="no") == everyone - {featured.pk}
    assert listed(moderator, expiry="soon") == {soon.pk}
    assert listed(moderator, expiry="past") == {past.pk}
    assert listed(moderator, workplace__exact="remote") == {remote.pk}
    assert listed(moderator, q="Featured engineer") == {featured.pk}
    assert listed(moderator, q="Acme") == {remote.pk}

    html = moderator.get(JOBS_URL).content.decode()
    for text in ("Featured now", "Expires within 7 days", "Past its expiry", "Remote"):
        assert text in html
    assert "Published · past expiry" in html
    assert "Pending review" in html


def test_job_list_queries_do_not_grow_with_rows(moderator):
    def count(expected_rows: int) -> int:
        with CaptureQueriesContext(connection) as queries:
            response = moderator.get(JOBS_URL)
        assert response.status_code == 200
        assert len(response.context["cl"].result_list) == expected_rows
        return len(queries)

    now = timezone.now()
    for n in range(3):
        make_job(featured_until=now + timedelta(days=n))
    moderator.get(JOBS_URL)  # the session and the like, loaded once
    few = count(3)
    for n in range(27):
        make_job(status=JobStatus.PENDING if n % 2 else JobStatus.PUBLISHED)
    assert count(30) == few


# --- actions -----------------------------------------------------------------------------------


def test_approve_publishes_a_pending_job(moderator, client, lifetime):
    job = make_job(status=JobStatus.PENDING, posted_at=None, expires_at=None)
    assert client.get(job.get_absolute_url()).status_code == 404

    before = timezone.now()
    messages = act(moderator, "approve", [job])
    after = timezone.now()

    job.refresh_from_db()
    assert job.status == JobStatus.PUBLISHED
    assert before <= job.posted_at <= after
    assert before + lifetime <= job.expires_at <= after + lifetime
    assert ("success", "Published 1 job(s).") in messages
    assert client.get(job.get_absolute_url()).status_code == 200


@pytest.mark.parametrize("status", [JobStatus.EXPIRED, JobStatus.PUBLISHED])
def test_approve_gives_a_job_past_its_expiry_a_fresh_period(moderator, client, lifetime, status):
    now = timezone.now()
    posted = now - timedelta(days=40)
    job = make_job(status=status, posted_at=posted, expires_at=now - timedelta(days=10))
    assert job.slug not in {j.slug for j in client.get("/jobs/").context["page"].object_list}

    act(moderator, "approve", [job])

    job.refresh_from_db()
    assert job.status == JobStatus.PUBLISHED
    assert abs(job.expires_at - (timezone.now() + lifetime)) < CLOSE
    assert job.posted_at == posted
    assert job.is_public
    assert job.slug in {j.slug for j in client.get("/jobs/").context["page"].object_list}


def test_reject_hides_a_job(moderator, client):
    pending = make_job(status=JobStatus.PENDING, posted_at=None, expires_at=None)
    published = make_job()
    assert client.get(published.get_absolute_url()).status_code == 200

    messages = act(moderator, "reject", [pending, published], note="Not a data role.")

    for job in (pending, published):
        job.refresh_from_db()
        assert job.status == JobStatus.REJECTED
        assert client.get(job.get_absolute_url()).status_code == 404
        assert job.status_changes.get().note == "Not a data role."
    assert ("success", "Rejected 2 job(s).") in messages


def test_reject_without_a_reason_changes_nothing(moderator):
    pending = make_job(status=JobStatus.PENDING, posted_at=None, expires_at=None)

    messages = act(moderator, "reject", [pending], note="  ")

    pending.refresh_from_db()
    assert pending.status == JobStatus.PENDING
    assert messages == [("error", "Type a reason for the employer beside the action.")]


def test_feature_puts_a_job_first_on_the_job_list(moderator, client):
    now = timezone.now()
    older = make_job(title="Older job", posted_at=now - timedelta(days=3))
    newer = make_job(title="Newer job", posted_at=now - timedelta(days=1))
    assert first_on_job_list(client) == newer

    before = timezone.now()
    messages = act(moderator, "feature", [older], days="7")
    after = timezone.now()

    older.refresh_from_db()
    assert older.featured_until is not None, messages
    assert before + timedelta(days=7) <= older.featured_until <= after + timedelta(days=7)
    assert older.is_featured
    assert first_on_job_list(client) == older
    newer.refresh_from_db()
    assert newer.featured_until is None


def test_unfeature_ends_the_feature(moderator, client):
    now = timezone.now()
    featured = make_job(posted_at=now - timedelta(days=3), featured_until=now + timedelta(days=5))
    newer = make_job(posted_at=now - timedelta(days=1))
    assert first_on_job_list(client) == featured

    messages = act(moderator, "unfeature", [featured])

    featured.refresh_from_db()
    assert featured.featured_until is None
    assert first_on_job_list(client) == newer
    assert ("success", "1 job(s) no longer featured.") in messages


def test_extend_moves_the_expiry_of_a_published_job(moderator):
    current = timezone.now() + timedelta(days=5)
    job = make_job(expires_at=current)

    messages = act(moderator, "extend", [job], days="10")

    job.refresh_from_db()
    assert job.status == JobStatus.PUBLISHED
    assert job.expires_at == current + timedelta(days=10)
    assert ("success", "Extended 1 job(s) by 10 days.") in messages


def test_extend_republishes_an_expired_job(moderator, client):
    now = timezone.now()
    job = make_job(
        status=JobStatus.EXPIRED,
        posted_at=now - timedelta(days=40),
        expires_at=now - timedelta(days=3),
    )
    assert job.slug not in {j.slug for j in client.get("/jobs/").context["page"].object_list}

    act(moderator, "extend", [job], days="10")

    job.refresh_from_db()
    assert job.status == JobStatus.PUBLISHED
    assert abs(job.expires_at - (timezone.now() + timedelta(days=10))) < CLOSE
    assert job.is_public
    assert job.slug in {j.slug for j in client.get("/jobs/").context["page"].object_list}


@pytest.mark.parametrize("action", ["feature", "extend"])
@pytest.mark.parametrize("days", ["0", "abc", "366"])
def test_an_invalid_number_of_days_changes_nothing(moderator, action, days):
    expires = timezone.now() + timedelta(days=5)
    job = make_job(expires_at=expires)
    updated = job.updated_at

    messages = act(moderator, action, [job], days=days)

    job.refresh_from_db()
    assert job.featured_until is None
    assert job.expires_at == expires
    assert job.status == JobStatus.PUBLISHED
    assert job.updated_at == updated
    assert messages, "the moderator is told why nothing happened"
    assert all(level in ("warning", "error") for level, _ in messages)


@pytest.mark.parametrize("action", ["feature", "extend"])
@pytest.mark.parametrize("days", ["0", "abc"])
def test_an_invalid_number_of_days_is_explained(moderator, action, days):
    job = make_job()
    messages = act(moderator, action, [job], days=days)
    assert ("error", "Days must be a whole number from 1 to 365.") in messages


def filled_job(expires):
    return make_job(
        status=JobStatus.FILLED, posted_at=timezone.now() - timedelta(days=2), expires_at=expires
    )


def test_filled_jobs_are_not_approved(moderator):
    expires = timezone.now() + timedelta(days=5)
    filled = filled_job(expires)
    pending = make_job(status=JobStatus.PENDING, posted_at=None, expires_at=None)

    messages = act(moderator, "approve", [filled, pending])

    filled.refresh_from_db()
    pending.refresh_from_db()
    assert filled.status == JobStatus.FILLED
    assert filled.expires_at == expires
    assert pending.status == JobStatus.PUBLISHED
    assert (
        "success",
        "Published 1 job(s) (1 skipped: not possible for filled postings).",
    ) in messages


def test_filled_jobs_are_not_extended(moderator):
    expires = timezone.now() + timedelta(days=5)
    filled = filled_job(expires)
    published = make_job(expires_at=expires)

    messages = act(moderator, "extend", [filled, published], days="10")

    filled.refresh_from_db()
    published.refresh_from_db()
    assert filled.status == JobStatus.FILLED
    assert filled.expires_at == expires
    assert published.expires_at == expires + timedelta(days=10)
    [(level, text)] = messages
    assert level == "success"
    assert text.startswith("Extended 1 job(s) by 10 days (1 skipped")


# --- companies ---------------------------------------------------------------------------------


def test_company_list_shows_open_jobs(moderator):
    now = timezone.now()
    busy = make_company(name="Busy Co")
    quiet = make_company(name="Quiet Co")
    make_job(company=busy)
    make_job(company=busy)
    make_job(company=busy, posted_at=now - timedelta(days=40), expires_at=now - timedelta(days=1))
    make_job(company=busy, status=JobStatus.PENDING, posted_at=None, expires_at=None)
    make_job(company=busy, posted_at=now + timedelta(days=2), expires_at=now + timedelta(days=30))
    make_job(company=quiet, status=JobStatus.FILLED)
    make_job(
        company=quiet,
        status=JobStatus.EXPIRED,
        posted_at=now - timedelta(days=40),
        expires_at=now - timedelta(days=5),
    )

    response = moderator.get(COMPANIES_URL)
    assert response.status_code == 200
    counts = {company.name: company.open_total for company in response.context["cl"].result_list}
    assert counts == {"Busy Co": 2, "Quiet Co": 0}
    html = response.content.decode()
    assert 'class="field-open_jobs">2<' in html
    assert 'class="field-open_jobs">0<' in html


def company_form(logo: SimpleUploadedFile, **overrides) -> dict:
    data = {
        "name": "Logo Co",
        "slug": "logo-co",
        "website": "https://logo.example",
        "description": "We make logos.",
        "logo_upload": logo,
    }
    data.update(overrides)
    return data


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"just some text, not a picture\n", "The file is not a PNG, JPEG or WebP image"),
        (png_bytes() + b"\x00" * LOGO_MAX_BYTES, "the limit is"),
    ],
    ids=["not-an-image", "too-big"],
)
def test_a_bad_logo_is_refused(moderator, settings, tmp_path, content, message):
    settings.MEDIA_ROOT = tmp_path
    logo = SimpleUploadedFile("logo.png", content, content_type="image/png")
    response = moderator.post(reverse("admin:jobs_company_add"), company_form(logo))
    assert response.status_code == 200
    errors = response.context["adminform"].form.errors["logo_upload"]
    assert any(message in error for error in errors), errors
    assert message.replace("\xa0", " ") in response.content.decode().replace("\xa0", " ")
    assert not Company.objects.filter(slug="logo-co").exists()
    assert not Image.objects.exists()


def test_a_small_png_logo_is_accepted(moderator, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    content = png_bytes()
    logo = SimpleUploadedFile("logo.png", content, content_type="image/png")
    response = moderator.post(reverse("admin:jobs_company_add"), company_form(logo))
    assert response.status_code == 302, response.context["adminform"].form.errors
    company = Company.objects.get(slug="logo-co")
    assert company.logo.kind == "logo"
    assert company.logo.variants.count() == 6
    assert not any(tmp_path.rglob("*"))  # nothing in media/: the library is in the database
