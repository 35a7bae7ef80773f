"""An employer edits the company profile from the dashboard; once the company has a public
page the edit waits for a moderator, as postings do, and shows only after approval."""

import pytest
from django.urls import reverse

from companies.models import ChangeStatus, CompanyProfileChange
from jobs.choices import JobStatus
from jobs.models import Company
from tests.employers.helpers import client_for, make_employer, make_moderator
from tests.factories import make_company, make_editor, make_job

pytestmark = pytest.mark.django_db

PROFILE_URL = reverse("employers:company")
CHANGES_URL = reverse("admin:companies_companyprofilechange_changelist")

NEW_PROFILE = {
    "tagline": "Forecasts for every shop",
    "headquarters": "Lisbon, Portugal",
    "size": "11-50",
    "industries": "Retail, Software",
    "description": "We **forecast** demand.",
    "nickname": "",
}


@pytest.fixture
def company():
    company = make_company(
        name="Acme", slug="acme", website="https://acme.example", tagline="Old tagline"
    )
    make_job(company=company, title="Open Job")
    return company


@pytest.fixture
def employer(company):
    return make_employer("hr@acme.example", company=company)


def decide(moderator_client, change: CompanyProfileChange, action: str, note: str = ""):
    data = {"action": action, "_selected_action": [change.pk], "note": note}
    return moderator_client.post(CHANGES_URL, data, follow=True)


def test_an_edit_of_a_public_profile_waits_for_review(client, company, employer):
    employer_client = client_for(employer.user)
    response = employer_client.post(PROFILE_URL, NEW_PROFILE, follow=True)
    assert "waiting for review" in response.text
    change = CompanyProfileChange.objects.get()
    assert change.status == ChangeStatus.PENDING and change.proposed_by == employer.user
    assert change.tagline == "Forecasts for every shop"
    company.refresh_from_db()
    assert company.tagline == "Old tagline" and company.headquarters == ""
    page = client.get("/companies/acme/").text
    assert "Old tagline" in page and "Forecasts for every shop" not in page
    assert "Lisbon" not in client.get("/api/v1/companies/acme/").text
    # The form holds the edit waiting for review, and says so.
    form = employer_client.get(PROFILE_URL).text
    assert "Waiting for review." in form and 'value="Forecasts for every shop"' in form


def test_a_second_edit_replaces_the_one_waiting(company, employer):
    employer_client = client_for(employer.user)
    employer_client.post(PROFILE_URL, NEW_PROFILE)
    employer_client.post(PROFILE_URL, {**NEW_PROFILE, "tagline": "Second thoughts"})
    change = CompanyProfileChange.objects.get()
    assert change.tagline == "Second thoughts"


def test_approval_shows_the_new_profile(client, company, employer):
    client_for(employer.user).post(PROFILE_URL, NEW_PROFILE)
    assert "Old tagline" in client.get("/companies/acme/").text  # cached now
    moderator = client_for(make_moderator())
    change = CompanyProfileChange.objects.get()
    queue = moderator.get(CHANGES_URL)
    assert queue.status_code == 200 and "Acme" in queue.text
    detail = moderator.get(reverse("admin:companies_companyprofilechange_change", args=[change.pk]))
    assert "Old tagline" in detail.text and "Forecasts for every shop" in detail.text
    decide(moderator, change, "approve")
    change.refresh_from_db()
    assert change.status == ChangeStatus.APPROVED and change.decided_at is not None
    page = client.get("/companies/acme/")
    assert page["X-Page-Cache"] == "miss"
    for text in ("Forecasts for every shop", "Lisbon, Portugal", "11–50 people",
                 "<strong>forecast</strong>"):  # fmt: skip
        assert text in page.text
    # Deciding twice changes nothing.
    assert "approved already" in decide(moderator, change, "reject").text


def test_rejection_keeps_the_profile_and_tells_the_employer(client, company, employer):
    employer_client = client_for(employer.user)
    employer_client.post(PROFILE_URL, NEW_PROFILE)
    change = CompanyProfileChange.objects.get()
    decide(client_for(make_moderator()), change, "reject", note="Headquarters look wrong.")
    change.refresh_from_db()
    assert change.status == ChangeStatus.REJECTED
    company.refresh_from_db()
    assert company.tagline == "Old tagline"
    form = employer_client.get(PROFILE_URL).text
    assert "Your last changes were not approved" in form and "Headquarters look wrong." in form


def test_a_company_without_a_public_posting_is_edited_directly():
    company = make_company(slug="newco", website="https://newco.example")
    make_job(company=company, status=JobStatus.PENDING)
    employer = make_employer("me@newco.example", company=company)
    response = client_for(employer.user).post(PROFILE_URL, NEW_PROFILE, follow=True)
    assert "The company profile is saved." in response.text
    company.refresh_from_db()
    assert company.tagline == "Forecasts for every shop"
    assert "<strong>forecast</strong>" in company.description_html
    assert not CompanyProfileChange.objects.exists()


def test_an_employer_edits_only_their_own_company(company, employer):
    other = make_company(name="Other", slug="other", website="https://other.example")
    make_job(company=other)
    intruder = make_employer("boss@other.example", company=other)
    client_for(intruder.user).post(PROFILE_URL, {**NEW_PROFILE, "company": company.pk})
    change = CompanyProfileChange.objects.get()
    assert change.company == other
    assert not company.profile_changes.exists()
    # Nobody outside the company's accounts can reach the form at all.
    assert client_for(make_editor()).get(PROFILE_URL).status_code in (302, 403)


def test_an_invalid_edit_is_refused_at_the_field(company, employer):
    response = client_for(employer.user).post(
        PROFILE_URL, {**NEW_PROFILE, "tagline": "x" * 161, "size": "a few"}
    )
    assert response.status_code == 200
    assert set(response.context["form"].errors) == {"tagline", "size"}
    assert not CompanyProfileChange.objects.exists()


def test_an_approved_description_is_sanitized(client, company, employer):
    description = "Hello <script>alert(1)</script> [x](javascript:alert(1))"
    client_for(employer.user).post(PROFILE_URL, {**NEW_PROFILE, "description": description})
    decide(client_for(make_moderator()), CompanyProfileChange.objects.get(), "approve")
    page = client.get("/companies/acme/").text
    assert "Hello" in page and "<script>alert" not in page and "javascript:" not in page


def test_editors_review_profile_changes_too(company, employer):
    client_for(employer.user).post(PROFILE_URL, NEW_PROFILE)
    editor = client_for(make_editor())
    assert editor.get(CHANGES_URL).status_code == 200
    decide(editor, CompanyProfileChange.objects.get(), "approve")
    assert Company.objects.get(pk=company.pk).tagline == "Forecasts for every shop"
    # Editors keep the company profile in the admin as well.
    change_page = editor.get(reverse("admin:jobs_company_change", args=[company.pk]))
    assert change_page.status_code == 200 and 'name="industries"' in change_page.text


def test_a_new_logo_waits_for_review_with_the_rest(client, company, employer):
    """A picture on every card of the company is seen by a moderator first."""
    from django.core.files.uploadedfile import SimpleUploadedFile

    from tests.images.helpers import picture

    logo = SimpleUploadedFile("logo.png", picture(), content_type="image/png")
    client_for(employer.user).post(PROFILE_URL, {**NEW_PROFILE, "logo_upload": logo})
    change = CompanyProfileChange.objects.get()
    company.refresh_from_db()
    assert change.logo is not None and company.logo is None
    assert f"/images/{change.logo_id}." not in client.get("/companies/acme/").text
    moderator = client_for(make_moderator())
    detail = moderator.get(reverse("admin:companies_companyprofilechange_change", args=[change.pk]))
    assert f"/images/{change.logo_id}." in detail.text  # shown to the moderator
    decide(moderator, change, "approve")
    company.refresh_from_db()
    assert company.logo_id == change.logo_id
    assert f"/images/{change.logo_id}." in client.get("/companies/acme/").text


def test_a_waiting_text_edit_keeps_the_current_logo(client, company, employer):
    from tests.images.helpers import library_image

    company.logo = library_image()
    company.save()
    client_for(employer.user).post(PROFILE_URL, NEW_PROFILE)
    change = CompanyProfileChange.objects.get()
    assert change.logo_id == company.logo_id
    decide(client_for(make_moderator()), change, "approve")
    company.refresh_from_db()
    assert company.logo_id == change.logo_id
