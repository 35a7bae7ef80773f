"""Editors keep the salary titles and their aliases, and see the records and unmatched titles."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

GROUP = "Editors"
PERMISSIONS = [
    *(
        f"{action}_{model}"
        for model in ("salarytitle", "titlealias")
        for action in ("add", "change", "delete", "view")
    ),
    "view_salaryrecord",
    "view_unmatchedtitle",
]


def grant(apps, schema_editor):
    roles_config = apps.get_app_config("roles")
    roles_config.models_module = True
    create_permissions(roles_config, apps=apps, verbosity=0)
    roles_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group, _ = Group.objects.get_or_create(name=GROUP)
    group.permissions.add(
        *Permission.objects.filter(content_type__app_label="roles", codename__in=PERMISSIONS)
    )


def revoke(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group = Group.objects.filter(name=GROUP).first()
    if group:
        group.permissions.remove(
            *Permission.objects.filter(content_type__app_label="roles", codename__in=PERMISSIONS)
        )


class Migration(migrations.Migration):
    dependencies = [("roles", "0003_salary_insights")]

    operations = [migrations.RunPython(grant, revoke)]
