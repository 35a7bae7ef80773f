"""An employer's own data: everything the site holds about their account, as JSON, and the
deletion of the account.

The download holds the account, the company, the postings the account manages with their
history, the API tokens' names and dates (never a key, its digest or its first characters) and
what other apps hold about the address (settings.OWN_DATA_SECTIONS: the job alerts). A history
line names who took the step only as "you", "a colleague", "a moderator" or "the site": never
another person's address.

Deleting the account closes its postings (those it created, or all of its company's when it is
the company's last member): a posting that was never public is deleted, one that was closes as
expired and keeps its page. The user row goes, and with it the membership and the API tokens;
the postings' and the company's audit trails keep their lines with the actor emptied, and the
outbox forgets every message to the address.
"""

from typing import Any

from django.conf import settings
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.module_loading import import_string

from background.outbox import forget_address
from employers.models import ApiToken, Employer
from jobs import moderation, verification
from jobs.models import CompanyEvent, Job, StatusChange

FORMAT_VERSION = 1


def _who(actor_id: int | None, actor_is_staff: bool | None, user_id: int) -> str:
    if actor_id is None:
        return "the site"
    if actor_id == user_id:
        return "you"
    return "a moderator" if actor_is_staff else "a colleague"


def _postings(employer: Employer) -> list[dict[str, Any]]:
    """The postings the account manages, oldest first, each with its history (two queries)."""
    user = employer.user
    jobs = list(Job.objects.for_employer(user).order_by("created_at", "pk"))
    history: dict[int, list[dict[str, Any]]] = {job.pk: [] for job in jobs}
    lines = (
        StatusChange.objects.filter(job__in=jobs)
        .order_by("created_at", "pk")
        .values(
            "job_id", "created_at", "from_status", "to_status", "note", "revision", "actor_id",
            "actor__is_staff",
        )
    )  # fmt: skip
    for line in lines:
        history[line["job_id"]].append(
            {
                "at": line["created_at"],
                "from": line["from_status"],
                "to": line["to_status"],
                "version": line["revision"],
                "note": line["note"],
                "by": _who(line["actor_id"], line["actor__is_staff"], user.pk),
            }
        )
    return [
        {
            "title": job.title,
            "address": job.get_absolute_url(),
            "status": job.status,
            "version": job.revision,
            "created_by_you": job.created_by_id == user.pk,
            "created_at": job.created_at,
            "submitted_at": job.submitted_at,
            "posted_at": job.posted_at,
            "expires_at": job.expires_at,
            "description": job.description,
            "workplace": job.workplace,
            "street_address": job.street_address,
            "city": job.city,
            "region": job.region,
            "postal_code": job.postal_code,
            "country": job.country.code,
            "remote_region": job.remote_region,
            "employment_type": job.employment_type,
            "experience_level": job.experience_level,
            "salary": {
                "min": job.salary_min,
                "max": job.salary_max,
                "currency": job.salary_currency,
                "period": job.salary_period,
            },
            "apply_url": job.apply_url,
            "apply_email": job.apply_email,
            "skills": job.skill_list,
            "history": history[job.pk],
        }
        for job in jobs
    ]


def export(employer: Employer) -> dict[str, Any]:
    """Everything the site holds about the employer's account, as plain data."""
    user, company = employer.user, employer.company
    data: dict[str, Any] = {
        "format": FORMAT_VERSION,
        "exported_at": timezone.now(),
        "account": {
            "email": user.email,
            "joined_at": user.date_joined,
            "last_log_in": user.last_login,
            "email_confirmed_at": employer.verified_at,
            "created_the_company": employer.created_company,
        },
        "company": {
            "name": company.name,
            "address": company.get_absolute_url(),
            "website": company.website,
            "description": company.description,
            "verified": company.is_verified,
            "added_at": company.created_at,
        },
        "postings": _postings(employer),
        "api_tokens": list(
            ApiToken.objects.filter(user=user)
            .order_by("created_at", "pk")
            .values("name", "created_at", "last_used_at", "expires_at")
        ),
    }
    for section, path in settings.OWN_DATA_SECTIONS.items():
        data[section] = import_string(path)(user.email)
    return data


def postings_to_close(employer: Employer):
    """The postings an account's deletion closes: those it created, or every posting of its
    company when no other member remains."""
    company = employer.company
    others = company.employers.exclude(pk=employer.pk).exists()
    jobs = Job.objects.filter(company=company)
    if others:
        jobs = jobs.filter(Q(created_by=employer.user))
    return jobs.exclude(status__in=moderation.CLOSED)


@transaction.atomic
def delete_account(employer: Employer) -> int:
    """Delete the employer's account (see the module's note); how many postings it closed."""
    user, company = employer.user, employer.company
    closed = 0
    for job in postings_to_close(employer):
        moderation.close_for_deleted_account(job)
        closed += 1
    note = f"An employer deleted their account; {closed} posting(s) closed or deleted."
    verification.record(company, CompanyEvent.Kind.ACCOUNT_DELETED, None, note)
    forget_address(user.email)
    user.delete()  # the membership and API tokens go with it; audit lines keep no actor
    verification.recheck(company)  # the badge may have rested on this member's address
    return closed
