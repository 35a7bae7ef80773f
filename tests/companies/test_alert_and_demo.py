"""The company page's "e-mail me new jobs at this company" alert, and the demo's companies."""

import io

import pytest
from django.core import mail
from django.core.management import call_command
from django.urls import reverse

from alerts.models import Alert
from jobs.models import Company
from tests.factories import make_company, make_job

pytestmark = pytest.mark.django_db


def test_the_company_alert_saves_a_search_for_the_company(
    client, django_capture_on_commit_callbacks
):
    make_job(company=make_company(name="Acme", slug="acme"))
    page = client.get("/companies/acme/").text
    create = reverse("alerts:create")
    assert f'action="{create}"' in page and 'value="company=acme"' in page
    data = {"email": "grace@hopper.example", "frequency": "weekly", "search": "company=acme"}
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(create, data)
    assert response.status_code == 302
    alert = Alert.objects.get()
    assert alert.query == "company=acme"
    assert "Acme" in alert.description
    assert [m.to for m in mail.outbox] == [["grace@hopper.example"]]


def test_every_demo_company_has_a_profile():
    call_command("load_demo", stdout=io.StringIO())
    companies = list(Company.objects.all())
    assert companies
    for company in companies:
        assert company.tagline and company.headquarters and company.description, company
        assert company.size and company.industry_list, company
