"""Revealing a posting's application e-mail address is limited per network address, so that a
script cannot collect every posting's address; over the limit, a friendly 429 page."""

import pytest
from django.test import Client

from core import ratelimit
from tests.factories import make_job

pytestmark = pytest.mark.django_db


def test_reveals_are_limited_per_address_with_a_friendly_page():
    limit = ratelimit.APPLY_REVEAL
    jobs = [make_job(apply_url="", apply_email=f"jobs{n}@acme.example") for n in range(3)]
    client = Client(REMOTE_ADDR="203.0.113.50")
    for n in range(limit.count):
        job = jobs[n % len(jobs)]
        response = client.post(f"/jobs/{job.slug}/apply/")
        assert response.status_code == 200, n
        assert job.apply_email in response.text

    refused = client.post(f"/jobs/{jobs[0].slug}/apply/")

    assert refused.status_code == 429
    assert refused["Retry-After"] == str(limit.seconds)
    assert jobs[0].apply_email not in refused.text
    assert "Too many application addresses" in refused.text
    assert f'href="/jobs/{jobs[0].slug}/"' in refused.text
    # Another address still gets it.
    other = Client(REMOTE_ADDR="203.0.113.51").post(f"/jobs/{jobs[0].slug}/apply/")
    assert other.status_code == 200 and jobs[0].apply_email in other.text


def test_unknown_slugs_count_too():
    client = Client(REMOTE_ADDR="203.0.113.52")
    for n in range(ratelimit.APPLY_REVEAL.count):
        assert client.post(f"/jobs/no-such-job-{n}/apply/").status_code == 404
    job = make_job(apply_url="", apply_email="jobs@acme.example")
    assert client.post(f"/jobs/{job.slug}/apply/").status_code == 429
