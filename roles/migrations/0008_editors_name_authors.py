"""Editors set the names bylines print (author profiles). Versions, history and restore need no
permission of their own: they follow the change and view permissions editors already hold."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

GROUP = "Editors"
PERMISSIONS = [f"{action}_authorprofile" for action in ("add", "change", "delete", "view")]


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
    dependencies = [("roles", "0007_author_display_names")]

    operations = [migrations.RunPython(grant, revoke)]
