"""schema.org Organization JSON-LD for a company page."""

from django.http import HttpRequest

from jobs.models import Company
from jobs.structured_data import organization


def organization_json_ld(company: Company, request: HttpRequest) -> dict:
    data = {"@context": "https://schema.org", **organization(company, request)}
    if company.tagline:
        data["description"] = company.tagline
    return data
