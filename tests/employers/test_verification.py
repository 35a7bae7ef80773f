"""The "Verified" badge: an employer with a confirmed address at the company's website domain, or
a moderator's check with a reason; stored on the company, shown on cards and job pages."""

import re

import pytest
from django.core import mail
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from jobs import verification
from jobs.models import Company, CompanyEvent, VerifiedHow
from tests.factories import make_company, make_job

from .helpers import NEW_URL, PASSWORD, SIGN_UP_URL, client_for, make_employer, make_moderator

pytestmark = pytest.mark.django_db

JOBS_URL = reverse("jobs:list")
BADGE = "✓</span> Verified"


@pytest.mark.parametrize(
    ("address", "domain", "at_domain"),
    [
        ("ada@openai.com", "openai.com", True),
        ("ada@jobs.openai.com", "openai.com", True),  # a subdomain counts
        ("ADA@OpenAI.com.", "openai.com", True),
        ("ada@openai.com.evil.com", "openai.com", False),  # the domain as a subdomain elsewhere
        ("ada@notopenai.com", "openai.com", False),  # the domain as a suffix of another name
        ("ada@openai.co", "openai.com", False),
        ("ada@com", "openai.com", False),
        ("openai.com@evil.com", "openai.com", False),  # the domain in the mailbox part
        ("ada@openai.com", "", False),
    ],
)
def test_an_address_is_at_a_domain_or_one_of_its_subdomains_only(address, domain, at_domain):
    assert verification.address_at_domain(address, domain) is at_domain


def sign_up_and_confirm(
    client, capture, email, name="Tessellate", website="https://tessellate.example"
):
    data = {
        "email": email,
        "password": PASSWORD,
        "company_name": name,
        "company_website": website,
        "nickname": "",
    }
    with capture(execute=True):
        assert client.post(SIGN_UP_URL, data).status_code == 302
    link = re.search(r"https?://\S+/employers/verify/\S+/", mail.outbox[-1].body).group(0)
    with capture(execute=True):
        client.get(link)
    return Company.objects.get(name=name)


def test_confirming_an_address_at_the_website_domain_verifies_the_company(
    client, django_capture_on_commit_callbacks
):
    company = sign_up_and_confirm(
        client, django_capture_on_commit_callbacks, "ada@careers.tessellate.example"
    )
    assert company.is_verified
    assert company.verified_how == VerifiedHow.EMAIL
    event = company.events.get()
    assert event.kind == CompanyEvent.Kind.VERIFIED
    assert "tessellate.example" in event.note


@pytest.mark.parametrize(
    "email", ["ada@tessellate.example.evil.test", "ada@nottessellate.example", "ada@gmail.example"]
)
def test_an_address_at_a_look_alike_domain_does_not(
    client, django_capture_on_commit_callbacks, email
):
    company = sign_up_and_confirm(client, django_capture_on_commit_callbacks, email)
    assert not company.is_verified
    assert not company.events.exists()


def test_an_unconfirmed_address_does_not_verify():
    company = make_company(website="https://tessellate.example")
    make_employer("ada@tessellate.example", company=company, verified=False)
    assert verification.recheck(company) is False
    assert Company.objects.get(pk=company.pk).verified_at is None


def test_a_changed_website_unverifies_an_automatic_verification(admin_client):
    company = make_company(website="https://tessellate.example")
    make_employer("ada@tessellate.example", company=company)
    verification.recheck(company)
    assert company.is_verified
    url = reverse("admin:jobs_company_change", args=[company.pk])
    form = admin_client.get(url).context["adminform"].form
    data = {**form.initial, "website": "https://elsewhere.example", "logo": ""}
    data = {k: v for k, v in data.items() if v is not None}
    response = admin_client.post(url, data)
    assert response.status_code == 302, response.context["adminform"].form.errors
    company.refresh_from_db()
    assert company.website == "https://elsewhere.example"
    assert not company.is_verified
    assert company.events.filter(kind=CompanyEvent.Kind.UNVERIFIED).exists()


def test_a_moderator_verifies_by_hand_with_a_reason_in_the_audit_trail():
    moderator = make_moderator()
    company = make_company(website="")
    client = client_for(moderator)
    changelist = reverse("admin:jobs_company_changelist")
    action = {"action": "verify_by_hand", "_selected_action": [company.pk]}
    client.post(changelist, {**action, "note": ""})  # no reason: refused
    assert not Company.objects.get(pk=company.pk).is_verified
    response = client.post(changelist, {**action, "note": "Called their office; it is them."})
    assert response.status_code == 302
    company.refresh_from_db()
    assert company.verified_how == VerifiedHow.MODERATOR
    event = company.events.get()
    assert (event.kind, event.actor, event.note) == (
        CompanyEvent.Kind.VERIFIED,
        moderator,
        "Called their office; it is them.",
    )
    # A moderator's verification survives a change of website.
    company.website = "https://new.example"
    company.save()
    verification.website_changed(company)
    assert Company.objects.get(pk=company.pk).is_verified


def cards(page: str) -> list[str]:
    return re.findall(r'<li class="card job-card.*?</li>', page, re.S)


def test_the_badge_shows_on_the_card_and_the_job_page_of_a_verified_company_only(client):
    verified = make_company(name="Trusted Co", website="https://trusted.example")
    verification.verify_by_moderator(verified, make_moderator(), "Checked.")
    trusted_job = make_job(company=verified, title="Trusted engineer")
    plain_job = make_job(company=make_company(name="Plain Co"), title="Plain engineer")

    listed = {("Trusted" in card, BADGE in card) for card in cards(client.get(JOBS_URL).text)}
    assert listed == {(True, True), (False, False)}
    trusted_page = client.get(trusted_job.get_absolute_url()).text
    assert BADGE in trusted_page
    assert BADGE not in client.get(plain_job.get_absolute_url()).text
    # The structured data is left as it was: it makes no claim of verification.
    json_ld = re.search(r'<script type="application/ld\+json">(.*?)</script>', trusted_page, re.S)
    assert "erified" not in json_ld.group(1)


def test_the_api_says_whether_the_company_is_verified(client):
    company = make_company(name="Trusted Co")
    verification.verify_by_moderator(company, make_moderator(), "Checked.")
    make_job(company=company)
    make_job()
    results = client.get("/api/v1/jobs/").json()["results"]
    assert sorted(job["company"]["verified"] for job in results) == [False, True]


def test_the_job_list_costs_the_same_queries_with_the_badge(client, settings):
    settings.PAGE_CACHE_SECONDS = 0  # every request renders the page
    for n in range(3):
        make_job(company=make_company(name=f"Plain {n}"))

    def queries() -> tuple[int, str]:
        client.get(JOBS_URL)  # every cache warm, as before the measured request
        with CaptureQueriesContext(connection) as captured:
            response = client.get(JOBS_URL)
        return len(captured), response.text

    plain, page = queries()
    assert BADGE not in page
    moderator = make_moderator()
    for company in Company.objects.all():
        verification.verify_by_moderator(company, moderator, "Checked.")
    verified, page = queries()
    assert page.count(BADGE) == 3
    assert verified == plain > 0


def test_verifying_retires_the_cached_pages_showing_the_company(client):
    company = make_company(name="Trusted Co")
    job = make_job(company=company)
    assert BADGE not in client.get(JOBS_URL).text  # both pages now cached
    assert BADGE not in client.get(job.get_absolute_url()).text
    verification.verify_by_moderator(company, make_moderator(), "Checked.")
    assert BADGE in client.get(JOBS_URL).text
    assert BADGE in client.get(job.get_absolute_url()).text


def test_the_badge_needs_a_confirmed_member_to_post_from_the_dashboard(client):
    # A member who has not confirmed can draft, but the company stays unverified.
    company = make_company(website="https://tessellate.example")
    employer = make_employer("ada@tessellate.example", company=company, verified=False)
    assert client_for(employer.user).get(NEW_URL).status_code == 200
    assert not Company.objects.get(pk=company.pk).is_verified


def test_a_moderator_confirming_an_employer_in_the_admin_decides_verification_again():
    company = make_company(website="https://tessellate.example")
    employer = make_employer("ada@tessellate.example", company=company, verified=False)
    admin = client_for(make_moderator())
    url = reverse("admin:employers_employer_change", args=[employer.pk])
    data = {
        "company": company.pk,
        "created_company": "on",
        "verified_at_0": "2026-01-02",
        "verified_at_1": "10:00:00",
    }
    response = admin.post(url, data)
    assert response.status_code == 302, response.context["adminform"].form.errors
    company.refresh_from_db()
    assert company.verified_how == VerifiedHow.EMAIL
