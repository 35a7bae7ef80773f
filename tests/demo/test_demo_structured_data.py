"""Every public demo job page carries JobPosting markup with Google's required and recommended
properties (baseSalary wherever the posting states pay)."""

import json
import re

import pytest
from django.core.management import call_command

from jobs.models import Job

pytestmark = pytest.mark.django_db

REQUIRED = {"title", "description", "datePosted", "hiringOrganization"}
RECOMMENDED = {"validThrough", "employmentType", "identifier", "directApply"}
GOOGLE_EMPLOYMENT_TYPES = {"FULL_TIME", "PART_TIME", "CONTRACTOR", "TEMPORARY", "INTERN"}


def posting(html: str) -> dict:
    blocks = re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.DOTALL)
    return next(d for d in map(json.loads, blocks) if d["@type"] == "JobPosting")


def test_every_public_demo_job_has_complete_job_posting_markup(client):
    call_command("load_demo")
    jobs = list(Job.objects.public().select_related("company"))
    assert len(jobs) >= 200
    for job in jobs:
        data = posting(client.get(job.get_absolute_url()).text)
        missing = (REQUIRED | RECOMMENDED) - data.keys()
        assert not missing, (job.slug, missing)
        assert data["description"].strip() and data["title"] == job.title
        assert data["employmentType"] in GOOGLE_EMPLOYMENT_TYPES
        assert data["hiringOrganization"]["name"] and data["hiringOrganization"]["sameAs"]
        if job.is_remote:
            assert data["jobLocationType"] == "TELECOMMUTE", job.slug
            assert data["applicantLocationRequirements"]["name"], job.slug
        else:
            address = data["jobLocation"]["address"]
            assert address["addressLocality"] and address["addressCountry"], job.slug
        if job.has_salary:
            value = data["baseSalary"]["value"]
            assert data["baseSalary"]["currency"] == job.salary_currency
            assert 0 < value["minValue"] <= value["maxValue"]
            assert value["unitText"] in {"YEAR", "MONTH", "HOUR"}
        else:
            assert "baseSalary" not in data
