"""The role and company filters know records that became public after the process started.

`Job.objects.public()` compares with the time it is built: a queryset built once, when the filter
class was defined, would treat every posting published since as not yet posted."""

import pytest
from django.test import Client
from django.utils import timezone

from tests.factories import make_job, make_role

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("path", ["/jobs/", "/feeds/jobs/", "/api/v1/jobs/"])
def test_a_company_and_role_made_public_later_are_valid_filters(path):
    client = Client()
    make_job()
    assert client.get(path, {"company": "nobody"}).status_code in (200, 400)  # choices read once
    role = make_role(slug="late-role")
    job = make_job(role=role, posted_at=timezone.now())
    for name, value in (("company", job.company.slug), ("role", "late-role")):
        response = client.get(path, {name: value})
        assert response.status_code == 200, (name, response.content[:300])
        assert "not one of the available choices" not in response.content.decode()
