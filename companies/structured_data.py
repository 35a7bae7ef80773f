"""schema.org Organization JSON-LD for a company page."""

from django.http import HttpRequest

from jobs.models import Company, logo_url


def organization_json_ld(company: Company, request: HttpRequest) -> dict:
    organization = {
        "@context": "https://schema.org",
        "@type": "Organization",
        "name": company.name,
        "url": request.build_absolute_uri(company.get_absolute_url()),
    }
    if company.tagline:
        organization["description"] = company.tagline
    if company.logo_id:
        organization["logo"] = request.build_absolute_uri(logo_url(company))
    if company.website:
        organization["sameAs"] = company.website
    return organization
