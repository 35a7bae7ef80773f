"""Employers' edits of a company profile, and the moderators' decisions on them.

A company with a page (companies.selectors.has_page) shows only what a moderator approved, as
a posting does: an edit is stored as its one pending CompanyProfileChange (a later edit
replaces the values of one still waiting) and copied onto the company when approved. A company
that no visitor can see yet (no posting has been published) is edited directly: its first
posting's review shows the moderators the company as it is."""

from typing import Any

from django.db import transaction
from django.utils import timezone

from companies.models import PROFILE_FIELDS, ChangeStatus, CompanyProfileChange
from companies.selectors import has_page
from jobs import verification
from jobs.models import Company


class AlreadyDecided(Exception):
    """The change was approved or rejected meanwhile."""


def pending_change(company: Company) -> CompanyProfileChange | None:
    return company.profile_changes.filter(status=ChangeStatus.PENDING).first()


def last_decision(company: Company) -> CompanyProfileChange | None:
    """The company's latest decided change, to tell its employers how their last edit went."""
    return (
        company.profile_changes.exclude(status=ChangeStatus.PENDING).order_by("-decided_at").first()
    )


@transaction.atomic
def propose(company: Company, values: dict[str, Any], user: Any) -> CompanyProfileChange | None:
    """Apply `values` (cleaned profile fields) to a company without a page, or store them as
    its pending change; returns the pending change, or None when applied at once."""
    values = {name: values[name] for name in PROFILE_FIELDS if name in values}
    fresh = Company.objects.select_for_update().get(pk=company.pk)
    if not has_page(fresh):
        for name, value in values.items():
            setattr(fresh, name, value)
        fresh.save()
        return None
    change = pending_change(fresh) or CompanyProfileChange(company=fresh)
    for name in PROFILE_FIELDS:
        setattr(change, name, values.get(name, getattr(fresh, name)))
    change.proposed_by = user
    change.save()
    return change


def _decide(change: CompanyProfileChange, status: str, moderator: Any, note: str) -> None:
    locked = CompanyProfileChange.objects.select_for_update().get(pk=change.pk)
    if locked.status != ChangeStatus.PENDING:
        raise AlreadyDecided(f"This change was {locked.get_status_display().lower()} already.")
    change.status, change.decided_by, change.note = status, moderator, note
    change.decided_at = timezone.now()
    change.save(update_fields=["status", "decided_by", "decided_at", "note", "updated_at"])


@transaction.atomic
def approve(change: CompanyProfileChange, moderator: Any, note: str = "") -> None:
    """Show the proposed profile: the company's save retires the pages showing it."""
    _decide(change, ChangeStatus.APPROVED, moderator, note)
    company = Company.objects.select_for_update().get(pk=change.company_id)
    new_website = change.values.get("website", company.website) != company.website
    for name, value in change.values.items():
        setattr(company, name, value)
    company.save()
    if new_website:  # its domain decides the badge
        verification.website_changed(company, moderator)


@transaction.atomic
def reject(change: CompanyProfileChange, moderator: Any, note: str = "") -> None:
    """Keep the profile as it is; the employer sees the note on the profile form."""
    _decide(change, ChangeStatus.REJECTED, moderator, note)
