"""Editors keep the authors (names, profiles, links) and credit them on guides."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

GROUP = "Editors"
ACTIONS = ("add", "change", "delete", "view")
# (app, model): the authors themselves, and a guide's credits (the guide admin's inline).
MODELS = [("authors", "author"), ("roles", "guideauthor")]


def permissions(apps):
    Permission = apps.get_model("auth", "Permission")
    found = Permission.objects.none()
    for app, model in MODELS:
        found |= Permission.objects.filter(
            content_type__app_label=app,
            codename__in=[f"{action}_{model}" for action in ACTIONS],
        )
    return found


def grant(apps, schema_editor):
    # Permissions are normally created after all migrations; make sure these exist now.
    for app in ("authors", "roles"):
        config = apps.get_app_config(app)
        config.models_module = True
        create_permissions(config, apps=apps, verbosity=0)
        config.models_module = None
    Group = apps.get_model("auth", "Group")
    group, _ = Group.objects.get_or_create(name=GROUP)
    group.permissions.add(*permissions(apps))


def revoke(apps, schema_editor):
    group = apps.get_model("auth", "Group").objects.filter(name=GROUP).first()
    if group:
        group.permissions.remove(*permissions(apps))


class Migration(migrations.Migration):
    dependencies = [
        ("roles", "0013_bylines_only_from_authors"),
        ("authors", "0001_initial"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
