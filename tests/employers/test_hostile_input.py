"""What people type is stored as typed and shown harmlessly: markup, huge text, NUL, Unicode."""

import re

import pytest
from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from jobs import moderation
from jobs.models import Company, Job
from tests.jobs.test_admin import png_bytes

from .helpers import (
    DASHBOARD_URL,
    LOG_IN_URL,
    NEW_URL,
    PASSWORD,
    SIGN_UP_URL,
    client_for,
    job_data,
    make_employer,
    make_moderator,
)

pytestmark = pytest.mark.django_db

COMPANY = "<script>alert('company')</script> & Sons"
HOSTILE = {
    "title": "<script>alert('title')</script>Engineer",
    "description": (
        "Hello <script>alert('description')</script>\n\n"
        '<img src=x onerror="alert(1)">\n\n'
        "[click me](javascript:alert('link'))\n\n"
        '<a href="javascript:alert(2)" onclick="alert(3)">raw link</a>'
    ),
    "skills": "<img src=x onerror=alert('skills')>, Python",
    "workplace": "remote",
    "city": "",
    "street_address": "",
    "remote_region": "<script>alert('region')</script>anywhere",
}


def harmless(html: str) -> None:
    assert "<script>alert" not in html
    assert "<img src=x" not in html
    assert 'href="javascript:' not in html.lower()
    assert "onclick=" not in html
    assert not re.search(r"<[^>]+\sonerror=", html)


@pytest.fixture
def hostile_job(client, django_capture_on_commit_callbacks):
    """A company and a posting full of markup, created through the forms."""
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            SIGN_UP_URL,
            {
                "email": "evil@evil.example",
                "password": PASSWORD,
                "company_name": COMPANY,
                "company_website": "https://evil.example",
                "nickname": "",
            },
        )
    assert response.status_code == 302
    assert client.login(username="evil@evil.example", password=PASSWORD)
    response = client.post(NEW_URL, job_data(**HOSTILE))
    assert response.status_code == 302, response.context["form"].errors
    return Job.objects.get()


def test_markup_is_stored_as_typed(hostile_job):
    assert Company.objects.get().name == COMPANY
    assert hostile_job.title == HOSTILE["title"]
    assert hostile_job.skills == HOSTILE["skills"]
    assert hostile_job.remote_region == HOSTILE["remote_region"]
    assert hostile_job.description == HOSTILE["description"]


def test_preview_and_dashboard_show_it_escaped(client, hostile_job):
    preview = client.get(reverse("employers:preview", args=[hostile_job.pk])).content.decode()
    harmless(preview)
    assert "&lt;script&gt;alert(&#x27;title&#x27;)&lt;/script&gt;Engineer" in preview
    assert "&lt;script&gt;alert(&#x27;company&#x27;)&lt;/script&gt; &amp; Sons" in preview
    assert "raw link" in preview
    dashboard = client.get(DASHBOARD_URL).content.decode()
    harmless(dashboard)
    assert "&lt;script&gt;alert(&#x27;title&#x27;)&lt;/script&gt;Engineer" in dashboard
    assert "&lt;script&gt;alert(&#x27;region&#x27;)&lt;/script&gt;anywhere" in dashboard
    assert "&lt;script&gt;alert(&#x27;company&#x27;)&lt;/script&gt; &amp; Sons" in dashboard


def test_the_public_page_and_list_show_it_escaped(client, hostile_job):
    moderation.submit(hostile_job, hostile_job.created_by)
    moderation.approve(hostile_job, make_moderator())
    page = client.get(hostile_job.get_absolute_url())
    assert page.status_code == 200
    html = page.content.decode()
    harmless(html)
    assert "&lt;script&gt;alert(&#x27;title&#x27;)&lt;/script&gt;Engineer" in html
    assert "Hello" in html and "raw link" in html
    listing = client.get(reverse("jobs:list")).content.decode()
    harmless(listing)
    assert "&lt;script&gt;alert(&#x27;title&#x27;)&lt;/script&gt;Engineer" in listing


def test_a_huge_description_is_refused_clearly():
    employer = make_employer()
    response = client_for(employer.user).post(NEW_URL, job_data(description="x" * 100_000))
    assert response.status_code == 200
    errors = response.context["form"].errors["description"]
    assert any("20000" in e or "20,000" in e for e in errors), errors
    assert not Job.objects.exists()


@pytest.mark.parametrize("amount", ["2147483648", "9" * 400])
def test_a_salary_too_large_for_its_column_is_a_form_error(amount):
    client = client_for(make_employer().user)
    response = client.post(NEW_URL, job_data(salary_min=amount, salary_max=""))
    assert response.status_code == 200
    assert "too large" in str(response.context["form"].errors["salary_min"])
    assert not Job.objects.exists()


def test_nul_bytes_are_form_errors():
    employer = make_employer()
    client = client_for(employer.user)
    response = client.post(NEW_URL, job_data(title="Bad\x00title", skills="a\x00b"))
    assert response.status_code == 200
    assert "title" in response.context["form"].errors
    assert "skills" in response.context["form"].errors
    assert not Job.objects.exists()


def test_nul_bytes_in_the_account_forms_are_not_server_errors(client):
    response = client.post(
        SIGN_UP_URL,
        {
            "email": "a\x00b@x.example",
            "password": PASSWORD,
            "company_name": "Nul\x00Co",
            "company_website": "",
        },
    )
    assert response.status_code == 200
    assert not get_user_model().objects.exists()
    response = client.post(LOG_IN_URL, {"username": "a\x00b@x.example", "password": "x\x00y"})
    assert response.status_code == 200
    assert client.get("/employers/verify/%00abc/").status_code in (400, 404)


ODD = {
    "title": "Ingénieur ML \u200f\u05de\u05d4\u05e0\u05d3\u05e1\u200e 🤖 Zoë",
    "description": "Cafe\u0301 ☕ — naïve 🏳️‍🌈 \u202eevil\u202c text 𝔘𝔫𝔦𝔠𝔬𝔡𝔢",
    "skills": "Pythön, 数据, 🐍",
    "city": "Zürich",
}


def test_odd_unicode_round_trips():
    employer = make_employer()
    client = client_for(employer.user)
    response = client.post(NEW_URL, job_data(**ODD))
    assert response.status_code == 302
    job = Job.objects.get()
    for name, value in ODD.items():
        assert getattr(job, name) == value, name
    preview = client.get(reverse("employers:preview", args=[job.pk])).content.decode()
    assert ODD["title"] in preview
    assert "Cafe\u0301 ☕" in preview
    assert "数据" in preview
    edit = client.get(reverse("employers:edit", args=[job.pk]))
    assert edit.context["form"]["title"].value() == ODD["title"]


@pytest.fixture
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    return tmp_path


def upload_logo(client, name: str, content: bytes, content_type: str = "image/png"):
    logo = SimpleUploadedFile(name, content, content_type=content_type)
    data = {"website": "https://acme.example", "description": "We do things.", "logo_upload": logo}
    return client.post(reverse("employers:company"), data)


@pytest.mark.parametrize(
    "content",
    [
        b"<html><body><script>alert(1)</script></body></html>",
        b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>',
    ],
    ids=["html", "svg"],
)
def test_a_logo_that_is_not_an_image_is_refused(media, content):
    employer = make_employer()
    response = upload_logo(client_for(employer.user), "logo.png", content)
    assert response.status_code == 200
    errors = response.context["form"].errors["logo_upload"]
    assert "not a PNG, JPEG or WebP" in errors[0] or "SVG images are not accepted" in errors[0]
    employer.company.refresh_from_db()
    assert not employer.company.logo
    assert not any(media.rglob("*"))


def test_an_svg_logo_is_refused_whatever_its_name(media):
    employer = make_employer()
    content = b'<svg xmlns="http://www.w3.org/2000/svg"></svg>'
    response = upload_logo(client_for(employer.user), "logo.svg", content, "image/svg+xml")
    assert response.status_code == 200
    assert "SVG images are not accepted" in response.context["form"].errors["logo_upload"][0]
    assert not any(media.rglob("*"))


def test_a_small_png_logo_is_accepted(media):
    employer = make_employer()
    response = upload_logo(client_for(employer.user), "logo.png", png_bytes())
    assert response.status_code == 302
    employer.company.refresh_from_db()
    assert employer.company.logo.kind == "logo"
    assert employer.company.logo.uploaded_by == employer.user
    assert not any(media.rglob("*"))


def test_the_review_page_shows_it_escaped(hostile_job):
    moderation.submit(hostile_job, hostile_job.created_by)
    admin = client_for(make_moderator())
    for url in (
        reverse("admin:jobs_job_review", args=[hostile_job.pk]),
        reverse("admin:jobs_jobforreview_changelist"),
    ):
        response = admin.get(url)
        assert response.status_code == 200, url
        html = response.content.decode()
        harmless(html)
        assert "&lt;script&gt;alert(&#x27;title&#x27;)&lt;/script&gt;Engineer" in html


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("email", "a" * 140 + "@example.com"),  # a valid address, longer than a user name
        ("company_website", "https://example.com/" + "a" * 200),
        ("company_name", "n" * 121),
    ],
)
def test_values_longer_than_their_columns_are_form_errors(client, field, value):
    data = {
        "email": "long@example.com",
        "password": PASSWORD,
        "company_name": "Long Values",
        "company_website": "",
        "nickname": "",
    }
    response = client.post(SIGN_UP_URL, {**data, field: value})
    assert response.status_code == 200
    assert field in response.context["form"].errors
    assert not get_user_model().objects.exists()
    assert not Company.objects.exists()
