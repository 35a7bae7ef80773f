"""Editors upload and manage the image library (guide images, pictures in articles);
moderators, who edit companies and their logos, may look images up."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

GRANTS = {
    "Editors": [f"{action}_image" for action in ("add", "change", "delete", "view")],
    "Moderators": ["view_image"],
}


def grant(apps, schema_editor):
    config = apps.get_app_config("images")
    config.models_module = True
    create_permissions(config, apps=apps, verbosity=0)
    config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for name, codenames in GRANTS.items():
        group, _ = Group.objects.get_or_create(name=name)
        group.permissions.add(
            *Permission.objects.filter(content_type__app_label="images", codename__in=codenames)
        )


def revoke(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for name, codenames in GRANTS.items():
        group = Group.objects.filter(name=name).first()
        if group:
            group.permissions.remove(
                *Permission.objects.filter(content_type__app_label="images", codename__in=codenames)
            )


class Migration(migrations.Migration):
    dependencies = [
        ("images", "0001_image_library"),
        ("roles", "0002_editors_group"),
        ("jobs", "0002_moderators_group"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
