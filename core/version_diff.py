"""What changed between two saved versions of a record, readably: field by field, words struck
out and inserted, unchanged stretches folded; records saved with it (a guide's sections and
tips) matched by id and shown as added, removed or changed."""

import difflib
import re
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from django.db import models
from django.utils import timezone
from django.utils.formats import date_format
from reversion.models import Version

# Unchanged lines kept around a change, for context.
CONTEXT_LINES = 1
_TOKENS = re.compile(r"\s+|[^\s]+")


@dataclass
class FieldChange:
    label: str
    # Each row: (kind, text) pieces, kind "same", "del" or "ins"; or [("skip", "…")].
    rows: list[list[tuple[str, str]]]


@dataclass
class RecordChange:
    label: str
    state: str  # "changed", "added" or "removed"
    fields: list[FieldChange] = field(default_factory=list)


def _compared_fields(model: type[models.Model], parent: type[models.Model] | None) -> list[Any]:
    """The fields an editor writes: not the id, the link to the parent, or derived columns."""
    return [
        f
        for f in [*model._meta.fields, *model._meta.many_to_many]
        if f.editable and not f.primary_key and not (parent and f.related_model is parent)
    ]


def _readable(f: Any, value: Any) -> str:
    if value is None or value == "":
        return ""
    if f.many_to_many:
        names = [str(o) for o in f.related_model._base_manager.filter(pk__in=value)]
        return ", ".join(sorted(names))
    if f.is_relation:
        related = f.related_model._base_manager.filter(pk=value).first()
        return str(related) if related else f"#{value} (deleted)"
    if f.choices:
        return str(dict(f.flatchoices).get(value, value))
    if isinstance(value, bool):
        return "Yes" if value else "No"
    if isinstance(value, datetime):
        return date_format(timezone.localtime(value), "DATETIME_FORMAT")
    return str(value)


def _word_rows(old: str, new: str) -> list[tuple[str, str]]:
    a, b = _TOKENS.findall(old), _TOKENS.findall(new)
    pieces: list[tuple[str, str]] = []
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if op == "equal":
            pieces.append(("same", "".join(a[i1:i2])))
            continue
        if i2 > i1:
            pieces.append(("del", "".join(a[i1:i2])))
        if j2 > j1:
            pieces.append(("ins", "".join(b[j1:j2])))
    return pieces


def text_changes(old: str, new: str) -> list[list[tuple[str, str]]]:
    """Rows of a readable diff: changed lines word by word, unchanged stretches folded."""
    a, b = old.splitlines(), new.splitlines()
    rows: list[list[tuple[str, str]]] = []
    opcodes = difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes()
    for n, (op, i1, i2, j1, j2) in enumerate(opcodes):
        if op == "equal":
            same = a[i1:i2]
            head = CONTEXT_LINES if n > 0 else 0
            tail = CONTEXT_LINES if n < len(opcodes) - 1 else 0
            if len(same) <= head + tail + 1:
                rows += [[("same", line)] for line in same]
                continue
            folded = len(same) - head - tail
            rows += [[("same", line)] for line in same[:head]]
            rows.append([("skip", f"… {folded} unchanged line{'s' * (folded != 1)} …")])
            rows += [[("same", line)] for line in same[len(same) - tail :]]
        elif op == "replace" and i2 - i1 == j2 - j1:
            rows += [_word_rows(x, y) for x, y in zip(a[i1:i2], b[j1:j2], strict=True)]
        else:
            if op == "replace":
                rows.append(_word_rows("\n".join(a[i1:i2]), "\n".join(b[j1:j2])))
                continue
            rows += [[("del", line)] for line in a[i1:i2]]
            rows += [[("ins", line)] for line in b[j1:j2]]
    return rows


def _field_changes(
    model: type[models.Model],
    parent: type[models.Model] | None,
    old: dict[str, Any],
    new: dict[str, Any],
) -> list[FieldChange]:
    changes = []
    for f in _compared_fields(model, parent):
        before, after = _readable(f, old.get(f.attname)), _readable(f, new.get(f.attname))
        if before != after:
            changes.append(
                FieldChange(str(f.verbose_name).capitalize(), text_changes(before, after))
            )
    return changes


def _label(version: Version) -> str:
    return f"{str(version._model._meta.verbose_name).capitalize()} “{version.object_repr}”"


def _position(version: Version) -> tuple:
    return (version.content_type_id, version.field_dict.get("position") or 0, version.object_id)


def compare(old: Version, new: Version) -> list[RecordChange]:
    """The changes from `old` to `new` (two versions of one record), the record first, then
    what was saved with it, in page order."""
    model = new._model
    changes = [RecordChange("This record", "changed")]
    changes[0].fields = _field_changes(model, None, old.field_dict, new.field_dict)
    following = {
        side: {
            (v.content_type_id, v.object_id): v
            for v in version.revision.version_set.exclude(pk=version.pk)
        }
        for side, version in (("old", old), ("new", new))
    }
    keys = sorted(
        following["old"].keys() | following["new"].keys(),
        key=lambda k: _position(following["new"].get(k) or following["old"][k]),
    )
    for key in keys:
        before, after = following["old"].get(key), following["new"].get(key)
        shown = after or before
        assert shown is not None
        empty: dict[str, Any] = {}
        fields = _field_changes(
            shown._model,
            model,
            before.field_dict if before else empty,
            after.field_dict if after else empty,
        )
        state = "changed" if before and after else ("added" if after else "removed")
        if fields or state != "changed":
            changes.append(RecordChange(_label(shown), state, fields))
    return [c for c in changes if c.fields or c.state != "changed"]
