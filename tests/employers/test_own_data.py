"""An employer's own data: the JSON download (everything about the account, never a secret or
another person's data) and the deletion of the account (postings close, personal data goes)."""

import json

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse

from alerts.models import Alert, Subscriber
from background.models import OutgoingEmail
from core import email
from employers.models import ApiToken, Employer
from jobs import moderation
from jobs.choices import JobStatus
from jobs.models import CompanyEvent, Job, StatusChange
from tests.factories import directives, make_company, make_job

from .helpers import PASSWORD, client_for, make_draft, make_employer, make_moderator, make_pending

pytestmark = pytest.mark.django_db

PAGE_URL = reverse("employers:my-data")
DOWNLOAD_URL = reverse("employers:my-data-download")
DELETE_URL = reverse("employers:delete-account")


@pytest.fixture
def board(django_capture_on_commit_callbacks):
    """Ada and a colleague at Tessellate, each with postings and history; Eve at another
    company; Ada's API token and job alert."""
    company = make_company(name="Tessellate", website="https://tessellate.example")
    ada = make_employer("ada@tessellate.example", company=company)
    colleague = make_employer("bo@tessellate.example", company=company, created_company=False)
    moderator = make_moderator()
    with django_capture_on_commit_callbacks(execute=True):
        published = make_pending(company, title="Data engineer", created_by=ada.user)
        moderation.record_creation(published, ada.user)
        moderation.approve(published, moderator, "Welcome aboard.")
        draft = make_draft(company, title="Analyst draft", created_by=ada.user)
        moderation.record_creation(draft, ada.user)
        theirs = make_job(company=company, title="Colleague's job", created_by=colleague.user)
        moderation.record_creation(theirs, colleague.user)
    other = make_employer("eve@elsewhere.example", company=make_company(name="Elsewhere"))
    make_job(company=other.company, title="Elsewhere job", created_by=other.user)
    token, key = ApiToken.issue(user=ada.user, name="Careers sync")
    subscriber = Subscriber.objects.create(email="ada@tessellate.example")
    Alert.objects.create(subscriber=subscriber, query="q=python", description="Jobs: python")
    return {
        "ada": ada,
        "colleague": colleague,
        "other": other,
        "published": published,
        "draft": draft,
        "theirs": theirs,
        "key": key,
        "token": token,
        "subscriber": subscriber,
    }


def download(employer):
    response = client_for(employer.user).post(DOWNLOAD_URL)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/json")
    assert response["Content-Disposition"].startswith('attachment; filename="my-data-')
    assert {"private", "no-store"} <= directives(response["Cache-Control"])
    return response.content.decode(), json.loads(response.content)


def test_the_download_holds_the_account_company_postings_tokens_and_alerts(board):
    _, data = download(board["ada"])
    assert data["account"]["email"] == "ada@tessellate.example"
    assert data["account"]["email_confirmed_at"]
    assert data["company"]["name"] == "Tessellate"
    postings = {p["title"]: p for p in data["postings"]}
    assert set(postings) == {"Data engineer", "Analyst draft", "Colleague's job"}
    steps = postings["Data engineer"]["history"]
    assert [(s["to"], s["by"]) for s in steps] == [
        (JobStatus.PENDING, "you"),
        (JobStatus.PUBLISHED, "a moderator"),
    ]
    assert steps[-1]["note"] == "Welcome aboard."
    assert postings["Colleague's job"]["history"][0]["by"] == "a colleague"
    assert postings["Colleague's job"]["created_by_you"] is False
    assert [t["name"] for t in data["api_tokens"]] == ["Careers sync"]
    assert set(data["api_tokens"][0]) == {"name", "created_at", "last_used_at", "expires_at"}
    assert data["alerts"]["searches"][0]["description"] == "Jobs: python"


def test_the_download_never_holds_a_secret_or_another_persons_data(board):
    text, _ = download(board["ada"])
    token = board["token"]
    for secret in (board["key"], token.key_digest, token.hint, board["subscriber"].key):
        assert secret not in text
    assert "password" not in text.lower()
    assert "md5$" not in text  # the password hash of the tests' hasher
    for someone_else in ("bo@tessellate.example", "eve@elsewhere.example", "mod@example.com"):
        assert someone_else not in text
    assert "Elsewhere" not in text


def test_the_download_is_a_post_and_rate_limited(board):
    client = client_for(board["ada"].user)
    assert client.get(DOWNLOAD_URL).status_code == 405
    statuses = [client.post(DOWNLOAD_URL).status_code for _ in range(6)]
    assert statuses == [200] * 5 + [429]


def test_the_page_explains_both_and_counts_the_postings_that_would_close(board):
    page = client_for(board["ada"].user).get(PAGE_URL)
    assert page.status_code == 200
    assert "Download my data" in page.text and "Delete my account" in page.text
    assert "2 postings will close" in page.text  # Ada's two; the colleague's stays
    dashboard = client_for(board["ada"].user).get(reverse("employers:dashboard")).text
    assert PAGE_URL in dashboard


def test_a_wrong_password_deletes_nothing(board):
    client = client_for(board["ada"].user)
    response = client.post(DELETE_URL, {"password": "not-it"})
    assert response.status_code == 400
    assert "That is not your password." in response.text
    assert Employer.objects.filter(pk=board["ada"].pk).exists()


def test_deleting_the_account_closes_its_postings_and_removes_personal_data(
    board, django_capture_on_commit_callbacks
):
    ada = board["ada"]
    with django_capture_on_commit_callbacks(execute=True):
        email.send("account_exists", [ada.user.email], {"pending": False, "days": 7})
    assert OutgoingEmail.objects.filter(to="ada@tessellate.example").exists()
    client = client_for(ada.user)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(DELETE_URL, {"password": PASSWORD}, follow=True)
    assert "Your account is deleted and 2 posting(s) closed." in response.text
    # Logged out, and the account is gone with its membership and tokens.
    assert client.get(reverse("employers:dashboard")).status_code == 302
    users = get_user_model().objects
    assert not users.filter(email__iexact="ada@tessellate.example").exists()
    assert not Employer.objects.filter(pk=ada.pk).exists()
    assert not ApiToken.objects.filter(pk=board["token"].pk).exists()
    assert not OutgoingEmail.objects.filter(to__iexact="ada@tessellate.example").exists()
    # The published posting closed and keeps its page; the draft is gone; the colleague's
    # posting stays open.
    published = Job.objects.get(pk=board["published"].pk)
    assert published.status == JobStatus.EXPIRED
    assert client.get(published.get_absolute_url()).status_code == 200
    assert not Job.objects.filter(pk=board["draft"].pk).exists()
    assert Job.objects.get(pk=board["theirs"].pk).is_public
    # The audit trail keeps the steps moderation needs, without the person.
    history = list(published.status_changes.order_by("created_at", "pk"))
    assert [h.to_status for h in history] == [
        JobStatus.PENDING,
        JobStatus.PUBLISHED,
        JobStatus.EXPIRED,
    ]
    assert history[0].actor is None and history[1].actor is not None  # the moderator stays
    event = published.company.events.get(kind=CompanyEvent.Kind.ACCOUNT_DELETED)
    assert event.actor is None and "ada" not in event.note
    assert not StatusChange.objects.filter(note__icontains="ada@").exists()


def test_the_last_member_closes_every_posting_of_the_company(board):
    colleague = board["colleague"]
    Employer.objects.filter(pk=board["ada"].pk).delete()
    client = client_for(colleague.user)
    assert client.post(DELETE_URL, {"password": PASSWORD}).status_code == 302
    assert (
        not Job.objects.filter(company=colleague.company)
        .exclude(status__in=moderation.CLOSED)
        .exists()
    )
    # Another company's postings are untouched.
    assert Job.objects.get(title="Elsewhere job").is_public


def test_a_staff_account_is_not_deleted_from_the_dashboard(board):
    ada = board["ada"]
    ada.user.is_staff = True
    ada.user.save()
    client_for(ada.user).post(DELETE_URL, {"password": PASSWORD})
    assert Employer.objects.filter(pk=ada.pk).exists()


def test_a_member_whose_address_verified_the_company_takes_the_badge_along():
    from jobs import verification

    company = make_company(website="https://solo.example")
    member = make_employer("ada@solo.example", company=company)
    assert verification.recheck(company)
    client_for(member.user).post(DELETE_URL, {"password": PASSWORD})
    company.refresh_from_db()
    assert not company.is_verified
