"""/api/v1/employer/jobs/: an employer's own postings, through a token or the session."""

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core import mail
from django.test import Client

from employers.models import ApiToken, digest
from jobs import moderation
from jobs.choices import JobStatus, Workplace
from jobs.models import Job, StatusChange
from roles.models import Status
from tests.api_clients import make_employer, token_client
from tests.factories import make_company, make_job, make_role

pytestmark = pytest.mark.django_db

URL = "/api/v1/employer/jobs/"


def posting(**fields) -> dict:
    data = {
        "title": "Senior Data Engineer",
        "description": "Build **pipelines** with us.",
        "employment_type": "full_time",
        "experience_level": "senior",
        "workplace": "hybrid",
        "city": "Berlin",
        "country": "DE",
        "salary_min": 80_000,
        "salary_max": 100_000,
        "salary_currency": "EUR",
        "apply_url": "https://acme.example/jobs/1",
        "skills": "Python, SQL",
    }
    data.update(fields)
    return data


def post(client, url, data=None):
    return client.post(url, data or {}, content_type="application/json")


def patch(client, url, data):
    return client.patch(url, data, content_type="application/json")


@pytest.fixture
def moderator():
    user = get_user_model().objects.create_user(
        "mod", email="mod@site.example", password="a-long-test-password", is_staff=True
    )
    user.groups.add(Group.objects.get(name="Moderators"))
    return user


# --- authentication -----------------------------------------------------------------------------


def test_anonymous_callers_are_asked_for_a_token(anonymous):
    response = anonymous.get(URL)
    assert response.status_code == 401
    assert response["WWW-Authenticate"].startswith("Bearer")
    assert response.json()["code"] == "not_authenticated"
    assert post(anonymous, URL, posting()).status_code == 401


@pytest.mark.parametrize(
    "header",
    ["Bearer jca_not-a-real-token", "Bearer", "Bearer a b", "Bearer nonsense", "Bearer jca_\u00e9"],
)
def test_a_wrong_token_is_refused(employer, header):
    client = Client(headers={"Authorization": header}, raise_request_exception=False)
    response = client.get(URL)
    assert response.status_code == 401
    assert set(response.json()) == {"status", "code", "detail", "errors"}


def test_a_revoked_token_stops_working(employer):
    token, key = ApiToken.issue(user=employer.user, name="ATS")
    client = Client(headers={"Authorization": f"Bearer {key}"})
    assert client.get(URL).status_code == 200
    token.delete()
    assert client.get(URL).status_code == 401


def test_a_token_of_a_deactivated_user_stops_working(employer, api):
    employer.user.is_active = False
    employer.user.save()
    assert api.get(URL).status_code == 401


def test_tokens_are_stored_only_as_digests(employer):
    token, key = ApiToken.issue(user=employer.user, name="ATS")
    assert key.startswith("jca_") and len(key) > 40
    token.refresh_from_db()
    assert token.key_digest == digest(key) and key not in token.key_digest
    assert token.hint == key[:10]
    assert token.last_used_at is None
    Client(headers={"Authorization": f"Bearer {key}"}).get(URL)
    token.refresh_from_db()
    assert token.last_used_at is not None


def test_an_account_without_a_company_is_forbidden():
    user = get_user_model().objects.create_user("reader", password="a-long-test-password")
    response = token_client(user).get(URL)
    assert response.status_code == 403
    assert response.json()["detail"] == "This account does not post jobs for a company."


def test_the_session_works_for_the_browsable_api_with_csrf(employer):
    client = Client(enforce_csrf_checks=True)
    client.force_login(employer.user)
    assert client.get(URL).status_code == 200
    refused = post(client, URL, posting())
    assert refused.status_code == 403
    assert "CSRF" in refused.json()["detail"]
    assert not Job.objects.exists()
    html = client.get(URL, headers={"Accept": "text/html"})
    assert html.status_code == 200 and b"<h1>Employer Job List</h1>" in html.content


# --- reading one's own postings ----------------------------------------------------------------


def test_lists_the_companys_postings_in_every_status(employer, api):
    company = employer.company
    mine = [make_job(company=company, status=status) for status in JobStatus]
    colleague_job = make_job(company=company, title="A colleague's")
    other = make_job(title="Another company's")
    response = api.get(URL)
    assert response.status_code == 200
    assert response["Cache-Control"] == "private, no-store"
    listed = {job["id"]: job for job in response.json()["results"]}
    assert set(listed) == {job.pk for job in [*mine, colleague_job]}
    assert other.pk not in listed
    draft = listed[mine[0].pk]
    assert draft["status"] == "draft"
    assert draft["url"] == f"http://testserver/jobs/{mine[0].slug}/"
    assert draft["description"].startswith("Job ")  # the Markdown source, for editing


def test_another_companys_posting_is_not_found(employer, api):
    other = make_job(title="Another company's")
    for response in (
        api.get(f"{URL}{other.pk}/"),
        patch(api, f"{URL}{other.pk}/", {"title": "Mine now"}),
        api.put(f"{URL}{other.pk}/", posting(), content_type="application/json"),
        post(api, f"{URL}{other.pk}/fill/"),
        post(api, f"{URL}{other.pk}/submit/"),
    ):
        assert response.status_code == 404
        assert response.json()["detail"] == "Not found."
    other.refresh_from_db()
    assert other.title == "Another company's" and other.status == JobStatus.PUBLISHED


def test_a_colleague_who_has_not_confirmed_sees_nothing(employer):
    colleague = make_employer(
        "new@acme.example", company=employer.company, verified=False, created_company=False
    )
    make_job(company=employer.company)
    assert token_client(colleague.user).get(URL).json()["count"] == 0


def test_the_reviewers_message_is_shown(employer, api, moderator):
    job = make_job(company=employer.company, status=JobStatus.PENDING)
    moderation.request_changes(job, moderator, "Say where the office is.")
    body = api.get(f"{URL}{job.pk}/").json()
    assert body["status"] == "changes"
    assert body["review_note"] == "Say where the office is."


# --- creating ------------------------------------------------------------------------------------


def test_a_new_posting_goes_to_review_and_a_moderator_publishes_it(
    employer, api, moderator, anonymous, django_capture_on_commit_callbacks
):
    role = make_role(slug="data-engineer")
    with django_capture_on_commit_callbacks(execute=True):
        response = post(api, URL, posting(role="data-engineer"))
    assert response.status_code == 201, response.content
    body = response.json()
    assert body["status"] == "pending" and body["role"] == "data-engineer"
    assert response["Location"] == f"/api/v1/employer/jobs/{body['id']}/"
    job = Job.objects.get(pk=body["id"])
    assert (job.company, job.created_by, job.role) == (employer.company, employer.user, role)
    assert job.submitted_at is not None and job.posted_at is None
    steps = [(c.from_status, c.to_status) for c in job.status_changes.order_by("pk")]
    assert steps == [("", "draft"), ("draft", "pending")]
    assert mail.outbox and "mod@site.example" in mail.outbox[0].to
    # Not public until approved.
    assert anonymous.get(f"/api/v1/jobs/{job.slug}/").status_code == 404
    assert job.title not in anonymous.get("/api/v1/jobs/").text
    moderation.approve(job, moderator)
    assert anonymous.get(f"/api/v1/jobs/{job.slug}/").status_code == 200
    assert anonymous.get("/api/v1/jobs/").json()["results"][0]["title"] == job.title


def test_the_api_cannot_publish_or_feature_directly(employer, api):
    data = posting(status="published", featured_until="2099-01-01T00:00:00Z", slug="mine")
    response = post(api, URL, data)
    assert response.status_code == 201
    job = Job.objects.get()
    assert job.status == JobStatus.PENDING and job.featured_until is None
    assert job.slug != "mine"


@pytest.mark.parametrize("data", [posting(), {"title": ""}], ids=["valid", "invalid"])
def test_an_unconfirmed_employer_cannot_post(db, data):
    employer = make_employer(verified=False)
    response = post(token_client(employer.user), URL, data)
    assert response.status_code == 403
    assert "Confirm your e-mail address" in response.json()["detail"]
    assert not Job.objects.exists()


def test_an_unconfirmed_employer_cannot_submit_a_draft(db):
    employer = make_employer(verified=False)
    draft = make_job(company=employer.company, status=JobStatus.DRAFT)
    response = post(token_client(employer.user), f"{URL}{draft.pk}/submit/")
    assert response.status_code == 403
    draft.refresh_from_db()
    assert draft.status == JobStatus.DRAFT


@pytest.mark.parametrize(
    "fields, field",
    [
        ({"apply_url": ""}, "apply_url"),  # a submission needs a way to apply
        ({"city": ""}, "city"),  # an office job needs its city
        ({"workplace": "onsite", "remote_region": "anywhere"}, "remote_region"),
        ({"salary_min": 100_000, "salary_max": 90_000}, "salary_max"),
        ({"salary_currency": ""}, "salary_currency"),
        # 4 billion a year: an hourly rate typed as a yearly one (and past PostgreSQL's integer).
        ({"salary_min": 2_000_000, "salary_max": 2_000_000, "salary_period": "hour"}, "salary_max"),
        ({"salary_min": 3_000_000_000, "salary_max": None}, "salary_min"),
        ({"role": "draft-role"}, "role"),
        ({"role": "no-such-role"}, "role"),
        ({"description": "x" * 20_001}, "description"),
        ({"title": ""}, "title"),
        ({"workplace": "moon"}, "workplace"),
        ({"country": "XX"}, "country"),
        ({"salary_min": "lots"}, "salary_min"),
        ({"salary_min": -1}, "salary_min"),
        ({"apply_url": "javascript:alert(1)"}, "apply_url"),
        ({"apply_email": "not an address", "apply_url": ""}, "apply_email"),
    ],
)
def test_invalid_postings_are_refused_with_field_errors(employer, api, fields, field):
    make_role(slug="draft-role", status=Status.DRAFT)
    response = post(api, URL, posting(**fields))
    assert response.status_code == 400, response.content
    body = response.json()
    assert body["code"] == "invalid"
    assert field in body["errors"], body
    assert not Job.objects.exists()


def test_a_remote_posting_needs_no_city(employer, api):
    data = posting(workplace="remote", city="", country="US", remote_region="anywhere in the U.S.")
    response = post(api, URL, data)
    assert response.status_code == 201, response.content
    assert Job.objects.get().workplace == Workplace.REMOTE


def test_malformed_json_is_a_400(employer, api):
    response = api.post(URL, "{not json", content_type="application/json")
    assert response.status_code == 400
    assert response.json()["code"] == "parse_error"


def test_a_huge_body_is_refused(employer, api, settings):
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 10_000
    response = post(api, URL, posting(description="x" * 20_000))
    assert response.status_code == 413
    assert response.json()["code"] == "too_large"


def test_submissions_are_limited_per_company(employer, api):
    assert post(api, URL, posting(title="")).status_code == 400  # a mistake does not count
    for n in range(10):
        assert post(api, URL, posting(title=f"Job {n}")).status_code == 201
    response = post(api, URL, posting(title="One too many"))
    assert response.status_code == 429
    assert response["Retry-After"]
    assert Job.objects.count() == 10


# --- editing, submitting, filling -----------------------------------------------------------------


def test_editing_a_draft_keeps_it_a_draft(employer, api):
    job = make_job(company=employer.company, status=JobStatus.DRAFT, apply_url="")
    response = patch(api, f"{URL}{job.pk}/", {"title": "Better title"})
    assert response.status_code == 200, response.content
    job.refresh_from_db()
    assert (job.title, job.status) == ("Better title", JobStatus.DRAFT)


def test_editing_a_published_posting_sends_it_back_to_review(employer, api, anonymous):
    job = make_job(company=employer.company)
    assert anonymous.get(f"/api/v1/jobs/{job.slug}/").status_code == 200
    response = patch(api, f"{URL}{job.pk}/", {"description": "Now with a *twist*."})
    assert response.status_code == 200, response.content
    assert response.json()["status"] == "pending"
    job.refresh_from_db()
    assert job.status == JobStatus.PENDING
    assert job.status_changes.get().note == "Edited after publication."
    assert anonymous.get(f"/api/v1/jobs/{job.slug}/").status_code == 404


def test_saving_a_published_posting_unchanged_keeps_it_published(employer, api):
    job = make_job(company=employer.company)
    response = patch(api, f"{URL}{job.pk}/", {"title": job.title})
    assert response.status_code == 200
    job.refresh_from_db()
    assert job.status == JobStatus.PUBLISHED
    assert not StatusChange.objects.exists()


def test_a_full_update_replaces_the_content(employer, api):
    job = make_job(company=employer.company, status=JobStatus.CHANGES)
    response = api.put(f"{URL}{job.pk}/", posting(), content_type="application/json")
    assert response.status_code == 200, response.content
    job.refresh_from_db()
    assert (job.title, job.city, job.status) == ("Senior Data Engineer", "Berlin", "changes")


def test_an_edit_that_breaks_a_rule_is_refused(employer, api):
    job = make_job(company=employer.company)
    response = patch(api, f"{URL}{job.pk}/", {"workplace": "onsite", "city": ""})
    assert response.status_code == 400
    assert "city" in response.json()["errors"]
    job.refresh_from_db()
    assert job.status == JobStatus.PUBLISHED and job.city == "Berlin"


@pytest.mark.parametrize("status", [JobStatus.FILLED, JobStatus.EXPIRED])
def test_a_closed_posting_cannot_be_edited(employer, api, status):
    job = make_job(company=employer.company, status=status)
    response = patch(api, f"{URL}{job.pk}/", {"title": "Reopened?"})
    assert response.status_code == 409
    assert response.json()["code"] == "conflict"


def test_mark_filled(employer, api, anonymous):
    job = make_job(company=employer.company)
    response = post(api, f"{URL}{job.pk}/fill/")
    assert response.status_code == 200
    assert response.json()["status"] == "filled"
    job.refresh_from_db()
    assert job.status == JobStatus.FILLED
    assert job.status_changes.get().actor == employer.user
    assert anonymous.get(f"/api/v1/jobs/{job.slug}/").status_code == 404
    again = post(api, f"{URL}{job.pk}/fill/")
    assert again.status_code == 409


def test_submit_a_draft(employer, api):
    draft = make_job(company=employer.company, status=JobStatus.DRAFT, apply_url="")
    incomplete = post(api, f"{URL}{draft.pk}/submit/")
    assert incomplete.status_code == 400
    assert "apply_url" in incomplete.json()["errors"]
    assert patch(api, f"{URL}{draft.pk}/", {"apply_url": "https://x.example"}).status_code == 200
    done = post(api, f"{URL}{draft.pk}/submit/")
    assert done.status_code == 200 and done.json()["status"] == "pending"
    assert post(api, f"{URL}{draft.pk}/submit/").status_code == 409


def test_no_delete_through_the_api(employer, api):
    job = make_job(company=employer.company, status=JobStatus.DRAFT)
    assert api.delete(f"{URL}{job.pk}/").status_code == 405
    assert Job.objects.filter(pk=job.pk).exists()


def test_employer_list_queries_are_few(employer, api):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    company = make_company()
    for _ in range(3):
        make_job(company=employer.company)

    def count() -> int:
        with CaptureQueriesContext(connection) as queries:
            assert api.get(URL).status_code == 200
        return len(queries)

    api.get(URL)  # the token's first use is written down once
    small = count()
    for _ in range(20):
        make_job(company=employer.company)
        make_job(company=company)
    assert count() == small <= 6
