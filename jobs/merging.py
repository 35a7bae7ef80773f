"""Two companies that are one (a look-alike, a duplicate, a renamed business) become one.

Everything that belongs to the company merged away moves to the one kept: its postings, its
employers, its audit trail, and the rows any other app keeps about it (each foreign key to
Company, found through the model's relations, so an app added later is moved too). Its address
is kept as a `CompanySlugRedirect`, so `resolve_company_slug` still finds the company an old
link means, and the merge is a line in the kept company's audit trail.
"""

from typing import TYPE_CHECKING

from django.core.validators import slug_re
from django.db import IntegrityError, models, transaction

from core.page_cache import pages_changed
from jobs import verification
from jobs.models import Company, CompanyEvent, CompanySlugRedirect

if TYPE_CHECKING:
    from django.contrib.auth.models import User


class CannotMerge(ValueError):
    pass


def resolve_company_slug(slug: str) -> Company | None:
    """The company `slug` names now: the company with that slug, or the one a company of that
    slug was merged into; None for neither (two queries at most). Anything but a slug (a
    NUL byte, which PostgreSQL refuses in text) names none, without a query."""
    if len(slug) > 120 or not slug_re.match(slug):
        return None
    company = Company.objects.filter(slug=slug).first()
    if company is not None:
        return company
    moved = CompanySlugRedirect.objects.select_related("company").filter(old_slug=slug).first()
    return moved.company if moved is not None else None


def _foreign_keys_to_company() -> list[tuple[type[models.Model], str]]:
    """Every (model, field name) of a many-to-one key to Company, in any app."""
    return [
        (rel.related_model, rel.field.name)
        for rel in Company._meta.related_objects
        if rel.one_to_many and isinstance(rel.related_model, type)
    ]


def _move_rows(old: Company, keep: Company) -> None:
    """Point every row that belongs to `old` at `keep`. Rows another app keeps one per company
    (a unique key clashes) stay behind and go with `old`, as its deletion rules say."""
    for model, field in _foreign_keys_to_company():
        if model is Company:  # look-alikes held against the old company: now against the kept
            Company.objects.filter(looks_like=old).exclude(pk=keep.pk).update(looks_like=keep)
            continue
        rows = model._base_manager.filter(**{field: old})
        try:
            with transaction.atomic():
                rows.update(**{field: keep})
        except IntegrityError:
            pass


@transaction.atomic
def merge(old: Company, keep: Company, moderator: "User", reason: str = "") -> Company:
    """Merge `old` into `keep`; the kept company. `old` is deleted."""
    if old.pk == keep.pk:
        raise CannotMerge("Choose two different companies.")
    # Lock both rows, in a fixed order, so two merges of the same pair take turns.
    locked = {
        c.pk: c
        for c in Company.objects.select_for_update().filter(pk__in=[old.pk, keep.pk]).order_by("pk")
    }
    if len(locked) != 2:
        raise CannotMerge("One of the companies no longer exists.")
    old, keep = locked[old.pk], locked[keep.pk]
    tags = old.page_tags() | keep.page_tags()
    _move_rows(old, keep)
    CompanySlugRedirect.objects.create(old_slug=old.slug, company=keep)
    if keep.looks_like_id == old.pk:
        keep.looks_like = None
        keep.save(update_fields=["looks_like", "updated_at"])
    note = f"“{old.name}” (/{old.slug}) merged into this company."
    if reason.strip():
        note += f" {reason.strip()}"
    verification.record(keep, CompanyEvent.Kind.MERGED, moderator, note)
    old.delete()
    if old.is_verified and not keep.is_verified:
        verification.recheck(keep)  # the members who moved may vouch for the kept domain
    pages_changed(*tags, *keep.page_tags())
    return keep
