"""What a database holds of the models the apps split moved, as JSON, read through the models of
whichever code runs it: the tree of before the split or the current one.

Run as `manage.py shell -c "$(cat report.py)"` in either tree. It reads UPGRADE_STATE (written by
before_split_data.py) and writes its findings to UPGRADE_REPORT. With UPGRADE_USE=1 it then runs
the system checks, makes sure no migration is left to apply, adds a row to every moved table
(named with the word in UPGRADE_TAG) and tries the admin, a salary page and the API, so the
report also says whether the code can write and serve, not only read; `after_use` holds the
rows and counts after that.
"""

import json
import os

from django.apps import apps
from django.contrib.admin.models import LogEntry
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType
from django.core.management import call_command
from django.core.serializers.json import DjangoJSONEncoder
from django.db import connection
from django.db.models import Max
from django.test import Client
from django.urls import reverse

MOVED = ["salarytitle", "titlealias", "salaryrecord", "salarystat", "unmatchedtitle"]
MOVED += ["employer", "apitoken"]
KEPT = ["auth.user", "auth.group", "jobs.company", "jobs.job", "roles.role"]

User = get_user_model()
with open(os.environ["UPGRADE_STATE"]) as state_file:
    state = json.load(state_file)
models = {m._meta.model_name: m for m in apps.get_models() if m._meta.model_name in MOVED}
assert sorted(models) == sorted(MOVED), f"models found: {sorted(models)}"


def permission(p):
    return [p.pk, p.content_type.app_label, p.content_type.model, p.codename]


def schema(model):
    """The table's columns and constraints as the database has them, and what the model declares
    that the database lacks."""
    with connection.cursor() as cursor:
        table = model._meta.db_table
        columns = connection.introspection.get_table_description(cursor, table)
        constraints = connection.introspection.get_constraints(cursor, table)
    keys = ["columns", "primary_key", "unique", "index", "check", "foreign_key"]
    declared = [index.name for index in model._meta.indexes]
    declared += [constraint.name for constraint in model._meta.constraints]
    return {
        "columns": sorted(column.name for column in columns),
        "model_columns": sorted(field.column for field in model._meta.local_concrete_fields),
        "constraints": {name: {key: c[key] for key in keys} for name, c in constraints.items()},
        "declared_but_missing": sorted(set(declared) - set(constraints)),
    }


report = {
    "vendor": connection.vendor,
    "labels": {name: model._meta.label_lower for name, model in models.items()},
    "tables": {name: model._meta.db_table for name, model in models.items()},
    "all_tables": sorted(connection.introspection.table_names()),
    "schema": {name: schema(model) for name, model in models.items()},
    "rows": {name: list(model.objects.order_by("pk").values()) for name, model in models.items()},
    "kept_counts": {label: apps.get_model(label).objects.count() for label in KEPT},
    "content_types": {
        name: ContentType.objects.get_for_model(model, for_concrete_model=False).pk
        for name, model in models.items()
    },
    # Content types of these models under any other app, and the permissions still on them.
    "other_content_types": sorted(
        [ct.app_label, ct.model, ct.permission_set.count()]
        for ct in ContentType.objects.filter(model__in=MOVED)
        if ct.app_label != models[ct.model]._meta.app_label
    ),
    "permissions_of_moved_models": sorted(
        permission(p)
        for p in Permission.objects.filter(content_type__model__in=MOVED).select_related(
            "content_type"
        )
    ),
    "groups": {
        group.name: sorted(permission(p) for p in group.permissions.select_related("content_type"))
        for group in Group.objects.all()
    },
    "user_permissions": {
        user.username: sorted(
            permission(p) for p in user.user_permissions.select_related("content_type")
        )
        for user in User.objects.filter(user_permissions__isnull=False).distinct()
    },
    "log_entries": [
        [entry.pk, entry.content_type.app_label, entry.content_type.model, entry.object_id]
        + [entry.get_edited_object().pk if entry.content_type.model_class() else None]
        for entry in LogEntry.objects.order_by("pk").select_related("content_type")
    ],
}
token = models["apitoken"].find(state["token_key"])
report["token_found"] = [token.pk, token.user.username] if token else None
codes = {f"{action}_{name}" for action in ("add", "change", "delete", "view") for name in MOVED}
report["staff_may"] = {
    username: sorted(
        p
        for p in User.objects.get(username=username).get_all_permissions()
        if p.split(".")[1] in codes
    )
    for username in ["editor", "moderator", "auditor"]
}
if connection.vendor == "postgresql":
    with connection.cursor() as cursor:
        report["sequences"] = {}
        for name, model in models.items():
            cursor.execute("SELECT pg_get_serial_sequence(%s, 'id')", [model._meta.db_table])
            report["sequences"][name] = cursor.fetchone()[0]

if os.environ.get("UPGRADE_USE") == "1":
    call_command("check", databases=["default"])
    call_command("migrate", check_unapplied=True, verbosity=0)  # exits 1 if any is left
    before = {name: model.objects.aggregate(top=Max("pk"))["top"] for name, model in models.items()}
    tag = os.environ["UPGRADE_TAG"]  # a word of its own for each report that adds rows
    title = models["salarytitle"].objects.create(name=f"Prompt Engineer {tag}")
    new = {
        "salarytitle": title,
        "titlealias": models["titlealias"].objects.create(
            alias=f"Prompt Designer {tag}", title=title
        ),
        "salaryrecord": models["salaryrecord"].objects.create(
            source="survey",
            dataset="after-split",
            raw_title=title.name,
            title_key=title.key,
            title=title,
            level="mid",
            employment_type="full_time",
            year=2026,
            country="US",
            amount_usd=123_456,
        ),
        "salarystat": models["salarystat"].objects.create(
            title=title, count=5, postings=0, surveys=5, p10=1, p25=2, p50=3, p75=4, p90=5
        ),
        "unmatchedtitle": models["unmatchedtitle"].objects.create(
            key=f"vibe coder {tag}", example=f"Vibe Coder {tag}", records=1
        ),
        "employer": models["employer"].objects.create(
            user=User.objects.create_user(username=f"{tag}@tessellate.example"),
            company=models["employer"].objects.get(user__username="new@tessellate.example").company,
        ),
        "apitoken": models["apitoken"].issue(
            user=User.objects.get(username="hiring@tessellate.example"), name=f"Sync {tag}"
        )[0],
    }
    report["inserted"] = {name: [before[name], obj.pk] for name, obj in new.items()}

    client = Client()
    client.force_login(User.objects.get(username=state["superuser"]))
    pages = {}
    for model in models.values():
        info = model._meta.app_label, model._meta.model_name
        try:
            changelist = reverse("admin:{}_{}_changelist".format(*info))
        except Exception:
            continue  # not in the admin
        pages[changelist] = client.get(changelist).status_code
        first = model.objects.order_by("pk").first()
        change = reverse("admin:{}_{}_change".format(*info), args=[first.pk])
        pages[change] = client.get(change).status_code
    pages["/admin/"] = client.get("/admin/").status_code
    salary_page = models["salarytitle"].objects.get(slug=state["title_slug"]).get_absolute_url()
    pages[salary_page] = Client().get(salary_page).status_code
    report["pages"] = pages
    api = Client().get("/api/v1/employer/jobs/", HTTP_AUTHORIZATION=f"Bearer {state['token_key']}")
    report["api_with_token"] = [api.status_code, api.json().get("count")]
    report["after_use"] = {
        "rows": {name: list(m.objects.order_by("pk").values()) for name, m in models.items()},
        "kept_counts": {label: apps.get_model(label).objects.count() for label in KEPT},
    }

with open(os.environ["UPGRADE_REPORT"], "w") as out:
    json.dump(report, out, cls=DjangoJSONEncoder, indent=1, sort_keys=True)
