"""Drafts of live roles and guides: changes saved apart from the published record.

A draft is a snapshot of the record as the editor's form would save it (a guide with its
sections, tips and credited authors), taken by saving the form inside a transaction that is
then rolled back (core.dry_run), so the tables the public pages, feeds, sitemap, search and API
read never hold it. Publishing writes the snapshot over the live record as one version, and
retires the pages that showed the old one.
"""

import json
from datetime import datetime
from typing import Any

import reversion
from django.contrib.auth.models import AbstractBaseUser, AnonymousUser
from django.core import serializers
from django.core.serializers.json import DjangoJSONEncoder
from django.db import transaction
from django.db.models import Model, QuerySet
from django.utils import timezone

from core.page_cache import pages_changed
from roles.models import Guide, GuideDraft, Role, RoleDraft, Status

# Left out when comparing a draft with the live record: set by any save.
VOLATILE = {"updated_at"}

Record = Guide | Role
User = AbstractBaseUser | AnonymousUser | None


def draft_model(record: Record | type[Record]) -> type[GuideDraft] | type[RoleDraft]:
    model = record if isinstance(record, type) else type(record)
    return GuideDraft if issubclass(model, Guide) else RoleDraft


def draft_of(record: Record) -> GuideDraft | RoleDraft | None:
    model = draft_model(record)
    return model.objects.filter(**{_owner(model): record.pk}).first()


def may_have_draft(record: Record) -> bool:
    """Only a published record needs one: a draft record is on no public page anyway."""
    return type(record).objects.filter(pk=record.pk, status=Status.PUBLISHED).exists()


def _owner(model: type[GuideDraft] | type[RoleDraft]) -> str:
    return "guide" if model is GuideDraft else "role"


def _parts(record: Record) -> list[QuerySet]:
    """The rows saved and versioned with the record."""
    if isinstance(record, Guide):
        return [record.sections.all(), record.tips.all(), record.credits.all()]
    return []


def snapshot(record: Record) -> list[dict[str, Any]]:
    """The record and its parts as stored now, in a form JSON keeps."""
    rows: list[Model] = [record]
    for part in _parts(record):
        rows += list(part)
    text = serializers.serialize("json", rows, cls=DjangoJSONEncoder)
    return json.loads(text)


def same_content(one: list[dict[str, Any]], other: list[dict[str, Any]]) -> bool:
    def content(rows: list[dict[str, Any]]) -> list:
        return [
            (row["model"], row["pk"], {k: v for k, v in row["fields"].items() if k not in VOLATILE})
            for row in rows
        ]

    return content(one) == content(other)


def save_draft(
    record: Record, data: list[dict[str, Any]], user: User, publish_at: datetime | None = None
) -> GuideDraft | RoleDraft:
    model: Any = draft_model(record)
    owner: dict[str, Any] = {_owner(model): record}
    draft, _ = model.objects.update_or_create(
        **owner,
        defaults={
            "data": data,
            "saved_by": user if user is not None and user.is_authenticated else None,
            "publish_at": publish_at,
        },
    )
    return draft


def apply(draft: GuideDraft | RoleDraft) -> Record:
    """Write the draft over the live record: its fields, links, and parts (rows the draft no
    longer has are deleted, rows it added are created). Returns the record as saved."""
    rows = list(serializers.deserialize("json", json.dumps(draft.data), ignorenonexistent=True))
    main = rows[0]
    record: Any = main.object
    live = type(record).objects.get(pk=record.pk)
    if isinstance(record, Guide) and record.revised_at != live.revised_at:
        record.revised_at = timezone.now()  # "Updated" dates from the publishing
    record.save()
    for name, values in (main.m2m_data or {}).items():
        getattr(record, name).set(values)
    kept: dict[type[Model], set[Any]] = {}
    for row in rows[1:]:
        kept.setdefault(type(row.object), set()).add(row.object.pk)
    # Rows the draft no longer has go first: one it added may take a place they held (an
    # author taken off and credited again).
    for part_rows in _parts(record):
        part_rows.exclude(pk__in=kept.get(part_rows.model, set())).delete()
    for row in rows[1:]:
        part: Any = row.object
        model = type(part)
        # A row the draft added has its number from a rolled-back insert; if another guide's
        # row took that number since, this one gets a new one.
        if model.objects.filter(pk=part.pk).exclude(guide=record.pk).exists():
            part.pk = None
        part.save()
    if isinstance(record, Guide):
        record.refresh_body()
    return record


def publish_draft(draft: GuideDraft | RoleDraft, user: User = None, comment: str = "") -> Record:
    """Make the draft the live record, as one version; the pages showing either are retired."""
    record = draft.guide if isinstance(draft, GuideDraft) else draft.role
    before = record.page_tags()  # the pages of the published record (a role may change)
    with transaction.atomic(), reversion.create_revision():
        if user is not None and user.is_authenticated:
            reversion.set_user(user)
        reversion.set_comment(comment or "Published the draft.")
        saved = apply(draft)
        reversion.add_to_revision(saved)
        draft.delete()
        pages_changed(*before, *saved.page_tags())
    return saved


def publish_due_drafts(now: datetime) -> int:
    """Publish every draft whose time has come; the number published."""
    published = 0
    for model in (GuideDraft, RoleDraft):
        for draft in model.objects.filter(publish_at__lte=now).select_related(_owner(model)):
            publish_draft(draft, comment="Published the draft at its scheduled time.")
            published += 1
    return published
