"""schema.org JobPosting JSON-LD with every property Google requires and recommends.

Only a public posting gets it: a closed posting's page stays up without it, so search engines drop
the job from their listings.
"""

from django.http import HttpRequest

from core.addresses import absolute_url
from jobs.choices import GOOGLE_EMPLOYMENT_TYPE, SalaryPeriod
from jobs.models import Company, Job, logo_url

SALARY_UNIT: dict[str, str] = {
    SalaryPeriod.YEAR: "YEAR",
    SalaryPeriod.MONTH: "MONTH",
    SalaryPeriod.HOUR: "HOUR",
}


def organization(company: Company, request: HttpRequest) -> dict:
    """The company as schema.org names it: in a posting's hiringOrganization and on its page."""
    data = {
        "@type": "Organization",
        "name": company.name,
        "url": absolute_url(request, company.get_absolute_url()),
    }
    if company.website:
        data["sameAs"] = company.website
    if company.logo_id:
        data["logo"] = absolute_url(request, logo_url(company))
    return data


def job_posting_json_ld(job: Job, request: HttpRequest, site_name: str) -> dict:
    if job.posted_at is None or job.expires_at is None:
        raise ValueError("Only a public posting, which has both dates, gets JobPosting data.")
    company = job.company

    posting = {
        "@context": "https://schema.org/",
        "@type": "JobPosting",
        "title": job.title,
        "description": job.description_html,
        "datePosted": job.posted_at.date().isoformat(),
        "validThrough": job.expires_at.isoformat(),
        "hiringOrganization": organization(company, request),
        "employmentType": GOOGLE_EMPLOYMENT_TYPE[job.employment_type],
        "identifier": {"@type": "PropertyValue", "name": site_name, "value": str(job.pk)},
        # Applications go to the employer's own site or inbox, not through a form here.
        "directApply": False,
        "url": absolute_url(request, job.get_absolute_url()),
    }
    if job.is_remote:
        posting["jobLocationType"] = "TELECOMMUTE"
        posting["applicantLocationRequirements"] = {
            "@type": "Country",
            "name": job.country.name,
        }
    else:
        posting["jobLocation"] = {"@type": "Place", "address": postal_address(job)}
    if job.has_salary:
        value = {
            "@type": "QuantitativeValue",
            "minValue": job.salary_min,
            "maxValue": job.salary_max or job.salary_min,
            "unitText": SALARY_UNIT[job.salary_period],
        }
        posting["baseSalary"] = {
            "@type": "MonetaryAmount",
            "currency": job.salary_currency,
            "value": value,
        }
    if job.skill_list:
        posting["skills"] = ", ".join(job.skill_list)
    return posting


def postal_address(job: Job) -> dict:
    address = {"@type": "PostalAddress", "addressCountry": job.country.code}
    parts = {
        "streetAddress": job.street_address,
        "addressLocality": job.city,
        "addressRegion": job.region,
        "postalCode": job.postal_code,
    }
    address.update({key: value for key, value in parts.items() if value})
    return address
