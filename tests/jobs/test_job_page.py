"""/jobs/<slug>/: the posting, its apply action, JobPosting JSON-LD, closed and hidden postings."""

import json
import re
from datetime import timedelta
from unittest import mock

import pytest
from django.contrib.auth.models import Group
from django.utils import timezone

from jobs.choices import EmploymentType, JobStatus, SalaryPeriod, Workplace
from jobs.templatetags import job_tags
from tests.factories import (
    directives,
    make_company,
    make_editor,
    make_guide,
    make_job,
    make_role,
)

pytestmark = pytest.mark.django_db

GOOGLE_REQUIRED = {"title", "description", "datePosted", "hiringOrganization"}
GOOGLE_RECOMMENDED = {"validThrough", "employmentType", "identifier", "baseSalary", "directApply"}


def json_ld(html: str) -> list[dict]:
    blocks = re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.DOTALL)
    return [json.loads(block) for block in blocks]


def job_posting(html: str) -> dict | None:
    return next((d for d in json_ld(html) if d.get("@type") == "JobPosting"), None)


def test_onsite_job_structured_data(client):
    company = make_company(name="McKesson", website="https://www.mckesson.com")
    job = make_job(
        title="Director, Data Platform Engineering",
        company=company,
        street_address="1110 Sanctuary Parkway",
        city="Alpharetta",
        region="GA",
        postal_code="30009",
        country="US",
        salary_min=142_000,
        salary_max=237_000,
        employment_type=EmploymentType.FULL_TIME,
    )
    data = job_posting(client.get(job.get_absolute_url()).text)
    assert data.keys() >= GOOGLE_REQUIRED | GOOGLE_RECOMMENDED
    assert data["title"] == job.title
    assert data["datePosted"] == job.posted_at.date().isoformat()
    assert data["validThrough"] == job.expires_at.isoformat()
    assert data["hiringOrganization"] == {
        "@type": "Organization",
        "name": "McKesson",
        "url": f"http://testserver/companies/{company.slug}/",
        "sameAs": "https://www.mckesson.com",
    }
    assert data["jobLocation"]["address"] == {
        "@type": "PostalAddress",
        "streetAddress": "1110 Sanctuary Parkway",
        "addressLocality": "Alpharetta",
        "addressRegion": "GA",
        "postalCode": "30009",
        "addressCountry": "US",
    }
    assert "jobLocationType" not in data
    assert data["employmentType"] == "FULL_TIME"
    assert data["baseSalary"] == {
        "@type": "MonetaryAmount",
        "currency": "USD",
        "value": {
            "@type": "QuantitativeValue",
            "minValue": 142_000,
            "maxValue": 237_000,
            "unitText": "YEAR",
        },
    }
    assert data["identifier"]["value"] == str(job.pk)
    assert data["directApply"] is False
    assert "<strong>data</strong>" in data["description"]


def test_remote_job_has_telecommute_and_applicant_country(client):
    job = make_job(
        workplace=Workplace.REMOTE,
        city="",
        country="US",
        remote_region="anywhere in the U.S.",
        employment_type=EmploymentType.FREELANCE,
        salary_min=80,
        salary_max=95,
        salary_period=SalaryPeriod.HOUR,
    )
    html = client.get(job.get_absolute_url()).text
    data = job_posting(html)
    assert data["jobLocationType"] == "TELECOMMUTE"
    assert data["applicantLocationRequirements"] == {"@type": "Country", "name": "United States"}
    assert "jobLocation" not in data
    assert data["employmentType"] == "CONTRACTOR"
    assert data["baseSalary"]["value"]["unitText"] == "HOUR"
    assert "Remote (anywhere in the U.S.)" in html


def test_hybrid_job_has_an_office_address(client):
    job = make_job(workplace=Workplace.HYBRID, city="Berlin", country="DE", postal_code="")
    data = job_posting(client.get(job.get_absolute_url()).text)
    assert data["jobLocation"]["address"] == {
        "@type": "PostalAddress",
        "addressLocality": "Berlin",
        "addressCountry": "DE",
    }
    assert "jobLocationType" not in data


def test_job_without_salary_or_logo_leaves_them_out(client):
    job = make_job(salary_min=None, salary_max=None, salary_currency="")
    html = client.get(job.get_absolute_url()).text
    data = job_posting(html)
    assert "baseSalary" not in data and "logo" not in data["hiringOrganization"]
    assert "Not stated" in html


def test_script_in_a_title_cannot_break_out_of_json_ld(client):
    job = make_job(title="</script><script>alert(1)</script>")
    html = client.get(job.get_absolute_url()).text
    assert "<script>alert(1)" not in html
    assert job_posting(html)["title"] == job.title


def test_page_shows_the_posting_and_the_apply_link(client):
    job = make_job(apply_url="https://careers.example/apply/7", skills="PyTorch, SQL")
    html = client.get(job.get_absolute_url()).text
    assert job.title in html and job.company.name in html
    assert 'href="https://careers.example/apply/7"' in html
    assert "USD 60K – 80K" in html and "PyTorch" in html
    assert "noindex" not in html


def test_apply_email_is_not_in_the_page_but_revealed_on_post(client):
    job = make_job(apply_url="", apply_email="hiring@helix.example")
    page = client.get(job.get_absolute_url())
    assert "hiring@helix.example" not in page.text
    assert f'action="/jobs/{job.slug}/apply/"' in page.text
    assert client.get(f"/jobs/{job.slug}/apply/").status_code == 405
    revealed = client.post(f"/jobs/{job.slug}/apply/")
    assert revealed.status_code == 200
    assert 'href="mailto:hiring@helix.example?subject=' in revealed.text
    assert revealed["X-Robots-Tag"] == "noindex"


def test_apply_by_email_needs_a_public_posting(client):
    filled = make_job(apply_url="", apply_email="a@b.example", status=JobStatus.FILLED)
    assert client.post(f"/jobs/{filled.slug}/apply/").status_code == 404
    by_url = make_job()
    assert client.post(f"/jobs/{by_url.slug}/apply/").status_code == 404


@pytest.mark.parametrize("closed", ["filled", "expired", "lapsed"])
def test_closed_job_keeps_its_page_without_markup(client, closed):
    now = timezone.now()
    if closed == "lapsed":
        job = make_job(posted_at=now - timedelta(days=40), expires_at=now - timedelta(days=2))
    else:
        job = make_job(status=closed)
    response = client.get(job.get_absolute_url())
    assert response.status_code == 200
    assert "no longer accepting applications" in response.text
    assert response["X-Robots-Tag"] == "noindex"
    assert '<meta name="robots" content="noindex">' in response.text
    assert job_posting(response.text) is None
    assert job.apply_url not in response.text


@pytest.mark.parametrize("status", [JobStatus.DRAFT, JobStatus.PENDING, JobStatus.REJECTED])
def test_unapproved_job_is_not_found_but_moderators_preview_it(client, status):
    job = make_job(status=status)
    assert client.get(job.get_absolute_url()).status_code == 404
    moderator = make_editor("mod")
    moderator.groups.add(Group.objects.get(name="Moderators"))
    client.force_login(moderator)
    preview = client.get(job.get_absolute_url())
    assert preview.status_code == 200
    assert "Preview." in preview.text
    assert {"private", "no-store"} <= directives(preview["Cache-Control"])
    assert job_posting(preview.text) is None


def test_staff_without_job_permission_get_not_found(client):
    job = make_job(status=JobStatus.PENDING)
    client.force_login(make_editor("editor-only"))  # Editors group: guides, not jobs
    assert client.get(job.get_absolute_url()).status_code == 404


def test_role_guides_and_similar_jobs(client):
    role = make_role(name="Data Engineer", slug="data-engineer", broader_titles="Engineer")
    guide = make_guide(title="Data Engineer vs Analyst", first_role=role)
    make_guide(title="Draft about data", first_role=role, status="draft", published_at=None)
    job = make_job(role=role)
    sibling = make_job(title="Another data engineering job", role=role)
    make_job(title="Hidden sibling", role=role, status=JobStatus.PENDING)
    html = client.get(job.get_absolute_url()).text
    assert 'href="/roles/data-engineer/"' in html
    assert guide.get_absolute_url() in html and "Draft about data" not in html
    assert sibling.title in html and "Hidden sibling" not in html
    assert 'href="/salaries/data-engineer/"' in html


ROLE_CARD = "jobs/includes/role_aside.html"


def test_the_role_card_is_rendered_once_for_what_it_shows(client):
    """Every posting of a role shows the same card about it (and its alert form): rendered for
    the first, kept for the next, and rendered again when anything it shows changes."""
    role = make_role(name="Data Engineer", slug="data-engineer", summary="Builds pipelines.")
    first, second = make_job(role=role), make_job(role=role)
    closed = make_job(role=role, status=JobStatus.FILLED)
    job_tags._role_asides.clear()
    with mock.patch.object(job_tags, "render_to_string", wraps=job_tags.render_to_string) as spy:

        def renders():
            return [call.args[0] for call in spy.call_args_list].count(ROLE_CARD)

        html = client.get(first.get_absolute_url()).text
        assert "Builds pipelines." in html and "E-mail me new Data Engineer jobs" in html
        assert "Builds pipelines." in client.get(second.get_absolute_url()).text
        assert renders() == 1
        # A closed posting's page has the card without the alert form: another copy.
        html = client.get(closed.get_absolute_url()).text
        assert "Builds pipelines." in html and "E-mail me new Data Engineer jobs" not in html
        assert renders() == 2
        role.summary = "Builds & runs pipelines."
        role.save()
        html = client.get(second.get_absolute_url()).text
        assert "Builds &amp; runs pipelines." in html and renders() == 3


def test_unknown_slug_is_not_found(client):
    assert client.get("/jobs/no-such-job/").status_code == 404
