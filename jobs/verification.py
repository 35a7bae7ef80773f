"""Whether the employer behind a company is really that company, and the company's audit trail.

A company is verified when one of its employers has confirmed an address at the domain of the
company's website (a subdomain counts: "jobs.example.com" for "example.com"; a look-alike domain
does not: "example.com.evil.test", "notexample.com"), or when a moderator checked it by hand and
gave a reason. The state is stored on the company (`verified_at`, `verified_how`) by the
functions here, called where the facts change: an employer confirms their address, the website
changes, a moderator decides. Pages read the two columns and never work it out per card.

A change of website re-decides an automatic verification (the old domain vouches for nothing
now); a moderator's stands until a moderator removes it. Each change is a `CompanyEvent`.
"""

from typing import TYPE_CHECKING

from django.db import transaction
from django.utils import timezone

from jobs.models import Company, CompanyEvent, VerifiedHow

if TYPE_CHECKING:
    from django.contrib.auth.models import User


def address_at_domain(address: str, domain: str) -> bool:
    """Whether an e-mail address is at `domain` or one of its subdomains."""
    host = address.rpartition("@")[2].strip().lower().rstrip(".")
    domain = domain.strip().lower().rstrip(".")
    if not domain or not host:
        return False
    return host == domain or host.endswith(f".{domain}")


def confirmed_address_at_domain(company: Company) -> str | None:
    """A confirmed member's address at the company's website domain, or None (one query)."""
    domain = company.domain
    if not domain:
        return None
    confirmed = company.employers.filter(verified_at__isnull=False).order_by("verified_at", "pk")
    for address in confirmed.values_list("user__email", flat=True):
        if address_at_domain(address, domain):
            return address
    return None


def record(company: Company, kind: str, actor: "User | None" = None, note: str = "") -> None:
    CompanyEvent.objects.create(company=company, kind=kind, actor=actor, note=note.strip())


def _set(company: Company, how: str) -> None:
    company.verified_at = timezone.now() if how else None
    company.verified_how = how
    # A save (not an update) so that the cached pages showing the company are retired.
    company.save(update_fields=["verified_at", "verified_how", "updated_at"])


@transaction.atomic
def recheck(company: Company, actor: "User | None" = None) -> bool:
    """Decide the automatic verification again from the company's website and its confirmed
    members (after a confirmation or a change of website); whether the company is verified."""
    if company.verified_how == VerifiedHow.MODERATOR:
        return True
    address = confirmed_address_at_domain(company)
    if address and not company.is_verified:
        _set(company, VerifiedHow.EMAIL)
        record(
            company,
            CompanyEvent.Kind.VERIFIED,
            actor,
            f"A member confirmed an address at {company.domain}.",
        )
    elif not address and company.is_verified:
        _set(company, "")
        note = f"No confirmed member has an address at {company.domain or 'its website'} now."
        record(company, CompanyEvent.Kind.UNVERIFIED, actor, note)
    return company.is_verified


def website_changed(company: Company, actor: "User | None" = None) -> bool:
    """The website (its domain) changed: an automatic verification no longer holds as such."""
    if company.verified_how == VerifiedHow.EMAIL:
        _set(company, "")
        note = f"The website changed to {company.website or 'none'}."
        record(company, CompanyEvent.Kind.UNVERIFIED, actor, note)
    return recheck(company, actor)


@transaction.atomic
def verify_by_moderator(company: Company, moderator: "User", reason: str) -> None:
    if not reason.strip():
        raise ValueError("A moderator's verification needs a reason.")
    _set(company, VerifiedHow.MODERATOR)
    record(company, CompanyEvent.Kind.VERIFIED, moderator, reason)


@transaction.atomic
def remove_verification(company: Company, moderator: "User", reason: str) -> None:
    """Take the badge away; a confirmed member at the domain earns it back only through a new
    confirmation or a change of website."""
    if not reason.strip():
        raise ValueError("Removing a verification needs a reason.")
    _set(company, "")
    record(company, CompanyEvent.Kind.UNVERIFIED, moderator, reason)


def hold_if_look_alike(company: Company, actor: "User | None" = None) -> Company | None:
    """A company just added (or renamed) whose name looks like another's is held for review
    with that company named; the other company, or None."""
    existing = Company.objects.exclude(pk=company.pk).look_alike(company.name)
    if existing is None:
        return None
    company.looks_like = existing
    company.save(update_fields=["looks_like", "updated_at"])
    record(company, CompanyEvent.Kind.HELD, actor, f"The name looks like “{existing.name}”.")
    return existing


@transaction.atomic
def clear_hold(company: Company, moderator: "User", reason: str) -> None:
    """A moderator found the company genuine: its postings may be approved."""
    if not reason.strip():
        raise ValueError("Clearing a look-alike name needs a reason.")
    company.looks_like = None
    company.save(update_fields=["looks_like", "updated_at"])
    record(company, CompanyEvent.Kind.CLEARED, moderator, reason)
