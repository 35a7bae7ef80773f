"""Moderators read each posting's status history and the employer accounts of companies."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

GROUP = "Moderators"
CODENAMES = [
    "view_statuschange",
    "view_employer",
    "change_employer",
    "view_jobforreview",
    "change_jobforreview",
]


def grant(apps, schema_editor):
    jobs_config = apps.get_app_config("jobs")
    jobs_config.models_module = True
    create_permissions(jobs_config, apps=apps, verbosity=0)
    jobs_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group, _ = Group.objects.get_or_create(name=GROUP)
    group.permissions.add(
        *Permission.objects.filter(content_type__app_label="jobs", codename__in=CODENAMES)
    )


def revoke(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for group in Group.objects.filter(name=GROUP):
        group.permissions.remove(
            *Permission.objects.filter(content_type__app_label="jobs", codename__in=CODENAMES)
        )


class Migration(migrations.Migration):
    dependencies = [("jobs", "0003_employers_and_review")]

    operations = [migrations.RunPython(grant, revoke)]
