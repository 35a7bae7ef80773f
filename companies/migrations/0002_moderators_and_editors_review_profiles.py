"""Moderators and editors review employers' company profile changes (view and decide), and
editors keep company profiles in the admin as moderators already do."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

GROUPS = ["Moderators", "Editors"]
PERMISSIONS = ["view_companyprofilechange", "change_companyprofilechange"]
EDITORS_COMPANY_PERMISSIONS = ["view_company", "change_company"]


def grant(apps, schema_editor):
    config = apps.get_app_config("companies")
    config.models_module = True
    create_permissions(config, apps=apps, verbosity=0)
    config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    permissions = Permission.objects.filter(
        content_type__app_label="companies", codename__in=PERMISSIONS
    )
    for name in GROUPS:
        group, _ = Group.objects.get_or_create(name=name)
        group.permissions.add(*permissions)
    editors = Group.objects.get(name="Editors")
    editors.permissions.add(
        *Permission.objects.filter(
            content_type__app_label="jobs", codename__in=EDITORS_COMPANY_PERMISSIONS
        )
    )


def revoke(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    permissions = Permission.objects.filter(
        content_type__app_label="companies", codename__in=PERMISSIONS
    )
    for group in Group.objects.filter(name__in=GROUPS):
        group.permissions.remove(*permissions)
    for group in Group.objects.filter(name="Editors"):
        group.permissions.remove(
            *Permission.objects.filter(
                content_type__app_label="jobs", codename__in=EDITORS_COMPANY_PERMISSIONS
            )
        )


class Migration(migrations.Migration):
    dependencies = [
        ("companies", "0001_profile_changes"),
        ("jobs", "0004_moderators_see_history"),
        ("roles", "0002_editors_group"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
